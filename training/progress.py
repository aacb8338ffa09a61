"""What the training pages show of a member's way through modules (read-side only; the
writes are in training.services): progress per enrolment, "continue where you left off",
and the one module per family of translations that a list shows in the viewer's language.

Every function here runs a fixed number of queries, whatever the number of modules,
lessons or enrolments."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, JSONObject, RowNumber
from django.urls import reverse

from training.models import Enrolment, Lesson, LessonCompletion, Module, QuizAttempt

HOME_CONTINUE_LENGTH = 3
# Progress bars are drawn without style attributes (the coming Content-Security-Policy
# forbids them): their width is one of the classes progress-w-0 ... progress-w-100 of
# static/css/portal.css, in steps of this many percent.
PROGRESS_STEP = 5


@dataclass(frozen=True)
class Progress:
    """Lessons done out of a module's lessons."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        return 0 if self.total == 0 else min(100, self.done * 100 // self.total)

    @property
    def step(self) -> int:
        """The percentage rounded down to the bar's step (the width class)."""
        return self.percent - self.percent % PROGRESS_STEP


class ModuleState:
    """Where the viewer is with a module, as the cards and pages show it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


def family_expression():
    """The id shared by a module and its translations (Module.family_id, in SQL)."""
    return Coalesce("translation_of_id", "id")


def one_per_family(modules, language: str):
    """Of `modules` (already scoped and filtered), one module per family of translations:
    the one in `language` when there is one, else the original, else any (a translation
    whose original is not visible). Returned unordered, for the caller to order."""
    preference = Case(
        When(language=language, then=Value(0)),
        When(translation_of__isnull=True, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    picked = (
        modules.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[family_expression()],
                order_by=[preference.asc(), F("language").asc()],
            )
        )
        .filter(rank=1)
        .values("pk")
    )
    return Module.objects.filter(pk__in=picked)


def other_languages(modules, visible) -> dict[int, list[Module]]:
    """For each module of `modules` (by pk), the other modules of its family that are in
    `visible` (a scoped queryset), in the order of the hub's languages. One query."""
    families = {module.family_id for module in modules}
    if not families:
        return {}
    relatives = (
        visible.annotate(family=family_expression())
        .filter(family__in=families)
        .only("pk", "slug", "title", "language", "translation_of_id")
    )
    by_family: dict[int, list[Module]] = {}
    for relative in relatives:
        by_family.setdefault(relative.family_id, []).append(relative)
    return {
        module.pk: in_language_order(
            other for other in by_family.get(module.family_id, []) if other.pk != module.pk
        )
        for module in modules
    }


def in_language_order(modules) -> list[Module]:
    """Modules in the order of the hub's languages (English, French, Arabic)."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    return sorted(modules, key=lambda module: order.get(module.language, len(order)))


def enrolments_by_module(user, modules) -> dict[int, Enrolment]:
    """The viewer's enrolments in `modules`, each with `done` (lessons done). One query."""
    if not user.is_authenticated or not modules:
        return {}
    enrolments = Enrolment.objects.filter(
        user=user, module__in=[module.pk for module in modules]
    ).annotate(done=Count("lesson_completions"))
    return {enrolment.module_id: enrolment for enrolment in enrolments}


def state_of(enrolment: Enrolment | None) -> str:
    if enrolment is None:
        return ModuleState.NOT_STARTED
    if enrolment.is_completed:
        return ModuleState.COMPLETED
    return ModuleState.IN_PROGRESS


def describe_cards(user, modules, visible) -> None:
    """Give each module of a list what its card shows: `progress`, `state`,
    `enrolment` and `other_languages`. The modules need a `lesson_count` annotation."""
    enrolments = enrolments_by_module(user, modules)
    relatives = other_languages(modules, visible)
    for module in modules:
        enrolment = enrolments.get(module.pk)
        module.enrolment = enrolment
        module.state = state_of(enrolment)
        module.progress = Progress(getattr(enrolment, "done", 0), module.lesson_count)
        module.other_languages = relatives.get(module.pk, [])


@dataclass
class LessonStep:
    """A lesson in its module's order: its 1-based position (the URL's) and whether the
    member has done it."""

    lesson: Lesson
    position: int
    done: bool = False
    question_count: int = 0
    best: int | None = None

    @property
    def needs_retry(self) -> bool:
        """Its quiz has been answered, and not every question right in the best attempt."""
        return self.question_count > 0 and self.done and (self.best or 0) < self.question_count


def lesson_url(module: Module, position: int) -> str:
    return reverse("training:lesson", args=[module.slug, position])


def next_step(steps: list[LessonStep], last_lesson_id: int | None) -> LessonStep | None:
    """The lesson to do next: the last one opened while not done yet, else the first not
    done; None when every lesson is done."""
    for step in steps:
        if step.lesson.pk == last_lesson_id and not step.done:
            return step
    return next((step for step in steps if not step.done), None)


def lesson_steps(module: Module, enrolment: Enrolment | None) -> list[LessonStep]:
    """The module's lessons in order, with what the member did of each: done, and the
    best quiz attempt. One query."""
    lessons = Lesson.objects.filter(module=module).annotate(
        question_count=Count("questions", distinct=True)
    )
    if enrolment is not None:
        lessons = lessons.annotate(
            done=Exists(
                LessonCompletion.objects.filter(enrolment=enrolment, lesson=OuterRef("pk"))
            ),
            best=best_attempt(enrolment),
        )
    return [
        LessonStep(
            lesson=lesson,
            position=index,
            done=getattr(lesson, "done", False),
            question_count=lesson.question_count,
            best=getattr(lesson, "best", None),
        )
        for index, lesson in enumerate(lessons.defer("body"), start=1)
    ]


def best_attempt(enrolment):
    """The best number of right answers of the enrolment's attempts at the outer lesson."""
    best = (
        QuizAttempt.objects.filter(enrolment=enrolment, lesson=OuterRef("pk"))
        .order_by()
        .values("lesson")
        .annotate(best=Max("correct"))
        .values("best")
    )
    return Subquery(best)


@dataclass
class ContinueItem:
    """A module in progress: where the member is and the lesson to go to."""

    enrolment: Enrolment
    progress: Progress
    next_position: int | None = None
    next_title: str = ""
    started: bool = False

    @property
    def module(self) -> Module:
        return self.enrolment.module

    @property
    def url(self) -> str:
        if self.next_position is None:
            return self.module.get_absolute_url()
        return lesson_url(self.module, self.next_position)


def continue_where_left_off(user, limit: int | None = HOME_CONTINUE_LENGTH) -> list[ContinueItem]:
    """The member's modules in progress, most recent activity first (at most `limit`),
    each with its progress and the next lesson to do. One query: each enrolment comes
    with its module's lessons in order (a PostgreSQL array of JSON objects) and whether
    the member has done each."""
    if not user.is_authenticated:
        return []
    done = LessonCompletion.objects.filter(lesson=OuterRef("pk"), enrolment__user=user)
    lessons = (
        Lesson.objects.filter(module=OuterRef("module"))
        .order_by("position", "pk")
        .values(step=JSONObject(pk="pk", title="title", done=Exists(done)))
    )
    enrolments = (
        Enrolment.objects.in_progress()
        .filter(user=user, module__in=Module.objects.visible_to(user).published())
        .select_related("module")
        .only(
            "pk",
            "module_id",
            "last_lesson_id",
            "last_activity",
            "completed_at",
            "module__id",
            "module__slug",
            "module__title",
            "module__language",
        )
        .annotate(lesson_steps=ArraySubquery(lessons))
        .order_by("-last_activity", "-pk")
    )
    if limit is not None:
        enrolments = enrolments[:limit]
    items = []
    for enrolment in enrolments:
        steps = [
            LessonStep(
                lesson=Lesson(pk=row["pk"], module_id=enrolment.module_id, title=row["title"]),
                position=position,
                done=row["done"],
            )
            for position, row in enumerate(enrolment.lesson_steps, start=1)
        ]
        step = next_step(steps, enrolment.last_lesson_id)
        done_count = sum(step.done for step in steps)
        items.append(
            ContinueItem(
                enrolment=enrolment,
                progress=Progress(done_count, len(steps)),
                next_position=step.position if step else None,
                next_title=step.lesson.title if step else "",
                started=done_count > 0 or enrolment.last_lesson_id is not None,
            )
        )
    return items


def dashboard_training(user) -> dict:
    """The home page's training context: the modules in progress to continue."""
    return {"training_in_progress": continue_where_left_off(user, HOME_CONTINUE_LENGTH)}


def families_query(module: Module, visible):
    """The other modules of `module`'s family that `visible` holds."""
    family = module.family_id
    return visible.filter(Q(pk=family) | Q(translation_of_id=family)).exclude(pk=module.pk)
