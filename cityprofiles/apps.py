from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityProfilesConfig(AppConfig):
    name = "cityprofiles"
    verbose_name = _("City profiles")

    def ready(self):
        # The membership app must not import this one: it learns from here which cities
        # meet the "city profile completed" expectation (published and 100% complete).
        from django.db.models.signals import post_delete

        from cityprofiles.models import CityProfile
        from cityprofiles.services import completed_profile_cities, delete_photo_file
        from membership.expectations import register_source

        register_source("profile_completed", completed_profile_cities)
        post_delete.connect(
            delete_photo_file, sender=CityProfile, dispatch_uid="cityprofiles_photo_cleanup"
        )

        # The directory's map and search results are kept until their data changes
        # (cityprofiles.map, cityprofiles.views.directory).
        from cityprofiles.map import DIRECTORY_TOPIC
        from cityprofiles.models import Initiative
        from membership.models import City, Region, ThemedItem
        from scn_portal.kept import forget_on_changes

        forget_on_changes(DIRECTORY_TOPIC, City, Region, CityProfile, Initiative, ThemedItem)

        # Who represents a city, on its profile page (services.city_governance).
        from cityprofiles.services import GOVERNANCE_TOPIC
        from membership.models import (
            AdvisoryGroup,
            AdvisoryGroupMembership,
            Member,
            SteeringCommitteeSeat,
            User,
        )

        forget_on_changes(
            GOVERNANCE_TOPIC, Member, User, SteeringCommitteeSeat, AdvisoryGroup,
            AdvisoryGroupMembership,
        )  # fmt: skip
