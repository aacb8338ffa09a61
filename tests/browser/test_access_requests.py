"""Practitioners' access in the browser: a point of contact decides on the requests of their
city; an applicant reads what the SCN team asked them; the pages pass axe in English and
Arabic."""

import re

import pytest
from playwright.sync_api import Page, expect

from membership.choices import MemberStatus
from membership.models import Member
from membership.services.access import request_more_information
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, switch_language
from tests.factories import MemberFactory


def person(page: Page, name: str):
    """The card of one request on "people of my city" (a region named after the person)."""
    return page.get_by_role("region", name=name)


def test_point_of_contact_approves_one_request_and_refuses_another(page: Page, editor_b, city_b):
    def request_from(first_name, last_name, **fields):
        return MemberFactory(city=city_b, approved=False, user__first_name=first_name,
                             user__last_name=last_name, **fields)  # fmt: skip

    neema = request_from("Neema", "Otieno", access_reason="I run the youth centre.")
    baraka = request_from("Baraka", "Mwangi")
    request_from("Imani", "Kariuki")

    log_in(page, editor_b.email)
    page.get_by_role("link", name="People of my city").click()
    expect(page).to_have_url(re.compile(r"/network/my-city/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("People of Mombasa Test")
    expect(person(page, "Neema Otieno")).to_contain_text("I run the youth centre.")
    assert_accessible(page)

    person(page, "Neema Otieno").get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status").first).to_contain_text("Neema Otieno now has access")
    expect(person(page, "Neema Otieno")).to_have_count(0)
    expect(page.get_by_role("table")).to_contain_text("Neema Otieno")

    baraka_card = person(page, "Baraka Mwangi")
    baraka_card.get_by_label("Reason for refusing").fill("Not part of the city's services.")
    baraka_card.get_by_role("button", name="Refuse").click()
    expect(page.get_by_role("status").first).to_contain_text("Baraka Mwangi's request was refused")
    expect(person(page, "Baraka Mwangi")).to_have_count(0)

    assert Member.objects.get(pk=neema.pk).status == MemberStatus.APPROVED
    refused = Member.objects.get(pk=baraka.pk)
    assert (refused.status, refused.decision_reason, refused.decided_by) == (
        MemberStatus.REJECTED, "Not part of the city's services.", editor_b)  # fmt: skip

    # Arabic, right to left, with one request still waiting and one person approved.
    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(person(page, "Imani Kariuki")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_applicant_asked_for_more_information_reads_the_question(
    page: Page, applicant, staff, language
):
    question = "Which youth service do you work for?"
    request_more_information(applicant.member, staff, question)

    log_in(page, applicant.email)
    if language != "en":
        switch_language(page, language)

    expect(page).to_have_url(re.compile(r"/network/application/$"))
    expect(page.locator("blockquote")).to_have_text(question)
    expect(page.locator("a[href^='mailto:']").first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_signup_page_is_accessible(page: Page, city_a, language):
    page.goto("/accounts/signup/")
    if language != "en":
        switch_language(page, language)
    expect(page.locator("select[name=city] option", has_text="Aarhus Test")).to_have_count(1)
    assert_accessible(page)
