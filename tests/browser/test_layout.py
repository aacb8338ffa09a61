"""Right-to-left mirroring and phone widths, measured from where the browser draws things."""

import pytest
from playwright.sync_api import Page

from tests.browser.pages import horizontal_overflow, log_in, switch_language

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


def box(page: Page, selector: str) -> dict:
    """The element's rectangle in CSS pixels: x, y, width, height."""
    return page.locator(selector).first.bounding_box()


def test_arabic_mirrors_the_layout(page: Page, member):
    log_in(page, member.email)
    width = page.viewport_size["width"]

    brand, switcher = box(page, ".site-brand"), box(page, ".language-switcher")
    first_area = box(page, ".main-nav .nav-item:first-child")
    last_area = box(page, ".main-nav .nav-item:last-child")
    heading = box(page, "main h1")
    assert brand["x"] < switcher["x"], "English: the brand is left of the switcher"
    assert first_area["x"] < last_area["x"], "English: navigation reads left to right"
    assert heading["x"] < width / 2, "English: headings start on the left"

    switch_language(page, "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"

    brand, switcher = box(page, ".site-brand"), box(page, ".language-switcher")
    first_area = box(page, ".main-nav .nav-item:first-child")
    last_area = box(page, ".main-nav .nav-item:last-child")
    heading = box(page, "main h1")
    assert brand["x"] > switcher["x"], "Arabic: the brand moves to the right"
    assert brand["x"] + brand["width"] > width * 0.8, "Arabic: the brand sits at the right edge"
    assert first_area["x"] > last_area["x"], "Arabic: navigation reads right to left"
    assert first_area["x"] + first_area["width"] > width * 0.8, "Arabic: navigation starts right"
    assert heading["x"] + heading["width"] > width * 0.8, "Arabic: headings start on the right"


@pytest.mark.browser_context_args(**PHONE)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_login_page_fits_a_phone(page: Page, db, language):
    page.goto("/accounts/login/")
    if language != "en":
        switch_language(page, language)

    assert page.evaluate("() => document.documentElement.clientWidth") == 375
    assert horizontal_overflow(page) == 0


@pytest.mark.browser_context_args(**PHONE)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_home_fits_a_phone(page: Page, member, language):
    # The longest kind of name the network has, to prove it wraps instead of scrolling.
    city = member.member.city
    city.name = "Peja/Peć and the Municipality of Diamaré-Meri (Cair, Skopje)"
    city.save()
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)

    assert page.evaluate("() => document.documentElement.clientWidth") == 375
    assert horizontal_overflow(page) == 0


@pytest.mark.browser_context_args(**PHONE)
def test_overflow_check_sees_a_page_that_scrolls_sideways(page: Page, db):
    page.goto("/accounts/login/")
    # Sized through the CSSOM: the Content-Security-Policy refuses style attributes.
    page.evaluate(
        """() => {
            const wide = document.createElement('div');
            wide.style.width = '600px';
            wide.style.height = '10px';
            document.querySelector('main').append(wide);
        }"""
    )

    assert horizontal_overflow(page) > 0
