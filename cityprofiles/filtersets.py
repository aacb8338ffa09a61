"""The city directory as a FilterSet: text search, themes, region, country and sort.

Themes combine with AND: a city is listed when it works on every selected theme. A city
works on a theme when the theme is one of its areas of expertise OR one of its initiatives
is tagged with it (a theme may be tagged on one initiative and expertise only elsewhere).
Under each listed city the page shows its initiatives tagged with ANY of the selected
themes: they are what the city does on them. Without a theme, a text search shows the
initiatives matching the text instead.

The text search is accent- and case-insensitive (PostgreSQL's unaccent): every word of the
query must occur somewhere in the profile — the city's name, its challenges, its approach,
its themes' names, or the title, description, partners or themes of one of its
initiatives. Every condition is a subquery of one SQL query, whatever the number of
profiles.
"""

import django_filters
from django import forms
from django.contrib.postgres.lookups import Unaccent
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cityprofiles.models import CityProfile, Initiative
from membership.models import City, Region, Theme
from scn_portal.filtersets import BaseFilterSet, SlugChoiceField, query_words, themed_items

MAX_THEMES = 20


class SortOrder:
    """The orders of the directory; ties are broken by name, then by id (stable pages)."""

    NAME = "name"
    UPDATED = "updated"
    COMPLETENESS = "completeness"

    CHOICES = [
        (NAME, _("City name")),
        (UPDATED, _("Recently updated")),
        (COMPLETENESS, _("Most complete")),
    ]
    ORDER_BY = {
        NAME: ("city__name", "pk"),
        UPDATED: ("-updated", "city__name", "pk"),
        COMPLETENESS: ("-completeness", "city__name", "pk"),
    }


def theme_named(word: str) -> Q:
    """Themes whose name, in any of the hub's languages, contains `word`."""
    return (
        Q(tag__name__unaccent__icontains=word)
        | Q(tag__name_fr__unaccent__icontains=word)
        | Q(tag__name_ar__icontains=word)
    )


def initiatives_matching(word: str) -> Q:
    """Initiatives whose title, description, partners or a theme contain `word`."""
    tagged = themed_items(Initiative).filter(theme_named(word)).values("object_id")
    return (
        Q(title__unaccent__icontains=word)
        | Q(description__unaccent__icontains=word)
        | Q(partners__unaccent__icontains=word)
        | Q(pk__in=tagged)
    )


def profiles_matching(word: str) -> Q:
    """Profiles with `word` in their city's name, their texts, an area of expertise, or
    one of their initiatives."""
    expertise = themed_items(CityProfile).filter(theme_named(word)).values("object_id")
    initiatives = Initiative.objects.filter(initiatives_matching(word)).values("profile_id")
    return (
        Q(city__name__unaccent__icontains=word)
        | Q(challenges__unaccent__icontains=word)
        | Q(approach__unaccent__icontains=word)
        | Q(pk__in=expertise)
        | Q(pk__in=initiatives)
    )


def profiles_working_on(theme: Theme) -> Q:
    """Profiles with `theme` among their expertise or on one of their initiatives."""
    expertise = themed_items(CityProfile).filter(tag=theme).values("object_id")
    tagged_initiatives = themed_items(Initiative).filter(tag=theme).values("object_id")
    initiatives = Initiative.objects.filter(pk__in=tagged_initiatives).values("profile_id")
    return Q(pk__in=expertise) | Q(pk__in=initiatives)


class SearchTextField(forms.CharField):
    """The search text with control characters dropped: odd input is searched, not refused."""

    def to_python(self, value):
        return " ".join(query_words(super().to_python(value)))


class ThemeSlugsField(SlugChoiceField):
    """Several themes named by their slugs (theme=mentoring&theme=youth-engagement), at
    most MAX_THEMES."""

    default_error_messages = {
        "invalid_choice": _("Unknown theme: “%(value)s”."),
        "too_many": _("Choose at most %(limit)s themes."),
    }

    def clean(self, value):
        if value and len(value) > MAX_THEMES:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"limit": MAX_THEMES}
            )
        return super().clean(value)


class SearchTextFilter(django_filters.CharFilter):
    field_class = SearchTextField


class ThemeSlugsFilter(django_filters.Filter):
    field_class = ThemeSlugsField


def by_localized_name(queryset: QuerySet) -> QuerySet:
    """Themes or regions in the order of their names in the active language (the English
    name stands in for a missing translation)."""
    language = (get_language() or "en")[:2]
    name = F("name")
    if language in ("fr", "ar"):
        name = Coalesce(NullIf(f"name_{language}", Value("")), "name")
    # Accents and case set aside, as a reader expects ("Éducation" among the E's).
    return queryset.order_by(Lower(Unaccent(name)), "pk")


def member_countries():
    """(code, name) of the countries of the member cities, by name in the active language."""
    codes = City.objects.active().order_by().values_list("country", flat=True).distinct()
    names = dict(countries)
    return sorted(
        ((code, names.get(code, code)) for code in codes), key=lambda choice: str(choice[1])
    )


class CityProfileFilterSet(BaseFilterSet):
    """Finds published city profiles by text, themes (AND), region and country, and sorts
    them. Feed it the profiles the directory lists."""

    q = SearchTextFilter(label=_("Search"), method="search")
    theme = ThemeSlugsFilter(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes"),
        method="filter_themes",
    )
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), field_name="city__region", to_field_name="slug",
        label=_("Region"), empty_label=_("All regions"),
        error_messages={"invalid_choice": _("Unknown region.")},
    )  # fmt: skip
    country = django_filters.ChoiceFilter(
        choices=member_countries, field_name="city__country", label=_("Country"),
        empty_label=_("All countries"),
        error_messages={"invalid_choice": _("No member city is in the country “%(value)s”.")},
    )  # fmt: skip
    sort = django_filters.ChoiceFilter(
        choices=SortOrder.CHOICES, label=_("Sort by"), method="keep_order", empty_label=None,
        error_messages={"invalid_choice": _("Unknown order: “%(value)s”.")},
    )  # fmt: skip

    class Meta:
        model = CityProfile
        fields = ["q", "theme", "region", "country", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["theme"].widget.attrs["class"] = "form-check-input"
        for name in ("theme", "region"):
            field = self.form.fields[name]
            field.queryset = by_localized_name(field.queryset)
        # Looked up once, for both checking the value and drawing the menu.
        self.form.fields["country"].choices = member_countries()

    # --- filters ---

    def search(self, queryset, name, value):
        for word in query_words(value):
            queryset = queryset.filter(profiles_matching(word))
        return queryset

    def filter_themes(self, queryset, name, themes):
        for theme in themes:
            queryset = queryset.filter(profiles_working_on(theme))
        return queryset

    def keep_order(self, queryset, name, value):
        return queryset  # the order is applied last, in `qs`

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            profiles = self.queryset.all()
            if self.is_bound:
                self.form.is_valid()
                profiles = self.filter_queryset(profiles)
                if "theme" in self.form.errors:
                    # No city works on a theme that does not exist (AND semantics); the page
                    # says which theme it did not know.
                    profiles = profiles.none()
            self._qs = profiles.order_by(*SortOrder.ORDER_BY[self.sort_order])
        return self._qs

    # --- what the page shows about the search ---

    def cleaned(self, name):
        """A field's valid value (None when it is missing or invalid)."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        return self.form.cleaned_data.get(name)

    @property
    def sort_order(self) -> str:
        return self.cleaned("sort") or SortOrder.NAME

    @property
    def selected_themes(self) -> list[Theme]:
        return list(self.cleaned("theme") or [])

    @property
    def query(self) -> str:
        return self.cleaned("q") or ""

    @property
    def is_refined(self) -> bool:
        return bool(self.query or self.selected_themes or self.cleaned("region")
                    or self.cleaned("country"))  # fmt: skip

    def matching_initiatives(self) -> Prefetch | None:
        """The prefetch that puts on each profile, as `matching_initiatives`, its
        initiatives tagged with one of the selected themes, or else those matching the
        text search (None when neither is given)."""
        initiatives = Initiative.objects.order_by("position", "pk")
        if themes := self.selected_themes:
            tagged = themed_items(Initiative).filter(tag__in=themes).values("object_id")
            initiatives = initiatives.filter(pk__in=tagged)
        elif words := query_words(self.query):
            for word in words:
                initiatives = initiatives.filter(initiatives_matching(word))
        else:
            return None
        return Prefetch(
            "initiatives",
            queryset=initiatives.prefetch_related(Prefetch("themes", to_attr="theme_list")),
            to_attr="matching_initiatives",
        )
