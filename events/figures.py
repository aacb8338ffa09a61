"""The network's event figures, computed from the events (never typed in): events held
and delegates, in total, by year and by region. Each function is one aggregate query,
whatever the number of events or registrations.

The rules:
- An event "held" is published (not a draft, not cancelled) and over: it ended (or,
  without an end date, started) before today. Historic events imported from the
  network's records count like the others.
- Its delegates are its published `delegates` figure when staff recorded one (historic
  events have it from the records); otherwise the members checked in at the event
  (registrations with `attended_at`). A published figure wins because it also counts
  people who never registered in the hub.
- By year: the year the event started. By region: the event's region; events without
  one are counted under "no region" (region None).
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear

from events.choices import EventStatus
from events.models import Event, Registration


@dataclass(frozen=True)
class EventFigures:
    """Events held and their delegates, for the whole network or one year or region."""

    events: int
    delegates: int


@dataclass(frozen=True)
class RegionEventFigures(EventFigures):
    """One region's figures; `region_id` None for events without a region. `names`
    holds the region's name in English, French and Arabic (for the interface language)."""

    region_id: int | None = None
    names: tuple[str, str, str] = ("", "", "")


def held_events(today=None):
    """Events the network has held: published and over (see the module's rules)."""
    return Event.objects.filter(status=EventStatus.PUBLISHED).past(today)


def _delegates():
    """An event's delegates: its published figure, else the members checked in there."""
    checked_in = (
        Registration.objects.filter(event=OuterRef("pk"), attended_at__isnull=False)
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce("delegates", Subquery(checked_in, output_field=IntegerField()), Value(0))


def totals(today=None) -> EventFigures:
    """Events held and delegates, all years: one query."""
    numbers = (
        held_events(today)
        .annotate(people=_delegates())
        .aggregate(events=Count("pk"), delegates=Coalesce(Sum("people"), Value(0)))
    )
    return EventFigures(numbers["events"], numbers["delegates"])


def by_year(today=None) -> dict[int, EventFigures]:
    """Year (of the start) -> events held and delegates, earliest first; only years with
    an event. One query."""
    rows = (
        held_events(today)
        .annotate(people=_delegates(), year=ExtractYear("start_date"))
        .order_by()
        .values("year")
        .annotate(events=Count("pk"), delegates=Coalesce(Sum("people"), Value(0)))
        .order_by("year")
    )
    return {row["year"]: EventFigures(row["events"], row["delegates"]) for row in rows}


def by_region(today=None) -> list[RegionEventFigures]:
    """Events held and delegates per region (events without a region under region None),
    most events first. One query."""
    rows = (
        held_events(today)
        .annotate(people=_delegates())
        .order_by()
        .values("region_id", "region__name", "region__name_fr", "region__name_ar")
        .annotate(events=Count("pk"), delegates=Coalesce(Sum("people"), Value(0)))
    )
    figures = [
        RegionEventFigures(
            events=row["events"],
            delegates=row["delegates"],
            region_id=row["region_id"],
            names=(
                row["region__name"] or "",
                row["region__name_fr"] or "",
                row["region__name_ar"] or "",
            ),
        )
        for row in rows
    ]
    return sorted(figures, key=lambda row: (row.region_id is None, -row.events, row.names[0]))
