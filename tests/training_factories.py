"""factory-boy factories for the training app: modules with lessons and quiz questions,
enrolments, and working groups with their toolkits."""

import factory
from django.utils import timezone
from django.utils.text import slugify

from membership.models import WorkingGroup
from training.choices import ModuleStatus, QuestionKind
from training.models import Choice, Enrolment, Lesson, Module, Question


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    """A working group; its toolkit is created with it (training.signals)."""

    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Working group {n}")
    slug = factory.LazyAttribute(lambda group: slugify(group.name))


class ModuleFactory(factory.django.DjangoModelFactory):
    """A published module (pass `status=ModuleStatus.DRAFT` for a draft)."""

    class Meta:
        model = Module

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.LazyAttribute(lambda module: slugify(module.title))
    summary = "What practitioners learn in this module."
    estimated_minutes = 30
    pass_mark = 70
    status = ModuleStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Some **Markdown** text."
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question with choices: `right` and `wrong` give the number of each (a
    multiple-choice question usually has several right ones)."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    lesson = factory.SubFactory(LessonFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    kind = QuestionKind.SINGLE
    explanation = "Because that is how it works."
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def choices(question, create, extracted, right=1, wrong=2, **kwargs):
        if not create:
            return
        Choice.objects.bulk_create(
            [Choice(question=question, text=f"Right {i}", is_correct=True, position=i)
             for i in range(right)]
            + [Choice(question=question, text=f"Wrong {i}", is_correct=False,
                      position=right + i) for i in range(wrong)]
        )  # fmt: skip


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    module = factory.SubFactory(ModuleFactory)


def right_answers(lesson) -> dict[int, set[int]]:
    """The ticks that answer every question of a lesson correctly."""
    return {
        question.pk: {choice.pk for choice in question.choices.all() if choice.is_correct}
        for question in lesson.questions.prefetch_related("choices")
    }


def wrong_answers(lesson) -> dict[int, set[int]]:
    """Ticks that answer every question of a lesson wrongly (the first wrong choice)."""
    return {
        question.pk: {next(c.pk for c in question.choices.all() if not c.is_correct)}
        for question in lesson.questions.prefetch_related("choices")
    }


class ToolkitSectionFactory(factory.django.DjangoModelFactory):
    """A section of a working group's toolkit (pass `toolkit=group.toolkit`)."""

    class Meta:
        model = "training.ToolkitSection"

    kind = "background"
    title = factory.Sequence(lambda n: f"Section {n}")
    position = factory.Sequence(lambda n: n)


class ToolkitItemFactory(factory.django.DjangoModelFactory):
    """A toolkit item; a short text unless told otherwise (`kind=...` with its target)."""

    class Meta:
        model = "training.ToolkitItem"

    section = factory.SubFactory(ToolkitSectionFactory)
    kind = "text"
    text = "A short text."
    position = factory.Sequence(lambda n: n)
