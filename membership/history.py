"""Decisions about people and cities, written to the admin's history of the object.

Staff see them on the object's "History" page in the admin, whoever took the decision
(staff in the admin, or a city's point of contact on the "people of my city" page).
"""

from django.contrib.admin.models import CHANGE, LogEntry


def record_in_history(actor, obj, message: str) -> LogEntry:
    """Note `message` (who did what, and why) against `obj`, by `actor`, now."""
    return LogEntry.objects.log_actions(
        user_id=actor.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )
