"""Benchmarks (`make bench`) run against a database of their own.

Why not pytest-django's test database: it is created empty for every run (and with
--reuse-db it is shared with the ordinary tests, which empty it), while the benchmark
needs a network-scale dataset (tests/benchmarks/dataset/) that takes minutes to build. So
the benchmarks never request the `db` fixture. Instead `ready_database` points Django's
connection at a dedicated database on the same server, with the same credentials as
DATABASE_URL: `<development database>_bench` (`scn_bench` for `make bench`; BENCH_DATABASE
overrides it) for `bench_library`, the same name with `_small` for `bench_library_small`.
It creates and migrates the database when needed and builds the parts of the dataset that
their marker rows say are missing or outdated. pytest-django's guard against database
access is lifted for that time with `django_db_blocker.unblock()`. The development and test
databases are never touched.

`bench_library` keeps the connection on its database until the benchmark module ends;
`bench_library_small` (the same kind of dataset at SMALL_SIZE documents, to check that the
number of queries of a page does not depend on the size of the data) builds its database
and gives the connection back: read it inside `using_database(info["database"])`. Both
yield what the dataset's marker rows say, with the database's name and its sample URLs.
"""

import os
import re
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections

from membership.reference import load_reference_data
from scn_portal.env import parse_database_url
from tests.benchmarks import dataset
from tests.benchmarks.dataset import BENCH_PASSWORD, BENCH_USER_EMAIL

__all__ = ["BENCH_PASSWORD", "BENCH_USER_EMAIL", "using_database"]

DEFAULT_SIZE = dataset.FULL_SIZE
SMALL_SIZE = 1_000


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
    """Django's default connection opened on database `name` for the duration. The ids
    of content types differ between databases and Django keeps them per process: that
    cache is emptied on the way in and out."""
    default = connections["default"]
    original = default.settings_dict["NAME"]
    default.close()
    default.settings_dict["NAME"] = name
    ContentType.objects.clear_cache()
    try:
        yield
    finally:
        default.close()
        default.settings_dict["NAME"] = original
        ContentType.objects.clear_cache()


def ensure_database_exists(name: str) -> bool:
    """Create the database if missing (the server's maintenance database is used for
    that). True if it was created."""
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return False
        cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    return True


def _say(message: str) -> None:
    print(message, flush=True)  # progress of a long build


def ready_database(name: str, size: int) -> dict:
    """Database `name` migrated, with the reference data and the dataset at `size`
    documents (built now if needed); the connection must already point at it. Returns
    what the marker rows say, the parts built now and the sample URLs."""
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    load_reference_data()
    started = time.monotonic()
    _say(f"\nBenchmark dataset in {name}: {size:,} documents")
    built = dataset.ensure(size, log=_say)
    seconds = time.monotonic() - started
    _say(f"  built {', '.join(built)} in {seconds:.0f} s" if built else "  up to date")
    return {
        "database": name,
        **dataset.build_info(),
        "built_now": built,
        "build_seconds_now": round(seconds, 1),
        "sample": dataset.sample_urls(),
    }


@contextmanager
def benchmark_database(django_db_blocker, request, name: str, size: int):
    """The connection on database `name`, created if needed and made ready."""
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with django_db_blocker.unblock(), capture.global_and_fixture_disabled():
        if ensure_database_exists(name):
            _say(f"\nCreated the benchmark database {name}.")
        with using_database(name):
            yield ready_database(name, size)


@pytest.fixture(scope="module")
def bench_library(django_db_blocker, request):
    """The benchmark database with the dataset at BENCH_DOCUMENTS (100,000) documents; the
    connection stays on it until the module ends."""
    with benchmark_database(django_db_blocker, request, bench_database_name(),
                            dataset_size()) as info:  # fmt: skip
        yield info


@pytest.fixture(scope="module")
def bench_library_small(django_db_blocker, request):
    """The same kind of dataset at SMALL_SIZE documents, in `<bench database>_small`. The
    connection is given back once it is ready: use `using_database(info["database"])`."""
    with benchmark_database(django_db_blocker, request, f"{bench_database_name()}_small",
                            SMALL_SIZE) as info:  # fmt: skip
        pass
    yield info
