"""The home page's events block: the member's next events and the surveys they have still
to answer, from one query of their registrations."""

import datetime

from django.db.models import Q
from django.utils import timezone

from events.choices import EventStatus, RegistrationStatus
from events.models import Registration
from events.surveys import SURVEY_WINDOW

HOME_NEXT_EVENTS = 3
# The registrations the home page reminds a member of.
REMINDED_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def _next_events_condition(today: datetime.date) -> Q:
    """Reminded registrations for events not over by `today` and not drafts (as
    Event.objects.published().upcoming()), on the joined event's columns: PostgreSQL then
    reads the member's few registrations, not every upcoming event."""
    not_over = Q(event__end_date__gte=today) | Q(
        event__end_date__isnull=True, event__start_date__gte=today
    )
    return Q(status__in=REMINDED_STATUSES) & ~Q(event__status=EventStatus.DRAFT) & not_over


def _survey_prompt_condition(today: datetime.date) -> Q:
    """Attendances, unanswered, at published events over by `today` and ended within the
    survey window (as events.surveys.awaiting_answer_since, for a logged-in member),
    on the joined tables' columns: a query PostgreSQL plans in a fraction of the time."""
    since = today - SURVEY_WINDOW
    ended_in_window = Q(event__end_date__lt=today, event__end_date__gte=since) | Q(
        event__end_date__isnull=True, event__start_date__lt=today, event__start_date__gte=since
    )
    return (
        Q(attended_at__isnull=False, survey_response__isnull=True)
        & Q(event__status=EventStatus.PUBLISHED)
        & ended_in_window
    )


def next_events(user, limit: int = HOME_NEXT_EVENTS) -> list[Registration]:
    """The member's confirmed or waiting registrations for upcoming published events,
    soonest first, with their events: one query."""
    if not user.is_authenticated:
        return []
    return list(
        Registration.objects.filter(_next_events_condition(timezone.localdate()), user=user)
        .select_related("event")
        .order_by("event__start_date", "event__title", "pk")[:limit]
    )


def dashboard_events(user, today: datetime.date | None = None) -> dict:
    """The home page's events context: `next_events` (as next_events()) and
    `unanswered_surveys` (as events.surveys.unanswered_surveys()), from one query: the
    two are the member's registrations for events not over yet and for events over in
    the survey window, which never overlap."""
    if not user.is_authenticated:
        return {"next_events": [], "unanswered_surveys": []}
    today = today or timezone.localdate()
    registrations = list(
        Registration.objects.filter(user=user)
        .filter(_next_events_condition(today) | _survey_prompt_condition(today))
        .select_related("event")
    )
    upcoming = [row for row in registrations if row.event.last_day >= today]
    over = [row for row in registrations if row.event.last_day < today]
    upcoming.sort(key=lambda row: (row.event.start_date, row.event.title, row.pk))
    over.sort(key=lambda row: row.event.title)
    over.sort(key=lambda row: row.event.start_date, reverse=True)
    return {"next_events": upcoming[:HOME_NEXT_EVENTS], "unanswered_surveys": over}
