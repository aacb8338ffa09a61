"""The benchmark dataset (`make bench`) is the network the issue describes, at both sizes,
is not rebuilt when it is up to date, and its sample pages work.

Counts are checked against dataset.Scale: the generated rows plus the benchmark member's
own (one member; their registrations and enrolments)."""

import pytest
from django.db.models import Count, Q
from django.test import Client

from cityprofiles.models import CityProfile
from events.choices import RegistrationStatus
from events.models import Event, Registration
from library.models import Document
from membership.choices import CityStatus, MemberRole, MemberStatus
from membership.models import City, Member, User
from membership.reference import read_member_cities
from tests.benchmarks import dataset
from tests.benchmarks.conftest import SMALL_SIZE, using_database
from training.models import Enrolment, Module

pytestmark = pytest.mark.bench


def assert_counts_follow_the_scale(size: int) -> None:
    scale = dataset.Scale(size)
    bench = User.objects.get(email=dataset.BENCH_USER_EMAIL)
    assert Document.objects.published().count() == scale.documents
    assert City.objects.count() == scale.cities(len(read_member_cities()))
    assert Member.objects.exclude(user=bench).count() == scale.members
    assert Event.objects.count() == scale.events
    assert Registration.objects.exclude(user=bench).count() == scale.registrations
    assert Module.objects.published().count() == scale.modules
    assert Enrolment.objects.exclude(user=bench).count() == scale.enrolments
    active = City.objects.active().count()
    assert CityProfile.objects.published().filter(city__status=CityStatus.ACTIVE).count() > (
        0.8 * active
    )
    # The rules the application keeps: one point of contact per city, seats never overbooked.
    assert not (
        Member.objects.filter(role=MemberRole.POINT_OF_CONTACT, status=MemberStatus.APPROVED)
        .values("city")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .exists()
    )
    overbooked = (
        Event.objects.filter(capacity__isnull=False)
        .annotate(
            seats=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            )
        )
        .values("pk", "capacity", "seats")
    )
    assert all(event["seats"] <= event["capacity"] for event in overbooked)


def test_the_full_dataset_follows_its_scale(bench_library, django_db_blocker):
    with django_db_blocker.unblock():
        assert_counts_follow_the_scale(bench_library["documents"])


def test_the_small_dataset_follows_its_scale(bench_library_small, django_db_blocker):
    with django_db_blocker.unblock(), using_database(bench_library_small["database"]):
        assert_counts_follow_the_scale(SMALL_SIZE)


def test_an_up_to_date_dataset_is_not_built_again(bench_library, django_db_blocker):
    with django_db_blocker.unblock():
        assert dataset.ensure(bench_library["documents"], log=lambda message: None) == []


def test_the_benchmark_member_can_use_the_sample_pages(bench_library, django_db_blocker):
    paths = bench_library["sample"]["paths"]
    with django_db_blocker.unblock():
        member = Member.objects.select_related("user", "city").get(
            user__email=dataset.BENCH_USER_EMAIL
        )
        assert member.approved and member.city.status == CityStatus.ACTIVE
        assert member.user.has_usable_password()
        client = Client()
        client.force_login(member.user)
        for name in ("document", "city", "directory", "events", "event"):
            response = client.get(paths[name])
            assert response.status_code == 200, (name, paths[name], response.status_code)
        home = client.get("/")
        assert home.status_code == 200
