"""An event of the network: a summit, a workshop, an exchange, a webinar..."""

import calendar
import datetime
import zoneinfo

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from events.choices import DatePrecision, EventKind, EventStatus
from library.choices import DOCUMENT_LANGUAGES
from membership.access import has_member_access
from membership.models import City, Region, ThemedItem
from scn_portal.choice_labels import ChoiceLabelsMixin


def period_of(start: datetime.date, end: datetime.date | None, precision: str):
    """The first and last day of an event known to `precision`: the whole month or year
    for an imprecise date (so that "upcoming" and "past" hold for it until the period is
    over), the dates as given otherwise."""
    if precision == DatePrecision.MONTH:
        last = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=1), start.replace(day=last)
    if precision == DatePrecision.YEAR:
        return start.replace(month=1, day=1), start.replace(month=12, day=31)
    return start, end


def validate_time_zone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(name)s” is not a time zone name, like Europe/Paris or Africa/Dakar."),
            params={"name": name[:60]},
        )


class EventQuerySet(models.QuerySet):
    def published(self):
        """Published and cancelled events (a cancellation stays visible)."""
        return self.exclude(status=EventStatus.DRAFT)

    def visible_to(self, user):
        """Staff see drafts too; members see published and cancelled events."""
        if not has_member_access(user):
            return self.none()
        if user.is_staff:
            return self
        return self.published()

    def upcoming(self, today=None):
        """Events not over yet: ending (or, without an end, starting) today or later."""
        today = today or timezone.localdate()
        return self.filter(Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today))

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today))


class Event(ChoiceLabelsMixin, models.Model):
    """An event of the network. Historic events may be known only to the month or the year
    (`date_precision`); their dates then span that month or year (period_of)."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.DRAFT,
        db_index=True,
    )
    # --- when ---
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("Of the times above, e.g. Europe/Copenhagen."),
    )
    # --- where ---
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city_name = models.CharField(
        _("city"), max_length=200, blank=True, help_text=_("Where it takes place.")
    )
    country = CountryField(_("country"), blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("region"),
    )
    host_city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host city"),
        help_text=_("When the host is a member city."),
    )
    visiting_city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visiting_events",
        verbose_name=_("visiting city"),
        help_text=_("For a city exchange: the city that visits the host city."),
    )
    participating_cities = models.ManyToManyField(
        City,
        blank=True,
        related_name="events",
        verbose_name=_("participating cities"),
    )
    other_participants = models.TextField(
        _("other participating places"),
        blank=True,
        help_text=_("Places that are not member cities, one per line."),
    )
    online_link = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_("For webinars: shown only to confirmed participants."),
    )
    # --- what ---
    themes = TaggableManager(through=ThemedItem, blank=True, verbose_name=_("themes"))
    languages = ArrayField(
        models.CharField(max_length=8, choices=DOCUMENT_LANGUAGES),
        default=list,
        blank=True,
        verbose_name=_("languages"),
    )
    agenda = models.ForeignKey(
        "library.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda"),
    )
    report = models.ForeignKey(
        "library.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("report"),
    )
    # --- registration ---
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Seats for participants; empty for no limit."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("The SCN team approves or rejects each registration."),
    )
    # --- published figures (historic events; staff may record them after an event) ---
    delegates = models.PositiveIntegerField(_("delegates"), null=True, blank=True)
    cities_represented = models.PositiveIntegerField(_("cities represented"), null=True, blank=True)
    countries_represented = models.PositiveIntegerField(
        _("countries represented"), null=True, blank=True
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "title"]
        indexes = [
            # "Upcoming" is "ends today or later" (or starts, without an end): with this and
            # the index on start_date, PostgreSQL reads the upcoming events only.
            models.Index(fields=["end_date"], name="event_end_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_closes__isnull=True)
                | Q(registration_opens__isnull=True)
                | Q(registration_closes__gt=models.F("registration_opens")),
                name="registration_closes_after_it_opens",
                violation_error_message=_("Registration cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.start_date:
            self.start_date, self.end_date = period_of(
                self.start_date, self.end_date, self.date_precision
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event", args=[self.slug])

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def is_over(self, today=None) -> bool:
        return self.last_day < (today or timezone.localdate())

    def registration_state(self, now=None) -> str:
        """ "closed" (over, cancelled, draft or past closing), "not_open" (before opening:
        members may register interest) or "open"."""
        now = now or timezone.now()
        if self.status != EventStatus.PUBLISHED or self.is_over(timezone.localdate(now)):
            return "closed"
        if self.registration_closes and now >= self.registration_closes:
            return "closed"
        if self.registration_opens and now < self.registration_opens:
            return "not_open"
        return "open"

    def clean(self):
        same_day = self.last_day == self.start_date
        if self.start_time and self.end_time and same_day and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The event must end after it starts.")})
        if self.host_city_id and self.visiting_city_id == self.host_city_id:
            raise ValidationError(
                {"visiting_city": _("The visiting city cannot be the host city.")}
            )
