"""Library search at 100,000 documents against a trivial logged-in page (`make bench`).

Every page is requested in-process through Django's production WSGI handler (the whole
middleware stack, sessions and authentication included; no HTTP socket), logged in as an
approved member, in rounds: each round requests every page once, so that all of them
meet the same machine conditions. Up to WARMUPS rounds warm the caches, then up to ROUNDS
rounds are timed; while the pages are slow, time budgets keep the run short (at least one
warm-up and MIN_ROUNDS timed rounds are always made). The floor is the home page (a
template and the logged-in user); each page's median is reported as a multiple of the
floor's (the issue's goal: search within 3x).

The table is printed and written to bench-data/library_search.json with the EXPLAIN
(ANALYZE, BUFFERS) plan of every full-text query of the search pages (computed afresh for
that: the timed requests read kept results), to show whether the GIN index is used. The
query counts in the table are those of that fresh request for the search pages.
"""

import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from library.models import Document
from library.results import library_changed
from library.search import search_documents
from membership.models import Theme, User
from tests.benchmarks.conftest import BENCH_USER_EMAIL
from tests.benchmarks.inprocess import InProcessBrowser

WARMUPS = int(os.environ.get("BENCH_WARMUPS") or 5)
ROUNDS = int(os.environ.get("BENCH_ROUNDS") or 30)
MIN_ROUNDS = min(ROUNDS, 10)
WARMUP_BUDGET_SECONDS = 15
TIMED_BUDGET_SECONDS = float(os.environ.get("BENCH_BUDGET_SECONDS") or 60)
OUTPUT = Path(settings.BASE_DIR) / "bench-data" / "library_search.json"
GIN_INDEX = "document_search_gin"


@dataclass
class Page:
    """A page to time: a URL (through the WSGI handler) or a callable (ORM only)."""

    label: str
    url: str = ""
    call: object = None
    explain: bool = False
    timings: list[float] = field(default_factory=list)
    status: int = 0
    size: int = 0
    queries: int = 0
    matches: int | None = None  # documents the search found (its COUNT query)


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def search_url(**params) -> str:
    return f"{reverse('library:search')}?{urlencode(params, doseq=True)}"


def library_pages() -> list[Page]:
    """The pages measured, beside the floor. Common words match a tenth of the library
    (thousands of documents), as "youth" or "prevention" would in a real one; the rarer
    query (a city and a word) matches a few hundred."""
    theme = Theme.objects.get(name="Youth engagement").slug
    pages = [
        Page("library home", reverse("library:index")),
        Page("search: common words (en)", search_url(q="mentoring young people"), explain=True),
        Page("search: rarer words (en)", search_url(q="Kristiansand mentoring"), explain=True),
        Page(
            "search: text + theme + language + year",
            search_url(q="prévention jeunes", theme=theme, language="fr", year=2022),
            explain=True,
        ),
        Page("search: common words (ar)", search_url(q="إشراك الشباب"), explain=True),
        Page("search: theme facet only", search_url(theme=theme)),
        Page(
            "document page",
            reverse("library:document", args=[Document.objects.order_by("pk")[500].pk]),
        ),
    ]
    published = Document.objects.published()

    def first_page_and_count(text, **filters):
        def run():
            found = search_documents(published.filter(**filters), text)
            found.count()
            return list(found.order_by("-rank", "-published_at", "-pk")[:20])

        return run

    pages += [
        Page("query only: common words (en), count + page 1",
             call=first_page_and_count("mentoring young people")),
        Page("query only: text + 3 facets, count + page 1",
             call=first_page_and_count("prévention jeunes", language="fr", year_published=2022,
                                       themes__slug=theme)),
    ]  # fmt: skip
    return pages


def explain_search_queries(page: Page, captured) -> list[dict]:
    """EXPLAIN ANALYZE of every full-text query a request made; the number of documents
    found, from the page's COUNT query, goes to `page.matches`."""
    plans = []
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if "@@" not in sql:
                continue
            if sql.startswith('SELECT COUNT(*) AS "__count" FROM "library_document"'):
                cursor.execute(sql)
                page.matches = cursor.fetchone()[0]
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [row[0] for row in cursor.fetchall()]
            execution = next((line for line in plan if line.startswith("Execution Time")), "")
            plans.append(
                {
                    "sql": sql,
                    "execution_ms": float(execution.split()[2]) if execution else None,
                    "uses_gin_index": any(GIN_INDEX in line for line in plan),
                    "plan": plan,
                }
            )
    return plans


def table(pages: list[Page], floor: Page) -> str:
    floor_median = statistics.median(floor.timings)
    lines = [
        f"{'page':<46} {'status':>6} {'queries':>7} {'matches':>7} {'median ms':>10} "
        f"{'p95 ms':>8} {'x floor':>8}"
    ]
    for page in pages:
        median = statistics.median(page.timings)
        matches = "-" if page.matches is None else f"{page.matches:,}"
        lines.append(
            f"{page.label:<46} {page.status or '-':>6} {page.queries:>7} {matches:>7} "
            f"{median:>10.1f} {percentile(page.timings, 0.95):>8.1f} "
            f"{median / floor_median:>8.2f}"
        )
    return "\n".join(lines)


@pytest.mark.bench
def test_library_search_against_a_trivial_page(bench_library, django_db_blocker, request):
    started = time.monotonic()
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with django_db_blocker.unblock():
        browser = InProcessBrowser(User.objects.get(email=BENCH_USER_EMAIL))
        floor = Page("floor: home page (logged in)", reverse("home"))
        pages = [floor, *library_pages()]
        documents = Document.objects.published().count()

        def hit(page: Page) -> float:
            begin = time.perf_counter()
            if page.url:
                page.status, page.size = browser.get(page.url)
            else:
                page.call()
            return (time.perf_counter() - begin) * 1000

        warm_until = time.monotonic() + WARMUP_BUDGET_SECONDS
        warmups = 0
        while warmups < WARMUPS and (warmups == 0 or time.monotonic() < warm_until):
            for page in pages:
                hit(page)
            warmups += 1
        for page in pages:
            assert not page.url or page.status == 200, f"{page.label}: HTTP {page.status}"
        timed_until = time.monotonic() + TIMED_BUDGET_SECONDS
        rounds = 0
        while rounds < ROUNDS and (rounds < MIN_ROUNDS or time.monotonic() < timed_until):
            for page in pages:
                page.timings.append(hit(page))
            rounds += 1

        # One more request per page, not timed: its queries, and the plans of the searches.
        # A search page reads kept results (library.results): the explained request starts
        # from an emptied table, so that its full-text queries run and are planned.
        explained = []
        for page in pages:
            if page.explain:
                library_changed()
            with CaptureQueriesContext(connection) as captured:
                hit(page)
            page.queries = len(captured.captured_queries)
            if page.explain:
                explained.append(
                    {"page": page.label, "url": page.url,
                     "queries": explain_search_queries(page, captured.captured_queries)}
                )  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]

    floor_median = statistics.median(floor.timings)
    report = {
        "dataset": {**bench_library, "published_documents": documents},
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "postgresql": server_version,
        },
        "method": (
            "In-process GET through django.core.handlers.wsgi.WSGIHandler as a logged-in "
            f"member; {warmups} warm-up rounds, then {rounds} timed rounds, each round "
            "requesting every page once."
        ),
        "warmup_rounds": warmups,
        "timed_rounds": rounds,
        "pages": [
            {
                **{k: v for k, v in asdict(page).items() if k not in ("call", "timings")},
                "median_ms": round(statistics.median(page.timings), 2),
                "p95_ms": round(percentile(page.timings, 0.95), 2),
                "min_ms": round(min(page.timings), 2),
                "mean_ms": round(statistics.fmean(page.timings), 2),
                "ratio_to_floor": round(statistics.median(page.timings) / floor_median, 2),
            }
            for page in pages
        ],
        "explain": explained,
        "bench_seconds": round(time.monotonic() - started, 1),
    }
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    planned = [query for page in explained for query in page["queries"]]
    gin = bool(planned) and all(query["uses_gin_index"] for query in planned)
    with capture.global_and_fixture_disabled():
        print(
            f"\nLibrary search benchmark: {documents:,} published documents "
            f"(dataset built in {bench_library['build_seconds']} s, {bench_library['built_at']})"
            f"\n{table(pages, floor)}\n"
            f"{rounds} timed rounds after {warmups} warm-up rounds; full-text queries using "
            f"the GIN index: {'all' if gin else 'not all'}; bench run {report['bench_seconds']} s"
            f"\nDetails and query plans: {OUTPUT}"
        )
    assert documents >= 1000
