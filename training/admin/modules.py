"""Admin for modules, lessons and quizzes, where the SCN team authors training, and a
read-only view of members' enrolments.

Authoring goes top-down: a module lists its lessons (title and order), each lesson has
its own page with media links and questions, each question its own page with choices.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from membership.history import record_in_history
from training.choices import ModuleStatus, QuestionKind
from training.models import (
    Choice,
    Enrolment,
    Lesson,
    LessonLink,
    Module,
    Question,
    QuizAttempt,
)
from training.services import normalise_certificate_code


def change_link(obj, label=None) -> str:
    """A link to the object's own admin page."""
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label or str(obj))


def count_per_module(model):
    """How many rows of `model` (with a `module` foreign key) each module has."""
    rows = (
        model.objects.filter(module=OuterRef("pk"))
        .order_by()
        .values("module")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


# --- Writes of the module actions ----------------------------------------------------------


def locked(modules):
    """The modules of a (possibly annotated) selection, locked until the transaction ends."""
    return Module.objects.filter(pk__in=modules.values("pk")).select_for_update()


def publish_modules(modules, actor) -> tuple[list[Module], list[Module]]:
    """Publish the modules that have at least one lesson (keeping the date of a first
    publication); returns (published, refused for having no lesson)."""
    published, refused = [], []
    with transaction.atomic():
        selection = list(locked(modules))
        with_lessons = set(
            Lesson.objects.filter(module__in=selection).values_list("module_id", flat=True)
        )
        for module in selection:
            if module.pk not in with_lessons:
                refused.append(module)
                continue
            if module.is_published:
                continue
            module.status = ModuleStatus.PUBLISHED
            module.published_at = module.published_at or timezone.now()
            module.save(update_fields=["status", "published_at", "updated"])
            record_in_history(actor, module, gettext("Published."))
            published.append(module)
    return published, refused


def unpublish_modules(modules, actor) -> list[Module]:
    """Back to draft: members no longer see the modules (their enrolments, progress and
    certificates stay)."""
    unpublished = []
    with transaction.atomic():
        for module in locked(modules).filter(status=ModuleStatus.PUBLISHED):
            module.status = ModuleStatus.DRAFT
            module.save(update_fields=["status", "updated"])
            record_in_history(actor, module, gettext("Unpublished (back to draft)."))
            unpublished.append(module)
    return unpublished


# --- Modules --------------------------------------------------------------------------------


class LessonInline(admin.TabularInline):
    model = Lesson
    fields = ["position", "title"]
    extra = 0
    show_change_link = True  # the lesson's own page: body, documents, links, questions
    verbose_name_plural = _("lessons (edit each lesson's text, links and quiz on its own page)")


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    """Training modules: their lessons in order, translations, and publication."""

    list_display = ["title", "language", "level", "status", "published_at", "lesson_count",
                    "enrolment_count"]  # fmt: skip
    list_filter = [
        "status",
        "language",
        "level",
        ("working_group", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["working_group", "translation_of"]
    readonly_fields = ["translations_list", "preview", "published_at", "created", "updated"]
    inlines = [LessonInline]
    actions = ["publish", "unpublish"]
    view_on_site = True  # get_absolute_url: staff see drafts, so this previews them too
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "themes", "language", "level",
                           "estimated_minutes", "pass_mark", "working_group")}),
        (_("Translations"), {"fields": ("translation_of", "translations_list")}),
        (_("Publication"), {
            "fields": ("status", "published_at", "preview"),
            "description": _("A module needs at least one lesson to be published. "
                             "Members see published modules only."),
        }),
        (_("Record"), {"fields": ("created", "updated")}),
    )  # fmt: skip

    def get_queryset(self, request):
        # Two subqueries rather than two joins: joining lessons and enrolments together
        # would count every lesson once per enrolment before DISTINCT.
        return (
            super()
            .get_queryset(request)
            .annotate(
                lesson_total=count_per_module(Lesson),
                enrolment_total=count_per_module(Enrolment),
            )
        )

    def save_model(self, request, obj, form, change):
        if obj.is_published and obj.published_at is None:
            obj.published_at = timezone.now()
            obj._first_publication = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Checked after the lesson inline is saved: lessons may be added in the same save.
        super().save_related(request, form, formsets, change)
        module = form.instance
        if module.is_published and not module.lessons.exists():
            module.status = ModuleStatus.DRAFT
            if getattr(module, "_first_publication", False):
                module.published_at = None  # it was never published after all
            Module.objects.filter(pk=module.pk).update(
                status=module.status, published_at=module.published_at
            )
            self.message_user(
                request,
                gettext("“%(module)s” stays a draft: add a lesson before publishing it.")
                % {"module": module},
                messages.WARNING,
            )

    @admin.display(description=_("lessons"), ordering="lesson_total")
    def lesson_count(self, module):
        return module.lesson_total

    @admin.display(description=_("enrolments"), ordering="enrolment_total")
    def enrolment_count(self, module):
        return module.enrolment_total

    @admin.display(description=_("translations"))
    def translations_list(self, module):
        if module.pk is None:
            return "—"
        original_id = module.translation_of_id or module.pk
        relatives = (
            Module.objects.filter(translation_of_id=original_id)
            .exclude(pk=module.pk)
            .order_by("language")
        )
        items = list(relatives)
        if module.translation_of_id:
            items.insert(0, module.translation_of)
        if not items:
            return gettext("No translation yet.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} ({})</li>",
                ((change_link(item), item.get_language_display()) for item in items),
            ),
        )

    @admin.display(description=_("preview"))
    def preview(self, module):
        if module.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', module.get_absolute_url(), gettext("Preview as a member")
        )

    @admin.action(description=_("Publish the selected modules"), permissions=["change"])
    def publish(self, request, queryset):
        published, refused = publish_modules(queryset, request.user)
        if refused:
            self.message_user(
                request,
                gettext("Not published, because they have no lesson yet: %(modules)s")
                % {"modules": ", ".join(str(module) for module in refused)},
                messages.ERROR,
            )
        self.message_user(
            request,
            ngettext("%(count)d module published.", "%(count)d modules published.",
                     len(published)) % {"count": len(published)},
            messages.SUCCESS,
        )  # fmt: skip

    @admin.action(description=_("Unpublish the selected modules (back to draft)"),
                  permissions=["change"])  # fmt: skip
    def unpublish(self, request, queryset):
        unpublished = unpublish_modules(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)d module unpublished.", "%(count)d modules unpublished.",
                     len(unpublished)) % {"count": len(unpublished)},
            messages.SUCCESS,
        )  # fmt: skip


# --- Lessons --------------------------------------------------------------------------------


class LessonLinkInline(admin.TabularInline):
    model = LessonLink
    fields = ["position", "title", "url"]
    extra = 0


class QuestionInlineForm(forms.ModelForm):
    """A question edited on its lesson's page, where its choices are not: turning a
    question with several right choices into a single-choice one is refused here."""

    class Meta:
        model = Question
        fields = ["position", "text", "kind", "explanation"]

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.instance.pk
            and cleaned_data.get("kind") == QuestionKind.SINGLE
            and self.instance.choices.filter(is_correct=True).count() > 1
        ):
            raise ValidationError(
                _("This question has several correct choices: keep one on the question's "
                  "page before making it a single-choice question.")
            )  # fmt: skip
        return cleaned_data


class QuestionInline(admin.StackedInline):
    model = Question
    form = QuestionInlineForm
    extra = 0
    show_change_link = True  # the question's own page, with its choices
    verbose_name_plural = _("quiz questions (add the choices on each question's own page)")


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    """A lesson: its Markdown text, library documents, media links and quiz questions."""

    list_display = ["title", "module", "position", "question_count"]
    list_filter = ["module__language", ("module", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["module"]
    search_fields = ["title", "body", "module__title"]
    autocomplete_fields = ["module", "documents"]
    fields = ["module", "position", "title", "body", "documents"]
    inlines = [LessonLinkInline, QuestionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_total=Count("questions"))

    @admin.display(description=_("questions"), ordering="question_total")
    def question_count(self, lesson):
        return lesson.question_total


# --- Questions ------------------------------------------------------------------------------


class ChoiceFormSet(BaseInlineFormSet):
    """A question's choices: at least two, at least one correct, and exactly one correct
    for a single-choice question (the question's kind as submitted with them)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        correct = sum(1 for choice in kept if choice.get("is_correct"))
        problems = []
        if len(kept) < 2:
            problems.append(_("A question needs at least two choices."))
        if correct == 0:
            problems.append(_("Mark at least one choice as correct."))
        elif self.instance.kind == QuestionKind.SINGLE and correct > 1:
            problems.append(
                _("A single-choice question has exactly one correct choice: untick the "
                  "others, or make it a multiple-choice question.")
            )  # fmt: skip
        if problems:
            raise ValidationError(problems)


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["position", "text", "is_correct"]
    extra = 2


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """A quiz question and its choices, checked together when saved."""

    list_display = ["short_text", "lesson", "kind", "position", "choice_count"]
    list_filter = ["kind", "lesson__module__language"]
    list_select_related = ["lesson"]
    search_fields = ["text", "lesson__title", "lesson__module__title"]
    autocomplete_fields = ["lesson"]
    fields = ["lesson", "position", "text", "kind", "explanation"]
    inlines = [ChoiceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(choice_total=Count("choices"))

    @admin.display(description=_("question"), ordering="text")
    def short_text(self, question):
        return str(question)

    @admin.display(description=_("choices"), ordering="choice_total")
    def choice_count(self, question):
        return question.choice_total


# --- Enrolments (read-only) -----------------------------------------------------------------


class QuizAttemptInline(admin.TabularInline):
    model = QuizAttempt
    fields = ["lesson", "submitted_at", "correct", "total"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lesson")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    """Members' enrolments, as recorded by the site: read-only (progress comes from
    taking the module; a certificate code is issued on completion)."""

    list_display = ["user", "module", "city", "enrolled_at", "completed_at", "score",
                    "certificate_code"]  # fmt: skip
    list_filter = [
        ("completed_at", admin.EmptyFieldListFilter),
        "module__language",
        ("module", admin.RelatedOnlyFieldListFilter),
        ("city__region", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user", "module", "city"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "=certificate_code",
                     "module__title"]  # fmt: skip
    date_hierarchy = "enrolled_at"
    raw_id_fields = ["user", "last_lesson"]
    fields = ["user", "module", "city", "enrolled_at", "last_activity", "last_lesson",
              "completed_at", "score", "certificate_code"]  # fmt: skip
    readonly_fields = fields
    inlines = [QuizAttemptInline]

    def get_search_results(self, request, queryset, search_term):
        # A code is found however it was typed (lower case, spaces, without dashes).
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        code = normalise_certificate_code(search_term)
        if code:
            queryset |= self.model.objects.filter(certificate_code=code)
        return queryset, may_have_duplicates

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
