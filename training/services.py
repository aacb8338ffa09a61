"""The training app's writes and rules: enrolment, lessons done, quiz scoring, completion
and certificates. Views validate input, call one of these, and show the outcome."""

import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from training.choices import QuestionKind
from training.models import (
    Enrolment,
    Lesson,
    LessonCompletion,
    Module,
    QuizAnswer,
    QuizAttempt,
)

# Certificate codes: no 0/O, 1/I/L, so that a code read aloud or copied from paper works.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4


@dataclass(frozen=True)
class Score:
    """Right answers over the module's questions (best attempt of each lesson)."""

    correct: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else self.correct * 100 // self.total

    def reaches(self, pass_mark: int) -> bool:
        # Compared in whole numbers: 7 right out of 10 reaches a pass mark of 70 exactly.
        return self.total == 0 or self.correct * 100 >= pass_mark * self.total


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    chosen: frozenset[int]
    right: frozenset[int]

    @property
    def is_correct(self) -> bool:
        return self.chosen == self.right


def new_certificate_code() -> str:
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_certificate_code(text: str) -> str:
    """A code as typed (lower case, spaces, missing or extra dashes) in its stored form;
    an empty string when it cannot be a code."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != CODE_GROUPS * CODE_GROUP_LENGTH or any(
        ch not in CODE_ALPHABET for ch in letters
    ):
        return ""
    return "-".join(
        letters[i : i + CODE_GROUP_LENGTH] for i in range(0, len(letters), CODE_GROUP_LENGTH)
    )


def enrol(user, module: Module) -> Enrolment:
    """One click: the member's enrolment in the module, created the first time."""
    member = getattr(user, "member", None)
    try:
        with transaction.atomic():
            enrolment, _created = Enrolment.objects.get_or_create(
                user=user, module=module, defaults={"city": getattr(member, "city", None)}
            )
    except IntegrityError:  # a double click raced the first one
        enrolment = Enrolment.objects.get(user=user, module=module)
    return enrolment


def note_lesson_opened(enrolment: Enrolment, lesson: Lesson) -> None:
    """Remember where the member is, for "continue where you left off"."""
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson=lesson, last_activity=timezone.now()
    )
    enrolment.last_lesson = lesson


def mark_lesson_done(enrolment: Enrolment, lesson: Lesson) -> bool:
    """Record a lesson as finished; returns whether this completed the module."""
    with transaction.atomic():
        LessonCompletion.objects.get_or_create(enrolment=enrolment, lesson=lesson)
        return check_completion(enrolment)


def grade(lesson: Lesson, chosen: dict[int, set[int]]) -> list[QuestionResult]:
    """Each question of the lesson against the choices ticked for it (by id). A question
    left unanswered is wrong; choices of other questions are ignored."""
    results = []
    for question in lesson.questions.prefetch_related("choices"):
        choice_ids = {choice.pk for choice in question.choices.all()}
        right = frozenset(choice.pk for choice in question.choices.all() if choice.is_correct)
        ticked = frozenset(chosen.get(question.pk, set()) & choice_ids)
        if question.kind == QuestionKind.SINGLE and len(ticked) > 1:
            ticked = frozenset()  # two ticks on a single-choice question answer nothing
        results.append(QuestionResult(question.pk, ticked, right))
    return results


def submit_quiz(enrolment: Enrolment, lesson: Lesson, chosen: dict[int, set[int]]):
    """Record an attempt at the lesson's quiz (answering finishes the lesson, whatever the
    score). Returns the attempt, each question's result, and whether the module is now
    completed."""
    results = grade(lesson, chosen)
    with transaction.atomic():
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            correct=sum(result.is_correct for result in results),
            total=len(results),
        )
        answers = QuizAnswer.objects.bulk_create(
            QuizAnswer(
                attempt=attempt, question_id=result.question_id, is_correct=result.is_correct
            )
            for result in results
        )
        links = [
            QuizAnswer.choices.through(quizanswer_id=answer.pk, choice_id=choice_id)
            for answer, result in zip(answers, results, strict=True)
            for choice_id in result.chosen
        ]
        QuizAnswer.choices.through.objects.bulk_create(links)
        LessonCompletion.objects.get_or_create(enrolment=enrolment, lesson=lesson)
        completed = check_completion(enrolment)
    return attempt, results, completed


def module_score(enrolment: Enrolment) -> Score:
    """The module's quiz score: the best attempt of each lesson, over the questions the
    lessons have now (an attempt never counts more right answers than there are)."""
    lessons = (
        Lesson.objects.filter(module_id=enrolment.module_id)
        .annotate(
            question_count=Count("questions", distinct=True),
            best=Max("quiz_attempts__correct", filter=Q(quiz_attempts__enrolment=enrolment)),
        )
        .values_list("question_count", "best")
    )
    total = correct = 0
    for question_count, best in lessons:
        total += question_count
        correct += min(best or 0, question_count)
    return Score(correct, total)


def lessons_left(enrolment: Enrolment) -> int:
    return (
        Lesson.objects.filter(module_id=enrolment.module_id)
        .exclude(completions__enrolment=enrolment)
        .count()
    )


def check_completion(enrolment: Enrolment) -> bool:
    """Complete the enrolment when every lesson is done and the score reaches the pass
    mark: set the date, the score and a certificate code. Returns whether it is completed
    (now or before). A completed module stays completed."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update().select_related("module").get(pk=enrolment.pk)
        )
        if enrolment.is_completed:
            return True
        if lessons_left(enrolment):
            return False
        score = module_score(enrolment)
        if not score.reaches(enrolment.module.pass_mark):
            return False
        enrolment.completed_at = timezone.now()
        enrolment.score = score.percent
        enrolment.certificate_code = unique_certificate_code()
        enrolment.save(update_fields=["completed_at", "score", "certificate_code"])
    return True


def unique_certificate_code() -> str:
    while True:  # 31**12 codes: a clash is a once-in-forever event, but cheap to rule out
        code = new_certificate_code()
        if not Enrolment.objects.filter(certificate_code=code).exists():
            return code
