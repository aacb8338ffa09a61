"""A city's editor writes its profile, adds an initiative and publishes it; a member of the
network then reads it. The profile and edit pages are checked with axe-core in English and
Arabic."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from cityprofiles.models import CityProfile
from membership.models import Theme
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, log_out, switch_language


@pytest.fixture
def vocabulary(db):
    Theme.objects.get_or_create(
        name="Mentoring", defaults={"slug": "mentoring", "name_ar": "الإرشاد"}
    )
    Theme.objects.get_or_create(
        name="Youth engagement", defaults={"slug": "youth-engagement", "name_ar": "إشراك الشباب"}
    )


def photo_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (20, 90, 120)).save(buffer, format="PNG")
    return buffer.getvalue()


def send(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()


def click(page: Page, name: str, role: str = "link") -> None:
    with page.expect_navigation():
        page.get_by_role(role, name=name).click()


def test_an_editor_writes_and_publishes_the_profile_and_a_member_reads_it(
    page: Page, editor_a, member, city_a, vocabulary, media_root
):
    log_in(page, editor_a.email)
    page.goto(f"/cities/{city_a.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(city_a.name)
    assert_accessible(page)
    click(page, "Create the profile")

    expect(page.get_by_role("heading", level=1)).to_contain_text(city_a.name)
    assert_accessible(page)
    page.get_by_label("Core challenges").fill("Polarisation among young people online.")
    page.get_by_label("Approach and strategy").fill("A prevention network of schools and police.")
    page.get_by_label("Population").fill("350000")
    page.get_by_label("Languages").fill("Danish, Arabic")
    page.locator("input[name=photo]").set_input_files(
        files=[{"name": "town-hall.png", "mimeType": "image/png", "buffer": photo_png()}]
    )
    page.get_by_label("Description of the photo").fill("The town hall at dusk")
    page.get_by_label("Mentoring").check()
    send(page)

    expect(page).to_have_url(re.compile(rf"/cities/{city_a.slug}/$"))
    expect(page.locator(".alert-success")).to_contain_text("Your changes are saved")
    expect(page.get_by_role("status").filter(has_text="draft").first).to_be_visible()
    expect(page.get_by_role("img", name="The town hall at dusk")).to_be_visible()
    expect(page.get_by_text("86% complete")).to_be_visible()
    assert_accessible(page)

    click(page, "Add an initiative")
    page.get_by_label("Title").fill("Mentors for young people")
    page.get_by_label("Description").fill("Trained volunteers mentor young people at risk.")
    page.get_by_label("Start year").fill("2017")
    page.get_by_label("Youth engagement").check()
    assert_accessible(page)
    send(page)
    expect(page.get_by_role("heading", name="Mentors for young people")).to_be_visible()
    expect(page.get_by_text("100% complete")).to_be_visible()

    click(page, "Publish", role="button")
    expect(page.locator(".alert-success")).to_contain_text("published")
    expect(page.get_by_role("button", name="Unpublish")).to_be_visible()
    profile = CityProfile.objects.get(city=city_a)
    assert profile.published and profile.completeness == 100
    assert len(list(media_root.rglob("*.jpg"))) == 1

    # Both pages right to left, in Arabic.
    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    page.goto(f"/cities/{city_a.slug}/edit/")
    assert_accessible(page)
    switch_language(page, "en")
    log_out(page)

    log_in(page, member.email)
    page.goto(f"/cities/{city_a.slug}/")
    expect(page.get_by_text("Polarisation among young people online.")).to_be_visible()
    expect(page.get_by_role("heading", name="Mentors for young people")).to_be_visible()
    expect(page.get_by_role("link", name="Mentoring")).to_have_attribute(
        "href", "/cities/?theme=mentoring"
    )
    expect(page.get_by_role("link", name="Edit the profile")).to_have_count(0)
    expect(page.get_by_text("% complete")).to_have_count(0)
    assert_accessible(page)
    switch_language(page, "ar")
    assert_accessible(page)
