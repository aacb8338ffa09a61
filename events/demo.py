"""The demo events for local development (`make run`). Never loaded in production.

Six events around today: five to come (a regional workshop that needs approval, a
webinar with an online link and times in a time zone, a global summit whose registration
opens later, a city exchange between two member cities, and a training that is full with
a waiting list) and one held earlier this year, which the demo practitioner of Aarhus
attended: their dashboard asks for the survey, and Aarhus meets the expectation "took
part in a global summit or regional workshop this year".

Registrations go through events.services, so the rules apply as they would for a member
(approval, seats, waiting list, interest before registration opens, check-in).

Idempotent: events are keyed by slug, and one that exists is left alone whatever staff
have done to it (its dates too: they were relative to the day it was created). A demo
registration is only made when that person has none for that event.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from events import services
from events.choices import EventKind, EventStatus, RegistrationStatus
from events.models import Event, Registration
from membership.access import has_member_access
from membership.models import City, Region, Theme, User

DEMO_STAFF = "staff@demo.scn.example"
DEMO_MEMBER = "member@demo.scn.example"
DEMO_EDITOR = "editor@demo.scn.example"
DEMO_POINT_OF_CONTACT = "poc@demo.scn.example"


@dataclass(frozen=True)
class DemoEvent:
    """An event relative to today: `starts_in` days from today (negative: in the past),
    lasting `days`; registration opens and closes `opens_in`/`closes_in` days from today
    (None: no limit). `registrations` lists the demo accounts to register, in order."""

    slug: str
    title: str
    summary: str
    kind: str
    starts_in: int
    days: int = 1
    city_name: str = ""
    country: str = ""
    region: str = ""
    host_city: str = ""
    visiting_city: str = ""
    participating_cities: tuple[str, ...] = ()
    venue: str = ""
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    time_zone: str = "UTC"
    online_link: str = ""
    themes: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    capacity: int | None = None
    requires_approval: bool = False
    opens_in: int | None = None
    closes_in: int | None = None
    registrations: tuple[str, ...] = field(default=())


DEMO_EVENTS = (
    DemoEvent(
        slug="east-africa-workshop-local-action-plans",
        title="East Africa Regional Workshop: local action plans in practice",
        summary=(
            "Two days for practitioners from East African member cities to review their "
            "local action plans together: mapping partners, matching them to local risks "
            "and agreeing on first steps. Places are limited; the SCN team confirms each "
            "registration so that every city is represented."
        ),
        kind=EventKind.REGIONAL_WORKSHOP,
        starts_in=45,
        days=2,
        city_name="Mombasa",
        country="KE",
        region="East Africa",
        host_city="Mombasa",
        venue="Mombasa County Hall, conference room 2",
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
        time_zone="Africa/Nairobi",
        themes=("Local action planning", "Prevention networks (multi-agency)"),
        languages=("en",),
        capacity=25,
        requires_approval=True,
        closes_in=30,
        registrations=(DEMO_EDITOR,),  # awaits the SCN team's decision
    ),
    DemoEvent(
        slug="webinar-answering-hate-speech-online",
        title="Webinar: answering hate speech online",
        summary=(
            "A 90-minute webinar on how municipal communication teams can answer hateful "
            "content online without amplifying it, with two city case studies and time "
            "for questions. The link to join is shown to registered participants."
        ),
        kind=EventKind.WEBINAR,
        starts_in=10,
        start_time=datetime.time(14, 0),
        end_time=datetime.time(15, 30),
        time_zone="Europe/Copenhagen",
        online_link="https://meet.example.org/scn-webinar-hate-speech-online",
        themes=("Hate crime and hate speech", "Online extremism"),
        languages=("en", "fr"),
        registrations=(DEMO_MEMBER,),  # confirmed: no limit, no approval
    ),
    DemoEvent(
        slug="global-summit-cities-and-social-cohesion",
        title="SCN Global Summit: cities and social cohesion",
        summary=(
            "The network's annual summit: mayors and practitioners from every region "
            "share what has worked to prevent polarisation in their cities. Registration "
            "opens later; members can already register their interest."
        ),
        kind=EventKind.GLOBAL_SUMMIT,
        starts_in=200,
        days=3,
        city_name="Tunis",
        country="TN",
        region="Middle East and North Africa",
        host_city="Tunis",
        venue="Palais des congrès de Tunis",
        start_time=datetime.time(9, 0),
        end_time=datetime.time(18, 0),
        time_zone="Africa/Tunis",
        themes=("Polarisation and social cohesion", "Local action planning"),
        languages=("en", "fr", "ar"),
        capacity=300,
        opens_in=45,
        closes_in=180,
        registrations=(DEMO_POINT_OF_CONTACT,),  # interest, before registration opens
    ),
    DemoEvent(
        slug="city-exchange-tunis-visits-kristiansand",
        title="City exchange: Tunis visits Kristiansand on youth mentoring",
        summary=(
            "A delegation from Tunis spends three days with Kristiansand's youth services "
            "to see how their mentoring programme pairs young people with trained adult "
            "mentors, and how schools and the police refer young people to it."
        ),
        kind=EventKind.CITY_EXCHANGE,
        starts_in=75,
        days=3,
        city_name="Kristiansand",
        country="NO",
        region="Europe",
        host_city="Kristiansand",
        visiting_city="Tunis",
        participating_cities=("Kristiansand", "Tunis"),
        venue="Kristiansand City Hall",
        time_zone="Europe/Oslo",
        themes=("Mentoring", "Youth engagement"),
        languages=("en", "fr"),
        capacity=12,
    ),
    DemoEvent(
        slug="training-multi-agency-case-management",
        title="Training: multi-agency case management",
        summary=(
            "A hands-on training day on running a multi-agency case conference: "
            "information sharing, consent, and following up a referral. Kept small on "
            "purpose; when it is full, the waiting list moves up as people cancel."
        ),
        kind=EventKind.TRAINING,
        starts_in=20,
        city_name="Copenhagen",
        country="DK",
        region="Europe",
        host_city="Copenhagen",
        venue="Copenhagen Municipality, Sundholm training centre",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16, 0),
        time_zone="Europe/Copenhagen",
        themes=("Interventions and referral", "Prevention networks (multi-agency)"),
        capacity=2,
        # The first two take the seats; the demo practitioner is on the waiting list.
        registrations=(DEMO_EDITOR, DEMO_POINT_OF_CONTACT, DEMO_MEMBER),
    ),
)

# Held earlier this year; the demo practitioner was checked in.
PAST_EVENT = DemoEvent(
    slug="nordic-workshop-prevention-networks",
    title="Nordic Regional Workshop: prevention networks that last",
    summary=(
        "Practitioners from Nordic member cities compared how their multi-agency "
        "prevention networks are organised and funded, and what keeps them working "
        "after the first years."
    ),
    kind=EventKind.REGIONAL_WORKSHOP,
    starts_in=-40,
    days=2,
    city_name="Oslo",
    country="NO",
    region="Europe",
    host_city="Oslo",
    participating_cities=("Oslo", "Aarhus", "Copenhagen", "Kristiansand"),
    venue="Oslo City Hall",
    start_time=datetime.time(9, 0),
    end_time=datetime.time(16, 30),
    time_zone="Europe/Oslo",
    themes=("Prevention networks (multi-agency)",),
    capacity=40,
    registrations=(DEMO_MEMBER,),
)


@dataclass(frozen=True)
class DemoEventsReport:
    total: int
    created: int
    registrations: int

    def summary(self) -> str:
        return (
            f"events: {self.total} demo events ({self.created} created), "
            f"{self.registrations} demo registrations made"
        )


def past_start(today: datetime.date, days_ago: int, length: int) -> datetime.date:
    """A start `days_ago` days back, moved into this year when that would fall in the
    last one, so that the event is over and still "this year" (except in the first days
    of January, when no event of this year can be over yet)."""
    start = today - datetime.timedelta(days=days_ago)
    if start.year < today.year:
        start = max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=length + 1))
    return start


def _at_nine(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _city(name: str) -> City | None:
    return City.objects.filter(name=name).order_by("pk").first() if name else None


def create_demo_event(spec: DemoEvent, today: datetime.date) -> Event:
    if spec.starts_in < 0:
        start = past_start(today, -spec.starts_in, spec.days)
    else:
        start = today + datetime.timedelta(days=spec.starts_in)
    day = datetime.timedelta(days=1)
    event = Event.objects.create(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        kind=spec.kind,
        status=EventStatus.PUBLISHED,
        start_date=start,
        end_date=start + (spec.days - 1) * day,
        start_time=spec.start_time,
        end_time=spec.end_time,
        time_zone=spec.time_zone,
        venue=spec.venue,
        city_name=spec.city_name,
        country=spec.country,
        region=Region.objects.filter(name=spec.region).first() if spec.region else None,
        host_city=_city(spec.host_city),
        visiting_city=_city(spec.visiting_city),
        online_link=spec.online_link,
        languages=list(spec.languages),
        capacity=spec.capacity,
        requires_approval=spec.requires_approval,
        registration_opens=None if spec.opens_in is None else _at_nine(today + spec.opens_in * day),
        registration_closes=(
            None if spec.closes_in is None else _at_nine(today + spec.closes_in * day)
        ),
    )
    event.participating_cities.set(
        City.objects.filter(name__in=spec.participating_cities).order_by("pk")
    )
    event.themes.add(*Theme.objects.filter(name__in=spec.themes))
    return event


def _demo_users(emails) -> dict[str, User]:
    """The demo accounts that exist and may use the hub, by email."""
    users = User.objects.filter(email__in=set(emails)).select_related("member__city")
    return {user.email: user for user in users if has_member_access(user)}


def ensure_demo_registrations(event: Event, spec: DemoEvent) -> int:
    """Register the spec's demo accounts that have no registration for the event yet, in
    order; returns how many were made."""
    users = _demo_users(spec.registrations)
    made = 0
    for email in spec.registrations:
        user = users.get(email)
        if user is None or Registration.objects.filter(event=event, user=user).exists():
            continue
        try:
            services.register(user, event)
        except services.RegistrationRefused:
            continue  # an event loaded long ago may be closed by now
        made += 1
    return made


def ensure_past_attendance(event: Event, spec: DemoEvent) -> int:
    """The past event's participants, registered and checked in. Registration is closed
    once an event is over, so the row is made as staff would record a participant after
    the fact; the check-in goes through the service (confirmed participants only)."""
    users = _demo_users(spec.registrations)
    staff = User.objects.filter(email=DEMO_STAFF).first()
    made = 0
    for email in spec.registrations:
        user = users.get(email)
        if user is None or Registration.objects.filter(event=event, user=user).exists():
            continue
        registration = Registration.objects.create(
            event=event,
            user=user,
            city=getattr(getattr(user, "member", None), "city", None),
            status=RegistrationStatus.CONFIRMED,
            listed=True,
        )
        services.mark_attendance(registration, by=staff)
        made += 1
    return made


def load_demo_events(today: datetime.date | None = None) -> DemoEventsReport:
    """Create the demo events and registrations that are missing. Needs DEBUG; uses the
    reference data (cities, regions, themes) and the demo accounts when they are there
    (load them first)."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("The demo events are only loaded with DEBUG on.")
    today = today or timezone.localdate()
    created = registrations = 0
    for spec in (*DEMO_EVENTS, PAST_EVENT):
        with transaction.atomic():
            event = Event.objects.filter(slug=spec.slug).first()
            if event is None:
                event = create_demo_event(spec, today)
                created += 1
            if spec is PAST_EVENT:
                registrations += ensure_past_attendance(event, spec)
            else:
                registrations += ensure_demo_registrations(event, spec)
    return DemoEventsReport(
        total=len(DEMO_EVENTS) + 1, created=created, registrations=registrations
    )
