"""The events app's admin: events (events.py) and registrations with their decisions and
attendance (registrations.py)."""

from events.admin import events, registrations  # noqa: F401 - registers the model admins
