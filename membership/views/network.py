from email.utils import parseaddr

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.views.generic import ListView, TemplateView

from membership.access import has_member_access
from membership.choices import CityStatus
from membership.filtersets import CityFilterSet
from membership.models import City, SteeringCommitteeSeat


class ApplicationStatus:
    """What the status page tells a logged-in user without member access."""

    NO_MEMBERSHIP = "no_membership"  # an account not linked to a city (e.g. made by staff)
    CITY_INACTIVE = "city_inactive"  # approved, but the city is suspended or has left
    # otherwise the MemberStatus of their request: pending, more_information, rejected


def application_status(member) -> str:
    if member is None:
        return ApplicationStatus.NO_MEMBERSHIP
    if member.approved and member.city.status != CityStatus.ACTIVE:
        return ApplicationStatus.CITY_INACTIVE
    return member.status


class ApplicationStatusView(TemplateView):
    """Where a logged-in user without member access learns why, and what happens next."""

    template_name = "membership/application_status.html"

    def get(self, request, *args, **kwargs):
        if has_member_access(request.user):
            return redirect("home")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        member = getattr(self.request.user, "member", None)
        return super().get_context_data(
            member=member,
            status=application_status(member),
            # The address the hub's emails come from: the SCN team reads its replies.
            team_email=parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
            **kwargs,
        )


class MemberCityListView(ListView):
    """The network at a glance: the active member cities, searchable by name, region, country."""

    template_name = "membership/city_list.html"
    paginate_by = 50

    def get_queryset(self):
        cities = City.objects.active().select_related("region").order_by("name")
        # The "Steering Committee" badge, in the same query as the cities.
        current_seats = SteeringCommitteeSeat.objects.current().filter(city=OuterRef("pk"))
        cities = cities.annotate(holds_steering_seat=Exists(current_seats))
        self.filterset = CityFilterSet(self.request.GET, queryset=cities)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)
