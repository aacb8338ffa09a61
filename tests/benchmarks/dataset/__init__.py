"""The benchmark dataset: a network at the scale the hub must serve, in a database of its own.

At full size (BENCH_DOCUMENTS=100000, `make bench`): 100,000 documents, 2,000 member cities
(the reference cities and generated ones) with published profiles, 50,000 members, 5,000
events with 200,000 registrations, 20 modules with 100,000 enrolments; smaller or larger
in proportion to the number of documents (shared.Scale). Generated with a fixed seed, as of
a fixed day (shared.REFERENCE_DATE): the same size gives the same rows.

Four parts, built in this order, each with its own marker row (copying.py):

  network   cities, profiles with themes and initiatives, users and members (network.py)
  library   the documents (documents.py)
  events    events, registrations, attendance and surveys (events.py)
  training  modules, lessons, questions, enrolments and progress (training.py)

A part is rebuilt when its marker row is missing or its version differs (the part's
VERSION, the size, the newest migrations of its apps). Every part after a rebuilt one is
rebuilt too: they refer to its rows (documents name cities, registrations name members and
events may name documents), and clearing it (TRUNCATE ... CASCADE) clears theirs. So the
stale parts are cleared from the last to the first, then built from the first to the last,
each in a transaction of its own; a run that stops half-way leaves the unbuilt parts
without a marker, and the next run builds them.

Entry points: ensure(size) builds what is missing and returns what it built; build_info()
says what is there; sample_urls() gives real URLs into it; write_sample_file(media_root)
writes the file every document points at.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction

from membership.reference import read_member_cities
from tests.benchmarks.dataset import documents, events, network, training
from tests.benchmarks.dataset.copying import (
    ensure_marker_table,
    forget,
    markers,
    newest_migrations,
    record,
    vacuum_analyze,
)
from tests.benchmarks.dataset.network import BENCH_PASSWORD, BENCH_USER_EMAIL
from tests.benchmarks.dataset.samples import sample_urls, write_sample_file
from tests.benchmarks.dataset.shared import FULL_SIZE, REFERENCE_DATE, Scale

__all__ = ["BENCH_PASSWORD", "BENCH_USER_EMAIL", "FULL_SIZE", "REFERENCE_DATE", "Scale",
           "build_info", "ensure", "sample_urls", "write_sample_file"]  # fmt: skip


@dataclass(frozen=True)
class Part:
    name: str
    module: object  # with VERSION, APPS, TABLES, clear(cursor), build(cursor, scale, log)

    def wanted_version(self, size: int) -> str:
        version = f"{self.module.VERSION}/{size}/{newest_migrations(self.module.APPS)}"
        if self.module is network:
            # A city added to the reference list changes the network.
            version += f"/{len(read_member_cities())} reference cities"
        return version


PARTS = (
    Part("network", network),
    Part("library", documents),
    Part("events", events),
    Part("training", training),
)


def stale_parts(size: int) -> list[Part]:
    """The parts to build: the first outdated one and every part after it."""
    built = {name: info["version"] for name, info in markers().items()}
    for index, part in enumerate(PARTS):
        if built.get(part.name) != part.wanted_version(size):
            return list(PARTS[index:])
    return []


def ensure(size: int, log=print) -> list[str]:
    """Build the parts of the dataset that are missing or outdated for `size` documents;
    returns the names of the parts built (none when the dataset is up to date)."""
    ensure_marker_table()
    stale = stale_parts(size)
    if not stale:
        return []
    scale = Scale(size)
    raw = connection.connection  # psycopg's own connection, for COPY
    with transaction.atomic(), raw.cursor() as cursor:
        for part in reversed(stale):
            forget(cursor, part.name)
            part.module.clear(cursor)
    for part in stale:
        started = time.monotonic()
        log(f"  building {part.name}")
        with transaction.atomic(), raw.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            # Foreign keys are checked as each COPY ends, not at commit: PostgreSQL refuses
            # to build an index on a table with checks still pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            rows = part.module.build(cursor, scale, log)
            record(cursor, part.name, part.wanted_version(size), size, rows,
                   time.monotonic() - started)  # fmt: skip
        vacuum_analyze(part.module.TABLES)
        seconds = time.monotonic() - started
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE bench_dataset SET build_seconds = %s WHERE name = %s", [seconds, part.name]
            )
        log(f"  {part.name} built in {seconds:.0f} s: "
            + ", ".join(f"{count:,} {table}" for table, count in rows.items()))  # fmt: skip
    forget_kept_results()
    return [part.name for part in stale]


def forget_kept_results() -> None:
    """Results the pages computed from the rows just replaced (the cache, and the library's
    kept searches when the app keeps them) must not outlive them."""
    cache.clear()
    try:
        from library.results import library_changed
    except ImportError:
        return
    library_changed()


def build_info() -> dict:
    """What the marker rows say: per part its version, size, rows, build time and date;
    and in all, the size, the build seconds and the latest build."""
    parts = markers()
    ordered = {part.name: parts[part.name] for part in PARTS if part.name in parts}
    library = ordered.get("library", {})
    dates = [info["built_at"] for info in ordered.values() if info["built_at"]]
    return {
        "version": "; ".join(f"{name} {info['version']}" for name, info in ordered.items()),
        "documents": library.get("documents"),
        "build_seconds": round(sum(info["build_seconds"] for info in ordered.values()), 1),
        "built_at": max(dates) if dates else None,
        "parts": ordered,
    }
