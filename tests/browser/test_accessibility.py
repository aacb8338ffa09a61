"""axe-core on the pages people use, in a left-to-right and a right-to-left language."""

import pytest
from playwright.sync_api import Page

from tests.browser.accessibility import assert_accessible, axe_violations
from tests.browser.pages import log_in, switch_language


@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_home_is_accessible(page: Page, member, language):
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)

    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_before_login_are_accessible(page: Page, db, language):
    page.goto("/accounts/login/")
    if language != "en":
        switch_language(page, language)
    assert_accessible(page)

    page.goto("/accounts/password/reset/")
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/network/", "/library/", "/accounts/email/"])
def test_member_pages_are_accessible_in_arabic(page: Page, member, path):
    log_in(page, member.email)
    switch_language(page, "ar")
    page.goto(path)

    assert_accessible(page)


def test_applicant_review_page_is_accessible(page: Page, applicant):
    log_in(page, applicant.email)

    assert_accessible(page)


def test_assert_accessible_names_the_rule_the_element_and_the_help(page: Page, db):
    page.goto("/accounts/login/")
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML("
        "'beforeend', '<img id=\"unlabelled-chart\" src=\"/static/none.png\">')"
    )

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)

    message = str(failure.value)
    assert "[critical] image-alt" in message
    assert "#unlabelled-chart" in message
    assert "https://dequeuniversity.com/rules/axe/" in message


def test_minor_violations_are_reported_but_do_not_fail(page: Page, db):
    page.goto("/accounts/login/")
    # A second <main> landmark is a moderate problem ("landmark-no-duplicate-main").
    page.evaluate("() => document.body.insertAdjacentHTML('beforeend', '<main>x</main>')")

    impacts = {v["id"]: v["impact"] for v in axe_violations(page)}
    assert impacts.get("landmark-no-duplicate-main") == "moderate"
    assert_accessible(page)
