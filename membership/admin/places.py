"""Admin of the network's regions and cities."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from membership.admin.governance import SteeringCommitteeFilter
from membership.models import City, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "name_ar", "city_count"]
    search_fields = ["name", "name_fr", "name_ar"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("cities"))

    @admin.display(description=_("cities"), ordering="city_count")
    def city_count(self, region):
        return region.city_count


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "region", "status", "date_joined"]
    list_filter = ["status", "region", "country", SteeringCommitteeFilter]
    list_select_related = ["region"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated"]
