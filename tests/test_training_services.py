"""The training rules, at the service level: quiz grading, the module score (best attempt
per lesson), the pass-mark boundary, completion and its certificate code, enrolment, and
the sanitising Markdown renderer. The pages that use them are tested in
test_training_modules.py."""

from html.parser import HTMLParser

import pytest
from django.db import IntegrityError

from membership.choices import WorkingGroupRole
from membership.models import WorkingGroupMembership
from tests.training_factories import (
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
    WorkingGroupFactory,
    right_answers,
    wrong_answers,
)
from training import services
from training.choices import QuestionKind
from training.markdown import render_markdown
from training.models import Enrolment, LessonCompletion, QuizAnswer, QuizAttempt, Toolkit

pytestmark = pytest.mark.django_db


def module_with_questions(count: int, *, pass_mark: int = 70, lessons: int = 1):
    """A module whose `count` single-choice questions are spread over `lessons` lessons."""
    module = ModuleFactory(pass_mark=pass_mark)
    made = [LessonFactory(module=module, position=i) for i in range(lessons)]
    for number in range(count):
        QuestionFactory(lesson=made[number % lessons])
    return module, made


def answers_with_right(lesson, how_many: int) -> dict[int, set[int]]:
    """Right answers to the first `how_many` questions of the lesson, wrong to the rest."""
    right, wrong = right_answers(lesson), wrong_answers(lesson)
    return {pk: right[pk] if index < how_many else wrong[pk] for index, pk in enumerate(right)}


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def parsed_tags(html: str) -> list[tuple[str, list]]:
    """The real elements of some HTML (text that merely looks like a tag is not one)."""
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


# --- grading ---


def test_single_choice_is_right_with_the_right_tick(member):
    question = QuestionFactory()
    right = question.choices.get(is_correct=True)
    [result] = services.grade(question.lesson, {question.pk: {right.pk}})
    assert result.is_correct


def test_two_ticks_on_a_single_choice_question_answer_nothing(member):
    question = QuestionFactory()
    every_choice = set(question.choices.values_list("pk", flat=True))
    [result] = services.grade(question.lesson, {question.pk: every_choice})
    assert not result.is_correct
    assert result.chosen == frozenset()


def test_multiple_choice_needs_exactly_the_right_set(member):
    question = QuestionFactory(kind=QuestionKind.MULTIPLE, choices__right=2, choices__wrong=2)
    right = set(question.choices.filter(is_correct=True).values_list("pk", flat=True))
    wrong = set(question.choices.filter(is_correct=False).values_list("pk", flat=True))
    lesson = question.lesson
    assert services.grade(lesson, {question.pk: right})[0].is_correct
    assert not services.grade(lesson, {question.pk: {min(right)}})[0].is_correct
    assert not services.grade(lesson, {question.pk: right | {min(wrong)}})[0].is_correct


def test_choices_of_another_question_and_unanswered_questions_count_as_wrong(member):
    first, second = QuestionFactory(), QuestionFactory()
    borrowed = second.choices.get(is_correct=True).pk
    results = services.grade(first.lesson, {first.pk: {borrowed}, 999_999: {1}})
    assert [result.is_correct for result in results] == [False]
    assert results[0].chosen == frozenset()


# --- score, pass mark, retries ---


@pytest.mark.parametrize(("right", "completed"), [(7, True), (6, False), (10, True)])
def test_the_pass_mark_is_reached_at_exactly_seventy_percent(member, right, completed):
    module, [lesson] = module_with_questions(10, pass_mark=70)
    enrolment = services.enrol(member, module)
    _attempt, _results, done = services.submit_quiz(
        enrolment, lesson, answers_with_right(lesson, right)
    )
    assert done is completed
    enrolment.refresh_from_db()
    assert (enrolment.completed_at is not None) is completed
    assert services.module_score(enrolment).percent == right * 10


def test_a_pass_mark_of_two_thirds_rounds_nothing_up(member):
    # 2 of 3 right is 66.66...%: it reaches a pass mark of 66 but not of 67.
    for pass_mark, completed in [(66, True), (67, False)]:
        module, [lesson] = module_with_questions(3, pass_mark=pass_mark)
        enrolment = services.enrol(member, module)
        _a, _r, done = services.submit_quiz(enrolment, lesson, answers_with_right(lesson, 2))
        assert done is completed


def test_every_attempt_is_kept_and_the_best_one_counts(member):
    module, [lesson] = module_with_questions(4, pass_mark=100)
    enrolment = services.enrol(member, module)
    services.submit_quiz(enrolment, lesson, answers_with_right(lesson, 3))
    services.submit_quiz(enrolment, lesson, answers_with_right(lesson, 1))
    assert services.module_score(enrolment).correct == 3
    _a, _r, done = services.submit_quiz(enrolment, lesson, right_answers(lesson))
    assert done
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 3
    assert QuizAnswer.objects.filter(attempt__enrolment=enrolment).count() == 12
    assert sorted(enrolment.quiz_attempts.values_list("correct", flat=True)) == [1, 3, 4]


def test_the_score_spans_every_lesson_of_the_module(member):
    module, lessons = module_with_questions(4, pass_mark=75, lessons=2)
    enrolment = services.enrol(member, module)
    services.submit_quiz(enrolment, lessons[0], right_answers(lessons[0]))
    assert services.module_score(enrolment) == services.Score(correct=2, total=4)
    _a, _r, done = services.submit_quiz(enrolment, lessons[1], answers_with_right(lessons[1], 1))
    assert services.module_score(enrolment).percent == 75
    assert done


# --- completion ---


def test_a_module_is_not_completed_while_a_lesson_is_left(member):
    module, [quiz_lesson] = module_with_questions(2)
    reading = LessonFactory(module=module, position=5)
    enrolment = services.enrol(member, module)
    _a, _r, done = services.submit_quiz(enrolment, quiz_lesson, right_answers(quiz_lesson))
    assert not done
    assert services.lessons_left(enrolment) == 1
    assert services.mark_lesson_done(enrolment, reading)
    enrolment.refresh_from_db()
    assert enrolment.score == 100
    assert services.normalise_certificate_code(enrolment.certificate_code)


def test_a_module_without_questions_is_completed_by_reading_it(member):
    module = ModuleFactory()
    first, second = LessonFactory(module=module), LessonFactory(module=module)
    enrolment = services.enrol(member, module)
    assert not services.mark_lesson_done(enrolment, first)
    assert services.mark_lesson_done(enrolment, second)
    enrolment.refresh_from_db()
    assert enrolment.score == 100


def test_a_failed_quiz_still_finishes_the_lesson(member):
    module, [lesson] = module_with_questions(2)
    enrolment = services.enrol(member, module)
    services.submit_quiz(enrolment, lesson, wrong_answers(lesson))
    assert LessonCompletion.objects.filter(enrolment=enrolment, lesson=lesson).exists()
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None and enrolment.certificate_code is None


def test_completion_keeps_its_date_score_and_code(member):
    module, [lesson] = module_with_questions(2, pass_mark=50)
    enrolment = services.enrol(member, module)
    services.submit_quiz(enrolment, lesson, answers_with_right(lesson, 1))
    enrolment.refresh_from_db()
    first = (enrolment.completed_at, enrolment.score, enrolment.certificate_code)
    services.submit_quiz(enrolment, lesson, right_answers(lesson))
    enrolment.refresh_from_db()
    assert (enrolment.completed_at, enrolment.score, enrolment.certificate_code) == first


# --- enrolment ---


def test_enrolling_twice_gives_the_same_enrolment_with_the_city_of_the_day(member):
    module = ModuleFactory()
    first = services.enrol(member, module)
    assert services.enrol(member, module) == first
    assert first.city == member.member.city
    assert Enrolment.objects.filter(user=member).count() == 1


def test_the_database_refuses_a_second_enrolment_in_a_module(member):
    enrolment = services.enrol(member, ModuleFactory())
    with pytest.raises(IntegrityError):
        Enrolment.objects.create(user=member, module=enrolment.module)


# --- certificate codes ---


def test_certificate_codes_are_three_groups_of_four_unambiguous_characters():
    codes = {services.new_certificate_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(group) for group in groups] == [4, 4, 4]
        assert not set("".join(groups)) - set(services.CODE_ALPHABET)
        assert not set("01ILO") & set(code)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("abcd-efgh-jkmn", "ABCD-EFGH-JKMN"),
        (" ABCD EFGH JKMN ", "ABCD-EFGH-JKMN"),
        ("abcdefghjkmn", "ABCD-EFGH-JKMN"),
        ("ABCD-EFGH-JKM", ""),
        ("ABCD-EFGH-JKMO", ""),  # O is not in the alphabet
        ("", ""),
        ("\x00" * 12, ""),
        ("x" * 10_000, ""),
    ],
)
def test_a_typed_certificate_code_is_normalised_or_refused(typed, stored):
    assert services.normalise_certificate_code(typed) == stored


# --- Markdown ---


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "![x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src='https://example.org'></iframe>",
    ],
)
def test_markdown_renders_scripts_and_script_links_inert(source):
    tags = parsed_tags(render_markdown(source))
    assert not {"script", "iframe", "img"} & {tag for tag, _attrs in tags}
    for _tag, attrs in tags:
        assert not [name for name, _value in attrs if name.startswith("on")]
        for name, value in attrs:
            if name in {"href", "src"}:
                assert value.split(":")[0].lower() in {"http", "https", "mailto"}


def test_markdown_keeps_the_formatting_lessons_need():
    html = render_markdown(
        "## Heading\n\nSome **bold** and *italic* text with a [link](https://example.org).\n\n"
        "- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    for tag in ("<h2>", "<strong>bold</strong>", "<em>italic</em>", "<ul>", "<li>one</li>",
                "<table>", "<td>1</td>"):  # fmt: skip
        assert tag in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


# --- toolkits ---


def test_every_working_group_gets_its_toolkit_when_created():
    group = WorkingGroupFactory()
    assert Toolkit.objects.filter(working_group=group).count() == 1
    group.save()
    assert Toolkit.objects.filter(working_group=group).count() == 1


def test_coordinators_curate_their_groups_toolkit_only(member, editor_a, staff):
    own, other = WorkingGroupFactory(), WorkingGroupFactory()
    WorkingGroupMembership.objects.create(
        group=own, member=member.member, role=WorkingGroupRole.COORDINATOR
    )
    WorkingGroupMembership.objects.create(group=other, member=editor_a.member)
    assert list(Toolkit.objects.curated_by(member)) == [own.toolkit]
    assert not Toolkit.objects.curated_by(editor_a).exists()
    assert Toolkit.objects.curated_by(staff).count() == 2
