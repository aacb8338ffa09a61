"""Browser journeys of the governance pages: joining and leaving a working group, and
axe-core on the Steering Committee, advisory group and staff expectations pages."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from membership.choices import SeatRole
from membership.models import (
    AdvisoryGroup,
    AdvisoryGroupMembership,
    SteeringCommitteeSeat,
    Theme,
    WorkingGroup,
)
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, log_in_as_staff, switch_language
from tests.factories import CityFactory, MemberFactory

TODAY = timezone.localdate()


@pytest.fixture
def governance(member):
    """A current chair and a past seat, an advisory group with two current members (one
    also on the Steering Committee), a working group with a theme."""
    city = member.member.city
    SteeringCommitteeSeat.objects.create(
        city=city, role=SeatRole.CHAIR, term_start=TODAY - datetime.timedelta(days=30)
    )
    SteeringCommitteeSeat.objects.create(
        city=CityFactory(name="Former seat city"),
        term_start=datetime.date(2019, 1, 1),
        term_end=datetime.date(2019, 12, 31),
    )
    group = AdvisoryGroup.objects.create(region=city.region)
    for flagged in [True, False]:
        AdvisoryGroupMembership.objects.create(
            group=group,
            member=MemberFactory(city=CityFactory(region=city.region)),
            term_start=TODAY,
            on_steering_committee=flagged,
        )
    theme = Theme.objects.create(name="Youth engagement", slug="youth-engagement")
    working_group = WorkingGroup.objects.create(
        name="Youth and families",
        slug="youth-and-families",
        description="Practitioners who work with young people and their families.",
    )
    working_group.themes.add(theme)
    return working_group


def test_a_member_joins_and_leaves_a_working_group(page: Page, member, governance):
    log_in(page, member.email)
    page.goto("/network/")
    page.get_by_role("link", name="Working groups").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thematic working groups")

    page.get_by_role("link", name="Youth and families").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Youth and families")
    assert_accessible(page)

    page.get_by_role("button", name="Join this working group").click()
    expect(page.locator("main")).to_contain_text("You joined Youth and families.")
    members = page.locator("section[aria-labelledby=members]")
    expect(members).to_contain_text(member.get_full_name())
    expect(members).to_contain_text(member.member.city.name)

    page.get_by_role("button", name="Leave this working group").click()
    expect(page.locator("main")).to_contain_text("You left Youth and families.")
    expect(members).not_to_contain_text(member.get_full_name())
    expect(page.get_by_role("button", name="Join this working group")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_governance_pages_are_accessible(page: Page, member, governance, language):
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)
    for path in [
        "/network/",
        "/network/steering-committee/",
        "/network/advisory-groups/",
        "/network/working-groups/",
        f"/network/working-groups/{governance.slug}/",
    ]:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_staff_expectations_table_is_accessible(
    page: Page, staff, member, editor_b, governance, language
):
    log_in_as_staff(page, staff.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/network/expectations/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main table")).to_contain_text(member.member.city.name)
    assert_accessible(page)

    page.locator("select[name=missing]").select_option("point_of_contact")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    expect(page.locator("main table")).to_contain_text(member.member.city.name)
    expect(page.locator("main table")).not_to_contain_text(editor_b.member.city.name)
    assert_accessible(page)
