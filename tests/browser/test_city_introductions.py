"""A member asks the SCN team for an introduction to another city, from its profile page
and from one of its initiatives, then finds the requests on "My introduction requests".
The form and the list are checked with axe-core in English and Arabic."""

import re

import pytest
from playwright.sync_api import Page, expect

from cityprofiles.choices import IntroductionStatus
from cityprofiles.models import CityProfile, Initiative, IntroductionRequest
from membership.models import Theme
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, switch_language


@pytest.fixture
def profile_b(city_b, editor_b):
    """City B's published profile, with an initiative about mentoring."""
    mentoring = Theme.objects.create(
        name="Mentoring", slug="mentoring", name_fr="Mentorat", name_ar="الإرشاد"
    )
    Theme.objects.create(name="Youth engagement", slug="youth-engagement", name_ar="إشراك الشباب")
    profile = CityProfile.objects.create(
        city=city_b, published=True, challenges="Recruitment of young people."
    )
    initiative = Initiative.objects.create(profile=profile, title="Mombasa mentors")
    initiative.themes.set([mentoring])
    return profile


def send(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_a_member_asks_for_introductions_from_a_profile_and_follows_them(
    page: Page, member, profile_b
):
    log_in(page, member.email)
    page.goto(f"/cities/{profile_b.city.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Ask for an introduction to Mombasa Test").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ask for an introduction to Mombasa Test"
    )
    assert_accessible(page)
    page.get_by_label("Topic").fill("Mentoring young people at risk")
    page.get_by_label("Youth engagement").check()
    page.get_by_label("Message to the SCN team").fill(
        "We start a mentoring programme in Aarhus and would like to learn from Mombasa."
    )
    send(page)

    expect(page).to_have_url(re.compile(r"/cities/~introductions/$"))
    expect(page.locator(".alert-success")).to_contain_text("Mombasa Test")
    row = page.get_by_role("row").filter(has_text="Mentoring young people at risk")
    expect(row).to_contain_text("Requested")
    expect(row).to_contain_text("Youth engagement")
    assert_accessible(page)

    # From one of the city's initiatives: the form starts from it.
    page.goto(f"/cities/{profile_b.city.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Ask for an introduction about")).click()
    expect(page.locator("main")).to_contain_text("Mombasa mentors")
    expect(page.get_by_label("Topic")).to_have_value("Mombasa mentors")
    expect(page.get_by_label("Mentoring")).to_be_checked()
    page.get_by_label("Message to the SCN team").fill("How do you train your mentors?")
    send(page)

    expect(page.get_by_role("row").filter(has_text="Initiative: Mombasa mentors")).to_contain_text(
        "Requested"
    )
    requests = IntroductionRequest.objects.order_by("pk")
    assert [(r.city, r.status) for r in requests] == [
        (profile_b.city, IntroductionStatus.REQUESTED)
    ] * 2
    assert requests[1].initiative.title == "Mombasa mentors"


def test_introduction_pages_are_accessible_in_arabic_with_errors_shown(
    page: Page, member, profile_b
):
    log_in(page, member.email)
    page.goto(f"/cities/{profile_b.city.slug}/introduction/")
    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)

    # Sent empty: each missing field says so, wired to its field for screen readers.
    send(page)
    expect(page.locator("input[name=topic]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_message-errors")).not_to_be_empty()
    assert_accessible(page)
    assert not IntroductionRequest.objects.exists()

    page.locator("input[name=topic]").fill("الإرشاد")
    page.get_by_label("إشراك الشباب").check()
    page.locator("textarea[name=message]").fill("نود أن نتعلم من تجربتكم.")
    send(page)
    expect(page).to_have_url(re.compile(r"/cities/~introductions/$"))
    expect(page.get_by_role("row").filter(has_text="الإرشاد")).to_be_visible()
    assert_accessible(page)
