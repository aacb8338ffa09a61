"""Live training figures for the SCN team, computed from enrolments in a few aggregate
queries (their number does not grow with modules, cities or enrolments).

Counting by city and region uses the city each practitioner had when they enrolled
(Enrolment.city), so a practitioner who later moves still counts where they trained.

With a year (of completion), "completed" means completed in that year, and "enrolled"
means the enrolments that were open at some point in that year: started that year or
before, and not completed before it. The completion rate is then the share of that
year's open enrolments completed during the year.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, CharField, Count, F, Q, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.translation import get_language

from training.models import Enrolment, Module, QuizAttempt


def completed_filter(year: int | None = None, prefix: str = "") -> Q:
    """Enrolments completed (in `year`, when given); `prefix` reaches them from another
    model ("enrolments__")."""
    if year is None:
        return Q(**{f"{prefix}completed_at__isnull": False})
    return Q(**{f"{prefix}completed_at__year": year})


def open_filter(year: int | None = None, prefix: str = "") -> Q:
    """Enrolments open at some point in `year` (all of them without a year)."""
    if year is None:
        return Q()
    return Q(**{f"{prefix}enrolled_at__year__lte": year}) & (
        Q(**{f"{prefix}completed_at__isnull": True})
        | Q(**{f"{prefix}completed_at__year__gte": year})
    )


def practitioners_trained(year: int | None = None) -> int:
    """How many people completed at least one module (in `year`, when given): the
    network's "practitioners trained" figure."""
    return Enrolment.objects.filter(completed_filter(year)).values("user_id").distinct().count()


def completion_years() -> list[int]:
    """The years in which someone completed a module, latest first."""
    return [
        day.year
        for day in Enrolment.objects.completed().dates("completed_at", "year", order="DESC")
    ]


def rate(part: int, whole: int) -> int | None:
    """A whole-number percentage; None when there is nothing to divide."""
    return round(part * 100 / whole) if whole else None


@dataclass
class ModuleFigures:
    """One module's numbers (one language of a family)."""

    module: Module
    enrolled: int
    completed: int
    average_score: float | None
    attempts: int = 0
    quizzes_taken: int = 0

    @property
    def completion_rate(self) -> int | None:
        return rate(self.completed, self.enrolled)

    @property
    def average_attempts(self) -> float | None:
        """Quiz attempts per lesson quiz taken (1.0: everyone answered once)."""
        return self.attempts / self.quizzes_taken if self.quizzes_taken else None


@dataclass
class ModuleFamilyFigures:
    """A module and its translations: one row per language, and the family's totals."""

    original: Module
    languages: list[ModuleFigures] = field(default_factory=list)

    @property
    def enrolled(self) -> int:
        return sum(row.enrolled for row in self.languages)

    @property
    def completed(self) -> int:
        return sum(row.completed for row in self.languages)

    @property
    def completion_rate(self) -> int | None:
        return rate(self.completed, self.enrolled)

    @property
    def average_score(self) -> float | None:
        scored = [row for row in self.languages if row.average_score is not None]
        weight = sum(row.completed for row in scored)
        if not weight:
            return None
        return sum(row.average_score * row.completed for row in scored) / weight

    @property
    def average_attempts(self) -> float | None:
        taken = sum(row.quizzes_taken for row in self.languages)
        return sum(row.attempts for row in self.languages) / taken if taken else None


def module_figures(year: int | None = None) -> list[ModuleFamilyFigures]:
    """Every module (drafts too) with its enrolments, completions, completion rate,
    average score of the completed enrolments and average quiz attempts, grouped by
    family (the original first, then its translations by language). Two queries."""
    completed = completed_filter(year, "enrolments__")
    modules = (
        Module.objects.annotate(
            family=Coalesce("translation_of_id", "id"),
            enrolled=Count("enrolments", filter=open_filter(year, "enrolments__")),
            completed=Count("enrolments", filter=completed),
            average_score=Avg("enrolments__score", filter=completed),
        )
        .select_related("translation_of")
        .order_by(
            Coalesce("translation_of__title", "title"),
            "family",
            F("translation_of_id").asc(nulls_first=True),
            "language",
        )
    )
    # Attempts per quiz taken: how many tries a lesson's quiz takes, on average.
    attempts = {
        row["lesson__module_id"]: row
        for row in QuizAttempt.objects.filter(open_filter(year, "enrolment__"))
        .values("lesson__module_id")
        .annotate(
            attempts=Count("id"),
            quizzes_taken=Count(
                Concat("enrolment_id", Value("-"), "lesson_id", output_field=CharField()),
                distinct=True,
            ),
        )
        .order_by()
    }
    families: dict[int, ModuleFamilyFigures] = {}
    for module in modules:
        counts = attempts.get(module.pk, {})
        row = ModuleFigures(
            module=module,
            enrolled=module.enrolled,
            completed=module.completed,
            average_score=module.average_score,
            attempts=counts.get("attempts", 0),
            quizzes_taken=counts.get("quizzes_taken", 0),
        )
        family = families.setdefault(
            module.family, ModuleFamilyFigures(original=module.translation_of or module)
        )
        family.languages.append(row)
    return list(families.values())


@dataclass
class PlaceFigures:
    """Enrolments and completions of one city or region (or of enrolments without a city)."""

    name: str
    region: str
    enrolled: int
    completed: int
    practitioners_trained: int

    @property
    def completion_rate(self) -> int | None:
        return rate(self.completed, self.enrolled)


def region_name(row: dict, prefix: str) -> str:
    """The region's name in the interface language, from the values of a query."""
    language = (get_language() or "en")[:2]
    return row.get(f"{prefix}name_{language}") or row[f"{prefix}name"] or ""


def _place_counts(year, *group_by):
    completed = completed_filter(year)
    return (
        Enrolment.objects.filter(open_filter(year))
        .values(*group_by)
        .annotate(
            enrolled=Count("id"),
            completed=Count("id", filter=completed),
            trained=Count("user_id", filter=completed, distinct=True),
        )
        .order_by()
    )


def figures_by_city(year: int | None = None) -> list[PlaceFigures]:
    """One row per city with enrolments (the city at enrolment), by region then city;
    enrolments without a city (staff trying a module) last. One query."""
    rows = _place_counts(
        year,
        "city_id",
        "city__name",
        "city__region__name",
        "city__region__name_fr",
        "city__region__name_ar",
    )
    places = [
        PlaceFigures(
            name=row["city__name"] or "",
            region=region_name(row, "city__region__") if row["city_id"] else "",
            enrolled=row["enrolled"],
            completed=row["completed"],
            practitioners_trained=row["trained"],
        )
        for row in rows
    ]
    return sorted(places, key=lambda place: (not place.name, place.region, place.name))


def figures_by_region(year: int | None = None) -> list[PlaceFigures]:
    """One row per region with enrolments, by name; enrolments without a city last.
    One query."""
    rows = _place_counts(
        year,
        "city__region_id",
        "city__region__name",
        "city__region__name_fr",
        "city__region__name_ar",
    )
    places = [
        PlaceFigures(
            name=region_name(row, "city__region__") if row["city__region_id"] else "",
            region="",
            enrolled=row["enrolled"],
            completed=row["completed"],
            practitioners_trained=row["trained"],
        )
        for row in rows
    ]
    return sorted(places, key=lambda place: (not place.name, place.name))


@dataclass(frozen=True)
class Totals:
    """The network's headline training numbers."""

    practitioners_trained: int
    enrolled: int
    completed: int

    @property
    def completion_rate(self) -> int | None:
        return rate(self.completed, self.enrolled)


def totals(year: int | None = None) -> Totals:
    """Headline numbers in one query."""
    completed = completed_filter(year)
    numbers = Enrolment.objects.filter(open_filter(year)).aggregate(
        enrolled=Count("id"),
        completed=Count("id", filter=completed),
        trained=Count("user_id", filter=completed, distinct=True),
    )
    return Totals(numbers["trained"], numbers["enrolled"], numbers["completed"])
