"""The strict Content-Security-Policy in a real browser: chromium loads the main pages and
runs their scripts (htmx, Bootstrap, the admin's) and reports no violation.

Chromium reports each blocked script, style or attribute twice: a console message
("Refused to ...") and a `securitypolicyviolation` event. The event listener is added by
Playwright as an init script (injected through the DevTools protocol, not part of the page's
HTML, so the policy does not apply to it) and writes the violation to the console too, so
one console listener, which lives across navigations, collects both.
"""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from playwright.sync_api import Page, expect

from events.models import Event
from membership.models import User
from membership.reference import load_reference_data
from tests.browser.pages import log_in, log_in_as_staff
from tests.conftest import PASSWORD, STAFF_TOTP_SECRET
from training.models import Module

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " blocked " +
                (event.blockedURI || "inline") + " at " + event.sourceFile + ":" +
                event.lineNumber);
});
"""


@pytest.fixture
def demo_site(transactional_db, settings, media_root):
    """The whole demo (library, training, events); the demo member and staff log in with
    the test password, and the staff account has the test authenticator."""
    settings.DEBUG = True  # the demo refuses to load without it
    load_reference_data()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    for email in ("member@demo.scn.example", "staff@demo.scn.example"):
        user = User.objects.get(email=email)
        user.set_password(PASSWORD)
        user.save()
    TOTP.activate(User.objects.get(email="staff@demo.scn.example"), STAFF_TOTP_SECRET)


@pytest.fixture
def violations(page: Page) -> list[str]:
    """Every CSP violation the pages of this test report, as text."""
    reported = []
    page.add_init_script(REPORT_VIOLATIONS)

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or text.startswith("CSP violation"):
            reported.append(f"{page.url}: {text}")

    page.on("console", on_console)
    return reported


def test_member_pages_run_under_the_policy_without_a_violation(page: Page, demo_site, violations):
    log_in(page, "member@demo.scn.example")
    expect(page.locator("main")).to_be_visible()

    # The library search: htmx swaps the results when a facet is ticked (a fetch,
    # connect-src 'self'), and htmx's indicator styles load under the policy.
    page.goto("/library/search/?q=")
    page.evaluate("() => { window.stillTheSamePage = true; }")
    count_before = page.locator("#result-count").inner_text()
    facet = page.locator("#search-results input.js-refine[type=checkbox]").first
    facet.check()
    expect(page.locator("#result-count")).not_to_have_text(count_before)
    assert page.evaluate("() => window.stillTheSamePage") is True, "htmx did not run"
    with page.expect_navigation():
        page.locator("#search-results .search-result a").first.click()
    expect(page).to_have_url(re.compile(r"/library/documents/\d+/"))

    # A module: enrol (a form posted to 'self'), then one of its lessons (Markdown).
    page.goto(Module.objects.published().first().get_absolute_url())
    with page.expect_navigation():
        page.locator("main form[action$='/enrol/'] button[type=submit]").click()
    with page.expect_navigation():
        page.locator("main a[href*='/lessons/']").first.click()
    expect(page).to_have_url(re.compile(r"/lessons/\d+/"))

    # An event page, the events calendar, the network in numbers (server-drawn SVG).
    page.goto(Event.objects.published().first().get_absolute_url())
    expect(page.locator("h1")).to_be_visible()
    page.goto("/events/calendar/")
    page.goto("/numbers/")

    # Bootstrap's JavaScript works: the navigation's dropdowns and collapse.
    page.goto("/")
    toggles = page.locator("header [data-bs-toggle]")
    if toggles.count():
        toggles.first.click()
    assert violations == []


def test_the_admin_runs_under_the_policy_without_a_violation(page: Page, demo_site, violations):
    log_in_as_staff(page, "staff@demo.scn.example")
    page.goto("/admin/")
    expect(page.locator("#site-name")).to_be_visible()

    # A change list with its filters and actions (admin/js/actions.js, filters.js).
    page.goto("/admin/library/document/")
    page.locator("#result_list tbody input.action-select").first.check()
    expect(page.locator("#result_list tbody tr.selected")).to_have_count(1)

    # A change form with an autocomplete field (jQuery and select2 from static files).
    page.goto("/admin/membership/member/")
    with page.expect_navigation():
        page.locator("#result_list tbody th a").first.click()
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-search__field")).to_be_visible()
    page.keyboard.press("Escape")

    # An add form with a prepopulated slug (admin/js/prepopulate.js).
    page.goto("/admin/membership/region/add/")
    # prepopulate.js listens to key presses, so type rather than fill.
    page.locator("#id_name").press_sequentially("Test Region Name")
    expect(page.locator("#id_slug")).to_have_value("test-region-name")
    assert violations == []


def test_a_violation_would_be_seen(page: Page, demo_site, violations):
    # The listener is not deaf: an inline style added by script is refused and reported.
    log_in(page, "member@demo.scn.example")
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'body{}';"
        " document.head.appendChild(s); }"
    )
    page.wait_for_timeout(300)  # the report is asynchronous
    assert any("style-src" in text for text in violations), violations
