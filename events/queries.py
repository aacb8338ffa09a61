"""Read-side helpers of the events pages: the events of a city (for its profile), the
figures every event card shows, and the month grid of the calendar.

Each helper costs a fixed number of queries, whatever the number of events."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.choices import DatePrecision, RegistrationStatus
from events.models import Event, Registration


def involving_city(city) -> Q:
    """Events the city hosted, visited or took part in."""
    participating = Event.participating_cities.through.objects.filter(city=city).values("event_id")
    return Q(host_city=city) | Q(visiting_city=city) | Q(pk__in=participating)


def city_events(city, limit: int) -> list[Event]:
    """The `limit` newest published (or cancelled) events `city` hosted, visited or took
    part in: one query. The city profile page is for members, so drafts never show; it
    links to the events list for the others."""
    return list(
        Event.objects.published()
        .filter(involving_city(city))
        .only(
            "pk",
            "slug",
            "title",
            "kind",
            "status",
            "start_date",
            "end_date",
            "date_precision",
        )
        .order_by("-start_date", "title", "pk")[:limit]
    )


def confirmed_count() -> Coalesce:
    """The confirmed participants of each event, to annotate events with: a subquery that
    PostgreSQL answers from the index of registrations by event and status."""
    confirmed = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))


def with_card_figures(events: QuerySet, user) -> QuerySet:
    """What an event card shows beyond the event's own fields, inside the same query: the
    confirmed participants (for the seats left) and the viewer's own registration status
    (None when they have none)."""
    own_status = Registration.objects.filter(event=OuterRef("pk"), user_id=user.pk).values(
        "status"
    )[:1]
    return events.annotate(confirmed_count=confirmed_count(), viewer_status=Subquery(own_status))


def seats_left_of(event: Event) -> int | None:
    """Free seats of an event annotated by with_card_figures (as services.seats_left,
    without a query of its own); None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - event.confirmed_count)


def describe_cards(events) -> None:
    """Attach to each annotated event what its card needs: registration state, seats
    left, the sentence that says them, and the label of the viewer's registration."""
    statuses = dict(RegistrationStatus.choices)
    for event in events:
        event.state = event.registration_state()
        event.seats_left = seats_left_of(event)
        event.registration_text = registration_text(event.state, event.seats_left)
        event.viewer_status_label = statuses.get(event.viewer_status)


def registration_text(state: str, seats_left: int | None) -> str:
    """ "Registration open · 3 seats left", "Registration closed"...: said in Python
    rather than by a template included in each of a list's twenty cards."""
    if state == "open":
        if seats_left is None:
            return _("Registration open")
        seats = ngettext("%(counter)s seat left", "%(counter)s seats left", seats_left) % {
            "counter": seats_left
        }
        return f"{_('Registration open')} · {seats}"
    if state == "not_open":
        return _("Registration not open yet: you can register your interest")
    return _("Registration closed")


# --- the calendar ---


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


@dataclass
class MonthGrid:
    """A month as weeks of days (from the locale's first day of the week), each day with
    the day-precision events covering it; the events known only to the month or the year
    are listed apart."""

    first: datetime.date
    weeks: list[list[CalendarDay]]
    weekdays: list[datetime.date]  # one date per column, for the localised day names
    to_be_confirmed: list[Event]

    @property
    def days_with_events(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day.in_month and day.events]

    @property
    def previous(self) -> datetime.date:
        return (self.first - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> datetime.date:
        return (self.first + datetime.timedelta(days=32)).replace(day=1)


def first_weekday() -> int:
    """The locale's first day of the week in Python's numbering (0 = Monday); Django's
    FIRST_DAY_OF_WEEK counts from Sunday."""
    return (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7


def month_grid(events: QuerySet, first: datetime.date, today: datetime.date) -> MonthGrid:
    """The month starting on `first`, with the events of `events` (already scoped to the
    viewer) that fall in it. Two queries: the dated events of the grid's weeks, and the
    events known only to this month or this year."""
    weeks_dates = calendar.Calendar(first_weekday()).monthdatescalendar(first.year, first.month)
    grid_start, grid_end = weeks_dates[0][0], weeks_dates[-1][-1]
    dated = (
        events.filter(date_precision=DatePrecision.DAY, start_date__lte=grid_end)
        .annotate(last=Coalesce("end_date", "start_date"))
        .filter(last__gte=grid_start)
        .order_by("start_date", "start_time", "title", "pk")
    )
    by_day: dict[datetime.date, list[Event]] = {}
    for event in dated:
        day = max(event.start_date, grid_start)
        while day <= min(event.last_day, grid_end):
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            CalendarDay(
                date=day,
                in_month=day.month == first.month,
                is_today=day == today,
                events=by_day.get(day, []),
            )
            for day in week
        ]
        for week in weeks_dates
    ]
    to_be_confirmed = list(
        events.filter(
            Q(
                date_precision=DatePrecision.MONTH,
                start_date__year=first.year,
                start_date__month=first.month,
            )
            | Q(date_precision=DatePrecision.YEAR, start_date__year=first.year)
        ).order_by("date_precision", "start_date", "title", "pk")  # "month" before "year"
    )
    return MonthGrid(
        first=first, weeks=weeks, weekdays=weeks_dates[0], to_be_confirmed=to_be_confirmed
    )
