"""Browser journeys of check-in and surveys: staff check a participant in on a phone at the
door; an attendee answers an event's survey; staff read the results. Each page checked
with axe-core in English and Arabic."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from events import services
from events.models import Registration, SurveyResponse
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import horizontal_overflow, log_in, log_in_as_staff, switch_language
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import MemberFactory

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
MIN_TARGET = 44  # CSS pixels: WCAG 2.5.5's size for a target tapped at the door


@pytest.fixture
def door(city_a, city_b):
    """Today's workshop with two confirmed participants (long names and emails, to prove
    they wrap) and one on the waiting list."""
    event = EventFactory(
        title="Regional Practitioners' Workshop of East and West Africa, Dakar",
        slug="door-workshop",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
    )
    people = [
        (
            "José",
            "Ñúñez-Bakayoko de la Fuente",
            "jose.nunez.bakayoko.delafuente@example.org",
            city_a,
        ),
        ("Amina", "Diallo", "amina@example.org", city_b),
    ]
    for first, last, email, city in people:
        user = MemberFactory(
            city=city, user__first_name=first, user__last_name=last, user__email=email
        ).user
        RegistrationFactory(event=event, user=user, city=city)
    waiting = MemberFactory(city=city_b, user__email="wendy@example.org").user
    RegistrationFactory(event=event, user=waiting, city=city_b, status="waitlisted")
    return event


@pytest.mark.browser_context_args(**PHONE)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_staff_check_in_a_participant_on_a_phone(page: Page, staff, door, language):
    log_in_as_staff(page, staff.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/events/door-workshop/check-in/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main .list-group-item")).to_have_count(2)  # not the waiting list
    assert page.evaluate("() => document.documentElement.clientWidth") == 375
    assert horizontal_overflow(page) == 0
    assert_accessible(page)

    page.locator("input[type=search][name=q]").fill("jose")  # José, typed without the accent
    with page.expect_navigation():
        page.locator("main form[role=search] button[type=submit]").click()
    rows = page.locator("main .list-group-item")
    expect(rows).to_have_count(1)
    button = rows.first.locator("button[type=submit]")
    box = button.bounding_box()
    assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375

    with page.expect_navigation():
        button.click()
    # The search is kept, the row shows the check-in, the count follows.
    expect(page.locator("input[type=search][name=q]")).to_have_value("jose")
    expect(rows).to_have_count(1)
    expect(page.locator("#check-in-count")).to_contain_text("1")
    if language == "en":
        expect(page.locator(".messages")).to_contain_text(
            "José Ñúñez-Bakayoko de la Fuente is checked in."
        )
        expect(page.locator("#check-in-count")).to_have_text("1 of 2 checked in")
        expect(rows.first.locator("button")).to_contain_text("Undo")
    assert Registration.objects.get(user__email__startswith="jose").attended_at is not None
    assert horizontal_overflow(page) == 0
    assert_accessible(page)

    # A mistaken check-in is undone the same way.
    with page.expect_navigation():
        rows.first.locator("button[type=submit]").click()
    assert Registration.objects.get(user__email__startswith="jose").attended_at is None
    expect(page.locator("input[type=search][name=q]")).to_have_value("jose")


@pytest.fixture
def attended(member):
    """The member attended a workshop that ended yesterday."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    event = EventFactory(
        title="Mombasa youth workshop",
        slug="mombasa-youth-workshop",
        start_date=yesterday - datetime.timedelta(days=1),
        end_date=yesterday,
    )
    return RegistrationFactory(
        event=event, user=member, city=member.member.city, attended_at=timezone.now()
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_attendee_answers_the_survey_from_the_home_page(page: Page, member, attended, language):
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)
    prompt = page.locator(".survey-prompt")
    expect(prompt).to_contain_text("Mombasa youth workshop")
    assert_accessible(page)
    with page.expect_navigation():
        prompt.locator("a").first.click()
    assert page.url.endswith("/events/mombasa-youth-workshop/survey/")
    assert_accessible(page)

    # Sent without choosing on the scale: an error, the text typed is kept.
    page.locator("textarea[name=will_apply]").fill("A local prevention network with schools")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("textarea[name=will_apply]")).to_have_value(
        "A local prevention network with schools"
    )
    expect(page.locator(".alert-danger")).to_be_visible()
    assert_accessible(page)

    page.locator("input[name=knowledge_gain][value='4']").check()
    page.locator("textarea[name=comments]").fill("More time for city exchanges, please.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    answer = SurveyResponse.objects.get()
    assert (answer.knowledge_gain, answer.will_apply) == (
        4,
        "A local prevention network with schools",
    )
    expect(page.locator("main form button[type=submit]")).to_have_count(0)  # read-only now
    expect(page.locator("main")).to_contain_text("More time for city exchanges, please.")
    if language == "en":
        expect(page.locator("main")).to_contain_text("Thank you, you answered on")
    assert_accessible(page)

    page.goto("/")
    expect(page.locator(".survey-prompt")).to_have_count(0)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_staff_read_the_survey_results_and_figures(page: Page, staff, member, attended, language):
    services.submit_survey(attended, knowledge_gain=5, will_apply="Mentoring", comments="Excellent")
    log_in_as_staff(page, staff.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/events/mombasa-youth-workshop/survey/results/")
    expect(page.locator("#increased-share")).to_contain_text("100%")
    expect(page.locator("main")).to_contain_text("Mentoring")
    assert_accessible(page)

    page.goto("/events/surveys/")
    expect(page.locator("#overall-share")).to_contain_text("100%")
    expect(page.locator("main table").first).to_contain_text("Mombasa youth workshop")
    assert_accessible(page)
