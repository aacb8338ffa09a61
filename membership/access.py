"""Who counts as a member of the hub: one function, used by the gate and the templates."""

from membership.choices import CityStatus


def has_member_access(user) -> bool:
    """True for SCN staff and for approved practitioners of an active member city.

    Evaluated on every request, so a rejected practitioner or a suspended city loses
    access at the next page load without any data being deleted.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    member = getattr(user, "member", None)  # RelatedObjectDoesNotExist is an AttributeError
    return member is not None and member.approved and member.city.status == CityStatus.ACTIVE
