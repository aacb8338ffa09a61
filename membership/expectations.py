"""What the network expects of every member city, computed from the records (never typed in).

Each expectation answers one question for many cities at once, with one query: which of
these cities meet it? Two are answered here. The others belong to apps that do not exist
yet or must not be imported from here (city profiles, events): those apps register their
answer with `register_source()` from their AppConfig.ready(). Until one does, the
expectation reads "not tracked yet" (None) rather than a false "missed".
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from membership.models import City, Member, WorkingGroupMembership

# cities -> ids of those that meet the expectation
Source = Callable[[QuerySet], Iterable[int]]


@dataclass(frozen=True)
class Expectation:
    key: str
    label: Promise


EXPECTATIONS = (
    Expectation("point_of_contact", _("Point of contact nominated")),
    Expectation("profile_completed", _("City profile completed")),
    Expectation(
        "summit_or_workshop", _("Took part in a global summit or regional workshop this year")
    ),
    Expectation("working_group", _("Someone in a thematic working group")),
    Expectation("surveys", _("Answered the SCN surveys")),
)


def _with_point_of_contact(cities: QuerySet) -> Iterable[int]:
    return (
        Member.objects.points_of_contact().filter(city__in=cities).values_list("city_id", flat=True)
    )


def _in_a_working_group(cities: QuerySet) -> Iterable[int]:
    return (
        WorkingGroupMembership.objects.filter(member__city__in=cities)
        .filter(member__in=Member.objects.approved())
        .values_list("member__city_id", flat=True)
    )


_SOURCES: dict[str, Source] = {
    "point_of_contact": _with_point_of_contact,
    "working_group": _in_a_working_group,
}


def register_source(key: str, source: Source) -> None:
    """Let another app answer an expectation, e.g. cityprofiles for "profile_completed"."""
    if key not in {expectation.key for expectation in EXPECTATIONS}:
        raise ValueError(f"unknown member expectation: {key}")
    _SOURCES[key] = source


def cities_meeting(key: str, cities: QuerySet) -> set[int] | None:
    """Ids of `cities` meeting the expectation; None while nothing tracks it."""
    source = _SOURCES.get(key)
    if source is None:
        return None
    return set(source(cities))


@dataclass(frozen=True)
class ExpectationStatus:
    expectation: Expectation
    met: bool | None  # None: not tracked yet


def expectations_by_city(cities: QuerySet) -> dict[int, list[ExpectationStatus]]:
    """Every expectation for every city of `cities`: one query per expectation, whatever
    the number of cities."""
    city_ids = list(cities.values_list("pk", flat=True))
    meeting = {
        e.key: cities_meeting(e.key, City.objects.filter(pk__in=city_ids)) for e in EXPECTATIONS
    }
    return {
        city_id: [
            ExpectationStatus(e, None if meeting[e.key] is None else city_id in meeting[e.key])
            for e in EXPECTATIONS
        ]
        for city_id in city_ids
    }


def city_expectations(city: City) -> list[ExpectationStatus]:
    return expectations_by_city(City.objects.filter(pk=city.pk))[city.pk]
