"""Training modules for members: the training home, a module's page, one-click enrolment,
lessons with quizzes, progress and completion, linked translations, and the dashboard's
"continue where you left off"."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from library.choices import DocumentStatus
from membership.models import Theme
from tests.conftest import ROLES
from tests.test_city_profiles import make_document
from tests.training_factories import (
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
    right_answers,
    wrong_answers,
)
from training import services
from training.choices import ModuleLevel, ModuleStatus, QuestionKind
from training.models import Enrolment, LessonCompletion, LessonLink, QuizAttempt
from training.progress import Progress, continue_where_left_off

pytestmark = pytest.mark.django_db


def index_url():
    return reverse("training:index")


def module_url(module):
    return reverse("training:module", args=[module.slug])


def enrol_url(module):
    return reverse("training:enrol", args=[module.slug])


def lesson_url(module, position):
    return reverse("training:lesson", args=[module.slug, position])


def quiz_data(answers: dict[int, set[int]]) -> dict[str, list[str]]:
    return {f"question_{question}": [str(choice) for choice in choices]
            for question, choices in answers.items()}  # fmt: skip


def path_of(response) -> str:
    return urlsplit(response["Location"]).path


@pytest.fixture
def course(db):
    """A published module: a reading lesson, then two lessons with a quiz (one single
    choice question, one multiple choice question with two right answers)."""
    module = ModuleFactory(title="Counter-narrative campaigns", slug="counter-narratives")
    LessonFactory(module=module, title="Why counter-narratives", position=1)
    single = LessonFactory(module=module, title="Audiences", position=2)
    QuestionFactory(lesson=single, text="Who is the audience?", explanation="The undecided.")
    multiple = LessonFactory(module=module, title="Messengers", position=3)
    QuestionFactory(
        lesson=multiple,
        kind=QuestionKind.MULTIPLE,
        text="Who are credible messengers?",
        explanation="People with lived experience.",
        choices__right=2,
        choices__wrong=2,
    )
    return module


@pytest.fixture
def draft(db):
    module = ModuleFactory(title="Unfinished module", slug="unfinished", status=ModuleStatus.DRAFT)
    LessonFactory(module=module, position=1)
    return module


def enrolled(user, module):
    return services.enrol(user, module)


# --- Permission matrix -------------------------------------------------------------------


def expected(role: str, page: str, module) -> tuple[int, str | None]:
    """(status, path redirected to) for a role on a page of a published module."""
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if page == "enrol":
        return 302, lesson_url(module, 1)
    if page == "lesson" and role != "staff":  # not enrolled: sent to enrol (staff preview)
        return 302, module_url(module)
    return 200, None


PAGES = {
    "index": ("get", lambda module: index_url()),
    "module": ("get", module_url),
    "enrol": ("post", enrol_url),
    "lesson": ("get", lambda module: lesson_url(module, 1)),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(client_as, role, page, course):
    method, url = PAGES[page]
    response = getattr(client_as(role), method)(url(course))
    status, target = expected(role, page, course)
    assert response.status_code == status
    if target:
        assert path_of(response) == target


@pytest.mark.parametrize("role", ["member", "editor_a", "editor_b", "staff"])
def test_enrolling_by_get_is_not_allowed(client_as, role, course):
    assert client_as(role).get(enrol_url(course)).status_code == 405
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("role", ["member", "editor_b"])
def test_an_enrolled_member_reads_a_lesson(client_as, request, role, course):
    enrolled(request.getfixturevalue(role), course)
    response = client_as(role).get(lesson_url(course, 1))
    assert response.status_code == 200
    assert "Why counter-narratives" in response.content.decode()


@pytest.mark.parametrize("role", ["member", "staff"])
def test_unknown_modules_and_lessons_are_404(client_as, request, role, course):
    enrolled(request.getfixturevalue(role), course)
    client = client_as(role)
    assert client.get(reverse("training:module", args=["nope"])).status_code == 404
    assert client.post(reverse("training:enrol", args=["nope"])).status_code == 404
    assert client.get(reverse("training:lesson", args=["nope", 1])).status_code == 404
    assert client.get(lesson_url(course, 0)).status_code == 404
    assert client.get(lesson_url(course, 4)).status_code == 404


def test_a_member_who_is_not_enrolled_is_sent_to_enrol(client_as, course):
    response = client_as("member").get(lesson_url(course, 2), follow=True)
    assert response.redirect_chain[-1][0] == module_url(course)
    page = response.content.decode()
    assert "Enrol in the module to take its lessons." in page
    assert f'action="{enrol_url(course)}"' in page


# --- Drafts ---------------------------------------------------------------------------------


def test_drafts_are_invisible_to_members(client_as, member, draft, course):
    client = client_as("member")
    page = client.get(index_url()).content.decode()
    assert "Unfinished module" not in page
    assert course.title in page
    assert client.get(module_url(draft)).status_code == 404
    assert client.get(lesson_url(draft, 1)).status_code == 404
    assert client.post(enrol_url(draft)).status_code == 404
    # even for someone enrolled before the module went back to draft
    EnrolmentFactory(user=member, module=draft)
    assert client.get(lesson_url(draft, 1)).status_code == 404
    assert client.get(module_url(draft)).status_code == 404


def test_staff_preview_drafts_but_cannot_enrol_in_them(client_as, draft):
    client = client_as("staff")
    page = client.get(index_url()).content.decode()
    assert "Unfinished module" in page
    assert ">Draft</span>" in page
    detail = client.get(module_url(draft)).content.decode()
    assert "Draft — members cannot see this yet." in detail
    assert 'action="' + enrol_url(draft) not in detail
    assert client.post(enrol_url(draft)).status_code == 404
    lesson = client.get(lesson_url(draft, 1)).content.decode()
    assert "Preview: you are not enrolled" in lesson
    assert not Enrolment.objects.exists()


def test_a_staff_preview_of_a_quiz_records_nothing(client_as, course):
    lesson = course.lessons.get(position=2)
    response = client_as("staff").post(lesson_url(course, 2), quiz_data(right_answers(lesson)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 of 1 right" in page
    assert "The undecided." in page
    assert not QuizAttempt.objects.exists()
    assert not Enrolment.objects.exists()


# --- Enrolment and progress -------------------------------------------------------------


def test_enrolment_is_one_click_and_idempotent(client_as, member, city_a, course):
    client = client_as("member")
    first = client.post(enrol_url(course))
    assert path_of(first) == lesson_url(course, 1)
    client.post(enrol_url(course))
    enrolment = Enrolment.objects.get()
    assert (enrolment.user, enrolment.module, enrolment.city) == (member, course, city_a)
    page = client.get(module_url(course)).content.decode()
    assert f'action="{enrol_url(course)}"' not in page


def test_enrolling_again_goes_to_the_lesson_to_do_next(client_as, member, course):
    enrolment = enrolled(member, course)
    services.mark_lesson_done(enrolment, course.lessons.get(position=1))
    assert path_of(client_as("member").post(enrol_url(course))) == lesson_url(course, 2)


def test_progress_is_tracked_per_lesson(client_as, member, course):
    enrolment = enrolled(member, course)
    client = client_as("member")
    response = client.post(lesson_url(course, 1))  # a lesson without quiz: mark as done
    assert path_of(response) == lesson_url(course, 2)
    assert list(LessonCompletion.objects.values_list("lesson__position", flat=True)) == [1]
    client.post(lesson_url(course, 1))  # twice: still once
    assert LessonCompletion.objects.count() == 1
    page = client.get(module_url(course)).content.decode()
    assert 'aria-valuenow="1" aria-valuemin="0" aria-valuemax="3"' in page
    assert "1 of 3 lessons" in page
    assert "progress-w-30" in page
    assert 'Continue<span class="visually-hidden">: Audiences</span>' in page
    assert enrolment.lesson_completions.count() == 1


def test_opening_a_lesson_is_remembered(client_as, member, course):
    enrolment = enrolled(member, course)
    client_as("member").get(lesson_url(course, 3))
    enrolment.refresh_from_db()
    assert enrolment.last_lesson == course.lessons.get(position=3)


def test_progress_bar_widths_step_by_five_percent():
    assert Progress(1, 3).step == 30
    assert Progress(2, 3).step == 65
    assert Progress(3, 3).step == 100
    assert Progress(0, 0).step == 0


# --- Quizzes ------------------------------------------------------------------------------


def submit(client, module, position, answers):
    return client.post(lesson_url(module, position), quiz_data(answers))


def test_a_single_choice_quiz_is_scored_and_explained(client_as, member, course):
    enrolled(member, course)
    client = client_as("member")
    lesson = course.lessons.get(position=2)
    response = submit(client, course, 2, wrong_answers(lesson))
    attempt = QuizAttempt.objects.get()
    assert (attempt.correct, attempt.total) == (0, 1)
    assert response["Location"] == f"{lesson_url(course, 2)}?attempt={attempt.pk}#quiz-results"
    page = client.get(response["Location"]).content.decode()
    assert "0 of 1 right" in page
    assert "Wrong" in page
    assert "The undecided." in page
    assert "Try again" in page
    assert f'href="{lesson_url(course, 3)}"' in page


@pytest.mark.parametrize(
    ("ticked", "right"),
    [({0, 1}, True), ({0}, False), ({0, 1, 2}, False), ({2, 3}, False)],
)
def test_a_multiple_choice_question_needs_exactly_the_right_set(
    client_as, member, course, ticked, right
):
    enrolled(member, course)
    lesson = course.lessons.get(position=3)
    question = lesson.questions.get()
    choices = list(question.choices.order_by("position"))
    submit(client_as("member"), course, 3, {question.pk: {choices[i].pk for i in ticked}})
    attempt = QuizAttempt.objects.get()
    assert attempt.correct == int(right)
    assert attempt.answers.get().choices.count() == len(ticked)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda question, other: {f"question_{question.pk}": ["999999"]},
        lambda question, other: {f"question_{question.pk}": [str(other.choices.first().pk)]},
        lambda question, other: {f"question_{question.pk}": ["not-a-number"]},
        lambda question, other: {},
        lambda question, other: {f"question_{other.pk}": [str(other.choices.first().pk)]},
    ],
    ids=["unknown-choice", "choice-of-another-question", "garbage", "unanswered", "other-question"],
)
def test_a_tampered_or_incomplete_quiz_records_nothing(client_as, member, course, tamper):
    enrolled(member, course)
    question = course.lessons.get(position=2).questions.get()
    other = course.lessons.get(position=3).questions.get()
    response = client_as("member").post(lesson_url(course, 2), tamper(question, other))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Answer every question, then send your answers again." in page
    assert not QuizAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_every_question_must_be_answered(client_as, member, course):
    enrolled(member, course)
    page = client_as("member").post(lesson_url(course, 2), {}).content.decode()
    assert "Answer this question." in page


def test_results_of_someone_elses_attempt_are_not_shown(client_as, member, editor_a, course):
    lesson = course.lessons.get(position=2)
    theirs, _results, _done = services.submit_quiz(
        enrolled(editor_a, course), lesson, right_answers(lesson)
    )
    enrolled(member, course)
    client = client_as("member")
    page = client.get(f"{lesson_url(course, 2)}?attempt={theirs.pk}").content.decode()
    assert "The undecided." not in page
    assert "Send my answers" in page
    for garbage in ("abc", "-1", "99999999999999999999999"):
        response = client.get(f"{lesson_url(course, 2)}?attempt={garbage}")
        assert response.status_code == 200


# --- Completion -----------------------------------------------------------------------------


def finish(client, module, answers_of=right_answers):
    for position, lesson in enumerate(module.lessons.all(), start=1):
        if lesson.questions.exists():
            submit(client, module, position, answers_of(lesson))
        else:
            client.post(lesson_url(module, position))


def test_completing_every_lesson_above_the_pass_mark_completes_the_module(
    client_as, member, course
):
    enrolled(member, course)
    client = client_as("member")
    finish(client, course)
    enrolment = Enrolment.objects.get()
    assert enrolment.is_completed and enrolment.score == 100 and enrolment.certificate_code
    certificate = reverse("training:certificate", args=[course.slug])
    lesson_page = client.get(lesson_url(course, 3), follow=True).content.decode()
    assert certificate in lesson_page
    page = client.get(module_url(course)).content.decode()
    assert "Completed" in page
    assert certificate in page
    assert "with a score of 100%" in page


def test_the_completion_message_links_the_certificate(client_as, member, course):
    course.title = "Counter-narrative campaigns <b>"
    course.save()
    enrolment = enrolled(member, course)
    for lesson in course.lessons.all()[:2]:
        if lesson.questions.exists():
            services.submit_quiz(enrolment, lesson, right_answers(lesson))
        else:
            services.mark_lesson_done(enrolment, lesson)
    last = course.lessons.get(position=3)
    client = client_as("member")
    response = submit(client, course, 3, right_answers(last))
    text = client.get(response["Location"]).content.decode()
    message = text.split('class="messages"', 1)[1].split('class="breadcrumb"', 1)[0]
    assert "you have completed “Counter-narrative campaigns &lt;b&gt;”." in message
    certificate = reverse("training:certificate", args=[course.slug])
    assert f'<a class="alert-link" href="{certificate}">Download your certificate</a>' in message


@pytest.fixture
def ten_questions(db):
    module = ModuleFactory(title="Risk assessment", slug="risk", pass_mark=70)
    lesson = LessonFactory(module=module, title="Ten questions", position=1)
    for number in range(10):
        QuestionFactory(lesson=lesson, position=number)
    return module


def some_right(lesson, count: int) -> dict[int, set[int]]:
    right, wrong = right_answers(lesson), wrong_answers(lesson)
    return {question: (right if index < count else wrong)[question]
            for index, question in enumerate(sorted(right))}  # fmt: skip


def test_seven_of_ten_reaches_a_pass_mark_of_seventy(client_as, member, ten_questions):
    enrolled(member, ten_questions)
    submit(client_as("member"), ten_questions, 1, some_right(ten_questions.lessons.get(), 7))
    enrolment = Enrolment.objects.get()
    assert enrolment.is_completed and enrolment.score == 70


def test_six_of_ten_fails_and_a_retry_counts_its_best(client_as, member, ten_questions):
    enrolled(member, ten_questions)
    client = client_as("member")
    lesson = ten_questions.lessons.get()
    submit(client, ten_questions, 1, some_right(lesson, 6))
    assert not Enrolment.objects.get().is_completed
    page = client.get(module_url(ten_questions)).content.decode()
    assert "your score of 60% is below the pass mark of 70%" in page
    assert f'href="{lesson_url(ten_questions, 1)}"' in page
    assert "best: 6 of 10" in page

    submit(client, ten_questions, 1, some_right(lesson, 3))  # a worse retry lowers nothing
    assert services.module_score(Enrolment.objects.get()).correct == 6
    submit(client, ten_questions, 1, some_right(lesson, 9))
    enrolment = Enrolment.objects.get()
    assert enrolment.is_completed and enrolment.score == 90
    assert list(QuizAttempt.objects.order_by("pk").values_list("correct", flat=True)) == [6, 3, 9]


# --- Translations ----------------------------------------------------------------------------


@pytest.fixture
def translated(db):
    original = ModuleFactory(title="Individual interventions", slug="interventions")
    french = ModuleFactory(
        title="Interventions individuelles", slug="interventions-fr", language="fr",
        translation_of=original,
    )  # fmt: skip
    arabic = ModuleFactory(
        title="التدخلات الفردية", slug="interventions-ar", language="ar", translation_of=original
    )
    for module in (original, french, arabic):
        LessonFactory(module=module, position=1)
    return original, french, arabic


def in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_the_list_shows_one_module_per_family_in_the_viewers_language(client_as, translated):
    original, french, arabic = translated
    english_page = client_as("member").get(index_url()).content.decode()
    assert "Individual interventions" in english_page
    assert "Interventions individuelles" not in english_page
    assert f'href="{module_url(french)}" hreflang="fr" lang="fr"' in english_page
    assert f'href="{module_url(arabic)}" hreflang="ar" lang="ar"' in english_page
    assert re.search(r"1 module\b", english_page)

    french_page = in_language(client_as("member"), "fr").get(index_url()).content.decode()
    assert "Interventions individuelles" in french_page
    assert ">Individual interventions<" not in french_page
    assert f'href="{module_url(original)}" hreflang="en" lang="en"' in french_page


def test_a_language_without_translation_shows_the_original(client_as, translated):
    arabic = translated[2]
    arabic.delete()
    page = in_language(client_as("member"), "ar").get(index_url()).content.decode()
    assert "Individual interventions" in page
    assert "Interventions individuelles" not in page


def test_a_draft_translation_is_neither_listed_nor_offered(client_as, translated):
    original, french, _arabic = translated
    french.status = ModuleStatus.DRAFT
    french.save()
    client = in_language(client_as("member"), "fr")
    page = client.get(index_url()).content.decode()
    assert "Individual interventions" in page
    assert module_url(french) not in page
    assert module_url(french) not in client.get(module_url(original)).content.decode()


def test_the_module_page_offers_the_translation_in_the_viewers_language(client_as, translated):
    original, french, arabic = translated
    page = in_language(client_as("member"), "fr").get(module_url(original)).content.decode()
    assert "exists in your language" in page or "existe dans votre langue" in page
    assert f'href="{module_url(french)}" hreflang="fr" lang="fr"' in page
    assert f'href="{module_url(arabic)}" hreflang="ar" lang="ar"' in page
    english = client_as("member").get(module_url(original)).content.decode()
    assert "exists in your language" not in english
    assert f'href="{module_url(french)}" hreflang="fr" lang="fr">Français</a>' in english


def test_the_language_filter(client_as, translated):
    page = client_as("member").get(index_url(), {"language": "ar"}).content.decode()
    assert "التدخلات الفردية" in page
    assert "Individual interventions" not in page


def test_level_theme_and_text_filters(client_as, course, ten_questions):
    theme = Theme.objects.create(name="Online radicalisation", slug="online")
    course.themes.add(theme)
    ten_questions.level = ModuleLevel.ADVANCED
    ten_questions.save()
    client = client_as("member")
    by_level = client.get(index_url(), {"level": "advanced"}).content.decode()
    assert "Risk assessment" in by_level and "Counter-narrative campaigns" not in by_level
    by_theme = client.get(index_url(), {"theme": "online"}).content.decode()
    assert "Counter-narrative campaigns" in by_theme and "Risk assessment" not in by_theme
    by_text = client.get(index_url(), {"q": "counter"}).content.decode()
    assert "Counter-narrative campaigns" in by_text and "Risk assessment" not in by_text
    bad = client.get(index_url(), {"theme": "<script>"})
    assert bad.status_code == 200


# --- The lesson page's content -------------------------------------------------------------


def test_a_lesson_body_renders_inert(client_as, member):
    module = ModuleFactory(slug="unsafe")
    LessonFactory(
        module=module,
        position=1,
        body="Hello <script>alert(1)</script> and [x](javascript:alert(1)) "
        '<a href="javascript:alert(2)" onclick="alert(3)">y</a>',
    )
    enrolled(member, module)
    page = client_as("member").get(lesson_url(module, 1)).content.decode()
    body = page.split('class="lesson-body"', 1)[1].split("</div>", 1)[0]
    assert "<script" not in body
    assert "&lt;script&gt;" in body  # written out as text, never run
    assert "<a " not in body  # neither the javascript: link nor the raw one is a link
    assert "<script>alert" not in page


def test_a_lesson_shows_only_the_documents_the_member_may_read(client_as, member, editor_a):
    module = ModuleFactory(slug="with-documents")
    lesson = LessonFactory(module=module, position=1)
    LessonLink.objects.create(lesson=lesson, title="A talk", url="https://example.org/talk")
    published = make_document(title="Published plan")
    pending = make_document(
        title="Someone else's draft", status=DocumentStatus.PENDING, uploaded_by=editor_a
    )
    lesson.documents.set([published, pending])
    enrolled(member, module)
    page = client_as("member").get(lesson_url(module, 1)).content.decode()
    assert "Published plan" in page
    assert "Someone else" not in page
    assert 'href="https://example.org/talk" rel="external noopener noreferrer"' in page


# --- Continue where you left off -------------------------------------------------------------


def test_continue_goes_to_the_last_lesson_opened_or_the_first_not_done(member, course):
    enrolment = enrolled(member, course)
    lessons = list(course.lessons.all())
    [item] = continue_where_left_off(member)
    assert (item.next_position, item.started) == (1, False)
    services.note_lesson_opened(enrolment, lessons[2])
    [item] = continue_where_left_off(member)
    assert item.next_position == 3 and item.url == lesson_url(course, 3)
    services.submit_quiz(enrolment, lessons[2], right_answers(lessons[2]))
    [item] = continue_where_left_off(member)
    assert item.next_position == 1
    assert item.progress == Progress(1, 3)


def test_the_dashboard_lists_modules_in_progress(client_as, member, course, ten_questions):
    client = client_as("member")
    assert "Continue where you left off" not in client.get(reverse("home")).content.decode()
    enrolled(member, course)
    enrolled(member, ten_questions)
    page = client.get(reverse("home")).content.decode()
    assert "Continue where you left off" in page
    assert "Counter-narrative campaigns" in page and "Risk assessment" in page
    assert f'href="{lesson_url(course, 1)}"' in page
    assert 'role="progressbar"' in page and "0 of 3 lessons" in page


def test_the_dashboard_shows_at_most_three_and_no_completed_ones(client_as, member, ten_questions):
    for number in range(4):
        module = ModuleFactory(title=f"Extra {number}")
        LessonFactory(module=module, position=1)
        enrolled(member, module)
    done = enrolled(member, ten_questions)
    services.submit_quiz(
        done, ten_questions.lessons.get(), right_answers(ten_questions.lessons.get())
    )
    page = client_as("member").get(reverse("home")).content.decode()
    assert page.count('role="progressbar"') == 3
    assert "Risk assessment" not in page


def test_the_training_home_shows_progress_and_state(client_as, member, course, ten_questions):
    enrolment = enrolled(member, course)
    services.mark_lesson_done(enrolment, course.lessons.get(position=1))
    page = client_as("member").get(index_url()).content.decode()
    assert "Continue where you left off" in page
    assert "In progress" in page and "Not started" in page
    assert "1 of 3 lessons" in page
    assert f'href="{lesson_url(course, 2)}"' in page
    assert f'href="{reverse("training:toolkits")}"' in page
    assert f'href="{reverse("training:verify")}"' in page
    assert f'href="{reverse("training:figures")}"' not in page
    staff_page = client_as("staff").get(index_url()).content.decode()
    assert f'href="{reverse("training:figures")}"' in staff_page


# --- Query counts ---------------------------------------------------------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_modules(member, count):
    theme = Theme.objects.get_or_create(name="Youth", slug="youth")[0]
    modules = []
    for _number in range(count):
        module = ModuleFactory()
        module.themes.add(theme)
        ModuleFactory(translation_of=module, language="fr", slug=f"{module.slug}-fr")
        LessonFactory(module=module)
        services.mark_lesson_done(enrolled(member, module), LessonFactory(module=module))
        modules.append(module)
    return modules


def test_the_training_home_runs_the_same_queries_for_1_or_10_modules(client_as, member):
    client = client_as("member")
    make_modules(member, 1)
    one = count_queries(client, index_url())
    make_modules(member, 9)
    assert count_queries(client, index_url()) == one
    assert one <= 12


def make_lessons(module, count):
    for _number in range(count):
        lesson = LessonFactory(module=module)
        QuestionFactory(lesson=lesson)
        LessonLink.objects.create(lesson=lesson, title="Video", url="https://example.org/v")
        lesson.documents.add(make_document())


def test_module_and_lesson_pages_run_the_same_queries_for_1_or_10_lessons(client_as, member):
    client = client_as("member")
    module = ModuleFactory()
    make_lessons(module, 1)
    enrolment = enrolled(member, module)
    lesson = module.lessons.first()
    attempt, _results, _done = services.submit_quiz(enrolment, lesson, wrong_answers(lesson))
    results = f"{lesson_url(module, 1)}?attempt={attempt.pk}"
    counts = [count_queries(client, url) for url in (module_url(module), lesson_url(module, 1),
                                                     results)]  # fmt: skip
    make_lessons(module, 9)
    for lesson in module.lessons.all():
        QuestionFactory(lesson=lesson)
    attempt, _results, _done = services.submit_quiz(enrolment, lesson, wrong_answers(lesson))
    assert [
        count_queries(client, module_url(module)),
        count_queries(client, lesson_url(module, 1)),
        count_queries(client, f"{lesson_url(module, 10)}?attempt={attempt.pk}"),
    ] == counts
    assert max(counts) <= 14


def test_the_home_page_runs_the_same_queries_for_1_or_3_modules_in_progress(client_as, member):
    client = client_as("member")
    make_modules(member, 1)
    one = count_queries(client, reverse("home"))
    make_modules(member, 4)
    assert count_queries(client, reverse("home")) == one


def test_a_member_who_is_not_enrolled_cannot_record_anything(client_as, course):
    client = client_as("member")
    lesson = course.lessons.get(position=2)
    response = client.post(lesson_url(course, 2), quiz_data(right_answers(lesson)))
    assert path_of(response) == module_url(course)
    assert path_of(client.post(lesson_url(course, 1))) == module_url(course)
    assert not Enrolment.objects.exists()
    assert not QuizAttempt.objects.exists()


def test_the_lesson_page_has_its_list_with_ticks_and_previous_next(client_as, member, course):
    services.mark_lesson_done(enrolled(member, course), course.lessons.get(position=1))
    page = client_as("member").get(lesson_url(course, 2)).content.decode()
    assert f'href="{lesson_url(course, 2)}" aria-current="page"' in page
    assert '<span class="visually-hidden">(done)</span>' in page
    assert page.count("(done)") == 1
    assert f'href="{lesson_url(course, 1)}" rel="prev"' in page
    assert f'href="{lesson_url(course, 3)}" rel="next"' in page
    assert 'type="radio" name="question_' in page
    multiple = client_as("member").get(lesson_url(course, 3)).content.decode()
    assert 'type="checkbox" name="question_' in multiple
    assert "Tick every right answer." in multiple
