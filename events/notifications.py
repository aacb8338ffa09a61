"""Emails about registrations, in the member's language, with the event as an .ics
attachment where it helps. Sent after the transaction commits (scn_portal.mail).

One email per change of status. The status alone does not say how a seat was obtained
(registered, promoted from the waiting list, approved by the SCN team), so the services
name the change when it is not a plain registration (`change=`)."""

from django.conf import settings
from django.utils import translation

from events import ics
from events.choices import RegistrationStatus
from scn_portal.mail import send_in_language

# The email (templates/events/email/<name>_subject.txt and _body.txt) for each status,
# when the change is not named.
TEMPLATE_FOR_STATUS = {
    RegistrationStatus.CONFIRMED: "registered",
    RegistrationStatus.WAITLISTED: "waitlisted",
    RegistrationStatus.PENDING: "pending",
    RegistrationStatus.INTERESTED: "interest",
    RegistrationStatus.REJECTED: "rejected",
    RegistrationStatus.CANCELLED: "cancelled",
}
# Named changes: a seat freed on the waiting list, a decision of the SCN team.
PROMOTED = "promoted"
APPROVED = "approved"
CHANGES = (PROMOTED, APPROVED)


def email_template(registration, change: str | None = None) -> str:
    if change in CHANGES:
        return change
    return TEMPLATE_FOR_STATUS[registration.status]


def registration_changed(registration, change: str | None = None) -> None:
    """Tell the member about their registration's new status. Confirmed seats come with
    the event as an .ics file (with the online link, which only they may see)."""
    user = registration.user
    if not user.email:
        return
    language = user.preferred_language
    event = registration.event
    attachments = None
    if registration.status == RegistrationStatus.CONFIRMED:
        # The file speaks the member's language too (country names).
        with translation.override(language or settings.LANGUAGE_CODE):
            content = ics.event_file(event, online_link=True).decode()
        attachments = [(ics.filename_for(event), content, "text/calendar")]
    send_in_language(
        f"events/email/{email_template(registration, change)}",
        {"registration": registration, "event": event, "user": user},
        [user.email],
        language,
        attachments=attachments,
    )
