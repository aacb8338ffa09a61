"""Browser journeys of certificates and training figures: checking a certificate code,
and the SCN team's figures page, with axe-core in English and Arabic."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, log_in_as_staff, switch_language
from tests.training_factories import EnrolmentFactory, ModuleFactory
from training.models import Enrolment

CODE = "ABCD-EFGH-JKMN"


@pytest.fixture
def certificate(member):
    """The member's completed module, with its certificate code."""
    member.first_name, member.last_name = "Amira", "Haddad"
    member.save()
    original = ModuleFactory(title="Community resilience")
    ModuleFactory(title="Résilience des communautés", language="fr", translation_of=original)
    enrolment = EnrolmentFactory(
        user=member,
        module=original,
        city=member.member.city,
        completed_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 12, 0)),
        score=90,
        certificate_code=CODE,
    )
    started = timezone.make_aware(datetime.datetime(2025, 2, 1, 12, 0))
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=started)
    return enrolment


def check_code(page: Page, code: str) -> None:
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_member_checks_a_valid_and_an_invalid_code(page: Page, editor_b, certificate, language):
    log_in(page, editor_b.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/training/certificates/verify/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    check_code(page, "abcd efgh jkmn")  # as typed from paper
    result = page.locator("section[aria-labelledby=verification-result]")
    expect(result).to_contain_text("Amira Haddad")
    expect(result).to_contain_text("Community resilience")
    expect(result).to_contain_text(certificate.city.name)
    expect(result).to_contain_text("90%")
    if language == "en":
        expect(result).to_contain_text("Valid certificate")
    assert_accessible(page)

    check_code(page, "ZZZZ-ZZZZ-ZZZZ")
    expect(result).not_to_contain_text("Amira Haddad")
    if language == "en":
        expect(result).to_contain_text("No certificate has this code")
    assert_accessible(page)

    check_code(page, "not a code")
    expect(result).not_to_contain_text("Amira Haddad")
    # The field says what is wrong, with an example of the format.
    expect(page.locator("main form")).to_contain_text("ABCD-EFGH-JKMN")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_staff_read_the_training_figures(page: Page, staff, certificate, language):
    log_in_as_staff(page, staff.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/training/figures/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    modules = page.locator("section[aria-labelledby=module-figures] table")
    expect(modules).to_contain_text("Community resilience")
    expect(modules).to_contain_text("Résilience des communautés")
    cities = page.locator("section[aria-labelledby=city-figures] table")
    expect(cities).to_contain_text(certificate.city.name)
    assert_accessible(page)

    page.locator("select[name=year]").select_option("2025")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("select[name=year]")).to_have_value("2025")
    expect(cities).to_contain_text(certificate.city.name)
    assert_accessible(page)


def test_a_member_cannot_open_the_figures(page: Page, member, certificate):
    log_in(page, member.email)
    response = page.goto("/training/figures/")
    assert response.status == 404
