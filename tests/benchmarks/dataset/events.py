"""Events and registrations: 5,000 events from 2015 to 2028 with 200,000 registrations
(at full size).

Every kind of event of the network, mostly published (some drafts, some cancelled), mostly
known to the day (older ones sometimes only to the month or the year, their dates spanning
it as events.models.period_of makes them); hosted by member cities spread over the
network's ranking, with participating cities, themes, languages, capacity and registration
windows. One global summit a year (fewer in a small dataset) draws thousands of
registrations; regional events draw mostly members of their region.

Registrations follow the rules of events.services as of shared.REFERENCE_DATE: one per
member and event; interest only before registration opens; pending or rejected where the
team approves registrations; confirmed up to the capacity and on the waiting list beyond it;
some cancelled. For events that are over, confirmed participants were mostly checked in
(attended_at), sent the survey, and some answered it. The published figures of past
summits and regional workshops (delegates, cities, countries) are those of their
attendance. The benchmark member is registered for events to come and attended one.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.text import slugify
from django_countries import countries

from events.choices import (
    EXCHANGE_KINDS,
    DatePrecision,
    EventKind,
    EventStatus,
    KnowledgeGain,
    RegistrationStatus,
)
from events.models import Event
from events.models.events import period_of
from membership.choices import CityStatus
from membership.models import Region, Theme
from tests.benchmarks.dataset import network, places, texts
from tests.benchmarks.dataset.copying import copy_rows, indexes_dropped, sync_sequence
from tests.benchmarks.dataset.shared import (
    REFERENCE_DATE,
    REFERENCE_TIME,
    Scale,
    Skewed,
    at,
    random_moment,
    rng_for,
    unique_slug,
)

VERSION = "1"
APPS = ("events",)
TABLES = ("events_event", "events_event_participating_cities", "membership_themeditem",
          "events_registration", "events_surveyresponse")  # fmt: skip
FIRST_YEAR, LAST_YEAR = 2015, 2028
BENCH_EVENTS_FROM = datetime.date(2027, 1, 15)  # still to come for a while

# kind: (share of the events, weight for registrations, days, (capacity range) or None)
KINDS = {
    EventKind.WEBINAR: (24, 6, 1, None),
    EventKind.TRAINING: (15, 2, 2, (15, 40)),
    EventKind.REGIONAL_WORKSHOP: (14, 5, 2, (25, 60)),
    EventKind.NATIONAL_WORKSHOP: (12, 3, 2, (20, 50)),
    EventKind.CITY_EXCHANGE: (10, 1, 3, (8, 20)),
    EventKind.CONSULTATION: (7, 1.5, 1, (15, 30)),
    EventKind.YOUTH_LAB: (6, 2, 2, (20, 40)),
    EventKind.CONFERENCE_SIDE_EVENT: (5, 3, 1, (50, 200)),
    EventKind.MAYORAL_EXCHANGE: (4, 1, 2, (6, 15)),
    EventKind.VISITOR_PROGRAMME: (3, 1, 10, (10, 35)),
}
SUMMIT_WEIGHT = 250
APPROVAL_KINDS = {EventKind.REGIONAL_WORKSHOP, EventKind.NATIONAL_WORKSHOP,
                  EventKind.VISITOR_PROGRAMME, *EXCHANGE_KINDS}  # fmt: skip
CONFERENCES = ("the UN General Assembly", "the GCTF plenary", "the Paris Peace Forum",
               "the OSCE Counter-Terrorism Conference", "the Christchurch Call Summit")  # fmt: skip
TITLES = {
    EventKind.WEBINAR: ("Webinar: {theme_lower} in practice", "Webinar: what cities learned "
                        "about {theme_lower}", "Webinar: {theme}"),
    EventKind.TRAINING: ("Training in {city}: {theme_lower}",),
    EventKind.REGIONAL_WORKSHOP: ("{region} Regional Workshop: {theme_lower}",),
    EventKind.NATIONAL_WORKSHOP: ("National workshop in {country}: {theme_lower}",),
    EventKind.CITY_EXCHANGE: ("City exchange: {visiting} visits {city} on {theme_lower}",),
    EventKind.MAYORAL_EXCHANGE: ("Mayoral exchange: {visiting} and {city}",),
    EventKind.CONSULTATION: ("Consultation with {city}: {theme_lower}",),
    EventKind.YOUTH_LAB: ("Youth lab {city}: {theme_lower}",),
    EventKind.CONFERENCE_SIDE_EVENT: ("Side-event at {conference}: {theme_lower}",),
    EventKind.VISITOR_PROGRAMME: ("International visitor programme: {theme_lower}",),
    EventKind.GLOBAL_SUMMIT: ("SCN Global Summit {year}: {theme_lower}",),
}  # fmt: skip
FRENCH_TITLES = {
    EventKind.TRAINING: "Formation à {city} : {theme_lower}",
    EventKind.REGIONAL_WORKSHOP: "Atelier régional ({region}) : {theme_lower}",
    EventKind.NATIONAL_WORKSHOP: "Atelier national ({country}) : {theme_lower}",
    EventKind.CONSULTATION: "Consultation à {city} : {theme_lower}",
    EventKind.YOUTH_LAB: "Laboratoire jeunesse de {city} : {theme_lower}",
}
VENUES = {
    "en": ("{city} City Hall", "Municipal conference centre, {city}", "{city} Youth House",
           "{city} Public Library"),
    "fr": ("Hôtel de ville de {city}", "Centre de congrès de {city}",
           "Maison des jeunes de {city}"),
    "ar": ("مبنى بلدية {city}", "مركز المؤتمرات في {city}", "مركز الشباب في {city}"),
}  # fmt: skip
KIND_SENTENCES = {
    EventKind.GLOBAL_SUMMIT: "The network's annual summit brings mayors and practitioners "
    "from every region together.",
    EventKind.WEBINAR: "The link to join is shown to registered participants.",
    EventKind.CITY_EXCHANGE: "A delegation spends a few days with its counterparts in the "
    "host city.",
}
NOTES = ("Vegetarian meals, please.", "I will arrive on the evening before.",
         "Could I bring a colleague from our youth services?", "I need a visa letter.")  # fmt: skip
REJECTION = "Places were kept for practitioners from the region's member cities."
WILL_APPLY = ("Mapping our partners again before the next plan.",
              "Set up a case conference with schools and the police.",
              "Share the session's material with our youth workers.", "")  # fmt: skip
COMMENTS = ("Very useful exchanges with other cities.", "More time for questions, please.",
            "Good speakers; the room was too small.", "")  # fmt: skip


@dataclass
class GeneratedEvent:
    pk: int
    kind: str
    status: str
    start: datetime.date
    end: datetime.date | None
    capacity: int | None
    requires_approval: bool
    opens: datetime.datetime | None
    closes: datetime.datetime | None
    region_id: int | None
    weight: float
    row: list = field(default_factory=list)

    @property
    def last_day(self) -> datetime.date:
        return self.end or self.start

    @property
    def is_over(self) -> bool:
        return self.last_day < REFERENCE_DATE


class EventGenerator:
    def __init__(self, scale: Scale):
        self.scale = scale
        self.rng = rng_for("events")
        ranked = network.ranked_cities()
        self.active = [city for city in ranked if city.status == CityStatus.ACTIVE]
        self.hosts = Skewed(self.active, exponent=0.8)
        self.by_region: dict[int, list[network.RankedCity]] = {}
        for city in self.active:
            self.by_region.setdefault(city.region_id, []).append(city)
        self.regions = {region.pk: region for region in Region.objects.all()}
        self.themes = list(Theme.objects.order_by("pk"))
        self.taken_slugs: set[str] = set()
        self.event_type = ContentType.objects.get_for_model(Event).pk
        self.events: list[GeneratedEvent] = []
        self.participating: list[tuple] = []
        self.themed: list[tuple] = []

    # --- events ---

    def kinds(self) -> list[str]:
        """The kind of each event: one global summit a year (spread over the years when
        the dataset is smaller), the others drawn by their share."""
        rng = self.rng
        years = LAST_YEAR - FIRST_YEAR + 1
        summits = max(1, min(years, round(years * self.scale.factor)))
        kinds = [EventKind.GLOBAL_SUMMIT] * summits
        choices, shares = list(KINDS), [KINDS[kind][0] for kind in KINDS]
        kinds += rng.choices(choices, weights=shares, k=max(0, self.scale.events - summits))
        return kinds

    def generate(self) -> None:
        rng = self.rng
        kinds = self.kinds()
        # From the last year back: a small dataset's summits are still to come.
        step = max(1, (LAST_YEAR - FIRST_YEAR + 1) // kinds.count(EventKind.GLOBAL_SUMMIT))
        summit_years = iter(range(LAST_YEAR, FIRST_YEAR - 1, -step))
        for pk, kind in enumerate(kinds, start=1):
            if kind == EventKind.GLOBAL_SUMMIT:
                year = next(summit_years, LAST_YEAR)
            else:
                # More events every year as the network grows.
                year = rng.choices(range(FIRST_YEAR, LAST_YEAR + 1),
                                   weights=range(4, 4 + LAST_YEAR - FIRST_YEAR + 1))[0]  # fmt: skip
            self.events.append(self.event(pk, kind, year))

    def event(self, pk: int, kind: str, year: int) -> GeneratedEvent:
        rng = self.rng
        summit = kind == EventKind.GLOBAL_SUMMIT
        _share, weight, days, capacities = KINDS.get(kind, (0, SUMMIT_WEIGHT, 3, (1500, 3000)))
        if summit:  # between May and October
            start = datetime.date(year, 5, 1) + datetime.timedelta(days=rng.randint(0, 180))
        else:
            start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 363))
        precision = DatePrecision.DAY
        if year < 2019 and not summit:
            precision = rng.choices(
                (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR), weights=(80, 15, 5)
            )[0]
        end = start + datetime.timedelta(days=rng.randint(0, days - 1)) if days > 1 else None
        start, end = period_of(start, end, precision)
        status = EventStatus.PUBLISHED
        roll = rng.random()
        if roll < 0.06:
            status = EventStatus.CANCELLED
        elif roll < 0.12 and start > REFERENCE_DATE - datetime.timedelta(days=30):
            status = EventStatus.DRAFT
        online = kind == EventKind.WEBINAR
        host = None if online else self.hosts.pick(rng)
        if summit or online:
            region_id = None if online and rng.random() < 0.7 else (
                host.region_id if host else rng.choice(list(self.regions)))  # fmt: skip
        else:
            region_id = host.region_id
        visiting = None
        if kind in EXCHANGE_KINDS:
            visiting = rng.choice([city for city in self.active if city.pk != host.pk])
        language = host.language if host else "en"
        themes = rng.sample(self.themes, rng.choice((1, 2, 2, 3)))
        title = self.title(kind, host, visiting, region_id, themes[0], year, language)
        capacity = None
        if capacities and not (online and rng.random() < 0.6):
            capacity = rng.randint(*capacities)
        elif online:
            capacity = rng.choice((None, 300, 500, 1000))
        opens = closes = None
        if summit or rng.random() < 0.9:
            ahead = (180, 300) if summit else (45, 120)
            opens = at(start - datetime.timedelta(days=rng.randint(*ahead)))
            closes = at(start - datetime.timedelta(days=rng.randint(1, 14)))
        approval = (kind in APPROVAL_KINDS and rng.random() < 0.5) or (
            not online and rng.random() < 0.05)  # fmt: skip
        country = places.country(host.country) if host else places.DEFAULT_COUNTRY
        created = min(at(start - datetime.timedelta(days=rng.randint(60, 200))), REFERENCE_TIME)
        event = GeneratedEvent(pk, kind, status, start, end, capacity, approval, opens, closes,
                               region_id, weight)  # fmt: skip
        summary = " ".join(filter(None, (
            texts.about(rng, language, [theme.name for theme in themes], rng.randint(2, 3)),
            KIND_SENTENCES.get(kind, "") if language == "en" else "",
        )))  # fmt: skip
        day_times = precision == DatePrecision.DAY
        event.row = [
            pk, title[:300], self.slug(title, start), summary, kind, status, start, end,
            precision,
            (datetime.time(14) if online else datetime.time(9)) if day_times else None,
            (datetime.time(15, 30) if online else datetime.time(17)) if day_times else None,
            country.time_zone if host else "UTC",
            rng.choice(VENUES[language]).format(city=host.name) if host else "",
            host.name if host else "", host.country if host else "", region_id,
            host.pk if host else None, visiting.pk if visiting else None, "",
            f"https://meet.example.org/scn-{pk}" if online else "",
            sorted({"en", language} | ({"fr", "ar"} if summit else set())),
            capacity, opens, closes, approval, None, None, None, created, created,
        ]  # fmt: skip
        self.participating += [(pk, city) for city in self.participants(kind, host, visiting,
                                                                        region_id)]  # fmt: skip
        self.themed += [(pk, self.event_type, theme.pk) for theme in themes]
        return event

    def title(self, kind, host, visiting, region_id, theme, year, language) -> str:
        rng = self.rng
        french = language == "fr" and kind in FRENCH_TITLES
        theme_name = (theme.name_fr or theme.name) if french else theme.name
        region = self.regions.get(region_id)
        region_name = ""
        if region:
            region_name = (region.name_fr or region.name) if french else region.name
        pattern = FRENCH_TITLES[kind] if french else rng.choice(TITLES[kind])
        country = ""
        if host:
            with translation.override("fr" if french else "en"):
                country = str(countries.name(host.country))
        return pattern.format(
            theme=theme_name, theme_lower=theme_name[0].lower() + theme_name[1:],
            city=host.name if host else "", visiting=visiting.name if visiting else "",
            region=region_name, country=country, year=year,
            conference=rng.choice(CONFERENCES),
        )  # fmt: skip

    def slug(self, title: str, start: datetime.date) -> str:
        return unique_slug(f"{slugify(title)[:150]}-{start:%Y-%m}", self.taken_slugs)

    def participants(self, kind, host, visiting, region_id) -> list[int]:
        rng = self.rng
        cities = {host.pk} if host else set()
        if visiting:
            cities.add(visiting.pk)
        if kind == EventKind.GLOBAL_SUMMIT:
            cities |= {city.pk for city in self.hosts.distinct(rng, rng.randint(40, 150))}
        elif kind in (EventKind.REGIONAL_WORKSHOP, EventKind.NATIONAL_WORKSHOP):
            pool = self.by_region.get(region_id, [])
            cities |= {city.pk for city in rng.sample(pool, min(len(pool), rng.randint(3, 15)))}
        elif host and kind not in EXCHANGE_KINDS:
            cities |= {city.pk for city in self.hosts.distinct(rng, rng.randint(0, 3))}
        return sorted(cities)


class RegistrationGenerator:
    """Who registered for which event, and what became of it."""

    def __init__(self, scale: Scale, events: list[GeneratedEvent]):
        self.scale = scale
        self.rng = rng_for("registrations")
        self.events = events
        self.members = network.members_with_access()
        self.by_region: dict[int, list[network.MemberInfo]] = {}
        for member in self.members:
            self.by_region.setdefault(member.city.region_id, []).append(member)
        self.registrations: list[tuple] = []
        self.surveys: list[tuple] = []
        self.next_id = 1

    def targets(self) -> dict[int, int]:
        """How many registrations each event gets: `scale.registrations` in all, shared by
        weight (a summit draws thousands), never more than there are members."""
        rng = self.rng
        open_events = [event for event in self.events if event.status != EventStatus.DRAFT]
        weights = {event.pk: event.weight * rng.lognormvariate(0, 0.4) for event in open_events}
        total_weight = sum(weights.values())
        wanted = self.scale.registrations
        ceiling = len(self.members)
        targets = {pk: min(ceiling, int(wanted * weight / total_weight))
                   for pk, weight in weights.items()}  # fmt: skip
        missing = wanted - sum(targets.values())
        ordered = sorted(weights, key=weights.get, reverse=True)
        while missing > 0 and any(targets[pk] < ceiling for pk in ordered):
            for pk in ordered:
                if missing == 0:
                    break
                if targets[pk] < ceiling:
                    targets[pk] += 1
                    missing -= 1
        return targets

    def registrants(self, event: GeneratedEvent, count: int) -> list[network.MemberInfo]:
        """`count` different members, seven in ten from the event's region when it has one."""
        rng = self.rng
        count = min(count, len(self.members))
        local = self.by_region.get(event.region_id, []) if event.region_id else []
        chosen = rng.sample(local, min(len(local), round(count * 0.7))) if local else []
        taken = {member.user_id for member in chosen}
        while len(chosen) < count:
            extra = rng.sample(self.members, min(len(self.members), count - len(chosen) + 20))
            for member in extra:
                if member.user_id not in taken and len(chosen) < count:
                    taken.add(member.user_id)
                    chosen.append(member)
        rng.shuffle(chosen)
        return chosen

    def generate(self, bench: network.MemberInfo) -> None:
        targets = self.targets()
        bench_events = self.bench_events()
        for event in self.events:
            people = self.registrants(event, targets.get(event.pk, 0))
            if event.pk in bench_events:
                people.insert(bench_events[event.pk], bench)
            if people:
                self.register(event, people, bench.user_id)

    def bench_events(self) -> dict[int, int]:
        """The events the benchmark member registered for (event pk -> their place in the
        queue): the first three published events from BENCH_EVENTS_FROM on (their
        registration opened before the reference day: the member is registered, not just
        interested; the third one late, on the waiting list if it is full), and the last
        event that was over by the reference day (attended)."""
        coming = sorted(
            (event for event in self.events if event.status == EventStatus.PUBLISHED
             and event.start >= BENCH_EVENTS_FROM),
            key=lambda event: (event.start, event.pk),
        )[:3]  # fmt: skip
        places_in_queue = {}
        for number, event in enumerate(coming):
            if event.opens and event.opens > REFERENCE_TIME:
                event.opens = REFERENCE_TIME - datetime.timedelta(days=7)
                event.row[EVENT_COLUMNS.index("registration_opens")] = event.opens
            places_in_queue[event.pk] = 10**6 if number == 2 else 0
        past = [event for event in self.events
                if event.status == EventStatus.PUBLISHED and event.is_over]  # fmt: skip
        if past:
            places_in_queue[max(past, key=lambda event: (event.start, event.pk)).pk] = 0
        return places_in_queue

    def register(self, event: GeneratedEvent, people: list[network.MemberInfo], bench: int):
        rng = self.rng
        window_start = event.opens or at(event.start - datetime.timedelta(days=90))
        window_end = min(event.closes or at(event.start), REFERENCE_TIME)
        if window_end <= window_start:
            window_end = window_start + datetime.timedelta(days=1)
        moments = sorted(random_moment(rng, window_start, window_end) for _ in people)
        seats = event.capacity
        interest_only = not event.is_over and event.opens and event.opens > REFERENCE_TIME
        for member, created in zip(people, moments, strict=True):
            # The benchmark member neither cancels nor waits for a decision, and attends.
            is_bench = member.user_id == bench
            status = RegistrationStatus.CONFIRMED
            cancelled_at = decided_at = attended_at = survey_sent = None
            reason = ""
            if interest_only:
                status = RegistrationStatus.INTERESTED
            elif rng.random() < 0.07 and not is_bench:
                status = RegistrationStatus.CANCELLED
                cancelled_at = created + datetime.timedelta(days=rng.randint(1, 20))
            elif event.requires_approval:
                roll = rng.random()
                if roll < 0.05 and not is_bench:
                    status, reason = RegistrationStatus.REJECTED, REJECTION
                elif roll < 0.35 and not event.is_over and not is_bench:
                    status = RegistrationStatus.PENDING
                decided_at = None if status == RegistrationStatus.PENDING else (
                    created + datetime.timedelta(days=rng.randint(1, 5)))  # fmt: skip
            if status == RegistrationStatus.CONFIRMED and seats is not None:
                if seats == 0:
                    status = RegistrationStatus.WAITLISTED
                else:
                    seats -= 1
            if (status == RegistrationStatus.CONFIRMED and event.is_over
                    and event.status == EventStatus.PUBLISHED
                    and (is_bench or rng.random() < 0.82)):  # fmt: skip
                attended_at = at(event.start, 8, rng.randint(30, 59))
                survey_sent = at(event.last_day + datetime.timedelta(days=1), 10)
                if rng.random() < 0.25 and not is_bench:
                    self.surveys.append(self.survey(self.next_id, survey_sent))
            if cancelled_at:
                cancelled_at = min(cancelled_at, REFERENCE_TIME)
            updated = max(filter(None, (created, cancelled_at, decided_at, attended_at)))
            self.registrations.append(
                (
                    self.next_id, event.pk, member.user_id, member.city.pk, status,
                    rng.random() < 0.35, rng.choice(NOTES) if rng.random() < 0.05 else "",
                    reason, created, updated, cancelled_at, attended_at, None, survey_sent,
                    None, None, decided_at,
                )
            )  # fmt: skip
            self.next_id += 1

    def survey(self, registration_id: int, sent: datetime.datetime) -> tuple:
        rng = self.rng
        gain = rng.choices(list(KnowledgeGain.values), weights=(3, 7, 25, 40, 25))[0]
        submitted = sent + datetime.timedelta(days=rng.randint(0, 10), hours=rng.randint(1, 12))
        return (registration_id, gain, rng.choice(WILL_APPLY), rng.choice(COMMENTS), submitted)

    def past_figures(self) -> dict[int, tuple[int, int, int]]:
        """(delegates, cities, countries) of the attendance of each event."""
        cities, countries = {}, {}
        delegates: Counter = Counter()
        members = {member.user_id: member for member in self.members}
        for row in self.registrations:
            if row[11] is None:  # attended_at
                continue
            event_id, city_id = row[1], row[3]
            delegates[event_id] += 1
            cities.setdefault(event_id, set()).add(city_id)
            member = members.get(row[2])
            if member:
                countries.setdefault(event_id, set()).add(member.city.country)
        return {pk: (delegates[pk], len(cities[pk]), len(countries.get(pk, ())))
                for pk in delegates}  # fmt: skip


EVENT_COLUMNS = (
    "id", "title", "slug", "summary", "kind", "status", "start_date", "end_date",
    "date_precision", "start_time", "end_time", "time_zone", "venue", "city_name", "country",
    "region_id", "host_city_id", "visiting_city_id", "other_participants", "online_link",
    "languages", "capacity", "registration_opens", "registration_closes", "requires_approval",
    "delegates", "cities_represented", "countries_represented", "created", "updated",
)  # fmt: skip
REGISTRATION_COLUMNS = (
    "id", "event_id", "user_id", "city_id", "status", "listed", "note", "reason", "created",
    "updated", "cancelled_at", "attended_at", "checked_in_by_id", "survey_sent_at",
    "survey_reminded_at", "decided_by_id", "decided_at",
)  # fmt: skip
SURVEY_COLUMNS = ("registration_id", "knowledge_gain", "will_apply", "comments", "submitted_at")
FIGURE_KINDS = (EventKind.GLOBAL_SUMMIT, EventKind.REGIONAL_WORKSHOP)


def clear(cursor) -> None:
    content_type = ContentType.objects.get_for_model(Event).pk
    cursor.execute("DELETE FROM membership_themeditem WHERE content_type_id = %s", [content_type])
    cursor.execute("TRUNCATE events_event RESTART IDENTITY CASCADE")


def build(cursor, scale: Scale, log) -> dict[str, int]:
    events = EventGenerator(scale)
    events.generate()
    bench = network.bench_member()
    bench_info = network.MemberInfo(
        bench.user_id,
        next(city for city in network.ranked_cities() if city.pk == bench.city_id),
    )
    registrations = RegistrationGenerator(scale, events.events)
    registrations.generate(bench_info)
    figures = registrations.past_figures()
    for event in events.events:
        if event.kind in FIGURE_KINDS and event.is_over and event.pk in figures:
            first = EVENT_COLUMNS.index("delegates")
            event.row[first : first + 3] = figures[event.pk]
    log(f"  events generated: {len(events.events):,} events, "
        f"{len(registrations.registrations):,} registrations")  # fmt: skip
    counts = {}
    with indexes_dropped(cursor, ["events_event", "events_registration"]):
        counts["events_event"] = copy_rows(
            cursor, "events_event", EVENT_COLUMNS, (event.row for event in events.events)
        )
        counts["events_event_participating_cities"] = copy_rows(
            cursor, "events_event_participating_cities", ("event_id", "city_id"),
            events.participating,
        )  # fmt: skip
        counts["membership_themeditem"] = copy_rows(
            cursor, "membership_themeditem", ("object_id", "content_type_id", "tag_id"),
            events.themed,
        )  # fmt: skip
        counts["events_registration"] = copy_rows(
            cursor, "events_registration", REGISTRATION_COLUMNS, registrations.registrations
        )
        counts["events_surveyresponse"] = copy_rows(
            cursor, "events_surveyresponse", SURVEY_COLUMNS, registrations.surveys
        )
    for table in ("events_event", "events_registration"):
        sync_sequence(cursor, table)
    return counts
