"""Switching between English, French and Arabic, the way a member does it."""

import re

from playwright.sync_api import Page, expect

from tests.browser.pages import log_in, log_out, switch_language


def test_language_choice_sticks_across_pages_and_logins(page: Page, new_context, member):
    log_in(page, member.email)

    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("مرحبًا")
    page.locator(".main-nav a[href='/library/']").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")

    switch_language(page, "fr")
    expect(page).to_have_url(re.compile(r"/library/$"))  # the switch stays on the same page
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    log_out(page)
    log_in(page, member.email)
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # A second device, whose browser asks for English: the account's choice wins at login.
    phone = new_context().new_page()
    log_in(phone, member.email)
    expect(phone.locator("html")).to_have_attribute("lang", "fr")

    switch_language(phone, "en")
    phone.locator(".main-nav a[href='/events/']").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.locator("html")).to_have_attribute("dir", "ltr")
