"""Benchmarks (`make bench`) run against a database of their own.

Why not pytest-django's test database: it is created empty for every run (and with
--reuse-db it is shared with the ordinary tests, which empty it), while the benchmark
needs 100,000 documents that take minutes to build. So the benchmarks never request the
`db` fixture. Instead `bench_library` (below) points Django's connection at a dedicated
database on the same server, with the same credentials as DATABASE_URL and the name
`<development database>_bench` (`scn_bench` for `make bench`; BENCH_DATABASE overrides
it), creates and migrates that database when needed, builds the dataset only when its
marker row says it is missing or outdated, and points the connection back when the
benchmark module ends. pytest-django's guard against database access is lifted for that
time with `django_db_blocker.unblock()`. The development and test databases are never
touched.
"""

import os
import re
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

from membership.choices import MemberRole, MemberStatus
from membership.models import City, Member, User
from membership.reference import load_reference_data
from scn_portal.env import parse_database_url
from tests.benchmarks import dataset

BENCH_USER_EMAIL = "bench-member@bench.scn.example"
DEFAULT_SIZE = 100_000


def pytest_collection_modifyitems(config, items):
    """Benchmarks run only when the mark expression asks for them (`-m bench`, as
    `make bench` does): `-m "not browser"` replaces the configured `-m 'not bench'`, and
    must not start a minutes-long benchmark."""
    if re.search(r"(?<!not )\bbench\b", config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="a benchmark: run it with `make bench` (pytest -m bench)")
    for item in items:
        if "bench" in item.keywords:
            item.add_marker(skip)


def bench_database_name() -> str:
    development = parse_database_url(settings.DATABASE_URL)["NAME"]
    name = os.environ.get("BENCH_DATABASE") or f"{development}_bench"
    if name == development or name.startswith("test_"):
        raise pytest.UsageError(f"Refusing to use {name!r} as the benchmark database.")
    return name


def dataset_size() -> int:
    """BENCH_DOCUMENTS (e.g. 10000 for a quick try) or 100,000 documents."""
    return int(os.environ.get("BENCH_DOCUMENTS") or DEFAULT_SIZE)


@contextmanager
def using_database(name: str):
    """Django's default connection opened on database `name` for the duration."""
    default = connections["default"]
    original = default.settings_dict["NAME"]
    default.close()
    default.settings_dict["NAME"] = name
    try:
        yield
    finally:
        default.close()
        default.settings_dict["NAME"] = original


def ensure_database_exists(name: str) -> bool:
    """Create the database if missing (the server's maintenance database is used for
    that). True if it was created."""
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return False
        cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    return True


def ensure_bench_member() -> User:
    """An approved practitioner of an active member city: the benchmark's reader."""
    user = User.objects.filter(email=BENCH_USER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(BENCH_USER_EMAIL, None, first_name="Bench")
        Member.objects.create(
            user=user,
            city=City.objects.active().order_by("name").first(),
            role=MemberRole.PRACTITIONER,
            status=MemberStatus.APPROVED,
            position="Benchmark reader",
            organisation="Municipality",
        )
    return user


def _say(message: str) -> None:
    print(message, flush=True)  # progress of a long build


@pytest.fixture(scope="module")
def bench_library(django_db_blocker, request):
    """The benchmark database, migrated, with the reference data, a member to log in as
    and the dataset (built now if needed). Yields what the marker row says of it."""
    name = bench_database_name()
    size = dataset_size()
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with django_db_blocker.unblock(), capture.global_and_fixture_disabled():
        if ensure_database_exists(name):
            _say(f"\nCreated the benchmark database {name}.")
        with using_database(name):
            call_command("migrate", interactive=False, verbosity=0)
            call_command("createcachetable", verbosity=0)
            load_reference_data()
            ensure_bench_member()
            if dataset.built_version() != dataset.wanted_version(size):
                _say(f"\nBuilding the benchmark library in {name}: {size:,} documents")
                dataset.build(size, log=_say)
            yield {"database": name, **dataset.build_info()}
