"""A member finds an event in the list (filtering by kind), opens its page, and walks the
calendar month by month. The list, the calendar and an event's page are checked with
axe-core in English and Arabic; the list and the calendar fit a 375px-wide phone (where
the calendar shows its list of days instead of the grid)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from events.choices import DatePrecision, EventKind
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import horizontal_overflow, log_in, switch_language
from tests.event_factories import EventFactory
from tests.factories import CityFactory
from tests.test_events_pages import theme

TODAY = timezone.localdate()
NEXT_MONTH = (TODAY.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


@pytest.fixture
def events(db):
    dakar = CityFactory(name="Dakar", slug="dakar", country="SN")
    montreal = CityFactory(name="Montréal", slug="montreal", country="CA")
    summit = EventFactory(
        title="SCN Global Summit",
        slug="global-summit",
        kind=EventKind.GLOBAL_SUMMIT,
        start_date=TODAY,
        end_date=TODAY + datetime.timedelta(days=2),
        city_name="Aarhus",
        country="DK",
        venue="Aarhus City Hall",
        capacity=200,
        summary="The network's annual meeting.\n\nMayors and practitioners.",
        languages=["en", "fr"],
    )
    summit.themes.add(theme("Local action planning"))
    EventFactory(
        title="Dakar-Montréal City Exchange",
        kind=EventKind.CITY_EXCHANGE,
        start_date=NEXT_MONTH,
        end_date=None,
        date_precision=DatePrecision.MONTH,
        host_city=montreal,
        visiting_city=dakar,
        city_name="Montréal",
        country="CA",
    )
    EventFactory(title="Regional workshop for West Africa", city_name="Dakar", country="SN")
    EventFactory(
        title="A very long historic workshop title that must wrap on the smallest phones",
        start_date=datetime.date(2017, 3, 9),
        end_date=datetime.date(2017, 3, 10),
        delegates=50,
        cities_represented=15,
        countries_represented=10,
    )
    return summit


def test_a_member_finds_an_event_and_opens_it(page: Page, member, events):
    log_in(page, member.email)
    page.goto("/events/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    expect(page.locator(".event-card")).to_have_count(3)
    assert_accessible(page)

    page.get_by_label("Kind").select_option(label="Global summit")
    with page.expect_navigation():
        page.locator("form.event-filters").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"kind=global_summit"))
    expect(page.locator("#result-count")).to_have_text("1 event")
    expect(page.locator(".event-card")).to_contain_text("200 seats left")

    with page.expect_navigation():
        page.get_by_role("link", name="SCN Global Summit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SCN Global Summit")
    expect(page.locator(".event-facts")).to_contain_text("Aarhus City Hall")
    expect(page.locator(".event-facts")).to_contain_text("English, French")
    expect(page.locator(".registration-panel")).to_be_visible()
    assert_accessible(page)

    page.goto("/events/?when=past")
    historic = page.get_by_role("article", name=re.compile("A very long historic workshop"))
    expect(historic).to_contain_text("50 delegates")
    expect(historic).to_contain_text("9\u201310 March 2017")


def test_the_calendar_goes_month_by_month(page: Page, member, events):
    log_in(page, member.email)
    page.goto("/events/calendar/")
    this_month = page.locator("#calendar-month").inner_text()
    expect(page.locator("td[aria-current=date]")).to_contain_text("SCN Global Summit")
    expect(page.locator(".calendar-unconfirmed")).not_to_contain_text("City Exchange")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Next month")).click()
    expect(page).to_have_url(re.compile(r"\?month=\d{4}-\d{2}$"))
    expect(page.locator("#calendar-month")).not_to_have_text(this_month)
    # Known only to the month: listed under the grid, not on the first day.
    expect(page.locator(".calendar-unconfirmed")).to_contain_text("Dakar-Montréal City Exchange")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Previous month")).click()
    expect(page.locator("#calendar-month")).to_have_text(this_month)

    page.goto("/events/calendar/?month=2017-03")
    expect(page.locator("#calendar-month")).to_have_text("March 2017")
    page.goto("/events/calendar/?month=2017-99")
    expect(page.locator(".messages")).to_contain_text("could not be read")
    expect(page.locator("#calendar-month")).to_have_text(this_month)


def test_the_events_pages_are_accessible_in_arabic(page: Page, member, events):
    log_in(page, member.email)
    page.goto("/events/")
    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".event-card").first).to_be_visible()
    assert_accessible(page)
    page.goto("/events/calendar/")
    assert_accessible(page)
    page.goto(f"/events/{events.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("SCN Global Summit")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_list_and_calendar_fit_a_phone(page: Page, member, events, language):
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, member.email)
    page.goto("/events/")
    if language != "en":
        switch_language(page, language)
    expect(page.locator(".event-card").first).to_be_visible()
    assert horizontal_overflow(page) == 0
    page.goto("/events/?when=past")
    assert horizontal_overflow(page) == 0
    page.goto("/events/calendar/")
    expect(page.locator(".calendar-table")).to_be_hidden()
    expect(page.locator(".calendar-agenda")).to_contain_text("SCN Global Summit")
    assert horizontal_overflow(page) == 0
    page.goto(f"/events/{events.slug}/")
    assert horizontal_overflow(page) == 0
