"""`make run`'s demo training content: two real modules (one in three languages), the demo
groups' toolkits and a little progress; idempotent, and never in production."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from cityprofiles.models import CityProfile, Initiative
from library.demo_content import DEMO_DOCUMENTS
from membership.demo import DEMO_WORKING_GROUPS, load_demo_data
from membership.models import City, Theme, User
from membership.reference import THEMES, load_reference_data
from tests.factories import MemberFactory
from tests.training_factories import right_answers
from training import services
from training.choices import ItemKind, ModuleStatus, QuestionKind, SectionKind
from training.demo import DEMO_MODULES, load_demo_training
from training.demo_content import (
    COUNTER_NARRATIVES,
    GCTF_SITE,
    GIFCT_SITE,
    HEDAYAH_SITE,
    INTERVENTIONS,
    ISD_SITE,
    RAN_SITE,
    SCN_SITE,
    TECH_AGAINST_TERRORISM_SITE,
)
from training.demo_toolkits import DEMO_TOOLKITS
from training.markdown import render_markdown
from training.models import (
    Choice,
    Enrolment,
    Lesson,
    LessonCompletion,
    LessonLink,
    Module,
    Question,
    QuizAttempt,
    Toolkit,
    ToolkitItem,
    ToolkitSection,
)

HOME_PAGES = {
    SCN_SITE,
    ISD_SITE,
    RAN_SITE,
    HEDAYAH_SITE,
    GCTF_SITE,
    GIFCT_SITE,
    TECH_AGAINST_TERRORISM_SITE,
}
GROUP_SLUGS = [slug for _name, slug, *_rest in DEMO_WORKING_GROUPS]
MODELS = [
    Module,
    Lesson,
    LessonLink,
    Question,
    Choice,
    ToolkitSection,
    ToolkitItem,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
]


@pytest.fixture
def demo_training(db, settings):
    """Reference data, demo accounts and groups, and the training content (no library)."""
    settings.DEBUG = True
    load_reference_data()
    load_demo_data()
    return load_demo_training()


@pytest.fixture
def full_demo(db, settings, media_root, capsys):
    """Everything `make run` loads, through the command (the library too)."""
    settings.DEBUG = True
    load_reference_data()
    call_command("load_demo_data")
    return capsys.readouterr().out


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


# --- The content itself (no database) ---


def test_the_content_names_real_themes_groups_documents_and_home_pages():
    titles = {spec.title for spec in DEMO_DOCUMENTS}
    for spec in DEMO_MODULES:
        assert set(spec.themes) <= THEMES.keys(), spec.slug
        assert spec.working_group in GROUP_SLUGS, spec.slug
        for lesson in spec.lessons:
            assert set(lesson.documents) <= titles, lesson.title
            assert {url for _title, url in lesson.links} <= HOME_PAGES, lesson.title
    for toolkit in DEMO_TOOLKITS:
        assert toolkit.working_group in GROUP_SLUGS
        assert len(toolkit.sections) >= 3
        for section in toolkit.sections:
            for item in section.items:
                if item.kind == ItemKind.DOCUMENT:
                    assert item.value in titles, item.value
                elif item.kind == ItemKind.LINK:
                    assert item.value in HOME_PAGES and item.title
                else:
                    assert item.kind == ItemKind.TEXT and item.value


def test_english_lessons_are_substantial_and_questions_well_formed():
    for spec in DEMO_MODULES:
        for lesson in spec.lessons:
            if spec.language in ("en", "fr"):
                words = len(re.findall(r"\w+", lesson.body))
                assert 250 <= words <= 520, (lesson.title, words)
            assert "\n## " in lesson.body, lesson.title
            assert re.search(r"\n(- |\d\. )", lesson.body), lesson.title
            assert 2 <= len(lesson.questions) <= 3, lesson.title
            for question in lesson.questions:
                right = [text for text, correct in question.choices if correct]
                assert question.explanation and len(question.choices) >= 3
                assert len(right) >= 1 if question.multiple else len(right) == 1
                assert len(right) < len(question.choices)
    kinds = {q.multiple for spec in DEMO_MODULES for les in spec.lessons for q in les.questions}
    assert kinds == {True, False}


# --- Loaded ---


def test_the_two_modules_are_published_with_lessons_and_quizzes(demo_training):
    assert demo_training.modules_created == len(DEMO_MODULES) == 5
    for slug, lessons in ((COUNTER_NARRATIVES, 4), (INTERVENTIONS, 3)):
        module = Module.objects.get(slug=slug)
        assert module.language == "en" and module.translation_of is None
        assert module.status == ModuleStatus.PUBLISHED and module.published_at is not None
        assert module.pass_mark == 70 and module.estimated_minutes > 0
        assert module.working_group.slug in GROUP_SLUGS
        assert module.themes.count() >= 3
        assert module.lessons.count() == lessons >= 3
        for lesson in module.lessons.all():
            assert lesson.questions.count() >= 2
    assert Module.objects.get(slug=COUNTER_NARRATIVES).working_group.slug == "online-harms"
    assert LessonLink.objects.filter(lesson__module__slug=COUNTER_NARRATIVES).count() == 4


def _shape(module):
    """Lessons, each a list of (kind, [is_correct of each choice]) for its questions."""
    return [
        [
            (question.kind, [choice.is_correct for choice in question.choices.all()])
            for question in lesson.questions.all()
        ]
        for lesson in module.lessons.all()
    ]


def test_the_translations_are_linked_and_complete(demo_training):
    original = Module.objects.get(slug=COUNTER_NARRATIVES)
    translations = {module.language: module for module in original.translations.all()}
    assert set(translations) == {"fr", "ar"}
    assert translations["fr"].slug == f"{COUNTER_NARRATIVES}-fr"
    assert translations["ar"].slug == f"{COUNTER_NARRATIVES}-ar"
    interventions = Module.objects.get(slug=INTERVENTIONS)
    assert [m.slug for m in interventions.translations.all()] == [f"{INTERVENTIONS}-fr"]

    for translation in Module.objects.filter(translation_of__isnull=False):
        english = translation.translation_of
        translation.full_clean()  # a valid translation: other language, of an original
        assert translation.is_published and translation.family_id == english.pk
        assert translation.working_group == english.working_group
        assert set(translation.themes.names()) == set(english.themes.names())
        assert _shape(translation) == _shape(english)
        english_texts = set(english.lessons.values_list("title", flat=True)) | set(
            Question.objects.filter(lesson__module=english).values_list("explanation", flat=True)
        )
        texts = set(translation.lessons.values_list("title", flat=True)) | set(
            Question.objects.filter(lesson__module=translation).values_list(
                "explanation", flat=True
            )
        )
        assert not english_texts & texts, translation.slug  # translated, not copied
    arabic = Lesson.objects.filter(module=translations["ar"])
    assert all(re.search("[\u0600-\u06ff]", lesson.body) for lesson in arabic)


def test_every_question_has_its_right_choices(demo_training):
    questions = Question.objects.prefetch_related("choices")
    assert questions.count() == sum(
        len(lesson.questions) for spec in DEMO_MODULES for lesson in spec.lessons
    )
    assert {question.kind for question in questions} == set(QuestionKind.values)
    for question in questions:
        right = [choice for choice in question.choices.all() if choice.is_correct]
        if question.kind == QuestionKind.SINGLE:
            assert len(right) == 1, question.text
        else:
            assert len(right) >= 1, question.text
        assert question.explanation.strip()


def test_every_lesson_body_renders_to_safe_html(demo_training):
    for lesson in Lesson.objects.all():
        html = render_markdown(lesson.body)
        assert html.strip() and "<h2>" in html and "<li>" in html, lesson.title
        assert "<h1>" not in html  # the page's own heading is the lesson title


def test_a_member_completes_each_english_module_by_answering_right(demo_training):
    practitioner = MemberFactory(city=City.objects.get(slug="aarhus")).user
    for slug in (COUNTER_NARRATIVES, INTERVENTIONS):
        module = Module.objects.get(slug=slug)
        enrolment = services.enrol(practitioner, module)
        completed = False
        for lesson in module.lessons.all():
            assert not completed
            _attempt, results, completed = services.submit_quiz(
                enrolment, lesson, right_answers(lesson)
            )
            assert all(result.is_correct for result in results)
        assert completed
        enrolment.refresh_from_db()
        assert enrolment.is_completed and enrolment.score == 100
        assert services.normalise_certificate_code(enrolment.certificate_code) == (
            enrolment.certificate_code
        )


def test_the_demo_practitioner_has_started_counter_narratives(demo_training):
    assert demo_training.progress_created
    enrolment = Enrolment.objects.get(user__email="member@demo.scn.example")
    first = enrolment.module.lessons.first()
    assert enrolment.module.slug == COUNTER_NARRATIVES
    assert enrolment.city.slug == "aarhus" and enrolment.last_lesson == first
    assert list(enrolment.lesson_completions.values_list("lesson", flat=True)) == [first.pk]
    attempt = enrolment.quiz_attempts.get()
    assert attempt.correct == attempt.total == first.questions.count()
    assert not enrolment.is_completed and services.lessons_left(enrolment) == 3


def test_toolkits_have_sections_even_without_the_library(demo_training):
    assert demo_training.toolkits_filled == 3
    for slug in GROUP_SLUGS:
        toolkit = Toolkit.objects.get(working_group__slug=slug)
        assert toolkit.introduction.strip()
        assert toolkit.sections.count() >= 2
        assert not ToolkitItem.objects.filter(section__toolkit=toolkit, document__isnull=False)
        for section in toolkit.sections.all():
            assert section.items.exists()
            assert render_markdown(toolkit.introduction)


def test_the_full_demo_attaches_library_documents(full_demo):
    assert "training: 5 modules (5 created), 3 toolkits filled, demo progress created" in (
        full_demo
    )
    for spec in DEMO_MODULES:
        module = Module.objects.get(slug=spec.slug)
        expected = sum(len(set(lesson.documents)) for lesson in spec.lessons)
        attached = sum(lesson.documents.count() for lesson in module.lessons.all())
        assert attached == expected > 0, spec.slug
    for slug in GROUP_SLUGS:
        toolkit = Toolkit.objects.get(working_group__slug=slug)
        kinds = [section.kind for section in toolkit.sections.all()]
        assert kinds == [
            SectionKind.BACKGROUND,
            SectionKind.INTEREST,
            SectionKind.CASE_STUDIES,
            SectionKind.MEMBER_CITIES,
        ]
        items = ToolkitItem.objects.filter(section__toolkit=toolkit)
        assert items.filter(kind=ItemKind.DOCUMENT).count() >= 8
        assert items.filter(kind=ItemKind.LINK).exists()
        assert items.filter(kind=ItemKind.TEXT).exists()
        for section in toolkit.sections.all():
            positions = list(section.items.values_list("position", flat=True))
            assert positions == list(range(1, len(positions) + 1))


def test_loading_again_creates_nothing(full_demo, capsys):
    before = counts()
    call_command("load_demo_data")
    output = capsys.readouterr().out
    assert "training: 5 modules (0 created), 0 toolkits filled, demo progress exists" in output
    assert counts() == before


def test_what_staff_changed_is_left_alone(demo_training):
    module = Module.objects.get(slug=INTERVENTIONS)
    module.title = "Individual interventions (revised)"
    module.status = ModuleStatus.DRAFT
    module.save()
    module.lessons.last().delete()
    toolkit = Toolkit.objects.get(working_group__slug="online-harms")
    toolkit.sections.exclude(pk=toolkit.sections.first().pk).delete()
    Enrolment.objects.all().delete()
    before = counts()

    report = load_demo_training()

    assert report.modules_created == report.toolkits_filled == 0 and report.progress_created
    module.refresh_from_db()
    assert module.title == "Individual interventions (revised)" and module.lessons.count() == 2
    assert module.status == ModuleStatus.DRAFT
    assert toolkit.sections.count() == 1
    assert counts()["Module"] == before["Module"]


def test_a_translation_staff_made_already_is_not_duplicated(db, settings):
    settings.DEBUG = True
    load_reference_data()
    load_demo_data()
    load_demo_training()
    Module.objects.filter(slug=f"{COUNTER_NARRATIVES}-fr").update(slug="campagnes-contre-discours")
    load_demo_training()
    original = Module.objects.get(slug=COUNTER_NARRATIVES)
    assert original.translations.filter(language="fr").count() == 1
    assert not Module.objects.filter(slug=f"{COUNTER_NARRATIVES}-fr").exists()


def test_member_cities_sections_list_city_initiatives(db, settings):
    settings.DEBUG = True
    load_reference_data()
    load_demo_data()
    profile = CityProfile.objects.create(city=City.objects.get(slug="mombasa"), published=True)
    mentoring = Initiative.objects.create(profile=profile, title="Youth mentoring circles")
    mentoring.themes.add(Theme.objects.get(name="Mentoring"))
    draft = CityProfile.objects.create(city=City.objects.get(slug="aarhus"))
    hidden = Initiative.objects.create(profile=draft, title="Not yet public")
    hidden.themes.add(Theme.objects.get(name="Mentoring"))

    load_demo_training()

    items = ToolkitItem.objects.filter(kind=ItemKind.INITIATIVE)
    assert [(item.initiative, item.section.toolkit.working_group.slug) for item in items] == [
        (mentoring, "youth-and-families")
    ]
    assert items.get().section.kind == SectionKind.MEMBER_CITIES


def test_the_demo_training_is_refused_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        load_demo_training()
    assert not Module.objects.exists()
    assert not User.objects.exists()
