"""Values computed from the database, kept in the shared cache until the data they come
from changes (issue 10, "Performance").

Some parts of a page are the same for every member and cost far more to compute than to
read: the map of 2,000 member cities and the directory's results, the events list's city
and year menus and the fixed parts of its cards, the facts of an event's page.
`kept_until_changed(topic, name, compute)` keeps such a value under a *topic* (the data it
is computed from), `kept_many_until_changed` several at once; `forget(topic)` (called by
signal receivers registered with `forget_on_changes`, in each app's ready()) makes every
value of the topic be computed again.

How: each topic has a *generation*, a random token in the cache; a value is kept with the
generation it was computed in and is used only while that is still the topic's
generation. Forgetting replaces the token. Reading costs one cache query (the token and the
value together). A token the cache lost (evicted or expired) is replaced by a new one:
values computed before are then ignored, never used stale.

The library's search results are kept differently (library.results): a table of their own,
emptied in one statement whenever a document changes.
"""

import hashlib
import json
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEPT_SECONDS = 3600


def _generation_key(topic: str) -> str:
    return f"generation:{topic}"


def kept_until_changed(topic: str, name: str, compute, timeout: int = KEPT_SECONDS):
    """The value of `compute()` for `name`, kept under `topic` until `forget(topic)` or
    for `timeout` seconds. When what `compute` returns changes shape, change `name` too:
    the release before may have kept a value under it."""
    return kept_many_until_changed(
        topic, [name], lambda missing: {name: compute()}, timeout=timeout
    )[name]


def kept_many_until_changed(
    topic: str, names: list[str], compute_missing, timeout: int = KEPT_SECONDS
) -> dict:
    """{name: value} for every one of `names`, kept under `topic` as kept_until_changed
    keeps one, read in one cache query: `compute_missing(missing names)` gives
    {name: value} for those not kept (yet, or any more), which are kept then."""
    # Hashed: a name may be long (the state of a search) and hold any character.
    keys = {name: f"kept:{topic}:{hashlib.sha256(name.encode()).hexdigest()}" for name in names}
    generation_key = _generation_key(topic)
    found = cache.get_many([generation_key, *keys.values()])
    generation = found.get(generation_key)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(generation_key, generation, timeout=None):
            generation = cache.get(generation_key)  # another process made one first
    values = {}
    for name, key in keys.items():
        held = found.get(key)
        if held is not None and held[0] == generation:
            values[name] = held[1]
    missing = [name for name in names if name not in values]
    if missing:
        computed = compute_missing(missing)
        cache.set_many(
            {keys[name]: (generation, value) for name, value in computed.items()}, timeout
        )
        values.update(computed)
    return values


def state_name(state: dict) -> str:
    """A name for `kept_until_changed` from the state of a list (its filters and order,
    as plain values: FilterSet.state())."""
    return json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)


def forget(topic: str) -> None:
    """Every value kept under `topic` is computed again when next asked for: now, and
    again once the current transaction commits (a value computed in between, from the
    data before the change, would otherwise stay)."""

    def new_generation():
        cache.set(_generation_key(topic), uuid.uuid4().hex, timeout=None)

    new_generation()
    transaction.on_commit(new_generation)


def forget_on_changes(topic: str, *senders) -> None:
    """Forget `topic` whenever a row of one of `senders` (models, or the through models
    of many-to-many fields) is saved, deleted, or changes its many-to-many links.
    Bulk updates bypass signals: code doing them calls `forget` itself."""

    def receiver(sender, **kwargs):
        if kwargs.get("action", "post_").startswith("post_"):
            forget(topic)

    for sender in senders:
        uid = f"kept:{topic}:{sender._meta.label}"
        post_save.connect(receiver, sender=sender, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(receiver, sender=sender, weak=False, dispatch_uid=uid + ":delete")
        m2m_changed.connect(receiver, sender=sender, weak=False, dispatch_uid=uid + ":m2m")
