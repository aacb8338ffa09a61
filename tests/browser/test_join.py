"""A city applies to join the network from the login page, as its officials do it."""

import re

import pytest
from playwright.sync_api import Page, expect

from membership.models import CityApplication
from membership.principles import PRINCIPLES
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import switch_language
from tests.factories import RegionFactory
from tests.samples import PDF


@pytest.fixture
def region(db):
    return RegionFactory(name="Western Balkans")


def fill_in_the_application(page: Page, region, *, skip_principle: str | None = None) -> None:
    """Every field, located by name so the step works in any interface language."""
    page.locator("input[name=city_name]").fill("Bihać")
    page.locator("select[name=country]").select_option("BA")
    page.locator("select[name=region]").select_option(str(region.pk))
    page.locator("input[name=population]").fill("56000")
    page.locator("input[name=applying_authority]").fill("Office of the Mayor")
    page.locator("input[name=contact_name]").fill("Amira Hodžić")
    page.locator("input[name=contact_email]").fill("amira@bihac.example.org")
    page.locator("input[name=point_of_contact_name]").fill("Emir Kovač")
    page.locator("input[name=point_of_contact_email]").fill("emir@bihac.example.org")
    page.locator("input[name=approval_letter]").set_input_files(
        files=[{"name": "Letter from the mayor.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    for principle in PRINCIPLES:
        if principle.field_name != skip_principle:
            page.locator(f"input[name={principle.field_name}]").check()


def send(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_a_city_applies_from_the_login_page(page: Page, region, media_root):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Join the network").click()
    expect(page).to_have_url(re.compile(r"/network/join/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the network")

    fill_in_the_application(page, region)
    send(page)

    expect(page).to_have_url(re.compile(r"/network/join/thanks/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for applying")
    expect(page.get_by_role("status")).to_contain_text("Bihać")
    application = CityApplication.objects.get()
    assert (application.city_name, application.letter_size) == ("Bihać", len(PDF))
    assert [path.read_bytes() for path in media_root.rglob("*.pdf")] == [PDF]


def test_a_missing_principle_is_pointed_out(page: Page, region, media_root):
    missing = PRINCIPLES[2].field_name
    page.goto("/network/join/")
    fill_in_the_application(page, region, skip_principle=missing)
    send(page)

    expect(page).to_have_url(re.compile(r"/network/join/$"))
    expect(page.get_by_role("alert").first).to_contain_text("Please correct the errors")
    checkbox = page.locator(f"input[name={missing}]")
    expect(checkbox).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#id_{missing}-errors")).to_have_text(
        "Your city must accept this principle to join."
    )
    # What was typed is kept; the ticked principles too.
    expect(page.locator("input[name=city_name]")).to_have_value("Bihać")
    expect(page.locator(f"input[name={PRINCIPLES[0].field_name}]")).to_be_checked()
    assert CityApplication.objects.count() == 0
    assert list(media_root.rglob("*.*")) == []
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_join_form_is_accessible(page: Page, region, language):
    page.goto("/network/join/")
    if language != "en":
        switch_language(page, language)
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page).to_have_url(re.compile(r"/network/join/$"))

    assert_accessible(page)
