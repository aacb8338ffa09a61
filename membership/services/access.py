"""Practitioners' access to the hub: the request made at signup, and the decisions on it.

A decision (approve, refuse, ask for more information) is taken by SCN staff in the admin or
by a city's point of contact on "people of my city". Whoever takes it, it is written the same
way: status, who and when, the reason; a line in the admin history of the member; an email to
the person in their own language, sent only once the decision is committed.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from audit.choices import AuditAction
from audit.services import record
from membership.choices import MemberRole, MemberStatus
from membership.history import record_in_history
from membership.models import City, Member, User
from scn_portal.mail import send_in_language

# The admin history is the SCN team's record: kept in the site language whoever decided
# and whatever language their interface was in.
HISTORY_MESSAGES = {
    MemberStatus.APPROVED: _("Access approved."),
    MemberStatus.REJECTED: _("Access refused. Reason: %(reason)s"),
    MemberStatus.MORE_INFORMATION: _("More information requested: %(reason)s"),
}
AUDIT_ACTIONS = {
    MemberStatus.APPROVED: AuditAction.ACCESS_APPROVED,
    MemberStatus.REJECTED: AuditAction.ACCESS_REJECTED,
    MemberStatus.MORE_INFORMATION: AuditAction.ACCESS_MORE_INFORMATION,
}


def request_access(
    user: User, *, city: City, position: str, organisation: str, reason: str, language: str
) -> Member:
    """Make a newly signed-up user an applicant of `city`, awaiting a decision; the
    language they signed up in becomes the language of the emails they will get."""
    with transaction.atomic():
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        return Member.objects.create(
            user=user,
            city=city,
            position=position,
            organisation=organisation,
            access_reason=reason,
            role=MemberRole.PRACTITIONER,
            status=MemberStatus.PENDING,
        )


def approve_member(member: Member, by: User) -> bool:
    """Give `member` access to the hub. Approving someone already approved does nothing.

    Raises ValidationError when approval would give the city a second point of contact.
    Returns whether anything was decided."""
    return _decide(member, by, MemberStatus.APPROVED, "")


def reject_member(member: Member, by: User, reason: str) -> bool:
    """Refuse `member` access (or withdraw it), telling them why."""
    return _decide(member, by, MemberStatus.REJECTED, _required(reason))


def request_more_information(member: Member, by: User, reason: str) -> bool:
    """Put `member`'s request on hold until they answer the question in `reason`."""
    return _decide(member, by, MemberStatus.MORE_INFORMATION, _required(reason))


def _required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a reason is required for this decision")
    return reason


def _decide(member: Member, by: User, status: str, reason: str) -> bool:
    with transaction.atomic():
        # Lock the row: a point of contact and staff may decide on the same person at once;
        # the second decision then sees the first one.
        current = (
            Member.objects.select_for_update(of=("self",))
            .select_related("user", "city")
            .get(pk=member.pk)
        )
        if current.status == status and (
            status == MemberStatus.APPROVED or current.decision_reason == reason
        ):
            return False
        current.status = status
        current.decision_reason = reason
        current.decided_by = by
        current.decided_at = timezone.now()
        if status == MemberStatus.APPROVED:
            current.validate_constraints()  # one point of contact per city
        current.save(
            update_fields=["status", "decision_reason", "decided_by", "decided_at", "updated"]
        )
        with translation.override(settings.LANGUAGE_CODE):
            message = str(HISTORY_MESSAGES[status]) % {"reason": reason}
        record_in_history(by, current, message)
        record(AUDIT_ACTIONS[status], user=by, obj=current)
        send_in_language(
            f"membership/email/access_{status}",
            {"member": current, "user": current.user, "city": current.city, "reason": reason},
            [current.user.email],
            current.user.preferred_language,
        )
    for field in ("status", "decision_reason", "decided_by", "decided_at", "updated"):
        setattr(member, field, getattr(current, field))
    return True
