"""The events app's models: events, registrations (with attendance), survey responses and
personal calendar feeds."""

from events.models.events import Event, EventQuerySet
from events.models.registrations import (
    CalendarFeed,
    Registration,
    RegistrationQuerySet,
    SurveyResponse,
)

__all__ = [
    "CalendarFeed",
    "Event",
    "EventQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "SurveyResponse",
]
