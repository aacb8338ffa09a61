"""Steps that many browser journeys share, written the way a person does them."""

from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD, staff_totp_code


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill in the login form and submit it. Located by field name, not label, so the
    step works whatever the interface language."""
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def log_in_as_staff(page: Page, email: str) -> None:
    """Staff log in with their password, then the code of their authenticator app."""
    log_in(page, email)
    page.locator("input[name=code]").fill(staff_totp_code())
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def log_out(page: Page) -> None:
    with page.expect_navigation():
        page.locator("header form[action$='/logout/'] button").click()


def switch_language(page: Page, code: str) -> None:
    """Press the language's button in the header switcher and wait for the page to
    come back in that language."""
    page.locator(f".language-switcher button[value={code}]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no sideways scroll)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
