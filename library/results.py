"""The search page's results, materialised and shared (issue 10, "Performance").

For one search (its text, its facet selections and its order) the page needs the number of
matches, the counts of six facets and, in order, the documents of the page shown. With
100,000 documents a common word matches thousands: ranking them, counting them and counting
the facets over them costs a few hundred milliseconds of PostgreSQL work. That work is the
same for every member (they all search the same published library: readable_documents in
library/views/search.py) and for every page of the same search. So, as search engines keep their query-result and
filter caches, it is done once: the result of a search (`SearchResults`: the number of
matches, the facet counts and the ids of the first MAX_RESULTS documents in order) is kept
in a table of its own (`SearchResultSet`, one row per search); paging, going back, and the
next reader of the same search read that row and then fetch only the twenty documents of
their page, by primary key.

Why a table and not Django's cache: the database cache spends five queries on a write and
evicts entries at random when full; here a read is one query by primary key, a write one
INSERT, and forgetting every kept search when the library changes one DELETE
(`library_changed`, called by library.services and library.signals). Orders and counts that
change without a document changing (most downloaded) may be up to RESULTS_SECONDS old.
"""

import datetime
import hashlib
import pickle
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from library.models import Document, SearchResultSet
from library.search import with_snippets
from scn_portal.kept import state_name

# Readers page through the best matches, as on any search engine; beyond these, the page
# asks them to refine the search. 50 pages of 20.
MAX_RESULTS = 1000
RESULTS_SECONDS = 600
# Part of every key: change it when what is kept changes shape, so that rows written by the
# previous release are not read by this one.
KEPT_FORMAT = "3"
WHOLE_LIBRARY_KEY = "whole-library-counts"
# What a short list of documents shows: never the file's whole text or its search index.
LIST_FIELDS = ("pk", "title", "language", "document_type", "year_published", "published_at")


@dataclass
class SearchResults:
    """What one search found, independent of the page shown."""

    total: int  # every matching document, even beyond MAX_RESULTS
    ids: list[int]  # the first MAX_RESULTS in the page's order
    facet_counts: dict  # {facet: counted values}, as DocumentFilterSet.facet_counts() gives
    # The snippets of the first page's documents (most readers see no other): {id: snippet}
    first_page_snippets: dict[int, str] = field(default_factory=dict)

    @property
    def is_capped(self) -> bool:
        return self.total > len(self.ids)


def library_changed() -> None:
    """Call when documents change (their text, status, themes, cities or regions): every kept
    search and the whole library's counts are forgotten, now and again once the change
    commits (a search computed in between would otherwise keep results from before it)."""

    def forget():
        SearchResultSet.objects.all().delete()

    forget()
    transaction.on_commit(forget)


def kept(name: str, compute):
    """The value kept under `name` if computed less than RESULTS_SECONDS ago and since the
    library last changed, else `compute()`, kept now."""
    key = hashlib.sha256(f"{KEPT_FORMAT}:{name}".encode()).hexdigest()
    now = timezone.now()
    fresh_since = now - datetime.timedelta(seconds=RESULTS_SECONDS)
    row = SearchResultSet.objects.filter(key=key, computed_at__gt=fresh_since).first()
    if row is not None:
        # Trusted bytes: written only by this module, like the pickles of Django's cache.
        return pickle.loads(row.results)  # noqa: S301
    value = compute()
    # Expired rows are ignored; deleting them as new ones come keeps the table small.
    SearchResultSet.objects.filter(computed_at__lte=fresh_since).delete()
    SearchResultSet.objects.bulk_create(
        [SearchResultSet(key=key, results=pickle.dumps(value), computed_at=now)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["results", "computed_at"],
    )
    return value


def search_key(state: dict) -> str:
    """The name of a search state (its cleaned fields, order included) for `kept`."""
    return "search:" + state_name(state)


def search_results(filterset, page_size: int) -> SearchResults:
    """The results of the search `filterset` describes, kept or computed now."""
    return kept(search_key(filterset.state()), lambda: compute_results(filterset, page_size))


def compute_results(filterset, page_size: int) -> SearchResults:
    """The facet counts first: with a text query they fetch the ids of all matches once,
    which also gives the total without a COUNT(*)."""
    facet_counts = filterset.facet_counts()
    ids = list(filterset.qs.values_list("pk", flat=True)[:MAX_RESULTS])
    total = filterset.match_count
    if total is None:
        total = len(ids) if len(ids) < MAX_RESULTS else filterset.qs.count()
    snippets = {}
    if filterset.query:
        first_page = Document.objects.filter(pk__in=ids[:page_size])
        snippets = dict(with_snippets(first_page, filterset.query).values_list("pk", "snippet"))
    return SearchResults(
        total=total, ids=ids, facet_counts=facet_counts, first_page_snippets=snippets
    )


def newest_about(city, count: int) -> list[Document]:
    """The `count` newest published documents about `city` (a city profile lists them),
    with the fields a short list shows: kept until the library changes, so a city with
    thousands of documents costs one read. Members all read the published library."""
    return kept(
        f"newest-about:{city.pk}:{count}",
        lambda: list(
            Document.objects.published()
            .filter(cities=city)
            .only(*LIST_FIELDS)
            .order_by("-published_at", "-pk")[:count]
        ),
    )
