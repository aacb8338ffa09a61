import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from membership.expectations import EXPECTATIONS, cities_meeting
from membership.models import City, Region, Theme, WorkingGroup
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


class WorkingGroupFilterSet(BaseFilterSet):
    """The thematic working groups, by name or description and by theme."""

    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.all(), field_name="themes", to_field_name="slug",
        label=_("Theme"), empty_label=_("All themes"),
    )  # fmt: skip

    class Meta:
        model = WorkingGroup
        fields = ["q", "theme"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__unaccent__icontains=value) | Q(description__unaccent__icontains=value)
        )


class CityExpectationFilterSet(CityFilterSet):
    """The staff table of member expectations: cities by region, country and by the
    expectation they do not meet."""

    missing = django_filters.ChoiceFilter(
        choices=[(expectation.key, expectation.label) for expectation in EXPECTATIONS],
        label=_("Missing"), empty_label=_("Any expectation"), method="filter_missing",
    )  # fmt: skip

    class Meta(CityFilterSet.Meta):
        fields = ["q", "region", "country", "missing"]

    def filter_missing(self, queryset, name, value):
        meeting = cities_meeting(value, queryset)
        if meeting is None:
            # Nothing tracks this expectation yet: no city is known to miss it.
            return queryset.none()
        return queryset.exclude(pk__in=meeting)
