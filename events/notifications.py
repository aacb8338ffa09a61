"""Emails about registrations, in the member's language, with the event as an .ics
attachment where it helps. Sent after the transaction commits.

Placeholder until the registration part lands: records nothing, sends nothing."""


def registration_changed(registration) -> None:
    """Tell the member about their registration's new status."""
