"""A member takes a training module from the training home to the certificate: enrols,
reads the first lesson, answers the quizzes (and reads the explanations), and completes the
module. The training home, the module page and a lesson page with quiz results are checked
with axe-core in English and Arabic; the lesson page fits a 375px-wide phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_accessible
from tests.browser.pages import horizontal_overflow, log_in, switch_language
from tests.training_factories import LessonFactory, ModuleFactory, QuestionFactory
from training import services
from training.choices import QuestionKind
from training.models import Enrolment, LessonLink


@pytest.fixture
def module(db):
    module = ModuleFactory(
        title="Counter-narrative campaigns",
        slug="counter-narratives",
        summary="How cities support credible voices against extremist propaganda.",
    )
    first = LessonFactory(
        module=module,
        title="Why counter-narratives",
        position=1,
        body="## What they are\n\nStories that **answer** extremist propaganda.\n\n"
        "- one audience\n- one message",
    )
    LessonLink.objects.create(lesson=first, title="A short talk", url="https://example.org/talk")
    audiences = LessonFactory(module=module, title="Audiences", position=2)
    QuestionFactory(
        lesson=audiences,
        text="Whom should a campaign address first?",
        explanation="The undecided middle, not the committed few.",
    )
    messengers = LessonFactory(module=module, title="Messengers", position=3)
    QuestionFactory(
        lesson=messengers,
        kind=QuestionKind.MULTIPLE,
        text="Who are credible messengers?",
        explanation="People with lived experience speak with authority.",
        choices__right=2,
        choices__wrong=1,
    )
    return module


def click(page: Page, name: str, role: str = "link") -> None:
    with page.expect_navigation():
        page.get_by_role(role, name=name, exact=True).first.click()


def test_a_member_takes_a_module_to_its_certificate(page: Page, member, module):
    log_in(page, member.email)
    page.goto("/training/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    assert_accessible(page)
    click(page, "Counter-narrative campaigns")

    expect(page.get_by_role("heading", level=1)).to_have_text("Counter-narrative campaigns")
    assert_accessible(page)
    click(page, "Enrol", role="button")

    expect(page).to_have_url(re.compile(r"/lessons/1/$"))
    expect(page.locator(".alert-success")).to_contain_text("You are enrolled")
    expect(page.get_by_role("heading", level=1)).to_have_text("Why counter-narratives")
    expect(page.locator(".lesson-body h2")).to_have_text("What they are")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "0")
    assert_accessible(page)
    click(page, "Mark as done and continue", role="button")

    expect(page).to_have_url(re.compile(r"/lessons/2/$"))
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "1")
    page.get_by_label("Wrong 0").check()
    click(page, "Send my answers", role="button")
    expect(page.get_by_text("0 of 1 right", exact=True)).to_be_visible()
    expect(page.get_by_text("The undecided middle, not the committed few.")).to_be_visible()
    assert_accessible(page)
    click(page, "Try again")
    page.get_by_label("Right 0").check()
    click(page, "Send my answers", role="button")
    expect(page.get_by_text("1 of 1 right", exact=True)).to_be_visible()
    click(page, "Next lesson")

    expect(page).to_have_url(re.compile(r"/lessons/3/$"))
    page.get_by_label("Right 0").check()
    page.get_by_label("Right 1").check()
    click(page, "Send my answers", role="button")
    expect(page.locator(".messages")).to_contain_text("you have completed")
    expect(page.get_by_text("People with lived experience speak with authority.")).to_be_visible()
    expect(page.get_by_role("link", name="Download your certificate").first).to_be_visible()
    enrolment = Enrolment.objects.get(user=member)
    assert enrolment.is_completed and enrolment.score == 100

    click(page, "Back to the module")
    expect(page.get_by_role("link", name="Download your certificate")).to_have_attribute(
        "href", "/training/modules/counter-narratives/certificate/"
    )
    assert_accessible(page)


def test_the_training_pages_are_accessible_in_arabic(page: Page, member, module):
    enrolment = services.enrol(member, module)
    lessons = list(module.lessons.all())
    services.mark_lesson_done(enrolment, lessons[0])
    log_in(page, member.email)
    page.goto("/training/")
    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("progressbar").first).to_be_visible()
    assert_accessible(page)

    page.goto("/training/modules/counter-narratives/")
    assert_accessible(page)

    page.goto("/training/modules/counter-narratives/lessons/2/")
    page.locator("input[type=radio]").first.check()
    with page.expect_navigation():
        page.locator("form.quiz-form button[type=submit], .quiz form button").first.click()
    expect(page.locator("#quiz-results")).to_be_visible()
    assert_accessible(page)


def test_the_lesson_page_fits_a_phone(page: Page, member, module):
    services.enrol(member, module)
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, member.email)
    page.goto("/training/modules/counter-narratives/lessons/3/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Messengers")
    assert horizontal_overflow(page) == 0
    page.get_by_label("Right 0").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("#quiz-results")).to_be_visible()
    assert horizontal_overflow(page) == 0
