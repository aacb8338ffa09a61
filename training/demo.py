"""The demo training content for local development (`make run`). Never loaded in
production.

Loads the demo modules (training/demo_content*.py), fills the toolkits of the demo working
groups (training/demo_toolkits.py) and gives the demo practitioner a little progress.
Idempotent: modules are keyed by slug and an existing one is left alone, whatever staff
have done to it; a toolkit that already has sections is left alone; the demo progress is
only made when the demo practitioner has no enrolment in the module yet.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from cityprofiles.models import Initiative
from library.models import Document
from membership.access import has_member_access
from membership.models import Theme, User, WorkingGroup
from training import services
from training.choices import ItemKind, ModuleStatus, QuestionKind
from training.demo_content import COUNTER_NARRATIVES_EN, INTERVENTIONS_EN, DemoModule
from training.demo_content_ar import COUNTER_NARRATIVES_AR
from training.demo_content_fr import COUNTER_NARRATIVES_FR, INTERVENTIONS_FR
from training.demo_toolkits import DEMO_TOOLKITS, DemoSection, DemoToolkit
from training.models import (
    Choice,
    Enrolment,
    Lesson,
    LessonLink,
    Module,
    Question,
    Toolkit,
    ToolkitItem,
    ToolkitSection,
)

# Originals first: a translation needs its original in the database.
DEMO_MODULES = (
    COUNTER_NARRATIVES_EN,
    INTERVENTIONS_EN,
    COUNTER_NARRATIVES_FR,
    COUNTER_NARRATIVES_AR,
    INTERVENTIONS_FR,
)
DEMO_PRACTITIONER = "member@demo.scn.example"
PASS_MARK = 70
INITIATIVES_PER_TOOLKIT = 3


@dataclass(frozen=True)
class DemoTrainingReport:
    modules: int
    modules_created: int
    toolkits_filled: int
    progress_created: bool

    def summary(self) -> str:
        progress = "created" if self.progress_created else "exists or skipped"
        return (
            f"training: {self.modules} modules ({self.modules_created} created), "
            f"{self.toolkits_filled} toolkits filled, demo progress {progress}"
        )


def _documents_by_title(titles) -> dict[str, Document]:
    """Published demo library documents by title; titles not in the library are left out."""
    return {
        document.title: document
        for document in Document.objects.published().filter(title__in=set(titles))
    }


def _create_module(spec: DemoModule, original: Module | None) -> Module:
    titles = [title for lesson in spec.lessons for title in lesson.documents]
    documents = _documents_by_title(titles)
    module = Module.objects.create(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        language=spec.language,
        level=spec.level,
        estimated_minutes=spec.estimated_minutes,
        pass_mark=PASS_MARK,
        working_group=WorkingGroup.objects.filter(slug=spec.working_group).first(),
        translation_of=original,
        status=ModuleStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    module.themes.add(*Theme.objects.filter(name__in=spec.themes))
    for position, lesson_spec in enumerate(spec.lessons, start=1):
        lesson = Lesson.objects.create(
            module=module, title=lesson_spec.title, body=lesson_spec.body, position=position
        )
        lesson.documents.add(
            *(documents[title] for title in lesson_spec.documents if title in documents)
        )
        LessonLink.objects.bulk_create(
            LessonLink(lesson=lesson, title=title, url=url, position=number)
            for number, (title, url) in enumerate(lesson_spec.links, start=1)
        )
        for number, question_spec in enumerate(lesson_spec.questions, start=1):
            question = Question.objects.create(
                lesson=lesson,
                text=question_spec.text,
                kind=QuestionKind.MULTIPLE if question_spec.multiple else QuestionKind.SINGLE,
                explanation=question_spec.explanation,
                position=number,
            )
            Choice.objects.bulk_create(
                Choice(question=question, text=text, is_correct=correct, position=index)
                for index, (text, correct) in enumerate(question_spec.choices, start=1)
            )
    return module


def ensure_demo_module(spec: DemoModule) -> bool:
    """Create the module when no module has its slug; returns whether it was created. A
    translation is only created when its original exists and has no module in that
    language yet (staff may have made one under another slug)."""
    if Module.objects.filter(slug=spec.slug).exists():
        return False
    original = None
    if spec.translation_of:
        original = Module.objects.filter(
            slug=spec.translation_of, translation_of__isnull=True
        ).first()
        if original is None or original.language == spec.language:
            return False
        if original.translations.filter(language=spec.language).exists():
            return False
    with transaction.atomic():
        _create_module(spec, original)
    return True


def _section_items(spec: DemoSection, section: ToolkitSection, group: WorkingGroup):
    """The section's items, unsaved and numbered: its documents that are in the library,
    its links and texts, then (for member cities) initiatives on the group's themes."""
    documents = _documents_by_title(
        item.value for item in spec.items if item.kind == ItemKind.DOCUMENT
    )
    items = []
    for item in spec.items:
        if item.kind == ItemKind.DOCUMENT:
            if item.value in documents:
                items.append(
                    ToolkitItem(kind=item.kind, document=documents[item.value], text=item.note)
                )
        elif item.kind == ItemKind.LINK:
            items.append(ToolkitItem(kind=item.kind, title=item.title, url=item.value,
                                     text=item.note))  # fmt: skip
        else:
            items.append(ToolkitItem(kind=item.kind, title=item.title, text=item.value))
    if spec.initiatives:
        initiatives = (
            Initiative.objects.filter(profile__published=True, themes__in=group.themes.all())
            .distinct()
            .order_by("profile__city__name", "position", "pk")[:INITIATIVES_PER_TOOLKIT]
        )
        items += [ToolkitItem(kind=ItemKind.INITIATIVE, initiative=i) for i in initiatives]
    for position, item in enumerate(items, start=1):
        item.section = section
        item.position = position
    return items


def ensure_demo_toolkit(spec: DemoToolkit) -> bool:
    """Fill the group's toolkit when it has no sections yet; returns whether it did."""
    toolkit = Toolkit.objects.filter(working_group__slug=spec.working_group).first()
    if toolkit is None or toolkit.sections.exists():
        return False
    with transaction.atomic():
        if not toolkit.introduction.strip():
            toolkit.introduction = spec.introduction
            toolkit.save(update_fields=["introduction", "updated"])
        position = 0
        for section_spec in spec.sections:
            section = ToolkitSection(
                toolkit=toolkit, kind=section_spec.kind, introduction=section_spec.introduction
            )
            items = _section_items(section_spec, section, toolkit.working_group)
            if not items:
                continue  # no empty headings when the library is not loaded
            position += 1
            section.position = position
            section.save()
            ToolkitItem.objects.bulk_create(items)
    return True


def ensure_demo_progress() -> bool:
    """Enrol the demo practitioner in "Counter-narrative campaigns" with the first lesson
    done (its quiz answered right), unless they are enrolled already."""
    user = User.objects.filter(email=DEMO_PRACTITIONER).first()
    module = Module.objects.filter(slug=COUNTER_NARRATIVES_EN.slug).first()
    if user is None or module is None or not has_member_access(user):
        return False
    if Enrolment.objects.filter(user=user, module=module).exists():
        return False
    lesson = module.lessons.order_by("position", "pk").first()
    with transaction.atomic():
        enrolment = services.enrol(user, module)
        if lesson is not None:
            services.note_lesson_opened(enrolment, lesson)
            if lesson.questions.exists():
                services.submit_quiz(enrolment, lesson, right_answers(lesson))
            else:
                services.mark_lesson_done(enrolment, lesson)
    return True


def right_answers(lesson: Lesson) -> dict[int, set[int]]:
    """The ticks that answer each question of the lesson right."""
    return {
        question.pk: {choice.pk for choice in question.choices.all() if choice.is_correct}
        for question in lesson.questions.prefetch_related("choices")
    }


def load_demo_training() -> DemoTrainingReport:
    """Create the demo training content that is missing. Needs DEBUG; uses the demo
    accounts, working groups and library when they are there (load them first)."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("The demo training content is only loaded with DEBUG on.")
    created = sum(ensure_demo_module(spec) for spec in DEMO_MODULES)
    filled = sum(ensure_demo_toolkit(spec) for spec in DEMO_TOOLKITS)
    progress = ensure_demo_progress()
    return DemoTrainingReport(
        modules=len(DEMO_MODULES),
        modules_created=created,
        toolkits_filled=filled,
        progress_created=progress,
    )
