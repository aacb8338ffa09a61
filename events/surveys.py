"""Feedback surveys after events: sending them (and one reminder), the home page's prompt,
and the results the SCN team reads (per event, and the network's "share of respondents
reporting increased knowledge" per event, year and region).

Who gets a survey: every attendee (attendance marked at the door or in the admin) of an
event that is over. It is sent once, reminded once `REMINDER_AFTER` later if still
unanswered, and never again. `manage.py send_event_surveys` does both; production runs it
daily. Functions take `now`/`today` as arguments so that tests can fix the date.

Every figure is a SQL aggregate, a fixed number of queries whatever the number of events
or answers.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from events.choices import INCREASED_KNOWLEDGE_FROM, EventStatus, KnowledgeGain
from events.models import Event, Registration, SurveyResponse
from scn_portal.mail import send_in_language

# An unanswered survey is reminded once, this long after it was sent.
REMINDER_AFTER = datetime.timedelta(days=7)
# Surveys go out for events that ended at most this long ago: attendance recorded late
# for an old event does not send a survey about something long past. The home page
# prompts for the same period.
SURVEY_WINDOW = datetime.timedelta(days=60)

INCREASED = Q(knowledge_gain__gte=INCREASED_KNOWLEDGE_FROM)


def _ended_since(today: datetime.date) -> Q:
    """Registrations of published events (not cancelled ones) over by `today` and ended
    within the survey window."""
    since = today - SURVEY_WINDOW
    over = Event.objects.filter(status=EventStatus.PUBLISHED).past(today)
    return Q(event__in=over) & (
        Q(event__end_date__gte=since)
        | Q(event__end_date__isnull=True, event__start_date__gte=since)
    )


def _awaiting_answer():
    """Attendees, still with a login, who have not answered."""
    return Registration.objects.attended().filter(
        user__is_active=True, survey_response__isnull=True
    )


def _send(registrations, template_prefix: str, stamp_field: str, now) -> int:
    """Email each of `registrations` (locked, so that two runs at once never send twice)
    in its member's language, and stamp them. The emails leave once this commits."""
    with transaction.atomic():
        rows = list(
            registrations.select_related("event", "user")
            .select_for_update(of=("self",), skip_locked=True)
            .order_by("pk")
        )
        for registration in rows:
            send_in_language(
                template_prefix,
                {
                    "registration": registration,
                    "event": registration.event,
                    "user": registration.user,
                    "survey_path": reverse("events:survey", args=[registration.event.slug]),
                },
                [registration.user.email],
                registration.user.preferred_language,
            )
        Registration.objects.filter(pk__in=[row.pk for row in rows]).update(**{stamp_field: now})
    return len(rows)


def send_surveys(now=None) -> int:
    """Send the survey to every attendee of a recently ended event who has not had it.
    Returns how many were sent."""
    now = now or timezone.now()
    due = _awaiting_answer().filter(_ended_since(timezone.localdate(now)), survey_sent_at=None)
    return _send(due, "events/email/survey", "survey_sent_at", now)


def send_reminders(now=None) -> int:
    """Remind, once, those who had the survey `REMINDER_AFTER` ago and have not answered.
    Returns how many reminders were sent."""
    now = now or timezone.now()
    due = _awaiting_answer().filter(
        survey_sent_at__lte=now - REMINDER_AFTER, survey_reminded_at=None
    )
    return _send(due, "events/email/survey_reminder", "survey_reminded_at", now)


def send_due_surveys(now=None) -> tuple[int, int]:
    """(surveys sent, reminders sent). Safe to run as often as wanted: each attendee gets
    at most one survey and one reminder."""
    now = now or timezone.now()
    return send_surveys(now), send_reminders(now)


def unanswered_surveys(user, today=None) -> list[Registration]:
    """The home page's prompt: the member's attendances at events over in the last
    `SURVEY_WINDOW` whose survey they have not answered, latest event first. One query."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    return list(
        awaiting_answer_since(today)
        .filter(user=user)
        .select_related("event")
        .order_by("-event__start_date", "event__title")
    )


def awaiting_answer_since(today: datetime.date):
    """Attendances at events over in the survey window before `today` whose survey is
    not answered (the home page's prompt: events.dashboard)."""
    return _awaiting_answer().filter(_ended_since(today))


# --- results ---------------------------------------------------------------------------


def percent(part: int, whole: int) -> int | None:
    return None if not whole else round(100 * part / whole)


def bar_step(share: int) -> int:
    """A bar's width in 5% steps (the progress-w-* classes of static/css/portal.css: a
    class, not a style attribute, for the Content-Security-Policy)."""
    return 5 * round(share / 5)


@dataclass(frozen=True)
class Level:
    """One answer of the 1-5 scale and how many chose it."""

    value: int
    label: str
    count: int
    share: int  # % of respondents

    @property
    def bar_step(self) -> int:
        return bar_step(self.share)


@dataclass(frozen=True)
class EventResults:
    """An event's survey, summed up: the numbers, the distribution of answers on the
    scale, and every response (with who answered, from which city)."""

    attendees: int
    respondents: int
    average: float | None
    increased: int
    levels: list[Level]
    responses: list[SurveyResponse] = field(default_factory=list)

    @property
    def response_rate(self) -> int | None:
        return percent(self.respondents, self.attendees)

    @property
    def increased_share(self) -> int | None:
        return percent(self.increased, self.respondents)


def event_results(event: Event) -> EventResults:
    """Two queries: the figures, then the responses."""
    answer = "survey_response__knowledge_gain"
    figures = Registration.objects.filter(event=event).aggregate(
        attendees=Count("pk", filter=Q(attended_at__isnull=False)),
        respondents=Count("survey_response"),
        average=Avg(answer),
        increased=Count(
            "survey_response", filter=Q(**{f"{answer}__gte": INCREASED_KNOWLEDGE_FROM})
        ),
        **{
            f"level_{value}": Count("survey_response", filter=Q(**{answer: value}))
            for value in KnowledgeGain.values
        },
    )
    respondents = figures["respondents"]
    levels = [
        Level(
            value=value,
            label=str(label),
            count=figures[f"level_{value}"],
            share=percent(figures[f"level_{value}"], respondents) or 0,
        )
        for value, label in KnowledgeGain.choices
    ]
    responses = list(
        SurveyResponse.objects.filter(registration__event=event)
        .select_related("registration__user", "registration__city")
        .order_by("submitted_at", "pk")
    )
    return EventResults(
        attendees=figures["attendees"],
        respondents=respondents,
        average=figures["average"],
        increased=figures["increased"],
        levels=levels,
        responses=responses,
    )


@dataclass(frozen=True)
class ShareRow:
    """A line of the figures: who answered, and how many of them reported increased
    knowledge and skills."""

    label: str
    respondents: int
    increased: int
    event: Event | None = None
    attendees: int | None = None

    @property
    def increased_share(self) -> int | None:
        return percent(self.increased, self.respondents)

    @property
    def response_rate(self) -> int | None:
        return None if self.attendees is None else percent(self.respondents, self.attendees)

    @property
    def bar_step(self) -> int:
        return bar_step(self.increased_share or 0)


def _responses(year: int | None):
    responses = SurveyResponse.objects.all()
    if year is not None:
        responses = responses.filter(registration__event__start_date__year=year)
    return responses


def survey_years() -> list[int]:
    """The years (of the events) that have survey answers, latest first."""
    return list(
        SurveyResponse.objects.annotate(year=ExtractYear("registration__event__start_date"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def overall_share(year: int | None = None) -> ShareRow:
    figures = _responses(year).aggregate(
        respondents=Count("pk"), increased=Count("pk", filter=INCREASED)
    )
    return ShareRow(label="", **figures)


def shares_by_event(year: int | None = None) -> list[ShareRow]:
    """Every event with attendees (of `year`, when given), latest first, with its response
    rate and share reporting increased knowledge."""
    events = Event.objects.all()
    if year is not None:
        events = events.filter(start_date__year=year)
    events = (
        events.annotate(
            attendees=Count("registrations", filter=Q(registrations__attended_at__isnull=False)),
            respondents=Count("registrations__survey_response"),
            increased=Count(
                "registrations__survey_response",
                filter=Q(
                    registrations__survey_response__knowledge_gain__gte=INCREASED_KNOWLEDGE_FROM
                ),
            ),
        )
        .filter(Q(attendees__gt=0) | Q(respondents__gt=0))
        .select_related("region")
        .order_by("-start_date", "title")
    )
    return [
        ShareRow(
            label=event.title,
            event=event,
            attendees=event.attendees,
            respondents=event.respondents,
            increased=event.increased,
        )
        for event in events
    ]


def shares_by_year(year: int | None = None) -> list[ShareRow]:
    """Per year of the events, latest first."""
    rows = (
        _responses(year)
        .annotate(year=ExtractYear("registration__event__start_date"))
        .values("year")
        .annotate(respondents=Count("pk"), increased=Count("pk", filter=INCREASED))
        .order_by("-year")
    )
    return [
        ShareRow(label=str(row["year"]), respondents=row["respondents"], increased=row["increased"])
        for row in rows
    ]


def shares_by_region(year: int | None = None) -> list[ShareRow]:
    """Per region of the events, named in the interface language (blank label: events
    without a region, last)."""
    region = "registration__event__region__"
    rows = (
        _responses(year)
        .values(f"{region}name", f"{region}name_fr", f"{region}name_ar")
        .annotate(respondents=Count("pk"), increased=Count("pk", filter=INCREASED))
        .order_by(F(f"{region}name").asc(nulls_last=True))
    )
    language = (get_language() or "en")[:2]
    return [
        ShareRow(
            label=row.get(f"{region}name_{language}") or row[f"{region}name"] or "",
            respondents=row["respondents"],
            increased=row["increased"],
        )
        for row in rows
    ]
