"""Joining and leaving the thematic working groups, from a group's page.

Both writes are idempotent: pressing Join twice (a double click, a resubmitted form) leaves
one membership, and leaving a group one is not in changes nothing.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from membership.models import Member, User, WorkingGroup, WorkingGroupMembership

NO_MEMBER_REASON = _(
    "Working groups are made of practitioners of member cities. Your account is not linked "
    "to a member city, so it cannot join one."
)


def joining_member(user: User) -> Member | None:
    """The Member through whom `user` takes part in working groups: their approved
    membership of the hub. None for SCN staff without one (they manage groups in the admin)."""
    member = getattr(user, "member", None)  # RelatedObjectDoesNotExist is an AttributeError
    return member if member is not None and member.approved else None


@transaction.atomic
def join_working_group(member: Member, group: WorkingGroup) -> bool:
    """Add `member` to `group`; True when this call added them, False when already in it.

    get_or_create also settles a race (two requests of a double click): the unique
    constraint refuses the second row and get_or_create then reads the first."""
    __, created = WorkingGroupMembership.objects.get_or_create(group=group, member=member)
    return created


@transaction.atomic
def leave_working_group(member: Member, group: WorkingGroup) -> bool:
    """Remove `member` from `group`; True when this call removed them, False when they were
    not in it."""
    deleted, __ = WorkingGroupMembership.objects.filter(group=group, member=member).delete()
    return deleted > 0
