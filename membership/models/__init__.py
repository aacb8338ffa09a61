"""The membership app's models, one module per concern, all importable from here."""

from membership.models.applications import CityApplication
from membership.models.base import TranslatedNameModel, coordinate_field
from membership.models.governance import (
    AdvisoryGroup,
    AdvisoryGroupMembership,
    SteeringCommitteeSeat,
    WorkingGroup,
    WorkingGroupMembership,
)
from membership.models.people import Member, MemberQuerySet, User, UserManager
from membership.models.places import City, CityQuerySet, Region
from membership.models.themes import Theme, ThemedItem

__all__ = [
    "AdvisoryGroup",
    "AdvisoryGroupMembership",
    "City",
    "CityApplication",
    "CityQuerySet",
    "Member",
    "MemberQuerySet",
    "Region",
    "SteeringCommitteeSeat",
    "Theme",
    "ThemedItem",
    "TranslatedNameModel",
    "User",
    "UserManager",
    "WorkingGroup",
    "WorkingGroupMembership",
    "coordinate_field",
]
