# ruff: noqa: S608 - table names here are the dataset's constants, never input
"""Loading rows fast, and remembering what was loaded.

Rows go in with COPY (psycopg's own connection), the bulk path of PostgreSQL; the indexes
that back no constraint are dropped during a load and built again after it, which is
several times faster than updating them row by row. Unique and foreign-key constraints stay
in force, so the generated rows are checked as real ones would be.

The `bench_dataset` table has one marker row per part of the dataset: its version (the
part's own version, the size asked for and the newest migrations of its apps), the size,
the rows it made, how long it took and when. A part is rebuilt only when its row is
missing or says something else.
"""

import json
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection
from django.db.migrations.loader import MigrationLoader

MARKER_TABLE = "bench_dataset"


def copy_rows(cursor, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
    """COPY `rows` (tuples in the order of `columns`) into `table`; returns how many."""
    count = 0
    quoted = ", ".join(f'"{column}"' for column in columns)
    with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of `table` that back no constraint."""
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(i.oid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        """,
        [table],
    )
    return cursor.fetchall()


@contextmanager
def indexes_dropped(cursor, tables: Iterable[str]):
    """The secondary indexes of `tables` dropped for the duration of a load, then built
    again (inside the caller's transaction: a failed load leaves them as they were)."""
    dropped = [index for table in tables for index in secondary_indexes(cursor, table)]
    for name, _definition in dropped:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    for _name, definition in dropped:
        cursor.execute(definition)


def next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
    return cursor.fetchone()[0]


def sync_sequence(cursor, table: str) -> None:
    """After rows were copied in with their ids: the next id the application takes comes
    after them."""
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
        f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
    )


def vacuum_analyze(tables: Iterable[str]) -> None:
    """Statistics for the planner and a visibility map for index-only scans, as a
    long-lived production table would have. Outside any transaction."""
    with connection.cursor() as cursor:
        for table in dict.fromkeys(tables):
            cursor.execute(f"VACUUM ANALYZE {table}")


def newest_migrations(apps: Iterable[str]) -> str:
    """The newest migration of each app, e.g. "events:0002_x+library:0003_y": a new
    migration (an index, a new column) rebuilds the parts that use the app."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    newest = []
    for app in sorted(apps):
        names = [name for label, name in loader.disk_migrations if label == app]
        newest.append(f"{app}:{max(names) if names else '-'}")
    return "+".join(newest)


# --- the marker rows ---


def ensure_marker_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (name text PRIMARY KEY, version text, "
            "documents integer, build_seconds double precision, built_at timestamptz)"
        )
        # Added when the dataset grew beyond the library: what each part made.
        cursor.execute(f"ALTER TABLE {MARKER_TABLE} ADD COLUMN IF NOT EXISTS rows jsonb")


def built_versions() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, version FROM {MARKER_TABLE}")
        return dict(cursor.fetchall())


def forget(cursor, name: str) -> None:
    cursor.execute(f"DELETE FROM {MARKER_TABLE} WHERE name = %s", [name])


def record(cursor, name: str, version: str, size: int, rows: dict, seconds: float) -> None:
    cursor.execute(
        f"INSERT INTO {MARKER_TABLE} (name, version, documents, rows, build_seconds, built_at) "
        "VALUES (%s, %s, %s, %s, %s, now()) ON CONFLICT (name) DO UPDATE SET "
        "version = excluded.version, documents = excluded.documents, rows = excluded.rows, "
        "build_seconds = excluded.build_seconds, built_at = excluded.built_at",
        [name, version, size, json.dumps(rows), seconds],
    )


def markers() -> dict[str, dict]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name, version, documents, rows, build_seconds, built_at FROM {MARKER_TABLE}"
        )
        return {
            name: {
                "version": version,
                "documents": documents,
                "rows": rows or {},
                "build_seconds": round(seconds or 0, 1),
                "built_at": built_at.isoformat() if built_at else None,
            }
            for name, version, documents, rows, seconds, built_at in cursor.fetchall()
        }
