"""The home page's events block: the member's next events (one query)."""

from events.choices import RegistrationStatus
from events.models import Event, Registration

HOME_NEXT_EVENTS = 3
# The registrations the home page reminds a member of.
REMINDED_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def next_events(user, limit: int = HOME_NEXT_EVENTS) -> list[Registration]:
    """The member's confirmed or waiting registrations for upcoming published events,
    soonest first, with their events: one query."""
    if not user.is_authenticated:
        return []
    return list(
        Registration.objects.filter(
            user=user,
            status__in=REMINDED_STATUSES,
            event__in=Event.objects.published().upcoming(),
        )
        .select_related("event")
        .order_by("event__start_date", "event__title", "pk")[:limit]
    )


def dashboard_events(user) -> dict:
    """The home page's events context."""
    return {"next_events": next_events(user)}
