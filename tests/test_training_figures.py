"""The SCN team's training figures: computed from enrolments, staff only, a constant
number of queries."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CityFactory, MemberFactory
from tests.training_factories import EnrolmentFactory, LessonFactory, ModuleFactory
from training import figures
from training.choices import ModuleStatus
from training.models import Enrolment, QuizAttempt

FIGURES = reverse("training:figures")


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


def enrol(user, module, enrolled, completed=None, score=None, city="member's"):
    enrolment = EnrolmentFactory(
        user=user,
        module=module,
        city=user.member.city if city == "member's" else city,
        completed_at=completed,
        score=score,
        certificate_code=f"CODE-{user.pk}-{module.pk}" if completed else None,
    )
    # enrolled_at is set on creation (auto_now_add): backdate it for the year filter.
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolled)
    return enrolment


@pytest.fixture
def training_data(member, editor_a, editor_b, city_b):
    """Two cities in two regions. Module M (English) with a French translation, and
    module N (a draft now). Completions in 2024 and 2025:

    member   (A)  M     enrolled 2024-01, completed 2024-02, 80%, two quiz attempts
    editor_a (A)  M     enrolled 2024-05, open,                 one quiz attempt
    editor_b (B)  M-fr  enrolled 2024-11, completed 2025-01, 100%
    editor_b (B)  N     enrolled 2025-02, completed 2025-03, 60%
    other_b  (B)  N     enrolled 2025-06, open
    """
    original = ModuleFactory(title="Module M", language="en")
    french = ModuleFactory(title="Module M en français", language="fr", translation_of=original)
    draft = ModuleFactory(title="Module N", status=ModuleStatus.DRAFT, published_at=None)
    other_b = MemberFactory(city=city_b).user
    first = enrol(member, original, moment(2024, 1, 10), moment(2024, 2, 1), 80)
    second = enrol(editor_a, original, moment(2024, 5, 1))
    enrol(editor_b, french, moment(2024, 11, 1), moment(2025, 1, 15), 100)
    enrol(editor_b, draft, moment(2025, 2, 1), moment(2025, 3, 1), 60)
    enrol(other_b, draft, moment(2025, 6, 1))
    lesson = LessonFactory(module=original)
    QuizAttempt.objects.bulk_create(
        [
            QuizAttempt(enrolment=first, lesson=lesson, correct=0, total=1),
            QuizAttempt(enrolment=first, lesson=lesson, correct=1, total=1),
            QuizAttempt(enrolment=second, lesson=lesson, correct=1, total=1),
        ]
    )
    return {"original": original, "french": french, "draft": draft}


# --- Numbers ------------------------------------------------------------------------------


def test_practitioners_trained_counts_people_with_a_completed_module(training_data):
    assert figures.practitioners_trained() == 2  # member, editor_b (twice, counted once)
    assert figures.practitioners_trained(2024) == 1
    assert figures.practitioners_trained(2025) == 1
    assert figures.practitioners_trained(2023) == 0


def test_totals(training_data):
    totals = figures.totals()
    assert (totals.practitioners_trained, totals.enrolled, totals.completed) == (2, 5, 3)
    assert totals.completion_rate == 60


def test_module_figures_group_translations_by_family(training_data):
    families = figures.module_figures()
    assert [family.original.title for family in families] == ["Module M", "Module N"]
    module_m, module_n = families

    english, french = module_m.languages
    assert (english.module.language, french.module.language) == ("en", "fr")
    assert (english.enrolled, english.completed, english.completion_rate) == (2, 1, 50)
    assert english.average_score == 80
    assert english.average_attempts == 1.5  # three attempts at two quizzes taken
    assert (french.enrolled, french.completed, french.average_score) == (1, 1, 100)
    assert french.average_attempts is None
    assert (module_m.enrolled, module_m.completed, module_m.completion_rate) == (3, 2, 67)
    assert module_m.average_score == 90

    (draft,) = module_n.languages
    assert draft.module.status == ModuleStatus.DRAFT
    assert (draft.enrolled, draft.completed, draft.average_score) == (2, 1, 60)


def test_a_module_without_enrolments_is_listed_with_zeros(db):
    ModuleFactory(title="Nobody yet")
    (family,) = figures.module_figures()
    (row,) = family.languages
    assert (row.enrolled, row.completed, row.completion_rate, row.average_score) == (
        0, 0, None, None,
    )  # fmt: skip


def test_figures_by_city_and_region_use_the_city_at_enrolment(
    training_data, member, city_a, city_b
):
    # The member moves to city B after training: their enrolment still counts for A.
    member.member.city = city_b
    member.member.save()
    cities = {place.name: place for place in figures.figures_by_city()}
    assert set(cities) == {city_a.name, city_b.name}
    a, b = cities[city_a.name], cities[city_b.name]
    assert (a.region, a.enrolled, a.completed, a.practitioners_trained) == (
        city_a.region.name, 2, 1, 1,
    )  # fmt: skip
    assert (b.enrolled, b.completed, b.practitioners_trained, b.completion_rate) == (3, 2, 1, 67)

    regions = {place.name: place for place in figures.figures_by_region()}
    assert regions[city_a.region.name].enrolled == 2
    assert regions[city_b.region.name].completed == 2


def test_enrolments_without_a_city_are_counted_apart(staff, db):
    enrol(staff, ModuleFactory(), moment(2025, 1, 1), moment(2025, 1, 2), 100, city=None)
    (place,) = figures.figures_by_city()
    assert (place.name, place.enrolled, place.completed) == ("", 1, 1)
    (region,) = figures.figures_by_region()
    assert region.name == ""


def test_region_names_follow_the_interface_language(training_data, city_a):
    from django.utils import translation

    city_a.region.name_fr = "Région A"
    city_a.region.save()
    with translation.override("fr"):
        names = {place.name for place in figures.figures_by_region()}
    assert "Région A" in names


def test_a_year_counts_its_completions_and_its_open_enrolments(training_data):
    # 2025: open = editor_a's (from 2024), editor_b's two, other_b's; completed = 2.
    totals = figures.totals(2025)
    assert (totals.enrolled, totals.completed, totals.practitioners_trained) == (4, 2, 1)
    module_m, module_n = figures.module_figures(2025)
    english, french = module_m.languages
    assert (english.enrolled, english.completed) == (1, 0)
    assert (french.enrolled, french.completed) == (1, 1)
    assert english.average_attempts == 1.0  # editor_a's single attempt
    (draft,) = module_n.languages
    assert (draft.enrolled, draft.completed, draft.average_score) == (2, 1, 60)

    totals = figures.totals(2024)
    assert (totals.enrolled, totals.completed) == (3, 1)
    assert figures.completion_years() == [2025, 2024]


# --- The page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("member", 404),
        ("editor_a", 404),
        ("editor_b", 404),
        ("staff", 200),
    ],
)
def test_figures_are_for_staff_only(client_as, role, status):
    assert client_as(role).get(FIGURES).status_code == status
    assert client_as(role).get(FIGURES, {"export": "csv"}).status_code == status


def test_applicants_do_not_see_figures(client_as):
    assert client_as("applicant").get(FIGURES).status_code in (302, 404)


def test_figures_page_shows_the_numbers(client_as, training_data, city_a):
    response = client_as("staff").get(FIGURES)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Practitioners trained" in page
    assert "Module M en français" in page
    assert "Module M: all languages" in page
    assert city_a.name in page
    assert '<th scope="col">' in page and "<caption>" in page
    assert response.context["totals"].practitioners_trained == 2


def test_figures_page_filters_by_year(client_as, training_data):
    response = client_as("staff").get(FIGURES, {"year": "2024"})
    assert response.context["year"] == 2024
    assert response.context["totals"].completed == 1


@pytest.mark.parametrize("year", ["abc", "1999", "2024; DROP TABLE", "\x00", "9" * 400])
def test_a_bad_year_shows_all_years(client_as, training_data, year):
    response = client_as("staff").get(FIGURES, {"year": year})
    assert response.status_code == 200
    assert response.context["year"] is None
    assert response.context["totals"].completed == 3


def test_figures_csv_export(client_as, training_data):
    response = client_as("staff").get(FIGURES, {"year": "2025", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="training-figures-2025.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Module"
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Module N"][4:7] == ["2", "1", "50"]
    assert by_title["Module M en français"][1] == "Module M"


def test_csv_cells_never_start_a_formula(client_as, db):
    ModuleFactory(title="=HYPERLINK(1)")
    response = client_as("staff").get(FIGURES, {"export": "csv"})
    assert "'=HYPERLINK(1)" in response.content.decode("utf-8-sig")


def test_figures_query_count_is_constant(client_as, training_data, django_assert_max_num_queries):
    client = client_as("staff")
    with django_assert_max_num_queries(20) as few:
        client.get(FIGURES)
    for index in range(5):
        city = CityFactory()
        module = ModuleFactory(title=f"More {index}")
        ModuleFactory(title=f"More {index} fr", language="fr", translation_of=module)
        for _ in range(3):
            enrol(MemberFactory(city=city).user, module, moment(2025, 1, 1), moment(2025, 2, 1), 90)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(FIGURES)
    assert response.status_code == 200
