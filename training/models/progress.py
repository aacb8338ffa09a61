"""A member's way through a module: enrolment, lessons done, quiz attempts, and the
certificate that completion gives."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from membership.models import City
from training.models.modules import Choice, Lesson, Module, Question


class EnrolmentQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_progress(self):
        return self.filter(completed_at__isnull=True)


class Enrolment(models.Model):
    """A member taking a module. Completion (all lessons done, quiz score at or above the
    pass mark) sets `completed_at`, the score and the certificate's verification code."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("member"),
    )
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("module")
    )
    # The member's city when they enrolled: the network's figures count training by city
    # and region, and stay right when a practitioner later moves to another city.
    city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("city"),
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    last_activity = models.DateTimeField(_("last activity"), auto_now_add=True)
    last_lesson = models.ForeignKey(
        Lesson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last lesson opened"),
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    certificate_code = models.CharField(
        _("certificate code"), max_length=20, unique=True, null=True, blank=True
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-last_activity"]
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="one_enrolment_per_module")
        ]
        indexes = [
            models.Index(fields=["user", "-last_activity"], name="enrolment_recent"),
            models.Index(fields=["module", "completed_at"], name="enrolment_completion"),
        ]

    def __str__(self):
        return f"{self.user} — {self.module}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class LessonCompletion(models.Model):
    """A lesson the member has finished: read it, and answered its quiz when it has one."""

    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="lesson_completions",
        verbose_name=_("enrolment"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="completions", verbose_name=_("lesson")
    )
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completed")
        verbose_name_plural = _("lessons completed")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="lesson_done_once")
        ]

    def __str__(self):
        return f"{self.enrolment} — {self.lesson}"


class QuizAttempt(models.Model):
    """One submission of a lesson's quiz. Every attempt is kept; the best one per lesson
    counts towards the module's score, so retrying never lowers it."""

    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        verbose_name=_("enrolment"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("lesson")
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    correct = models.PositiveSmallIntegerField(_("right answers"))
    total = models.PositiveSmallIntegerField(_("questions"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["enrolment", "lesson"], name="attempt_by_lesson")]

    def __str__(self):
        return f"{self.enrolment} — {self.lesson}: {self.correct}/{self.total}"


class QuizAnswer(models.Model):
    """What the member ticked for one question in one attempt."""

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers", verbose_name=_("attempt")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    choices = models.ManyToManyField(Choice, related_name="+", verbose_name=_("choices ticked"))
    is_correct = models.BooleanField(_("right"))

    class Meta:
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.attempt} — {self.question}"
