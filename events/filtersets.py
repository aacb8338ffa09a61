"""The events list as a FilterSet: text, kind, region, member city, themes (AND), year,
and when (upcoming by default, past, or all).

Text search is accent- and case-insensitive (PostgreSQL's unaccent): every word must
occur in the title, summary, city or venue. Every condition is part of one SQL query.
Upcoming events come soonest first; past (and all) events newest first."""

import django_filters
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.choices import EventKind
from events.models import Event
from events.queries import involving_city
from membership.models import City, Region
from scn_portal.filtersets import (
    BaseFilterSet,
    ThemesFilter,
    matching_every_word,
    tagged_with_every,
)
from scn_portal.forms import options_html
from scn_portal.kept import kept_until_changed


class When:
    UPCOMING = "upcoming"
    PAST = "past"
    ALL = "all"

    CHOICES = [(UPCOMING, _("Upcoming")), (PAST, _("Past")), (ALL, _("All dates"))]


EVENTS_TOPIC = "events"


def cities_with_events():
    """The cities that hosted, visited or took part in a published event."""
    published = Event.objects.published()
    involved = (
        Q(hosted_events__in=published) | Q(visiting_events__in=published) | Q(events__in=published)
    )
    return (
        City.objects.filter(pk__in=City.objects.filter(involved).values("pk"))
        .only("pk", "name", "slug", "country")
        .order_by("name")
    )


def city_choices() -> list[tuple[str, str]]:
    """(slug, name) of the cities of the events list's city menu."""
    return list(cities_with_events().values_list("slug", "name"))


class EventFilterSet(BaseFilterSet):
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=When.CHOICES, empty_label=None, method="filter_when"
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("Any kind")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Any region"),
    )
    city = django_filters.ModelChoiceFilter(
        label=_("Member city"),
        queryset=City.objects.none(),  # set per request: the cities of published events
        to_field_name="slug",
        empty_label=_("Any city"),
        method="filter_city",
    )
    year = django_filters.TypedChoiceFilter(
        label=_("Year"), choices=[], coerce=int, empty_value=None, method="filter_year"
    )
    theme = ThemesFilter()

    class Meta:
        model = Event
        fields = ["q", "when", "kind", "region", "city", "year", "theme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The menus (cities, years, regions, themes) list the same for every member (staff
        # also see the years of drafts): kept per language until an event, a city, a
        # region or a theme changes (receivers in events.apps), the 2,000 cities already
        # drawn as <option>s (select_options in scn_portal/templatetags/portal.py). The
        # fields' querysets only check the values asked for.
        audience = "staff" if self.request and self.request.user.is_staff else "members"
        cities_html, years, regions_html, themes = kept_until_changed(
            EVENTS_TOPIC, f"menus:{audience}:{get_language()}", self.menus
        )
        city = self.form.fields["city"]
        city.queryset = cities_with_events()
        city.options_html = cities_html
        self.form.fields["region"].options_html = regions_html
        self.form.fields["theme"].listed_choices = themes
        self.form.fields["year"].choices = [("", _("Any year"))] + [(year, year) for year in years]

    def menus(self) -> tuple[str, list[int], str, list[tuple[str, str]]]:
        """What the filter menus list: the cities and regions as <option>s (after the
        empty one), the years, and the themes as (slug, name) pairs."""
        regions = [
            (str(value), str(label))
            for value, label in self.form.fields["region"].choices
            if str(value)
        ]
        themes = [(str(value), str(label)) for value, label in self.form.fields["theme"].choices]
        return options_html(city_choices()), self.event_years(), options_html(regions), themes

    def event_years(self) -> list[int]:
        """The years of the events the viewer may see (all the years an event spans),
        newest first."""
        spans = (
            self.queryset.order_by()
            .annotate(first=ExtractYear("start_date"), last=ExtractYear("end_date"))
            .values_list("first", "last")
            .distinct()
        )
        years = {year for first, last in spans for year in range(first, (last or first) + 1)}
        return sorted(years, reverse=True)

    @property
    def when_value(self) -> str:
        # The other filters' errors do not matter here: a valid `when` applies anyway.
        self.form.is_valid()
        return self.form.cleaned_data.get("when") or When.UPCOMING

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        when = self.when_value
        if when == When.UPCOMING:
            return queryset.upcoming().order_by("start_date", "start_time", "title", "pk")
        if when == When.PAST:
            queryset = queryset.past()
        return queryset.order_by("-start_date", "title", "pk")

    def search(self, queryset, name, value):
        return matching_every_word(queryset, value, ["title", "summary", "city_name", "venue"])

    def filter_when(self, queryset, name, value):
        return queryset  # applied in filter_queryset, with the order that goes with it

    def filter_city(self, queryset, name, city):
        return queryset.filter(involving_city(city))

    def filter_year(self, queryset, name, year):
        """Events taking place (at least partly) in that year."""
        return queryset.annotate(last=Coalesce("end_date", "start_date")).filter(
            start_date__year__lte=year, last__year__gte=year
        )

    def filter_themes(self, queryset, name, themes):
        return tagged_with_every(Event, queryset, themes)
