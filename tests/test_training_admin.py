"""Authoring training in the admin: modules and their lessons, questions and choices,
publication, and the read-only enrolments."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from tests.training_factories import (
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
)
from training.choices import ModuleStatus, QuestionKind
from training.models import Choice, LessonLink, Module, QuizAttempt


def admin_url(model, view, *args):
    return reverse(f"admin:training_{model}_{view}", args=args)


@pytest.fixture
def authored(member):
    """A module with a French translation, two lessons (one with a link and a question),
    and a completed enrolment with quiz attempts."""
    module = ModuleFactory(title="Community resilience")
    ModuleFactory(title="Résilience", language="fr", translation_of=module)
    lesson = LessonFactory(module=module, title="First steps")
    LessonFactory(module=module, title="Going further")
    LessonLink.objects.create(lesson=lesson, title="A talk", url="https://example.org/talk")
    question = QuestionFactory(lesson=lesson)
    enrolment = EnrolmentFactory(
        user=member, module=module, city=member.member.city, completed_at=timezone.now(),
        score=100, certificate_code="ABCD-EFGH-JKMN",
    )  # fmt: skip
    QuizAttempt.objects.create(enrolment=enrolment, lesson=lesson, correct=1, total=1)
    return {"module": module, "lesson": lesson, "question": question, "enrolment": enrolment}


def more_training():
    """More of everything, to check that the admin pages' query counts do not grow."""
    for index in range(4):
        module = ModuleFactory(title=f"Extra {index}")
        ModuleFactory(title=f"Extra {index} fr", language="fr", translation_of=module)
        for _ in range(3):
            lesson = LessonFactory(module=module)
            QuestionFactory(lesson=lesson)
            LessonLink.objects.create(lesson=lesson, title="Link", url="https://example.org/")


# --- Every page loads, in a bounded number of queries ---------------------------------------


@pytest.mark.parametrize("model", ["module", "lesson", "question", "enrolment"])
def test_changelists_load_with_a_constant_query_count(
    client_as, authored, model, django_assert_max_num_queries
):
    client = client_as("staff")
    url = admin_url(model, "changelist")
    with django_assert_max_num_queries(20) as few:
        assert client.get(url).status_code == 200
    more_training()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
    assert client.get(url, {"q": "resilience"}).status_code == 200


@pytest.mark.parametrize("model", ["module", "lesson", "question", "enrolment"])
def test_change_pages_load_with_bounded_queries(
    client_as, authored, model, django_assert_max_num_queries
):
    obj = authored["enrolment" if model == "enrolment" else model]
    client = client_as("staff")
    with django_assert_max_num_queries(40):
        response = client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200


@pytest.mark.parametrize(("model", "status"), [("module", 200), ("lesson", 200),
                                               ("question", 200), ("enrolment", 403)])  # fmt: skip
def test_add_pages(client_as, db, model, status):
    assert client_as("staff").get(admin_url(model, "add")).status_code == status


def test_training_admin_is_for_staff_only(client_as, authored):
    for role in ["member", "editor_a"]:
        response = client_as(role).get(admin_url("module", "changelist"))
        assert response.status_code in (302, 404)


# --- The module page ------------------------------------------------------------------------


def test_module_page_links_lessons_translations_and_the_preview(client_as, authored):
    module, lesson = authored["module"], authored["lesson"]
    page = client_as("staff").get(admin_url("module", "change", module.pk)).content.decode()
    assert admin_url("lesson", "change", lesson.pk) in page
    translation = Module.objects.get(translation_of=module)
    assert admin_url("module", "change", translation.pk) in page
    assert "Preview as a member" in page
    assert module.get_absolute_url() in page


def test_a_translation_links_back_to_its_original(client_as, authored):
    translation = Module.objects.get(translation_of=authored["module"])
    page = client_as("staff").get(admin_url("module", "change", translation.pk)).content
    assert admin_url("module", "change", authored["module"].pk) in page.decode()


def test_module_changelist_counts_lessons_and_enrolments(client_as, authored):
    response = client_as("staff").get(admin_url("module", "changelist"))
    module = next(m for m in response.context["cl"].result_list if m.pk == authored["module"].pk)
    assert (module.lesson_total, module.enrolment_total) == (2, 1)


def test_lesson_page_links_its_questions(client_as, authored):
    lesson, question = authored["lesson"], authored["question"]
    page = client_as("staff").get(admin_url("lesson", "change", lesson.pk)).content.decode()
    assert admin_url("question", "change", question.pk) in page
    assert "https://example.org/talk" in page


# --- Publishing -----------------------------------------------------------------------------


def run_action(client, action, modules):
    return client.post(
        admin_url("module", "changelist"),
        {"action": action, "_selected_action": [module.pk for module in modules]},
        follow=True,
    )


def test_publish_sets_the_date_and_refuses_modules_without_lessons(client_as, staff, db):
    ready = ModuleFactory(title="Ready", status=ModuleStatus.DRAFT, published_at=None)
    LessonFactory(module=ready)
    empty = ModuleFactory(title="Empty", status=ModuleStatus.DRAFT, published_at=None)

    response = run_action(client_as("staff"), "publish", [ready, empty])

    ready.refresh_from_db()
    empty.refresh_from_db()
    assert ready.status == ModuleStatus.PUBLISHED and ready.published_at is not None
    assert empty.status == ModuleStatus.DRAFT and empty.published_at is None
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("no lesson" in message and "Empty" in message for message in shown)
    assert any("1 module published" in message for message in shown)
    assert LogEntry.objects.filter(object_id=str(ready.pk), change_message="Published.").exists()


def test_publishing_again_keeps_the_first_publication_date(client_as, db):
    first = timezone.now() - timezone.timedelta(days=30)
    module = ModuleFactory(status=ModuleStatus.DRAFT, published_at=first)
    LessonFactory(module=module)
    run_action(client_as("staff"), "publish", [module])
    module.refresh_from_db()
    assert module.status == ModuleStatus.PUBLISHED
    assert module.published_at == first


def test_unpublish_returns_modules_to_draft(client_as, authored):
    module = authored["module"]
    response = run_action(client_as("staff"), "unpublish", [module])
    module.refresh_from_db()
    assert module.status == ModuleStatus.DRAFT
    assert module.published_at is not None  # the first publication stays on record
    assert authored["enrolment"].__class__.objects.filter(module=module).exists()
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("1 module unpublished" in message for message in shown)


def module_form_data(module, **changes):
    data = {
        "title": module.title,
        "slug": module.slug,
        "summary": module.summary,
        "themes": "",
        "language": module.language,
        "level": module.level,
        "estimated_minutes": module.estimated_minutes,
        "pass_mark": module.pass_mark,
        "working_group": "",
        "translation_of": "",
        "status": module.status,
        "lessons-TOTAL_FORMS": "0",
        "lessons-INITIAL_FORMS": "0",
        "lessons-MIN_NUM_FORMS": "0",
        "lessons-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_a_module_without_lessons_saved_as_published_stays_a_draft(client_as, db):
    module = ModuleFactory(status=ModuleStatus.DRAFT, published_at=None)
    response = client_as("staff").post(
        admin_url("module", "change", module.pk),
        module_form_data(module, status=ModuleStatus.PUBLISHED),
        follow=True,
    )
    assert response.status_code == 200
    module.refresh_from_db()
    assert module.status == ModuleStatus.DRAFT
    assert module.published_at is None
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("stays a draft" in message for message in shown)


def test_publishing_with_the_form_and_a_new_lesson_sets_the_date(client_as, db):
    module = ModuleFactory(status=ModuleStatus.DRAFT, published_at=None)
    data = module_form_data(
        module,
        status=ModuleStatus.PUBLISHED,
        **{
            "lessons-TOTAL_FORMS": "1",
            "lessons-0-title": "Welcome",
            "lessons-0-position": "1",
            "lessons-0-module": str(module.pk),
        },
    )
    response = client_as("staff").post(admin_url("module", "change", module.pk), data)
    assert response.status_code == 302, response.context["errors"]
    module.refresh_from_db()
    assert module.status == ModuleStatus.PUBLISHED and module.published_at is not None
    # The body was left empty in the inline: only title and position are edited there.
    assert module.lessons.get().title == "Welcome"


# --- Questions and their choices ------------------------------------------------------------


def question_form_data(question, kind, choices):
    """The question page's POST: `choices` are (text, is_correct) pairs, the existing
    choices first (replaced in order), extra ones added."""
    existing = list(question.choices.order_by("position", "pk"))
    data = {
        "lesson": question.lesson_id,
        "position": question.position,
        "text": question.text,
        "kind": kind,
        "explanation": question.explanation,
        "choices-TOTAL_FORMS": str(max(len(choices), len(existing))),
        "choices-INITIAL_FORMS": str(len(existing)),
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index in range(max(len(choices), len(existing))):
        prefix = f"choices-{index}-"
        data[prefix + "question"] = str(question.pk)
        if index < len(existing):
            data[prefix + "id"] = str(existing[index].pk)
        if index < len(choices):
            text, correct = choices[index]
            data[prefix + "text"] = text
            data[prefix + "position"] = str(index)
            if correct:
                data[prefix + "is_correct"] = "on"
        else:
            data[prefix + "DELETE"] = "on"
            data[prefix + "text"] = existing[index].text
            data[prefix + "position"] = str(index)
    return data


def post_question(client, question, kind, choices):
    return client.post(
        admin_url("question", "change", question.pk), question_form_data(question, kind, choices)
    )


def test_a_single_choice_question_with_two_correct_choices_is_refused(client_as, authored):
    question = authored["question"]
    before = list(question.choices.values_list("text", "is_correct"))
    response = post_question(
        client_as("staff"), question, QuestionKind.SINGLE,
        [("Right 0", True), ("Also right", True), ("Wrong 1", False)],
    )  # fmt: skip
    assert response.status_code == 200
    assert "exactly one correct choice" in response.content.decode()
    assert list(question.choices.values_list("text", "is_correct")) == before


def test_the_same_choices_are_fine_for_a_multiple_choice_question(client_as, authored):
    question = authored["question"]
    response = post_question(
        client_as("staff"), question, QuestionKind.MULTIPLE,
        [("Right 0", True), ("Also right", True), ("Wrong 1", False)],
    )  # fmt: skip
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.kind == QuestionKind.MULTIPLE
    assert question.choices.filter(is_correct=True).count() == 2


def test_a_question_needs_a_correct_choice(client_as, authored):
    question = authored["question"]
    response = post_question(
        client_as("staff"), question, QuestionKind.MULTIPLE,
        [("A", False), ("B", False), ("C", False)],
    )  # fmt: skip
    assert response.status_code == 200
    assert "Mark at least one choice as correct." in response.content.decode()
    assert question.choices.filter(is_correct=True).count() == 1


def test_a_question_needs_two_choices(client_as, authored):
    question = authored["question"]
    response = post_question(client_as("staff"), question, QuestionKind.SINGLE, [("Only", True)])
    assert response.status_code == 200
    assert "at least two choices" in response.content.decode()
    assert question.choices.count() == 3


def test_a_new_question_is_saved_with_its_choices(client_as, authored):
    data = {
        "lesson": authored["lesson"].pk,
        "position": "5",
        "text": "Which one?",
        "kind": QuestionKind.SINGLE,
        "explanation": "Because.",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "This one",
        "choices-0-is_correct": "on",
        "choices-0-position": "0",
        "choices-1-text": "That one",
        "choices-1-position": "1",
    }
    response = client_as("staff").post(admin_url("question", "add"), data)
    assert response.status_code == 302
    assert Choice.objects.filter(question__text="Which one?").count() == 2


def test_the_lesson_page_refuses_making_a_several_answer_question_single(client_as, authored):
    lesson, question = authored["lesson"], authored["question"]
    Choice.objects.filter(question=question).update(is_correct=True)
    question.kind = QuestionKind.MULTIPLE
    question.save()
    data = {
        "module": lesson.module_id,
        "position": lesson.position,
        "title": lesson.title,
        "body": lesson.body,
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "1",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-id": question.pk,
        "questions-0-lesson": lesson.pk,
        "questions-0-position": question.position,
        "questions-0-text": question.text,
        "questions-0-kind": QuestionKind.SINGLE,
        "questions-0-explanation": question.explanation,
    }
    response = client_as("staff").post(admin_url("lesson", "change", lesson.pk), data)
    assert response.status_code == 200
    assert "several correct choices" in response.content.decode()
    question.refresh_from_db()
    assert question.kind == QuestionKind.MULTIPLE


# --- Enrolments -----------------------------------------------------------------------------


def test_enrolments_are_read_only(client_as, authored):
    enrolment = authored["enrolment"]
    client = client_as("staff")
    page = client.get(admin_url("enrolment", "change", enrolment.pk)).content.decode()
    assert "ABCD-EFGH-JKMN" in page
    assert 'name="score"' not in page  # shown, not editable
    response = client.post(admin_url("enrolment", "change", enrolment.pk), {"score": "1"})
    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.score == 100


@pytest.mark.parametrize("search", ["member@example.org", "ABCD-EFGH-JKMN", "abcd efgh jkmn"])
def test_enrolments_are_found_by_email_or_code(client_as, authored, search):
    response = client_as("staff").get(admin_url("enrolment", "changelist"), {"q": search})
    assert [e.pk for e in response.context["cl"].result_list] == [authored["enrolment"].pk]
