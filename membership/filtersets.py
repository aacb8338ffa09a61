import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from membership.models import City, Region
from scn_portal.filtersets import BaseFilterSet


class CityFilterSet(BaseFilterSet):
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), field_name="region", to_field_name="slug",
        label=_("Region"), empty_label=_("All regions"),
    )  # fmt: skip
    country = django_filters.ChoiceFilter(
        choices=countries, label=_("Country"), empty_label=_("All countries")
    )

    class Meta:
        model = City
        fields = ["q", "region", "country"]

    def search(self, queryset, name, value):
        return queryset.filter(name__unaccent__icontains=value)
