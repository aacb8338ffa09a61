"""Members' registrations for events, attendance, and the surveys attendees answer."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.choices import ACTIVE_REGISTRATION, KnowledgeGain, RegistrationStatus
from events.models.events import Event
from membership.models import City
from membership.models.base import DecisionRecord
from scn_portal.choice_labels import ChoiceLabelsMixin


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_REGISTRATION)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def attended(self):
        return self.filter(attended_at__isnull=False)

    def waiting_in_order(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created", "pk")


class Registration(ChoiceLabelsMixin, DecisionRecord):
    """A member's registration for an event (or interest, before registration opens).

    A member has at most one registration per event; cancelling keeps the row (status
    cancelled) and registering again reuses it. Seats are counted and given under a lock
    on the event row (events.services), so concurrent registrations never overbook."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("member"),
    )
    # The member's city when they registered: attendance counts for that city's
    # expectations, even if they later move.
    city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("city"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    listed = models.BooleanField(
        _("show my name to other participants"),
        default=False,
        help_text=_("Other registered members see your name, position and city."),
    )
    note = models.TextField(_("note to the organisers"), blank=True)
    reason = models.TextField(_("reason given"), blank=True)
    created = models.DateTimeField(_("registered"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    survey_sent_at = models.DateTimeField(_("survey sent"), null=True, blank=True)
    survey_reminded_at = models.DateTimeField(_("survey reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_event"),
        ]
        indexes = [
            models.Index(fields=["event", "status", "created"], name="registration_queue"),
            models.Index(
                fields=["event"], condition=Q(attended_at__isnull=False), name="attendance"
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_REGISTRATION


class SurveyResponse(models.Model):
    """An attendee's answer to an event's feedback survey: one per attendance."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="survey_response",
        verbose_name=_("registration"),
    )
    knowledge_gain = models.PositiveSmallIntegerField(
        _("knowledge and skills gained"),
        choices=KnowledgeGain.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    will_apply = models.TextField(_("what you will apply"), blank=True)
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(knowledge_gain__gte=1, knowledge_gain__lte=5),
                name="knowledge_gain_on_the_scale",
            )
        ]

    def __str__(self):
        return str(self.registration)


class CalendarFeed(models.Model):
    """A member's personal iCal feed. Calendar apps cannot log in, so the feed's address
    carries a secret; only its SHA-256 is stored, so the address is shown once, when it is
    made, and a new one replaces (revokes) the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("member"),
    )
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
