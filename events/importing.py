"""The network's historic events from a CSV (shared/data/network_events.csv), imported
idempotently by `manage.py import_events`.

Each row is keyed by the slug of its title: a second run finds every event and changes
nothing. A run updates the fields the CSV holds (kind, dates, place, cities, figures,
summary) when they differ; what the CSV does not hold (themes, documents, capacity,
registration settings) and the status of an existing event are left as staff set them.

Places are matched to member cities by name or slug, accent- and case-insensitively, in
the row's country for the host; a name with alternatives ("Peja/Pec") matches on any of
them. Participants that are not member cities are kept as text (other_participants).
A bad row (unknown kind, unreadable date or number) is reported with its line number and
skipped."""

import csv
import datetime
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from events.choices import EXCHANGE_KINDS, DatePrecision, EventKind, EventStatus
from events.models import Event
from events.models.events import period_of
from membership.models import City

NETWORK_EVENTS_CSV = Path(__file__).resolve().parent / "data" / "network_events.csv"
SLUG_LENGTH = Event._meta.get_field("slug").max_length

# The fields an import owns: they follow the CSV on every run.
IMPORTED_FIELDS = (
    "title",
    "kind",
    "start_date",
    "end_date",
    "date_precision",
    "city_name",
    "country",
    "region_id",
    "host_city_id",
    "visiting_city_id",
    "other_participants",
    "delegates",
    "cities_represented",
    "countries_represented",
    "summary",
)


class BadRow(ValueError):
    """A row that cannot be imported; the message says why."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)  # "line 4: unknown kind 'gala'"

    def __str__(self):
        return (
            f"events: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.errors)} skipped"
        )


def normalise(name: str) -> str:
    """ "Montréal " -> "montreal": no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def name_keys(name: str) -> set[str]:
    """The ways a place may be written: "Peja/Pec" -> {"peja/pec", "peja", "pec"}."""
    keys = {normalise(name)}
    keys |= {normalise(part) for part in name.split("/") if part.strip()}
    keys.discard("")
    return keys


class CityIndex:
    """Every city, by each of its names' keys (and its slug): one query for a whole
    import."""

    def __init__(self):
        self.by_key: dict[str, list[City]] = {}
        self.by_country: dict[str, list[City]] = {}
        for city in City.objects.only("pk", "name", "slug", "country", "region_id"):
            for key in name_keys(city.name) | {city.slug, city.slug.replace("-", " ")}:
                self.by_key.setdefault(key, []).append(city)
            self.by_country.setdefault(city.country.code, []).append(city)

    def find(self, name: str, country: str = "") -> City | None:
        """The member city named `name` (in `country` when given); None when none, or
        when the name is ambiguous without a country to tell the cities apart."""
        candidates = {city.pk: city for key in name_keys(name) for city in self.by_key.get(key, [])}
        matches = list(candidates.values())
        if country:
            matches = [city for city in matches if city.country.code == country]
        return matches[0] if len(matches) == 1 else None

    def find_participant(self, name: str, country: str) -> City | None:
        """A participant has no country of its own: any country, preferring the host's."""
        return self.find(name, country) or self.find(name)

    def region_of_country(self, country: str):
        """The region most of the country's member cities are in, if it has any."""
        regions = Counter(city.region_id for city in self.by_country.get(country, []))
        return regions.most_common(1)[0][0] if regions else None


def parse_date(text: str, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BadRow(f"{what} date {text[:30]!r} is not a date like 2017-03-09") from None


def parse_count(text: str, what: str) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise BadRow(f"{what} {text[:30]!r} is not a whole number")
    return int(text)


def event_values(row: dict[str, str], cities: CityIndex) -> tuple[dict, list[int]]:
    """The event's fields from a CSV row, and its participating member cities' ids."""
    title = row.get("title", "")
    if not title:
        raise BadRow("no title")
    kind = row.get("kind", "")
    if kind not in EventKind.values:
        raise BadRow(f"unknown kind {kind[:30]!r}")
    precision = row.get("date_precision", "") or DatePrecision.DAY
    if precision not in DatePrecision.values:
        raise BadRow(f"unknown date precision {precision[:30]!r}")
    start = parse_date(row.get("start", ""), "start")
    end = parse_date(row["end"], "end") if row.get("end") else None
    if end is not None and end < start:
        raise BadRow("the event ends before it starts")
    if end == start:
        end = None
    # Known only to the month or the year: the whole of it (as Event.save stores it).
    start, end = period_of(start, end, precision)
    country = row.get("country_code", "").upper()
    city_name = row.get("city", "")
    host = cities.find(city_name, country) if city_name and country else None

    visiting, participating, others = None, [], []
    names = [name.strip() for name in row.get("participant_cities", "").split(";")]
    for position, name in enumerate(name for name in names if name):
        city = cities.find_participant(name, country)
        if city is not None and host is not None and city.pk == host.pk:
            continue
        if position == 0 and kind in EXCHANGE_KINDS and city is not None:
            visiting = city  # an exchange: the first participant is the visiting city
        elif city is not None:
            participating.append(city.pk)
        else:
            others.append(name)
    values = {
        "title": title,
        "kind": kind,
        "start_date": start,
        "end_date": end,
        "date_precision": precision,
        "city_name": city_name,
        "country": country,
        "region_id": host.region_id if host else cities.region_of_country(country),
        "host_city_id": host.pk if host else None,
        "visiting_city_id": visiting.pk if visiting else None,
        "other_participants": "\n".join(others),
        "delegates": parse_count(row.get("delegates", ""), "delegates"),
        "cities_represented": parse_count(row.get("cities_represented", ""), "cities"),
        "countries_represented": parse_count(row.get("countries_represented", ""), "countries"),
        "summary": row.get("notes", ""),
    }
    return values, sorted(set(participating))


def _current(event: Event, name: str):
    value = getattr(event, name)
    return value.code if name == "country" else value  # a CountryField gives a Country


@transaction.atomic
def save_event(slug: str, values: dict, participating: list[int]) -> str:
    """Create or update one event: "created", "updated" or "unchanged"."""
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        event = Event(slug=slug, status=EventStatus.PUBLISHED, **values)
        event.full_clean(exclude=["region", "host_city", "visiting_city"])
        event.save()
        event.participating_cities.set(participating)
        return "created"
    changed = [name for name, value in values.items() if _current(event, name) != value]
    current_cities = sorted(event.participating_cities.values_list("pk", flat=True))
    if not changed and current_cities == participating:
        return "unchanged"
    for name in changed:
        setattr(event, name, values[name])
    if changed:
        event.full_clean(exclude=["region", "host_city", "visiting_city", "slug"])
        event.save()
    if current_cities != participating:
        event.participating_cities.set(participating)
    return "updated"


def import_events(path: Path = NETWORK_EVENTS_CSV) -> ImportReport:
    """Import the events of the CSV at `path`; see the module's docstring."""
    report = ImportReport()
    cities = CityIndex()
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        seen: set[str] = set()
        for row in reader:
            line = reader.line_num
            row = {key.strip(): (value or "").strip() for key, value in row.items() if key}
            try:
                values, participating = event_values(row, cities)
                slug = slugify(values["title"])[:SLUG_LENGTH].strip("-")
                if not slug:
                    raise BadRow("the title makes no slug")
                if slug in seen:
                    raise BadRow(f"another row already has the title {values['title'][:60]!r}")
                seen.add(slug)
                outcome = save_event(slug, values, participating)
            except BadRow as error:
                report.errors.append(f"line {line}: {error}")
                continue
            except ValidationError as error:  # too long a title, an unknown country...
                problems = "; ".join(
                    f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
                )
                report.errors.append(f"line {line}: {problems}")
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report
