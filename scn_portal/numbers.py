"""The network in numbers: the hub's headline figures and charts, computed live from the
records (nothing typed in, nothing cached) in a fixed number of aggregate queries —
eight, whatever the number of cities, members, events, enrolments or documents.

What each figure counts:
- member cities: cities whose membership is active; countries: their countries;
- practitioners with access: approved members of active member cities
  (MemberQuerySet.with_access(): who may use the hub now; staff are not counted);
- events held and delegates: events.figures (published, over, not cancelled; a published
  delegates figure, else the members checked in);
- practitioners trained: people who completed at least one training module
  (training.figures); by year, a person counts once in each year they completed one;
- documents: published library documents; by year: the year the document was published
  (`year_published`), else the year it was published in the library;
- downloads: the library's download counter of the published documents.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, IntegerField, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from events import figures as event_figures
from library.models import Document
from membership.models import City, Member
from scn_portal import charts
from training.figures import completed_filter, practitioners_trained
from training.models import Enrolment


def localized(names: tuple[str, str, str]) -> str:
    """A name from its (English, French, Arabic) versions, in the interface language,
    falling back to English (as TranslatedNameModel.localized_name)."""
    english, french, arabic = names
    language = (get_language() or "en")[:2]
    return {"fr": french, "ar": arabic}.get(language) or english


@dataclass(frozen=True)
class Headline:
    """One of the big figures at the top of the page."""

    key: str
    label: Promise
    value: int
    explanation: Promise

    @property
    def shown(self) -> str:
        return charts.shown_value(self.value)


@dataclass(frozen=True)
class ChartRow:
    label: str
    value: int

    @property
    def shown(self) -> str:
        return charts.shown_value(self.value)


@dataclass
class Chart:
    """A bar chart of the page and the table of the same figures."""

    key: str
    title: Promise
    category_heading: Promise
    value_heading: Promise
    rows: list[ChartRow]
    horizontal: bool = False

    @cached_property
    def svg(self) -> SafeString:
        return charts.bar_chart(
            [(row.label, row.value) for row in self.rows],
            chart_id=f"chart-{self.key}",
            title=str(self.title),
            value_axis_label=str(self.value_heading),
            category_axis_label="" if self.horizontal else str(self.category_heading),
            horizontal=self.horizontal,
        )


@dataclass
class NetworkNumbers:
    headlines: list[Headline]
    charts: list[Chart]

    # A method, not __getitem__: templates try item lookup before attributes.
    def headline(self, key: str) -> Headline:
        return next(headline for headline in self.headlines if headline.key == key)

    def chart(self, key: str) -> Chart:
        return next(chart for chart in self.charts if chart.key == key)


def every_year(values: dict[int, int]) -> list[ChartRow]:
    """One row per year from the first to the last year in `values`, years without
    anything shown as zero (a bar chart by year should not skip years)."""
    if not values:
        return []
    return [
        ChartRow(str(year), values.get(year, 0)) for year in range(min(values), max(values) + 1)
    ]


def _cities() -> tuple[int, int, list[ChartRow]]:
    """Active member cities, their countries and cities per region: one query."""
    rows = (
        City.objects.active()
        .order_by()
        .values("country", "region_id", "region__name", "region__name_fr", "region__name_ar")
        .annotate(count=Count("pk"))
    )
    countries, regions = set(), {}
    for row in rows:
        countries.add(row["country"])
        names = (row["region__name"], row["region__name_fr"], row["region__name_ar"])
        regions[names] = regions.get(names, 0) + row["count"]
    by_region = sorted(
        (ChartRow(localized(names), count) for names, count in regions.items()),
        key=lambda row: (-row.value, row.label),
    )
    return sum(regions.values()), len(countries), by_region


def _trained_by_year() -> dict[int, int]:
    """Year -> people who completed a module that year: one query."""
    rows = (
        Enrolment.objects.filter(completed_filter())
        .annotate(year=ExtractYear("completed_at"))
        .order_by()
        .values("year")
        .annotate(people=Count("user_id", distinct=True))
    )
    return {row["year"]: row["people"] for row in rows}


def _documents() -> tuple[int, int, dict[int, int]]:
    """Published documents, their downloads and documents per year published: two
    queries."""
    published = Document.objects.published()
    totals = published.aggregate(
        documents=Count("pk"), downloads=Coalesce(Sum("download_count"), Value(0))
    )
    rows = (
        published.annotate(
            year=Coalesce(
                "year_published", ExtractYear("published_at"), output_field=IntegerField()
            )
        )
        .filter(year__isnull=False)
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
    )
    return totals["documents"], totals["downloads"], {row["year"]: row["count"] for row in rows}


def network_numbers() -> NetworkNumbers:
    """Every figure and chart of the page, computed now."""
    cities, countries, cities_by_region = _cities()
    practitioners = Member.objects.with_access().count()
    events_by_year = event_figures.by_year()
    events_by_region = event_figures.by_region()
    trained = practitioners_trained()
    trained_by_year = _trained_by_year()
    documents, downloads, documents_by_year = _documents()

    headlines = [
        Headline("cities", _("Member cities"), cities, _("Cities whose membership is active.")),
        Headline("countries", _("Countries"), countries, _("Countries of the member cities.")),
        Headline(
            "practitioners",
            _("Practitioners with access"),
            practitioners,
            _("Approved practitioners of member cities who use the hub."),
        ),
        Headline(
            "events",
            _("Events held"),
            sum(year.events for year in events_by_year.values()),
            _("Summits, workshops, exchanges and other events that have taken place."),
        ),
        Headline(
            "delegates",
            _("Delegates"),
            sum(year.delegates for year in events_by_year.values()),
            _("People who took part in those events."),
        ),
        Headline(
            "trained",
            _("Practitioners trained"),
            trained,
            _("People who completed at least one training module."),
        ),
        Headline("documents", _("Documents"), documents, _("Published in the library.")),
        Headline(
            "downloads", _("Downloads"), downloads, _("Downloads of the library's documents.")
        ),
    ]
    year, events_held = _("Year"), _("Events held")
    chart_list = [
        Chart(
            "events-by-year",
            _("Events held by year"),
            year,
            events_held,
            every_year({y: figures.events for y, figures in events_by_year.items()}),
        ),
        Chart(
            "delegates-by-year",
            _("Delegates by year"),
            year,
            _("Delegates"),
            every_year({y: figures.delegates for y, figures in events_by_year.items()}),
        ),
        Chart(
            "events-by-region",
            _("Events held by region"),
            _("Region"),
            events_held,
            [
                ChartRow(
                    localized(row.names) if row.region_id else str(_("No region given")),
                    row.events,
                )
                for row in events_by_region
            ],
            horizontal=True,
        ),
        Chart(
            "cities-by-region",
            _("Member cities by region"),
            _("Region"),
            _("Member cities"),
            cities_by_region,
            horizontal=True,
        ),
        Chart(
            "trained-by-year",
            _("Practitioners trained by year"),
            year,
            _("Practitioners trained"),
            every_year(trained_by_year),
        ),
        Chart(
            "documents-by-year",
            _("Documents by year published"),
            year,
            _("Documents"),
            every_year(documents_by_year),
        ),
    ]
    return NetworkNumbers(headlines, chart_list)


class NetworkNumbersView(TemplateView):
    """ "The network in numbers", for members and staff (the hub's default gate). Not
    cached: the eight aggregate queries are cheap, and the page then always agrees with
    the records."""

    template_name = "numbers.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(numbers=network_numbers(), **kwargs)
