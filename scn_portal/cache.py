"""The shared cache: Django's database cache, each write one PostgreSQL statement.

Django's database cache writes in three statements and a savepoint: it counts the
entries (to cull when there are too many), reads the key, then inserts or updates it.
Writes are frequent here (rate limits at every login, kept values: scn_portal.kept), and
PostgreSQL does a write in one statement, INSERT ... ON CONFLICT. The count for culling is
made every CULL_CHECK_INTERVAL writes of a process (outside transactions) instead of at
each: the table may hold that many entries over MAX_ENTRIES between two checks.
"""

import base64
import itertools
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now

CULL_CHECK_INTERVAL = 50


class PostgreSQLCache(DatabaseCache):
    def __init__(self, table, params):
        super().__init__(table, params)
        self._writes = itertools.count(1)

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        if mode not in ("set", "add"):
            return super()._base_set(mode, key, value, timeout)
        timeout = self.get_backend_timeout(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        now = tz_now().replace(microsecond=0)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        # Same encoding as Django's database cache (its reads are used as they are).
        encoded = self._encode(value)
        # "add" replaces only an entry that has expired.
        only_expired = f" WHERE {table}.expires < %s" if mode == "add" else ""
        # The table's name is quoted settings; every value is a parameter.
        sql = (
            f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s) "  # noqa: S608
            "ON CONFLICT (cache_key) DO UPDATE SET value = EXCLUDED.value, "
            f"expires = EXCLUDED.expires{only_expired}"
        )
        params = [key, encoded, expires] + ([now] if mode == "add" else [])
        # Culling is checked outside transactions only: a write inside one (rare in the hub)
        # need not pay for it, and the queries of a page do not depend on how many writes
        # the process made before.
        in_transaction = connection.in_atomic_block
        check_cull = not in_transaction and next(self._writes) % CULL_CHECK_INTERVAL == 0
        try:
            # Inside a transaction, a savepoint keeps a failed write from aborting it.
            with (
                transaction.atomic(using=db, savepoint=in_transaction),
                connection.cursor() as cursor,
            ):
                if check_cull:
                    cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
                    count = cursor.fetchone()[0]
                    if count > self._max_entries:
                        self._cull(db, cursor, now, count)
                cursor.execute(sql, params)
                return cursor.rowcount > 0
        except DatabaseError:
            # As Django's: a write that fails (a concurrent one, say) is not an error.
            return False

    def _encode(self, value) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
