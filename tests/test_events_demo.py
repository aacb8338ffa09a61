"""`make run`'s demo events: the kinds of event a member meets, with demo registrations
made by the rules; idempotent, and never in production."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from events.choices import EXPECTATION_KINDS, EventKind, EventStatus, RegistrationStatus
from events.demo import (
    DEMO_EDITOR,
    DEMO_EVENTS,
    DEMO_MEMBER,
    DEMO_POINT_OF_CONTACT,
    PAST_EVENT,
    load_demo_events,
    past_start,
)
from events.models import Event, Registration, SurveyResponse
from membership.demo import load_demo_data
from membership.expectations import city_expectations
from membership.models import City
from membership.reference import load_reference_data

SLUGS = [spec.slug for spec in (*DEMO_EVENTS, PAST_EVENT)]


@pytest.fixture
def demo_events(db, settings):
    """Reference data, demo accounts, then the demo events."""
    settings.DEBUG = True
    load_reference_data()
    load_demo_data()
    return load_demo_events()


def event(slug: str) -> Event:
    return Event.objects.get(slug=slug)


def status_of(slug: str, email: str) -> str:
    return Registration.objects.get(event__slug=slug, user__email=email).status


def test_six_published_events_five_to_come_and_one_held_this_year(demo_events):
    today = timezone.localdate()
    events = Event.objects.filter(slug__in=SLUGS)

    assert demo_events.total == demo_events.created == events.count() == 6
    assert set(events.values_list("status", flat=True)) == {EventStatus.PUBLISHED}
    assert events.upcoming(today).count() == 5
    past = event(PAST_EVENT.slug)
    assert past.is_over(today) and past.start_date.year == today.year
    assert past.kind in EXPECTATION_KINDS


def test_the_kinds_the_task_asks_for(demo_events):
    events = {spec.slug: event(spec.slug) for spec in DEMO_EVENTS}
    workshop = next(e for e in events.values() if e.kind == EventKind.REGIONAL_WORKSHOP)
    assert workshop.capacity == 25 and workshop.requires_approval
    webinar = next(e for e in events.values() if e.kind == EventKind.WEBINAR)
    assert webinar.online_link.startswith("https://")
    assert webinar.start_time and webinar.end_time and webinar.time_zone == "Europe/Copenhagen"
    summit = next(e for e in events.values() if e.kind == EventKind.GLOBAL_SUMMIT)
    assert summit.registration_opens > timezone.now()
    assert summit.registration_state() == "not_open"
    exchange = next(e for e in events.values() if e.kind == EventKind.CITY_EXCHANGE)
    assert exchange.host_city == City.objects.get(name="Kristiansand")
    assert exchange.visiting_city == City.objects.get(name="Tunis")
    assert {exchange.host_city, exchange.visiting_city} <= set(exchange.participating_cities.all())
    assert all(event.themes.exists() for event in events.values())
    assert all(event.region and event.host_city for event in events.values() if event.city_name)


def test_registrations_follow_the_rules(demo_events):
    full = next(spec.slug for spec in DEMO_EVENTS if spec.kind == EventKind.TRAINING)
    webinar = next(spec.slug for spec in DEMO_EVENTS if spec.kind == EventKind.WEBINAR)
    workshop = next(s.slug for s in DEMO_EVENTS if s.kind == EventKind.REGIONAL_WORKSHOP)
    summit = next(spec.slug for spec in DEMO_EVENTS if spec.kind == EventKind.GLOBAL_SUMMIT)

    assert status_of(webinar, DEMO_MEMBER) == RegistrationStatus.CONFIRMED
    assert status_of(full, DEMO_EDITOR) == RegistrationStatus.CONFIRMED
    assert status_of(full, DEMO_POINT_OF_CONTACT) == RegistrationStatus.CONFIRMED
    assert status_of(full, DEMO_MEMBER) == RegistrationStatus.WAITLISTED
    assert event(full).registrations.confirmed().count() == event(full).capacity
    assert status_of(workshop, DEMO_EDITOR) == RegistrationStatus.PENDING
    assert status_of(summit, DEMO_POINT_OF_CONTACT) == RegistrationStatus.INTERESTED
    # Registrations keep the member's city.
    registration = Registration.objects.get(event__slug=webinar, user__email=DEMO_MEMBER)
    assert registration.city.name == "Aarhus"
    assert demo_events.registrations == 7


def test_the_demo_member_attended_the_past_workshop_and_aarhus_meets_the_expectation(
    demo_events,
):
    registration = Registration.objects.get(event__slug=PAST_EVENT.slug, user__email=DEMO_MEMBER)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.attended_at is not None
    assert registration.checked_in_by.email == "staff@demo.scn.example"
    assert not SurveyResponse.objects.filter(registration=registration).exists()

    met = {status.expectation.key: status.met for status in city_expectations(registration.city)}
    assert met["summit_or_workshop"] is True


def test_loading_again_creates_nothing(demo_events, capsys):
    before = (Event.objects.count(), Registration.objects.count())
    report = load_demo_events()
    assert (report.created, report.registrations) == (0, 0)
    assert (Event.objects.count(), Registration.objects.count()) == before

    call_command("load_demo_data")
    output = capsys.readouterr().out
    assert "events: 6 demo events (0 created), 0 demo registrations made" in output


def test_what_staff_changed_is_left_alone(demo_events):
    webinar = Event.objects.get(kind=EventKind.WEBINAR, slug__in=SLUGS)
    webinar.title = "Renamed by staff"
    webinar.capacity = 100
    webinar.save()
    Registration.objects.filter(event=webinar, user__email=DEMO_MEMBER).update(
        status=RegistrationStatus.CANCELLED
    )

    load_demo_events()

    webinar.refresh_from_db()
    assert (webinar.title, webinar.capacity) == ("Renamed by staff", 100)
    assert status_of(webinar.slug, DEMO_MEMBER) == RegistrationStatus.CANCELLED


def test_without_the_demo_accounts_the_events_load_alone(db, settings):
    settings.DEBUG = True
    load_reference_data()

    report = load_demo_events()

    assert (report.created, report.registrations) == (6, 0)


def test_the_demo_events_are_refused_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        load_demo_events()
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 11, 21), datetime.date(2026, 10, 12)),
        (datetime.date(2026, 2, 1), datetime.date(2026, 1, 29)),
        (datetime.date(2026, 1, 2), datetime.date(2026, 1, 1)),
    ],
)
def test_the_past_event_stays_in_this_year(today, expected):
    assert past_start(today, 40, 2) == expected
