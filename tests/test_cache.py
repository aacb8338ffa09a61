"""The shared cache (scn_portal.cache.PostgreSQLCache): Django's database cache semantics,
each write one statement."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scn_portal import cache as cache_module


def test_set_get_and_replace(db):
    cache.set("key", {"a": [1, 2]})
    assert cache.get("key") == {"a": [1, 2]}
    cache.set("key", "new")
    assert cache.get("key") == "new"


def test_add_only_when_missing_or_expired(db):
    assert cache.add("key", "first") is True
    assert cache.add("key", "second") is False
    assert cache.get("key") == "first"
    cache.set("short", "old", timeout=1)
    with connection.cursor() as cursor:  # expired a minute ago
        cursor.execute(
            "UPDATE scn_cache SET expires = %s WHERE cache_key LIKE %s",
            [datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1), "%short"],
        )
    assert cache.get("short") is None
    assert cache.add("short", "fresh") is True
    assert cache.get("short") == "fresh"


def test_timeouts(db):
    cache.set("forever", 1, timeout=None)
    cache.set("gone", 1, timeout=0)
    assert cache.get("forever") == 1
    assert cache.get("gone") is None


def test_a_write_is_one_statement_outside_transactions(db):
    with CaptureQueriesContext(connection) as captured:
        cache.set("key", "value")
    statements = [query["sql"] for query in captured if "SAVEPOINT" not in query["sql"]]
    assert len(statements) == 1 and statements[0].startswith("INSERT INTO")


def test_incr_and_many(db):
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    assert cache.incr("a") == 2


def test_entries_over_the_limit_are_culled(transactional_db, monkeypatch):
    monkeypatch.setattr(cache_module, "CULL_CHECK_INTERVAL", 1)
    small = cache_module.PostgreSQLCache("scn_cache", {"OPTIONS": {"MAX_ENTRIES": 10}})
    for number in range(30):
        small.set(f"key-{number}", number)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM scn_cache")
        assert cursor.fetchone()[0] <= 11
