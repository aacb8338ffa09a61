"""The library's search page as a FilterSet: full text, six facets, sort (ARCHITECTURE.md,
"Search").

Facets select several values: values of one facet are OR-ed, facets are AND-ed. Each
facet counts its values over the documents matching everything except its own selection,
so a reader sees what ticking one more value would add. Every count is one aggregate query
over the same filtered queryset, whatever the number of documents.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from library.choices import DOCUMENT_LANGUAGES, DocumentType
from library.models import Document
from library.results import WHOLE_LIBRARY_KEY, kept
from library.search import clean_query, search_documents
from membership.models import City, Region, Theme, ThemedItem
from scn_portal.filtersets import BaseFilterSet, SlugChoiceField

LANGUAGE_NAMES = dict(DOCUMENT_LANGUAGES)
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_FACET_VALUES = 20


def document_content_type() -> Subquery:
    """The content type of documents, inside the query that needs it: no query of its own
    (whatever the state of ContentType's cache), and PostgreSQL estimates the themed items
    of documents by their content type column rather than through a join."""
    content_types = ContentType.objects.filter(
        app_label=Document._meta.app_label, model=Document._meta.model_name
    )
    return Subquery(content_types.values("pk")[:1])


def document_themes() -> QuerySet:
    """The theme links of library documents (taggit links themes to any model)."""
    return ThemedItem.objects.filter(content_type=document_content_type())


class SortOrder:
    """The orders a result list can take. Relevance needs a query; without one the
    newest documents come first."""

    RELEVANCE = "relevance"
    NEWEST = "newest"
    TITLE = "title"
    DOWNLOADS = "downloads"

    CHOICES = [
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest")),
        (TITLE, _("Title")),
        (DOWNLOADS, _("Most downloaded")),
    ]
    # A final tie-breaker on the primary key keeps pages stable.
    ORDER_BY = {
        RELEVANCE: ("-rank", "-published_at", "-pk"),
        NEWEST: ("-published_at", "-pk"),
        TITLE: ("title", "pk"),
        DOWNLOADS: ("-download_count", "-published_at", "-pk"),
    }


class SearchTextField(forms.CharField):
    """The query with control characters (NUL included) dropped and its length capped,
    as library.search does: odd input is searched, not refused."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchTextFilter(django_filters.CharFilter):
    field_class = SearchTextField


class SlugChoiceFilter(django_filters.Filter):
    field_class = SlugChoiceField


class CodeChoiceField(forms.MultipleChoiceField):
    """Several codes from a fixed list (languages, document types)."""

    def validate(self, value):
        # A long refused value is shortened in the message.
        for code in value:
            if not self.valid_value(code):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": code[:60]},
                )


class CodeChoiceFilter(django_filters.Filter):
    field_class = CodeChoiceField


class YearsField(forms.Field):
    """Several years (year=2019&year=2020), each between 1900 and 2100."""

    widget = forms.SelectMultiple
    default_error_messages = {"invalid": _("“%(value)s” is not a year between 1900 and 2100.")}

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        years = set()
        for text in value:
            try:
                year = int(str(text).strip())
            except ValueError:
                year = None
            if year is None or not MIN_YEAR <= year <= MAX_YEAR:
                raise ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": text[:60]}
                )
            years.add(year)
        return sorted(years)


class YearsFilter(django_filters.Filter):
    field_class = YearsField


@dataclass
class FacetValue:
    """One value of a facet as the page shows it: a checkbox with a count."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """A facet of the search page: its URL parameter, its heading and its values."""

    name: str
    label: str
    values: list[FacetValue]


def theme_counts(documents: QuerySet) -> QuerySet:
    """Themes used by `documents`, each annotated with `count` (one query)."""
    return (
        Theme.objects.filter(
            themed_items__content_type=document_content_type(),
            themed_items__object_id__in=documents.order_by().values("pk"),
        )
        .annotate(count=Count("themed_items"))
        .order_by("-count", "name")
    )


def city_counts(documents: QuerySet) -> QuerySet:
    """Cities `documents` are about, each annotated with `count` (one query)."""
    return (
        City.objects.filter(documents__in=documents.order_by().values("pk"))
        .annotate(count=Count("documents"))
        .order_by("-count", "name")
    )


def region_counts(documents: QuerySet) -> QuerySet:
    """Regions `documents` cover, each annotated with `count` (one query)."""
    return (
        Region.objects.filter(documents__in=documents.order_by().values("pk"))
        .annotate(count=Count("documents"))
        .order_by("-count", "name")
    )


def field_counts(documents: QuerySet, field: str) -> list[tuple]:
    """[(value, count)] of one column of `documents`, most frequent first (one query)."""
    return list(
        documents.exclude(**{field: None})
        .order_by()
        .values_list(field)
        .annotate(count=Count("pk"))
        .order_by("-count", field)
    )


OBJECT_FACETS = ("theme", "city", "region")


def most_frequent(counted, is_selected=lambda item: False) -> list:
    """The MAX_FACET_VALUES most frequent of `counted` (which comes most frequent first)
    and the selected ones: a network of 2,000 cities cannot list them all beside the
    results (nor keep them with every search); a reader looking for one city searches for
    it or comes from its page."""
    return [
        item
        for position, item in enumerate(counted)
        if position < MAX_FACET_VALUES or is_selected(item)
    ]


def whole_library_counts() -> dict:
    """{facet: counted values} over every published document (see facets()): the same for
    every member (the library home, a search page with nothing typed or ticked), so kept
    until the library changes (library.results)."""

    def count():
        published = Document.objects.published()
        return {
            "theme": list(theme_counts(published)),
            # Only the cities are trimmed: the library home lists every theme and region.
            "city": most_frequent(city_counts(published)),
            "region": list(region_counts(published)),
            "language": field_counts(published, "language"),
            "type": field_counts(published, "document_type"),
            "year": field_counts(published, "year_published"),
        }

    return kept(WHOLE_LIBRARY_KEY, count)


class DocumentFilterSet(BaseFilterSet):
    """Full-text search, facets and sort of the library's search page. Feed it the
    documents the reader may see; `facets()` gives the counts beside the results."""

    q = SearchTextFilter(label=_("Search the library"), method="search")
    theme = SlugChoiceFilter(
        queryset=Theme.objects.all(), to_field_name="slug", label=_("Theme"),
        method="filter_themes", error_messages={"invalid_choice": _("Unknown theme: “%(value)s”.")},
    )  # fmt: skip
    city = SlugChoiceFilter(
        queryset=City.objects.all(), to_field_name="slug", label=_("City"),
        method="filter_cities", error_messages={"invalid_choice": _("Unknown city: “%(value)s”.")},
    )  # fmt: skip
    region = SlugChoiceFilter(
        queryset=Region.objects.all(), to_field_name="slug", label=_("Region"),
        method="filter_regions",
        error_messages={"invalid_choice": _("Unknown region: “%(value)s”.")},
    )  # fmt: skip
    language = CodeChoiceFilter(
        choices=DOCUMENT_LANGUAGES, field_name="language", lookup_expr="in", label=_("Language"),
        error_messages={"invalid_choice": _("Unknown language: “%(value)s”.")},
    )  # fmt: skip
    type = CodeChoiceFilter(
        choices=DocumentType.choices, field_name="document_type", lookup_expr="in",
        label=_("Type"),
        error_messages={"invalid_choice": _("Unknown document type: “%(value)s”.")},
    )  # fmt: skip
    year = YearsFilter(field_name="year_published", lookup_expr="in", label=_("Year"))
    sort = django_filters.ChoiceFilter(
        choices=SortOrder.CHOICES, label=_("Sort by"), method="keep_order",
        error_messages={"invalid_choice": _("Unknown order: “%(value)s”.")},
    )  # fmt: skip

    FACETS = ("theme", "city", "region", "language", "type", "year")

    class Meta:
        model = Document
        fields = ["q", "theme", "city", "region", "language", "type", "year", "sort"]

    # --- filters ---

    def search(self, queryset, name, value):
        return search_documents(queryset, value)

    def filter_themes(self, queryset, name, themes):
        tagged = document_themes().filter(tag__in=themes)
        return queryset.filter(pk__in=tagged.values("object_id"))

    def filter_cities(self, queryset, name, cities):
        about = Document.cities.through.objects.filter(city__in=cities)
        return queryset.filter(pk__in=about.values("document_id"))

    def filter_regions(self, queryset, name, regions):
        covering = Document.covered_regions.through.objects.filter(region__in=regions)
        return queryset.filter(pk__in=covering.values("document_id"))

    def keep_order(self, queryset, name, value):
        return queryset  # the order is applied last, in `qs`

    @property
    def cleaned_data(self) -> dict:
        """The form's valid fields (an invalid field is left out: it filters nothing, and
        the page shows its error)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    def cleaned(self, name):
        return self.cleaned_data.get(name)

    def filter_queryset(self, queryset, *, leave_out: str | None = None):
        """`queryset` filtered by every valid field except `leave_out` (the facet whose
        counts are being computed)."""
        for name, value in self.cleaned_data.items():
            if name != leave_out:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all()).order_by(
                *SortOrder.ORDER_BY[self.sort_order]
            )
        return self._qs

    # --- what the page shows about the state of the search ---

    @property
    def query(self) -> str:
        """The searched text (cleaned), or ""."""
        return self.cleaned("q") or ""

    @property
    def sort_order(self) -> str:
        default = SortOrder.RELEVANCE if self.query else SortOrder.NEWEST
        chosen = self.cleaned("sort") or default
        if chosen == SortOrder.RELEVANCE and not self.query:
            return SortOrder.NEWEST
        return chosen

    @property
    def sort_options(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) for the sort menu. Its first option, the default order,
        has an empty value, so that a reader who never chose an order gets relevance as
        soon as they type a query, and the newest documents when they clear it."""
        default = SortOrder.RELEVANCE if self.query else SortOrder.NEWEST
        chosen = self.cleaned("sort") or ""
        labels = dict(SortOrder.CHOICES)
        options = [("", labels[default])] + [
            (value, label)
            for value, label in SortOrder.CHOICES
            if value != default and (self.query or value != SortOrder.RELEVANCE)
        ]
        if chosen not in {value for value, _label in options}:
            chosen = ""
        return [(value, label, value == chosen) for value, label in options]

    @property
    def is_refined(self) -> bool:
        """True when a facet has a selected value."""
        return any(self.cleaned(name) for name in self.FACETS)

    # --- facets ---

    def matching_ids(self, leave_out: str | None = None) -> list[int]:
        """Ids of the documents matching every filter but `leave_out`, fetched once.

        The facets count over these instead of repeating the full-text condition six
        times: a facet without a selection of its own shares the page's match set; a facet
        with one is counted without it (so more of its values can be ticked)."""
        key = leave_out if leave_out and self.cleaned(leave_out) else None
        cache = self.__dict__.setdefault("_matching_ids", {})
        if key not in cache:
            matching = self.filter_queryset(self.queryset.all(), leave_out=key)
            cache[key] = list(matching.order_by().values_list("pk", flat=True))
        return cache[key]

    @property
    def match_count(self) -> int | None:
        """How many documents match, when the facets have already fetched them."""
        ids = self.__dict__.get("_matching_ids", {}).get(None)
        return None if ids is None else len(ids)

    def state(self) -> dict:
        """What the search is (BaseFilterSet.state) with the order it is shown in. A
        refused field filters nothing, so it is left out: equal states find the same
        documents."""
        return {**super().state(), "sort": self.sort_order}

    def facet_counts(self) -> dict:
        """{facet: counted values} of the six facets: one query each; with a text query,
        plus the matching ids, once and once more per facet with a selection (counted
        without it)."""
        if not (self.query or self.is_refined):
            return whole_library_counts()

        def without(name):
            if not self.query:
                # Facets alone are cheap joins: counting over them directly beats shipping a
                # large id list.
                return self.filter_queryset(self.queryset.all(), leave_out=name)
            return Document.objects.filter(pk__any=self.matching_ids(name))

        counts = {
            "theme": theme_counts(without("theme")),
            "city": city_counts(without("city")),
            "region": region_counts(without("region")),
            "language": field_counts(without("language"), "language"),
            "type": field_counts(without("type"), "document_type"),
            "year": field_counts(without("year"), "year_published"),
        }
        return {name: self._shown(name, counted) for name, counted in counts.items()}

    def _shown(self, facet: str, counted) -> list:
        """The values of `facet` the page lists: the most frequent and the selected ones."""
        selected = self.cleaned(facet) or []
        if facet in OBJECT_FACETS:
            return most_frequent(counted, lambda obj: obj in selected)
        codes = {str(value) for value in selected}
        return most_frequent(counted, lambda item: str(item[0]) in codes)

    def facets(self, counts: dict | None = None) -> list[Facet]:
        """The six facets as the page shows them, from `counts` (facet_counts() when not
        given: the results of a search keep theirs)."""
        if counts is None:
            counts = self.facet_counts()
        facets = [
            self._object_facet("theme", counts["theme"], localized=True),
            self._object_facet("city", counts["city"]),
            self._object_facet("region", counts["region"], localized=True),
            self._code_facet("language", counts["language"], LANGUAGE_NAMES),
            self._code_facet("type", counts["type"], dict(DocumentType.choices)),
            self._code_facet("year", counts["year"], {}),
        ]
        facets[-1].values.sort(key=lambda option: option.value, reverse=True)
        return facets

    def _object_facet(self, name, counted, localized=False) -> Facet:
        def label_of(obj):
            return obj.localized_name if localized else obj.name

        selected = self.cleaned(name) or []
        values = [
            FacetValue(obj.slug, label_of(obj), obj.count, obj in selected) for obj in counted
        ]
        shown = {value.value for value in values}
        # A selected value that no longer matches anything stays on the page, so that it
        # can be unticked.
        values += [
            FacetValue(obj.slug, label_of(obj), 0, True)
            for obj in selected
            if obj.slug not in shown
        ]
        return Facet(name, self.filters[name].label, values)

    def _code_facet(self, name, counted, labels) -> Facet:
        selected = {str(value) for value in self.cleaned(name) or []}
        values = [
            FacetValue(str(code), str(labels.get(code, code)), count, str(code) in selected)
            for code, count in counted
        ]
        shown = {value.value for value in values}
        values += [
            FacetValue(code, str(labels.get(code, code)), 0, True)
            for code in sorted(selected - shown)
        ]
        return Facet(name, self.filters[name].label, values)
