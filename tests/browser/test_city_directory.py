"""The city directory in a browser: a member finds the cities working on two themes and opens
one; the page with its map passes axe in English and Arabic; the map fits a phone and is not
mirrored on Arabic pages."""

import re

import pytest
from playwright.sync_api import Page, expect

from membership.models import City, Theme
from membership.reference import load_reference_data
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import horizontal_overflow, log_in, switch_language
from tests.test_city_directory import make_profile

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def directory(db):
    """The 126 reference cities; four published profiles, one draft."""
    load_reference_data()
    mentoring = Theme.objects.get(slug="mentoring")
    youth = Theme.objects.get(slug="youth-engagement")
    risk = Theme.objects.get(slug="risk-assessment")
    make_profile(
        "", city=City.objects.get(name="Aarhus"), expertise=[mentoring, youth], completeness=90,
        challenges="Young people travelling to conflict zones.",
        initiatives=[{"title": "The Aarhus model", "themes": [mentoring, risk]}],
    )  # fmt: skip
    make_profile(
        "", city=City.objects.get(name="Montréal"), expertise=[youth], completeness=70,
        initiatives=[{"title": "Mentors in schools", "themes": [mentoring], "start_year": 2016}],
    )  # fmt: skip
    make_profile("", city=City.objects.get(name="Mombasa"), expertise=[mentoring])
    make_profile("", city=City.objects.get(name="Bihać"), expertise=[risk])
    make_profile("", city=City.objects.get(name="Beirut"), published=False, expertise=[youth])


def cards(page: Page):
    return page.locator(".directory-card")


def dot_centre(page: Page, slug: str) -> tuple[float, float]:
    """Where the browser draws a city's dot, relative to the map's own box."""
    svg = page.locator(".city-map-svg").bounding_box()
    dot = page.locator(f'.city-map-svg [data-city="{slug}"]').bounding_box()
    return (
        dot["x"] + dot["width"] / 2 - svg["x"],
        dot["y"] + dot["height"] / 2 - svg["y"],
    )


def test_a_member_finds_the_cities_working_on_two_themes(page: Page, member, directory):
    log_in(page, member.email)
    page.goto("/cities/")
    expect(page.get_by_role("heading", level=1)).to_have_text("City directory")
    expect(page.locator("#result-count")).to_have_text("4 city profiles")
    expect(cards(page).first).to_contain_text("Aarhus")

    page.locator(".directory-themes summary").click()
    page.get_by_label("Mentoring").check()
    page.get_by_label("Youth engagement").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply themes").click()
    expect(page).to_have_url(re.compile(r"theme=mentoring&theme=youth-engagement"))
    # Mombasa (mentoring only) and Bihać are left out; Montréal counts its initiative's theme.
    expect(page.locator("#result-count")).to_have_text("2 city profiles")
    expect(cards(page).nth(0)).to_contain_text("The Aarhus model")
    expect(cards(page).nth(1)).to_contain_text("Mentors in schools")
    expect(page.get_by_label("Mentoring")).to_be_checked()

    page.get_by_label("Search").fill("montreal")
    with page.expect_navigation():
        page.locator("form[role=search] button[type=submit]").first.click()
    expect(page.locator("#result-count")).to_have_text("1 city profile")

    with page.expect_navigation():
        cards(page).first.get_by_role("link", name="Montréal").click()
    expect(page).to_have_url(re.compile(r"/cities/montreal/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Montréal")


def test_a_dot_on_the_map_leads_to_the_city_profile(page: Page, member, directory):
    log_in(page, member.email)
    page.goto("/cities/")
    with page.expect_navigation():
        page.locator('.city-map-svg a[data-city="aarhus"]').click()
    expect(page).to_have_url(re.compile(r"/cities/aarhus/$"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_directory_and_its_map_are_accessible(page: Page, member, directory, language):
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/cities/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    page.goto("/cities/?theme=mentoring&theme=youth-engagement&sort=completeness")
    expect(cards(page)).to_have_count(2)
    page.locator(".directory-themes summary").click()
    assert_accessible(page)


@pytest.mark.browser_context_args(**PHONE)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_map_fits_a_phone(page: Page, member, directory, language):
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/cities/")

    assert page.evaluate("() => document.documentElement.clientWidth") == 375
    svg = page.locator(".city-map-svg").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= 375
    assert svg["width"] > 300, "the map uses the phone's width"
    # Drawn at the map's own proportions (viewBox 1000 x 528), not squeezed.
    assert svg["height"] == pytest.approx(svg["width"] * 528 / 1000, abs=2)
    assert horizontal_overflow(page) == 0


def test_the_map_is_not_mirrored_in_arabic(page: Page, member, directory):
    log_in(page, member.email)
    page.goto("/cities/")
    montreal, aarhus = dot_centre(page, "montreal"), dot_centre(page, "aarhus")
    mombasa = dot_centre(page, "mombasa")
    assert montreal[0] < aarhus[0] < mombasa[0], "English: west is on the left"
    assert aarhus[1] < mombasa[1], "English: north is up"

    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert dot_centre(page, "montreal")[0] < dot_centre(page, "aarhus")[0], "Arabic: not mirrored"
    assert dot_centre(page, "montreal") == pytest.approx(montreal, abs=1)
    assert dot_centre(page, "mombasa") == pytest.approx(mombasa, abs=1)
