from django.shortcuts import redirect
from django.views.generic import ListView, TemplateView

from membership.access import has_member_access
from membership.choices import CityStatus
from membership.filtersets import CityFilterSet
from membership.models import City


class ApplicationStatusView(TemplateView):
    """Where a logged-in user without member access learns why, and what happens next."""

    template_name = "membership/application_status.html"

    def get(self, request, *args, **kwargs):
        if has_member_access(request.user):
            return redirect("home")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        member = getattr(self.request.user, "member", None)
        city_inactive = (
            member is not None and member.approved and member.city.status != CityStatus.ACTIVE
        )
        return super().get_context_data(member=member, city_inactive=city_inactive, **kwargs)


class MemberCityListView(ListView):
    """The network at a glance: the active member cities, searchable by name, region, country."""

    template_name = "membership/city_list.html"
    paginate_by = 50

    def get_queryset(self):
        cities = City.objects.active().select_related("region").order_by("name")
        self.filterset = CityFilterSet(self.request.GET, queryset=cities)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)
