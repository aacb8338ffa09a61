"""The events app's writes: registration (with capacity, waiting list and approval),
cancellation, decisions, attendance, surveys and calendar feeds.

Every change to who holds a seat runs under a row lock on the event (SELECT ... FOR
UPDATE), so two members registering for the last seat at the same moment are served one
after the other: one gets the seat, the other the waiting list. Emails go out after the
transaction commits (events.notifications)."""

import hashlib
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.choices import AuditAction
from audit.services import record
from events import notifications
from events.choices import RegistrationStatus
from events.models import CalendarFeed, Event, Registration, SurveyResponse


class RegistrationRefused(Exception):
    """A registration change that cannot be made; `message` says why, in the user's
    language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def lock_event(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def seats_taken(event: Event) -> int:
    return event.registrations.confirmed().count()


def seats_left(event: Event) -> int | None:
    """Free seats; None when the event has no capacity limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - seats_taken(event))


def _has_seat(event: Event) -> bool:
    left = seats_left(event)
    return left is None or left > 0


@transaction.atomic
def register(user, event: Event, *, listed: bool = False, note: str = "") -> Registration:
    """Register `user` for `event`, or record their interest before registration opens.

    Without approval, the member gets a seat while there is one, else a place on the
    waiting list; with approval, the registration waits for the SCN team. Registering
    again while registered changes nothing; after a cancellation it starts afresh (at the
    back of the waiting list)."""
    event = lock_event(event)
    state = event.registration_state()
    if state == "closed":
        raise RegistrationRefused(_("Registration for this event is closed."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None:
        if registration.status == RegistrationStatus.REJECTED:
            raise RegistrationRefused(
                _("The SCN team did not accept your registration for this event.")
            )
        if registration.is_active and not (
            registration.status == RegistrationStatus.INTERESTED and state == "open"
        ):
            return registration
    if state == "not_open":
        status = RegistrationStatus.INTERESTED
    elif event.requires_approval:
        status = RegistrationStatus.PENDING
    elif _has_seat(event):
        status = RegistrationStatus.CONFIRMED
    else:
        status = RegistrationStatus.WAITLISTED
    member = getattr(user, "member", None)
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.status = status
    registration.city = getattr(member, "city", None)
    registration.listed = listed
    registration.note = note
    registration.cancelled_at = None
    registration.created = timezone.now()  # a new start: the back of the waiting list
    registration.save()
    notifications.registration_changed(registration)
    return registration


@transaction.atomic
def cancel(registration: Registration) -> Registration:
    """The member cancels. A freed seat goes to the first person on the waiting list."""
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        return registration
    if event.is_over():
        # Afterwards the registration is the record of who took part (attendance, survey).
        raise RegistrationRefused(_("This event is over: the registration stays as it is."))
    held_a_seat = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated"])
    notifications.registration_changed(registration)
    if held_a_seat:
        promote_waiting(event)
    return registration


def promote_waiting(event: Event) -> list[Registration]:
    """Give free seats to the waiting list, first come first served. Call with the event
    locked (inside a transaction that holds lock_event)."""
    promoted = []
    while _has_seat(event):
        registration = event.registrations.waiting_in_order().select_for_update().first()
        if registration is None:
            break
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated"])
        notifications.registration_changed(registration, change=notifications.PROMOTED)
        promoted.append(registration)
    return promoted


@transaction.atomic
def approve(registration: Registration, by) -> Registration:
    """The SCN team accepts a registration: a seat if one is free, else the waiting list."""
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        return registration
    registration.status = (
        RegistrationStatus.CONFIRMED if _has_seat(event) else RegistrationStatus.WAITLISTED
    )
    registration.decided_by, registration.decided_at = by, timezone.now()
    registration.save()
    record(
        AuditAction.REGISTRATION_APPROVED,
        user=by,
        obj=registration,
        details={"status": registration.status},
    )
    notifications.registration_changed(registration, change=notifications.APPROVED)
    return registration


@transaction.atomic
def reject(registration: Registration, by, reason: str = "") -> Registration:
    """The SCN team refuses a registration; a seat it held goes to the waiting list."""
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        return registration
    held_a_seat = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.REJECTED
    registration.reason = reason
    registration.decided_by, registration.decided_at = by, timezone.now()
    registration.save()
    record(AuditAction.REGISTRATION_REJECTED, user=by, obj=registration)
    notifications.registration_changed(registration)
    if held_a_seat:
        promote_waiting(event)
    return registration


@transaction.atomic
def capacity_changed(event: Event) -> list[Registration]:
    """After staff raise the capacity (or remove it): seats go to the waiting list."""
    return promote_waiting(lock_event(event))


def mark_attendance(registration: Registration, by, attended: bool = True) -> Registration:
    """Record (or undo) that a confirmed participant attended. Only confirmed
    registrations can attend: a walk-in is registered first."""
    if registration.status != RegistrationStatus.CONFIRMED:
        raise RegistrationRefused(_("Only confirmed participants can be checked in."))
    if attended and registration.attended_at is not None:
        return registration  # a second tap at the door keeps the first check-in's time
    registration.attended_at = timezone.now() if attended else None
    registration.checked_in_by = by if attended else None
    registration.save(update_fields=["attended_at", "checked_in_by", "updated"])
    record(AuditAction.ATTENDANCE_MARKED, user=by, obj=registration, details={"attended": attended})
    return registration


def submit_survey(registration: Registration, **answers) -> SurveyResponse:
    """An attendee's one answer to the event's survey."""
    if registration.attended_at is None:
        raise RegistrationRefused(_("Only participants who attended answer the survey."))
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(registration=registration, **answers)
    except IntegrityError:
        raise RegistrationRefused(_("You have already answered this survey.")) from None


# --- personal calendar feeds ---


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def new_calendar_feed(user) -> str:
    """A new secret for the member's calendar feed (the old address stops working).
    Returns the secret, which is not stored: show it once."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token_hash": _hash(token)})
    return token


def revoke_calendar_feed(user) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def calendar_feed_user(token: str):
    """The active member whose feed this secret opens, or None."""
    if not token or len(token) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("user", "user__member__city")
        .filter(token_hash=_hash(token))
        .first()
    )
    if feed is None:
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used=timezone.now())
    return feed.user
