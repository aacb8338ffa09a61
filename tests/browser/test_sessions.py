"""Sessions in a real browser: logging out with the header's button (a POST), a GET on the
logout address only asking, an idle session ended with a message on the login page, and
the password asked again before account settings."""

import re
import time

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import Page, expect

from scn_portal.sessions import LAST_SEEN_KEY
from tests.browser.pages import log_in, log_out
from tests.conftest import PASSWORD


def browser_session(page: Page) -> SessionStore:
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    return SessionStore(session_key=cookie["value"])


def test_the_log_out_button_ends_the_session(page: Page, member):
    log_in(page, member.email)

    log_out(page)

    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    page.goto("/library/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=(%2F|/)library(%2F|/)$"))


def test_opening_the_logout_address_asks_before_logging_out(page: Page, member):
    log_in(page, member.email)

    page.goto("/accounts/logout/")

    expect(page.locator("main form[method=post] button[type=submit]")).to_be_visible()
    page.goto("/library/")
    expect(page).to_have_url(re.compile(r"/library/$"))  # still logged in

    page.goto("/accounts/logout/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.goto("/library/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_an_idle_session_ends_with_a_message_on_the_login_page(page: Page, member):
    log_in(page, member.email)
    session = browser_session(page)
    session[LAST_SEEN_KEY] = time.time() - settings.SESSION_IDLE_SECONDS - 5
    session.save()

    page.goto("/library/")

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=(%2F|/)library(%2F|/)$"))
    expect(page.locator(".messages")).to_contain_text("minutes without activity")
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)


def test_account_settings_ask_for_the_password_again_after_a_while(page: Page, member):
    log_in(page, member.email)
    session = browser_session(page)
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    for record in records:
        record["at"] -= settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()

    page.get_by_role("link", name="My account").click()

    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/\?next=%2Faccounts%2Femail%2F$"))
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/email/$"))
    expect(page.locator("main")).to_contain_text(member.email)
