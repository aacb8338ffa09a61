"""Logging in, as members and applicants do it: with the mouse, and with the keyboard only."""

import re

from playwright.sync_api import Page, expect

from tests.browser.pages import log_in

# What the page's own CSS makes of the focused element: a visible outline or a focus ring
# drawn as a box shadow (Bootstrap's form fields and buttons).
FOCUS_STATE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    name: element.getAttribute('name') || element.textContent.trim().slice(0, 40),
    tag: element.tagName.toLowerCase(),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    ring: style.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0,
  };
}"""


def test_member_logs_in_with_email_and_password(page: Page, member):
    log_in(page, member.email)

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_wrong_password_shows_an_error_and_logs_nobody_in(page: Page, member):
    log_in(page, member.email, "not the password")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    # The email is kept for the second try; the password is not.
    expect(page.locator("input[name=login]")).to_have_value(member.email)
    expect(page.locator("input[name=password]")).to_have_value("")


def test_applicant_sees_the_review_page_and_nothing_else(page: Page, applicant):
    log_in(page, applicant.email)

    expect(page).to_have_url(re.compile(r"/network/application/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your application")
    expect(page.get_by_text("under review")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)

    for member_page in ["/", "/library/", "/cities/", "/network/"]:
        page.goto(member_page)
        expect(page).to_have_url(re.compile(r"/network/application/$"))


def test_login_form_can_be_completed_with_the_keyboard_alone(page: Page, member):
    page.goto("/accounts/login/")
    stops = []

    def tab_until(field_name: str) -> None:
        for _ in range(15):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            stops.append(state)
            if state["name"] == field_name:
                return
        raise AssertionError(f"Tab never reached {field_name}; it went through {stops}")

    tab_until("login")
    page.keyboard.type(member.email)
    tab_until("password")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")

    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert stops[0]["name"] == "Skip to main content", "the first Tab goes to the skip link"
    invisible = [stop for stop in stops if not (stop["outline"] or stop["ring"])]
    assert not invisible, f"focus not visible on {invisible}"
    assert all(stop["onScreen"] for stop in stops), stops
