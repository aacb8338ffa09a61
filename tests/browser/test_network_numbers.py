"""The network in numbers in a real browser: accessible in English and Arabic (tables
opened too), charts that read right to left in Arabic, and no sideways scrolling on a
phone."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_accessible
from tests.browser.pages import horizontal_overflow, log_in, switch_language
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import CityFactory, MemberFactory, RegionFactory
from tests.test_network_numbers import make_document, moment
from tests.training_factories import EnrolmentFactory

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def figures(member):
    """Events over several years and regions with long names, a few completions and
    documents: every chart has bars."""
    regions = [
        RegionFactory(name="Latin America and the Caribbean", name_ar="أمريكا اللاتينية والكاريبي"),
        RegionFactory(name="Middle East and North Africa", name_ar="الشرق الأوسط وشمال أفريقيا"),
    ]
    for index, year in enumerate(range(2016, 2026)):
        region = regions[index % 2]
        city = CityFactory(region=region, country="CO" if index % 2 else "TN")
        event = EventFactory(
            start_date=datetime.date(year, 5, 1),
            end_date=datetime.date(year, 5, 2),
            region=region,
            delegates=40 + index * 15 if index % 3 else None,
        )
        attendee = MemberFactory(city=city).user
        RegistrationFactory(event=event, user=attendee, attended_at=moment(year, 5, 1))
        EnrolmentFactory(user=attendee, completed_at=moment(year, 6, 1))
        make_document(year=year, downloads=index * 3)
    return member


def open_tables(page: Page) -> None:
    for summary in page.locator("details > summary").all():
        summary.click()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_numbers_page_is_accessible(page: Page, figures, language):
    log_in(page, figures.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/numbers/")
    expect(page.locator("svg.chart")).to_have_count(6)

    assert_accessible(page)
    open_tables(page)
    expect(page.locator("details[open] table")).to_have_count(6)
    assert_accessible(page)


def test_charts_read_right_to_left_in_arabic(page: Page, figures):
    log_in(page, figures.email)
    page.goto("/numbers/")

    def bars_x():
        bars = page.locator("#chart-events-by-year rect.chart-bar")
        return [bars.nth(i).bounding_box()["x"] for i in range(bars.count())]

    english = bars_x()
    assert len(english) == 10 and english == sorted(english)

    switch_language(page, "ar")
    page.goto("/numbers/")
    arabic = bars_x()
    assert arabic == sorted(arabic, reverse=True), "the first year stands on the right"


@pytest.mark.browser_context_args(**PHONE)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_numbers_page_fits_a_phone(page: Page, figures, language):
    log_in(page, figures.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/numbers/")
    open_tables(page)

    assert page.evaluate("() => document.documentElement.clientWidth") == 375
    assert horizontal_overflow(page) == 0
    chart = page.locator("#chart-cities-by-region").bounding_box()
    assert chart["width"] <= 375
