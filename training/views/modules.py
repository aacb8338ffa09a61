"""Training modules for members: the training home (one module per family of translations,
in the viewer's language when there is one), a module's page, one-click enrolment, and the
lesson pages with their quizzes.

Modules are scoped with Module.objects.visible_to (members: published ones; staff: drafts
too, to preview them). Anything outside a user's scope is a 404. Staff who are not enrolled
may read a module's lessons and try its quizzes as a preview: nothing is recorded.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from library.models import Document
from training import services
from training.filtersets import ModuleFilterSet
from training.forms import AttemptForm, QuizForm
from training.models import Enrolment, Lesson, Module, Question, QuizAttempt
from training.progress import (
    Progress,
    continue_where_left_off,
    describe_cards,
    families_query,
    in_language_order,
    lesson_steps,
    lesson_url,
    next_step,
    one_per_family,
)

# What a lesson page shows of a library document: never its text or search index.
DOCUMENT_FIELDS = ("pk", "title", "language", "document_type", "file_kind", "status")


def visible_modules(user):
    return Module.objects.visible_to(user)


def enrolment_of(user, module: Module) -> Enrolment | None:
    return Enrolment.objects.filter(user=user, module=module).first()


class TrainingHomeView(ListView):
    """The training home: "continue where you left off", then the modules, one per family
    of translations, searchable by text, theme, level and language.

    Its queries do not depend on the number of modules: the page's modules (with their
    lesson counts), their themes, their other languages, the viewer's enrolments in them,
    the modules in progress and their lessons, and the filter form's choices."""

    template_name = "training/home.html"
    context_object_name = "modules"
    paginate_by = 20

    def get_queryset(self):
        self.visible = visible_modules(self.request.user)
        self.filterset = ModuleFilterSet(self.request.GET, queryset=self.visible)
        return (
            one_per_family(self.filterset.qs, get_language())
            .annotate(lesson_count=Count("lessons"))
            .prefetch_related("themes")
            .order_by("title", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        describe_cards(self.request.user, context["modules"], self.visible)
        context["in_progress"] = continue_where_left_off(self.request.user, limit=None)
        context["selected_themes"] = (
            self.filterset.form.cleaned_data.get("theme", [])
            if self.filterset.form.is_valid()
            else []
        )
        return context


class ModuleDetailView(TemplateView):
    """A module's page: what it teaches, its lessons with the member's ticks, progress and
    score against the pass mark, and the way in (enrol, start, continue) or the
    certificate once completed."""

    template_name = "training/module_detail.html"

    def get(self, request, *args, slug, **kwargs):
        self.module = get_object_or_404(
            visible_modules(request.user).prefetch_related("themes"), slug=slug
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        module = self.module
        enrolment = enrolment_of(user, module)
        steps = lesson_steps(module, enrolment)
        progress = Progress(sum(step.done for step in steps), len(steps))
        score = services.module_score(enrolment) if enrolment else None
        all_done = bool(steps) and progress.done == progress.total
        translations = in_language_order(
            families_query(module, visible_modules(user)).only(
                "pk", "slug", "title", "language", "translation_of_id", "status"
            )
        )
        language = get_language()
        return super().get_context_data(
            module=module,
            themes=module.themes.all(),
            enrolment=enrolment,
            steps=steps,
            progress=progress,
            score=score,
            next_step=next_step(steps, enrolment.last_lesson_id) if enrolment else None,
            below_pass_mark=bool(
                enrolment
                and not enrolment.is_completed
                and all_done
                and not score.reaches(module.pass_mark)
            ),
            retry_steps=[step for step in steps if step.needs_retry],
            translations=translations,
            in_your_language=(
                None
                if module.language == language
                else next((other for other in translations if other.language == language), None)
            ),
            **kwargs,
        )


class EnrolView(View):
    """One click: enrol in a published module (again: nothing changes) and go to the
    lesson to do next. Drafts cannot be enrolled in, by anyone."""

    http_method_names = ["post"]

    def post(self, request, slug):
        module = get_object_or_404(visible_modules(request.user).published(), slug=slug)
        enrolment = services.enrol(request.user, module)
        messages.success(
            request,
            _("You are enrolled in “%(title)s”. Take the lessons at your own pace.")
            % {"title": module.title},
        )
        step = next_step(lesson_steps(module, enrolment), enrolment.last_lesson_id)
        if step is None:
            return redirect(module)
        return redirect(lesson_url(module, step.position))


@dataclass
class QuestionOutcome:
    """A question of a submitted quiz: what was ticked, what was right, and why."""

    question: Question
    chosen: frozenset
    right: frozenset

    @property
    def is_correct(self) -> bool:
        return self.chosen == self.right

    def choices(self):
        """(choice, ticked, right) for each choice of the question."""
        return [
            (choice, choice.pk in self.chosen, choice.pk in self.right)
            for choice in self.question.choices.all()
        ]


def right_choices(question: Question) -> frozenset:
    return frozenset(choice.pk for choice in question.choices.all() if choice.is_correct)


def outcomes_of_results(questions, results) -> list[QuestionOutcome]:
    """The questions with services.grade's results."""
    by_question = {result.question_id: result for result in results}
    return [
        QuestionOutcome(
            question,
            by_question[question.pk].chosen if question.pk in by_question else frozenset(),
            right_choices(question),
        )
        for question in questions
    ]


def outcomes_of_attempt(questions, attempt: QuizAttempt) -> list[QuestionOutcome]:
    """The questions with what a recorded attempt ticked (a question added since the
    attempt shows as unanswered)."""
    ticked = {
        answer.question_id: frozenset(choice.pk for choice in answer.choices.all())
        for answer in attempt.answers.all()
    }
    return [
        QuestionOutcome(question, ticked.get(question.pk, frozenset()), right_choices(question))
        for question in questions
    ]


class LessonView(TemplateView):
    """A lesson of a module (its 1-based place in the module's order): the text, its
    documents and media links, then its quiz or a "mark as done" button.

    Members must be enrolled (otherwise they are sent to the module's page to enrol).
    A quiz is submitted by POST and recorded with services.submit_quiz; the page then
    shows that attempt's results (?attempt=<id>, the member's own attempts only), so that
    reloading it never submits again. Every question must be answered; anything else than
    the question's own choices is refused and nothing is recorded."""

    template_name = "training/lesson.html"

    def dispatch(self, request, *args, slug, position, **kwargs):
        user = request.user
        self.module = get_object_or_404(visible_modules(user), slug=slug)
        self.enrolment = enrolment_of(user, self.module)
        self.preview = self.enrolment is None and user.is_staff
        if self.enrolment is None and not self.preview:
            if not 1 <= position <= self.module.lessons.count():
                raise Http404("no such lesson")
            messages.info(request, _("Enrol in the module to take its lessons."))
            return redirect(self.module)
        self.steps = lesson_steps(self.module, self.enrolment)
        if not 1 <= position <= len(self.steps):
            raise Http404("no such lesson")
        self.step = self.steps[position - 1]
        self.lesson = self.lesson_with_content(self.step.lesson.pk)
        self.questions = list(self.lesson.questions.all())
        return super().dispatch(request, *args, **kwargs)

    def lesson_with_content(self, pk: int) -> Lesson:
        documents = Document.objects.visible_to(self.request.user).only(*DOCUMENT_FIELDS)
        return (
            Lesson.objects.filter(pk=pk)
            .prefetch_related(
                Prefetch("documents", queryset=documents),
                "links",
                Prefetch("questions", queryset=Question.objects.prefetch_related("choices")),
            )
            .get()
        )

    def get(self, request, *args, **kwargs):
        outcomes = None
        if self.enrolment is not None:
            services.note_lesson_opened(self.enrolment, self.lesson)
            attempt = self.requested_attempt()
            if attempt is not None:
                outcomes = outcomes_of_attempt(self.questions, attempt)
        return self.render_to_response(self.get_context_data(outcomes=outcomes))

    def requested_attempt(self) -> QuizAttempt | None:
        form = AttemptForm(self.request.GET)
        if not form.is_valid() or not form.cleaned_data["attempt"]:
            return None
        return (
            QuizAttempt.objects.filter(
                pk=form.cleaned_data["attempt"], enrolment=self.enrolment, lesson=self.lesson
            )
            .prefetch_related("answers__choices")
            .first()
        )

    def post(self, request, *args, **kwargs):
        if self.questions:
            return self.submit_quiz()
        return self.mark_done()

    def submit_quiz(self):
        form = QuizForm(self.request.POST, questions=self.questions)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if self.preview:
            results = services.grade(self.lesson, form.chosen())
            outcomes = outcomes_of_results(self.questions, results)
            return self.render_to_response(self.get_context_data(outcomes=outcomes))
        was_completed = self.enrolment.is_completed
        attempt, _results, completed = services.submit_quiz(
            self.enrolment, self.lesson, form.chosen()
        )
        messages.success(self.request, _("Your answers are saved."))
        self.tell_completion(was_completed, completed)
        url = lesson_url(self.module, self.step.position)
        return redirect(f"{url}?attempt={attempt.pk}#quiz-results")

    def mark_done(self):
        if not self.preview:
            was_completed = self.enrolment.is_completed
            completed = services.mark_lesson_done(self.enrolment, self.lesson)
            self.tell_completion(was_completed, completed)
        if self.step.position < len(self.steps):
            return redirect(lesson_url(self.module, self.step.position + 1))
        return redirect(self.module)

    def tell_completion(self, was_completed: bool, completed: bool) -> None:
        if completed and not was_completed:
            # format_html escapes the title; the message keeps its link through the
            # message storage (Django keeps a message's "safe" mark).
            messages.success(
                self.request,
                format_html(
                    '{} <a class="alert-link" href="{}">{}</a>',
                    _("Well done: you have completed “%(title)s”.") % {"title": self.module.title},
                    reverse("training:certificate", args=[self.module.slug]),
                    _("Download your certificate"),
                ),
            )

    def get_context_data(self, *, outcomes=None, form=None, **kwargs):
        position = self.step.position
        return super().get_context_data(
            module=self.module,
            lesson=self.lesson,
            enrolment=self.enrolment,
            preview=self.preview,
            steps=self.steps,
            step=self.step,
            progress=Progress(sum(step.done for step in self.steps), len(self.steps)),
            previous_step=self.steps[position - 2] if position > 1 else None,
            following_step=self.steps[position] if position < len(self.steps) else None,
            links=self.lesson.links.all(),
            documents=self.lesson.documents.all(),
            questions=self.questions,
            form=form or (QuizForm(questions=self.questions) if self.questions else None),
            outcomes=outcomes,
            lesson_score=(
                sum(outcome.is_correct for outcome in outcomes) if outcomes is not None else None
            ),
            **kwargs,
        )
