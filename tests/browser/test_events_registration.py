"""A member registers for an event from its page (agreeing to be shown to the other
participants), sees their status, downloads the event for their calendar, finds it on
"My events" and on the participant list, and cancels. The event page with its
registration panel, "My events" and the participant list are checked with axe-core in
English and Arabic."""

import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Page, expect

from events.choices import RegistrationStatus
from events.models import Registration
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, switch_language
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import MemberFactory


@pytest.fixture
def event(db):
    return EventFactory(
        title="Regional workshop on local prevention plans",
        slug="regional-workshop-prevention",
        capacity=20,
        online_link="https://meet.example.org/workshop",
    )


def test_a_member_registers_downloads_and_cancels(page: Page, member, event, city_a):
    other = MemberFactory(city=city_a, position="Social worker").user
    RegistrationFactory(event=event, user=other, listed=True, city=city_a)
    log_in(page, member.email)
    page.goto(f"/events/{event.slug}/")
    panel = page.locator(".registration-panel")
    expect(panel.get_by_text("19 seats left.")).to_be_visible()
    expect(page.get_by_text("meet.example.org")).to_have_count(0)

    page.get_by_label("Show my name, position and city").check()
    page.get_by_label("Note to the organisers (optional)").fill("Arriving the evening before.")
    with page.expect_navigation():
        panel.get_by_role("button", name="Register").click()
    expect(page.locator(".messages")).to_contain_text("You are registered for")
    expect(panel.locator(".badge")).to_have_text("Confirmed")
    expect(panel.get_by_role("link", name="https://meet.example.org/workshop")).to_be_visible()
    registration = Registration.objects.get(user=member, event=event)
    assert registration.listed and registration.note == "Arriving the evening before."

    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Add to my calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "regional-workshop-prevention.ics"
    (vevent,) = icalendar.Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title

    with page.expect_navigation():
        panel.get_by_role("link", name="Participants").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Participants")
    expect(page.get_by_role("cell", name="Social worker")).to_be_visible()
    assert_accessible(page)

    page.goto("/events/my/")
    expect(page.get_by_role("link", name=event.title)).to_be_visible()
    assert_accessible(page)

    page.goto(f"/events/{event.slug}/")
    panel.get_by_text("Cancel my registration").click()  # opens the <details>
    with page.expect_navigation():
        panel.get_by_role("button", name="Yes, cancel").click()
    expect(page.locator(".messages")).to_contain_text("is cancelled")
    assert Registration.objects.get(user=member, event=event).status == (
        RegistrationStatus.CANCELLED
    )
    expect(panel.get_by_role("button", name="Register")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_registration_pages_are_accessible(page: Page, member, event, language):
    RegistrationFactory(event=event, user=member, listed=True)
    full = EventFactory(title="Full summit", capacity=1)
    RegistrationFactory(event=full, user=MemberFactory().user)
    log_in(page, member.email)
    page.goto(f"/events/{event.slug}/")
    if language != "en":
        switch_language(page, language)
    page.locator(".registration-panel details summary").click()
    assert_accessible(page)
    page.goto(f"/events/{full.slug}/")
    assert_accessible(page)
    page.goto("/events/my/")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("button[value=create]").click()  # whatever the language
    expect(page.locator("#calendar-feed-url")).to_have_value(re.compile(r"/events/feed/.+\.ics$"))
    assert_accessible(page)
    page.goto(f"/events/{event.slug}/participants/")
    assert_accessible(page)
