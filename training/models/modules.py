"""Training modules: ordered lessons, each with optional documents, media links and quiz
questions. A module may have linked translations (one per language)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from membership.access import has_member_access
from membership.models import ThemedItem, WorkingGroup
from scn_portal.choice_labels import ChoiceLabelsMixin
from training.choices import ModuleLevel, ModuleStatus, QuestionKind


class ModuleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ModuleStatus.PUBLISHED)

    def visible_to(self, user):
        """Staff see drafts too (to preview them); members see published modules only."""
        if not has_member_access(user):
            return self.none()
        if user.is_staff:
            return self
        return self.published()


class Module(ChoiceLabelsMixin, models.Model):
    """An interactive training module for practitioners.

    Translations of a module point to the original with `translation_of`; the original and
    its translations form one family, with at most one module per language."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    summary = models.TextField(_("summary"))
    themes = TaggableManager(through=ThemedItem, blank=True, verbose_name=_("themes"))
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en", db_index=True
    )
    level = models.CharField(
        _("level"), max_length=20, choices=ModuleLevel.choices, default=ModuleLevel.INTRODUCTORY
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), validators=[MinValueValidator(1)]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MaxValueValidator(100)],
        help_text=_("The share of quiz questions to answer correctly to complete the module."),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="modules",
        verbose_name=_("working group"),
        help_text=_("Listed in this group's toolkit."),
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The original module, when this one is a translation of it."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ModuleStatus.choices,
        default=ModuleStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="one_translation_per_language"
            ),
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="pass_mark_at_most_100"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:module", args=[self.slug])

    @property
    def family_id(self) -> int:
        """The id shared by a module and all its translations: the original's."""
        return self.translation_of_id or self.pk

    @property
    def is_published(self) -> bool:
        return self.status == ModuleStatus.PUBLISHED

    def clean(self):
        original = self.translation_of
        if original is None:
            return
        if original.translation_of_id is not None:
            raise ValidationError(
                {"translation_of": _("Choose the original module, not another translation.")}
            )
        if original.pk == self.pk:
            raise ValidationError({"translation_of": _("A module cannot translate itself.")})
        if original.language == self.language:
            raise ValidationError(
                {"language": _("A translation must be in another language than the original.")}
            )
        if self.pk and self.translations.exists():
            raise ValidationError(
                {"translation_of": _("This module has translations of its own: it is an original.")}
            )


class Lesson(models.Model):
    """One step of a module: a Markdown body (rendered sanitised), then documents, media
    links and quiz questions."""

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("body"), help_text=_("Markdown: headings, paragraphs, lists, links, emphasis.")
    )
    documents = models.ManyToManyField(
        "library.Document",
        blank=True,
        related_name="lessons",
        verbose_name=_("library documents"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module", "position", "pk"]

    def __str__(self):
        return self.title


class LessonLink(models.Model):
    """An external media link of a lesson (a video, a podcast, an article)."""

    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="links", verbose_name=_("lesson")
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("media link")
        verbose_name_plural = _("media links")
        ordering = ["lesson", "position", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    """A quiz question of a lesson. A single-choice question has one right answer; a
    multiple-choice one counts as right only when exactly the right choices are ticked."""

    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="questions", verbose_name=_("lesson")
    )
    text = models.TextField(_("question"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    explanation = models.TextField(
        _("explanation"), help_text=_("Shown once the member has answered.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["lesson", "position", "pk"]

    def __str__(self):
        return self.text[:80]


class Choice(models.Model):
    """A possible answer to a question."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    text = models.CharField(_("answer"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position", "pk"]

    def __str__(self):
        return self.text
