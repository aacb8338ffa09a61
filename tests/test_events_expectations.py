"""The events app's member expectations: "took part in a global summit or regional workshop
this year" (attendance at such an event starting this calendar year, for the city the
attendee registered from) and "answered the SCN surveys" (an event survey answered this
calendar year). One query each, whatever the number of cities."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.choices import EventKind
from events.expectations import cities_answering_surveys, cities_at_summit_or_workshop
from events.models import SurveyResponse
from membership.expectations import city_expectations, expectations_by_city
from membership.models import City
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import CityFactory, MemberFactory

THIS_YEAR = timezone.localdate().year


def met(city, key):
    return {status.expectation.key: status.met for status in city_expectations(city)}[key]


def event_on(date, kind=EventKind.REGIONAL_WORKSHOP, title=None):
    return EventFactory(
        title=title or f"{kind} {date.isoformat()}", kind=kind, start_date=date, end_date=date
    )


def registration(event, city):
    return RegistrationFactory(event=event, user=MemberFactory(city=city).user, city=city)


@pytest.fixture
def workshop(db):
    """A regional workshop on the first day of this year (over, except on New Year's Day;
    attendance does not depend on it being over)."""
    return event_on(datetime.date(THIS_YEAR, 1, 1))


def test_attendance_at_a_workshop_this_year_turns_the_expectation_met(workshop, staff):
    city = CityFactory()
    seat = registration(workshop, city)
    assert met(city, "summit_or_workshop") is False
    services.mark_attendance(seat, by=staff)
    assert met(city, "summit_or_workshop") is True
    services.mark_attendance(seat, by=staff, attended=False)
    assert met(city, "summit_or_workshop") is False


@pytest.mark.parametrize(
    ("kind", "year_offset", "expected"),
    [
        (EventKind.GLOBAL_SUMMIT, 0, True),
        (EventKind.REGIONAL_WORKSHOP, 0, True),
        (EventKind.WEBINAR, 0, False),  # not a summit or workshop
        (EventKind.CITY_EXCHANGE, 0, False),
        (EventKind.GLOBAL_SUMMIT, -1, False),  # last year's
    ],
)
def test_only_this_years_summits_and_regional_workshops_count(staff, kind, year_offset, expected):
    city = CityFactory()
    event = event_on(datetime.date(THIS_YEAR + year_offset, 6, 1), kind=kind)
    services.mark_attendance(registration(event, city), by=staff)
    assert met(city, "summit_or_workshop") is expected


def test_the_city_registered_from_counts_not_the_current_one(workshop, staff):
    then, now = CityFactory(), CityFactory()
    seat = registration(workshop, then)
    services.mark_attendance(seat, by=staff)
    seat.user.member.city = now
    seat.user.member.save()
    assert met(then, "summit_or_workshop") is True
    assert met(now, "summit_or_workshop") is False


def test_answering_a_survey_this_year_turns_surveys_met(workshop, staff):
    city, silent = CityFactory(), CityFactory()
    seat = registration(workshop, city)
    services.mark_attendance(seat, by=staff)
    services.mark_attendance(registration(workshop, silent), by=staff)
    assert met(city, "surveys") is False
    services.submit_survey(seat, knowledge_gain=4)
    assert met(city, "surveys") is True
    assert met(silent, "surveys") is False


def test_an_answer_given_last_year_does_not_count(workshop, staff):
    city = CityFactory()
    seat = registration(workshop, city)
    services.mark_attendance(seat, by=staff)
    response = services.submit_survey(seat, knowledge_gain=4)
    last_year = timezone.now() - datetime.timedelta(days=366)
    SurveyResponse.objects.filter(pk=response.pk).update(submitted_at=last_year)
    assert met(city, "surveys") is False


def test_each_source_is_one_query_for_many_cities(workshop, staff, django_assert_num_queries):
    cities = [CityFactory() for __ in range(6)]
    for city in cities[:4]:
        seat = registration(workshop, city)
        services.mark_attendance(seat, by=staff)
        if city in cities[:2]:
            services.submit_survey(seat, knowledge_gain=5)
    with django_assert_num_queries(1):
        attended = set(cities_at_summit_or_workshop(City.objects.all()))
    with django_assert_num_queries(1):
        answered = set(cities_answering_surveys(City.objects.all()))
    assert attended == {city.pk for city in cities[:4]}
    assert answered == {city.pk for city in cities[:2]}


def test_both_expectations_are_tracked(db):
    statuses = expectations_by_city(City.objects.filter(pk=CityFactory().pk))
    by_key = {status.expectation.key: status.met for status in next(iter(statuses.values()))}
    assert by_key["summit_or_workshop"] is False
    assert by_key["surveys"] is False


def test_the_staff_expectations_page_shows_the_change(client_as, workshop, staff):
    city = CityFactory(name="Kiffa test")
    seat = registration(workshop, city)
    client = client_as("staff")
    url = reverse("membership:expectations")
    assert [
        c.name for c, __ in client.get(url, {"missing": "summit_or_workshop"}).context["rows"]
    ] == ["Kiffa test"]
    services.mark_attendance(seat, by=staff)
    response = client.get(url, {"missing": "summit_or_workshop"})
    assert [c.name for c, __ in response.context["rows"]] == []
    row = {
        status.expectation.key: status.met for status in dict(client.get(url).context["rows"])[city]
    }
    assert row["summit_or_workshop"] is True
    assert row["surveys"] is False
