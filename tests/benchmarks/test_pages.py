"""The hub's main pages over HTTP against a trivial logged-in page (`make bench`, issue 10).

gunicorn serves the hub as in production (tests/benchmarks/server.py: DEBUG off,
whitenoise serving the collected static files, 4 workers x 8 threads) on loopback, against
the benchmark database (conftest.py's `bench_library`). The benchmark member logs in
through the login form. In one run, for each page:

- latency: WARMUPS warm-up rounds, then up to ROUNDS timed rounds on one keep-alive
  connection, each round requesting every page once, so that all pages meet the same
  machine conditions (time budgets as in test_library_search.py: at least one warm-up and
  MIN_ROUNDS timed rounds); median and 95th percentile;
- throughput: a burst of BURST_SECONDS per page from BURST_CLIENTS concurrent keep-alive
  clients; requests per second.

The floor is /accounts/password/change/ (a form and the user; its query count, in the
table, shows it is trivial). Targets, as ratios of medians to the floor's: library search
pages within 3x, every other page within 2x. Every response must be a 200.

In the same run:
- SQL queries per page, counted in-process (tests/benchmarks/inprocess.py) against the
  big dataset and the small one (`bench_library_small`), each with URLs from its own
  sample: at most MAX_QUERIES, and the same count at both sizes;
- one hashed CSS and one JS file under /static/: far-future, immutable Cache-Control and
  compressed (gzip or br);
- the resident memory of every gunicorn worker after the run: below MAX_WORKER_RSS_MB.

The table is printed and written with everything else to bench-data/pages.json before
anything is asserted, so a miss is still reported. BENCH_WARMUPS, BENCH_ROUNDS,
BENCH_BUDGET_SECONDS and BENCH_BURST_SECONDS change the run.
"""

import functools
import itertools
import json
import os
import re
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from membership.models import Theme, User
from tests.benchmarks import dataset
from tests.benchmarks.conftest import BENCH_PASSWORD, BENCH_USER_EMAIL, using_database
from tests.benchmarks.inprocess import InProcessBrowser
from tests.benchmarks.server import (
    BENCH_DATA,
    Browser,
    run_together,
    start_gunicorn,
    with_database,
)

pytestmark = pytest.mark.bench

WARMUPS = int(os.environ.get("BENCH_WARMUPS") or 5)
ROUNDS = int(os.environ.get("BENCH_ROUNDS") or 30)
MIN_ROUNDS = min(ROUNDS, 10)
WARMUP_BUDGET_SECONDS = 15
TIMED_BUDGET_SECONDS = float(os.environ.get("BENCH_BUDGET_SECONDS") or 60)
BURST_CLIENTS = 4
BURST_SECONDS = float(os.environ.get("BENCH_BURST_SECONDS") or 3)

SEARCH_TARGET = 3.0  # x the floor's median
PAGE_TARGET = 2.0
MAX_QUERIES = 25
MAX_WORKER_RSS_MB = 250
ONE_YEAR_SECONDS = 365 * 24 * 3600

# The account pages ask for the password again 5 minutes after a login
# (ACCOUNT_REAUTHENTICATION_TIMEOUT): the floor page needs a login younger than that.
LOGIN_RENEWAL_SECONDS = 4 * 60
MEDIA_ROOT = BENCH_DATA / "bench-media"
STATIC_ROOT = BENCH_DATA / "bench-static"
OUTPUT = BENCH_DATA / "pages.json"

FLOOR_URL = "/accounts/password/change/"
SEARCH_TEXT = "mentoring young people"
FACET_THEME = "Youth engagement"
FACET_LANGUAGE = "en"
FACET_YEAR = 2022


# --- the pages ---

FRESH_NUMBERS = itertools.count(1)
# Part of every fresh search's made-up word: another run's searches may still be kept.
FRESH_RUN = uuid.uuid4().hex[:8]


@dataclass
class Page:
    key: str
    label: str
    url: str
    target: float | None  # highest ratio of its median to the floor's; None: the floor
    timings: list[float] = field(default_factory=list, repr=False)  # ms
    statuses: Counter = field(default_factory=Counter)
    burst_requests: int = 0
    burst_seconds: float = 0.0
    sql: list[str] = field(default_factory=list, repr=False)  # its queries, big dataset
    sql_small: list[str] = field(default_factory=list, repr=False)  # and small dataset
    url_small: str = ""
    inprocess_errors: list[str] = field(default_factory=list)
    fresh: bool = False  # a search never made before at each request (next_url)

    def next_url(self) -> str:
        """The address to request. A `fresh` search excludes one more word each time, a
        word no document has: the same documents are found, but the search was never
        made before and nothing is kept for it (library.results), which is what the first
        reader of a search waits for."""
        if not self.fresh:
            return self.url
        return f"{self.url}+-zq{FRESH_RUN}{next(FRESH_NUMBERS)}x"

    @property
    def queries(self) -> int:
        return len(self.sql)

    @property
    def queries_small(self) -> int:
        return len(self.sql_small)

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.timings, n=100, method="inclusive")[94]

    @property
    def requests_per_second(self) -> float:
        return self.burst_requests / self.burst_seconds if self.burst_seconds else 0.0


def sample_paths() -> dict[str, str]:
    """The pages of the dataset in use ("document", "download", "directory": the city
    directory filtered by two themes, "city": a city profile, "event"). Asked again rather
    than taken from the fixture: its sample may have been picked with another database's
    content types in the cache."""
    return dataset.sample_urls()["paths"]


def page_list(paths: dict[str, str]) -> list[Page]:
    search = reverse("library:search")
    facets = {
        "theme": Theme.objects.get(name=FACET_THEME).slug,
        "language": FACET_LANGUAGE,
        "year": FACET_YEAR,
    }
    return [
        Page("floor", "floor: password change form", FLOOR_URL, None),
        Page("home", "member home", reverse("home"), PAGE_TARGET),
        Page("search_text", "library search: text",
             f"{search}?{urlencode({'q': SEARCH_TEXT})}", SEARCH_TARGET),
        Page("search_fresh", "library search: text, first time (no target)",
             f"{search}?{urlencode({'q': SEARCH_TEXT})}", None, fresh=True),
        Page("search_facets", "library search: theme+language+year",
             f"{search}?{urlencode(facets)}", SEARCH_TARGET),
        Page("search_text_facets", "library search: text + 3 facets",
             f"{search}?{urlencode({'q': SEARCH_TEXT, **facets})}", SEARCH_TARGET),
        Page("document", "document page", paths["document"], PAGE_TARGET),
        Page("download", "download", paths["download"], PAGE_TARGET),
        Page("directory", "city directory: two themes", paths["directory"], PAGE_TARGET),
        Page("city", "city profile", paths["city"], PAGE_TARGET),
        Page("events", "events list", reverse("events:index"), PAGE_TARGET),
        Page("event", "event page", paths["event"], PAGE_TARGET),
    ]  # fmt: skip


# --- the site ---


@pytest.fixture(scope="module")
def pages_site(bench_library, django_db_blocker):
    """gunicorn serving the benchmark database, the documents' file in its MEDIA_ROOT;
    yields (server, pages)."""
    with django_db_blocker.unblock(), using_database(bench_library["database"]):
        pages = page_list(sample_paths())
    dataset.write_sample_file(MEDIA_ROOT)
    database_url = with_database(settings.DATABASE_URL, bench_library["database"])
    with start_gunicorn(database_url, MEDIA_ROOT, STATIC_ROOT) as server:
        yield server, pages


class Member:
    """The benchmark member's login over HTTP, renewed before the account pages would
    ask for the password again."""

    def __init__(self, port: int):
        self.port = port
        self.logged_in_at = 0.0
        self.cookies: dict[str, str] = {}

    def fresh_cookies(self) -> dict[str, str]:
        if time.monotonic() - self.logged_in_at > LOGIN_RENEWAL_SECONDS:
            browser = Browser(self.port, 0)
            browser.log_in(BENCH_USER_EMAIL, BENCH_PASSWORD)
            browser.close()
            self.cookies = browser.cookies
            self.logged_in_at = time.monotonic()
        return dict(self.cookies)


# --- measuring ---


def request_timed(browser: Browser, page: Page) -> float:
    started = time.perf_counter()
    status, _headers, _body = browser.get(page.next_url())
    elapsed = (time.perf_counter() - started) * 1000
    page.statuses[status] += 1
    return elapsed


def latency_rounds(member: Member, pages: list[Page]) -> tuple[int, int]:
    """Warm-up then timed rounds; (warm-up rounds, timed rounds)."""
    browser = Browser(member.port, 1)
    browser.cookies = member.fresh_cookies()
    warm_until = time.monotonic() + WARMUP_BUDGET_SECONDS
    warmups = 0
    while warmups < WARMUPS and (warmups == 0 or time.monotonic() < warm_until):
        for page in pages:
            status, _headers, _body = browser.get(page.next_url())
            assert status == 200, f"{page.label} ({page.url}): HTTP {status}"
        warmups += 1
        browser.cookies = member.fresh_cookies()
    timed_until = time.monotonic() + TIMED_BUDGET_SECONDS
    rounds = 0
    while rounds < ROUNDS and (rounds < MIN_ROUNDS or time.monotonic() < timed_until):
        for page in pages:
            page.timings.append(request_timed(browser, page))
        rounds += 1
        browser.cookies = member.fresh_cookies()
    browser.close()
    return warmups, rounds


def burst(member: Member, page: Page) -> None:
    """BURST_CLIENTS keep-alive clients request the page as fast as they can for
    BURST_SECONDS; the requests completed per second of the burst."""
    cookies = member.fresh_cookies()
    clients = []
    for number in range(BURST_CLIENTS):
        client = Browser(member.port, 2 + number)
        client.cookies = dict(cookies)
        status, _headers, _body = client.get(page.next_url())  # opens the connection, unclocked
        page.statuses[status] += 1
        clients.append(client)
    counts = [Counter() for _client in clients]

    def run(client: Browser, statuses: Counter, keep_going):
        while keep_going():
            try:
                status, _headers, _body = client.get(page.next_url())
            except OSError as error:
                status = type(error).__name__
            statuses[status] += 1

    page.burst_seconds = run_together(
        [
            functools.partial(run, client, statuses)
            for client, statuses in zip(clients, counts, strict=True)
        ],
        BURST_SECONDS,
    )
    for statuses in counts:
        page.statuses.update(statuses)
        page.burst_requests += sum(statuses.values())
    for client in clients:
        client.close()


def static_files_served(member: Member) -> list[dict]:
    """The first hashed stylesheet and script the home page links to, fetched as a
    browser would (accepting gzip and brotli): their caching and compression."""
    browser = Browser(member.port, 1)
    browser.cookies = member.fresh_cookies()
    _status, _headers, body = browser.get(reverse("home"))
    hashed = r'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.%s)"'
    found = []
    for extension in ("css", "js"):
        match = re.search((hashed % extension).encode(), body)
        assert match, f"no hashed .{extension} file linked from the home page"
        path = match.group(1).decode()
        status, headers, content = browser.get(path, headers={"Accept-Encoding": "gzip, br"})
        headers = {name.lower(): value for name, value in headers.items()}
        cache_control = headers.get("cache-control", "")
        max_age = re.search(r"max-age=(\d+)", cache_control)
        found.append(
            {
                "path": path,
                "status": status,
                "cache_control": cache_control,
                "max_age": int(max_age.group(1)) if max_age else 0,
                "immutable": "immutable" in cache_control,
                "content_encoding": headers.get("content-encoding", ""),
                "bytes_sent": len(content),
            }
        )
    browser.close()
    return found


def count_queries(pages: list[Page], info: dict, small: bool) -> None:
    """Each page requested in-process in the database of `info` (a benchmark database
    fixture's), with the URLs of that dataset's own sample; the queries of the second
    request (the first fills per-process caches; a fresh search's second request is
    another search never made before)."""
    storages = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"],
                    "OPTIONS": {"location": MEDIA_ROOT, "base_url": None}},
    }  # fmt: skip  # downloads open the shared sample file
    with using_database(info["database"]), override_settings(STORAGES=storages):
        dataset_pages = {page.key: page for page in page_list(sample_paths())}
        browser = InProcessBrowser(User.objects.get(email=BENCH_USER_EMAIL))
        for page in pages:
            browser.get(dataset_pages[page.key].url)
            url = dataset_pages[page.key].next_url()  # a fresh search: one never made
            status, queries = browser.queries(url)
            if status != 200:
                page.inprocess_errors.append(
                    f"HTTP {status} in-process in {info['database']} ({url})"
                )
            if small:
                page.sql_small, page.url_small = queries, url
            else:
                page.sql = queries


# --- the report ---


def status_text(page: Page) -> str:
    if set(page.statuses) == {200}:
        return "200"
    return " ".join(
        f"{status}x{count}"
        for status, count in sorted(page.statuses.items(), key=lambda item: str(item[0]))
    )


def page_ok(page: Page, floor: Page) -> bool:
    return page.target is None or page.median / floor.median <= page.target


def table(pages: list[Page], floor: Page) -> str:
    lines = [
        f"{'page':<38} {'status':>6} {'queries':>7} {'q small':>7} {'median ms':>9} "
        f"{'p95 ms':>8} {'req/s':>7} {'x floor':>7} {'target':>6} {'ok?':>4}"
    ]
    for page in pages:
        target = "-" if page.target is None else f"{page.target:.0f}x"
        lines.append(
            f"{page.label:<38} {status_text(page):>6} {page.queries!s:>7} "
            f"{page.queries_small!s:>7} {page.median:>9.1f} {page.p95:>8.1f} "
            f"{page.requests_per_second:>7.1f} {page.median / floor.median:>7.2f} "
            f"{target:>6} {'yes' if page_ok(page, floor) else 'NO':>4}"
        )
    return "\n".join(lines)


def failures(pages, floor, static, workers) -> list[str]:
    found = []
    for page in pages:
        if set(page.statuses) != {200}:
            found.append(f"{page.label}: answers other than 200: {dict(page.statuses)}")
        found += [f"{page.label}: {error}" for error in page.inprocess_errors]
        if not page_ok(page, floor):
            found.append(
                f"{page.label}: {page.median / floor.median:.2f}x the floor "
                f"(target {page.target:.0f}x)"
            )
        if page.queries > MAX_QUERIES or page.queries_small > MAX_QUERIES:
            found.append(f"{page.label}: {page.queries} queries (at most {MAX_QUERIES})")
        if page.queries != page.queries_small:
            found.append(
                f"{page.label}: {page.queries} queries in the big dataset, "
                f"{page.queries_small} in the small one"
            )
    for served in static:
        if served["status"] != 200:
            found.append(f"{served['path']}: HTTP {served['status']}")
        if served["max_age"] < ONE_YEAR_SECONDS or not served["immutable"]:
            found.append(f"{served['path']}: Cache-Control {served['cache_control']!r}")
        if served["content_encoding"] not in ("gzip", "br"):
            found.append(f"{served['path']}: not compressed ({served['content_encoding']!r})")
    if not workers:
        found.append("no gunicorn worker found")
    for pid, rss in workers.items():
        if rss >= MAX_WORKER_RSS_MB:
            found.append(f"gunicorn worker {pid}: {rss} MB resident (under {MAX_WORKER_RSS_MB})")
    return found


def without_sample(info: dict) -> dict:
    return {key: value for key, value in info.items() if key != "sample"}


def test_pages_against_a_trivial_page(
    bench_library, bench_library_small, pages_site, django_db_blocker, request
):
    started = time.monotonic()
    server, pages = pages_site
    floor = pages[0]
    member = Member(server.port)

    warmups, rounds = latency_rounds(member, pages)
    for page in pages:
        burst(member, page)
    static = static_files_served(member)
    workers = server.worker_rss_mb()

    with django_db_blocker.unblock():
        count_queries(pages, bench_library, small=False)
        count_queries(pages, bench_library_small, small=True)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]

    report = {
        # The fixtures' samples left out: the pages' URLs below are the ones measured.
        "dataset": without_sample(bench_library),
        "dataset_small": without_sample(bench_library_small),
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "postgresql": server_version,
        },
        "server": "gunicorn 4 workers x 8 threads (gthread), DEBUG off, whitenoise, loopback",
        "method": (
            f"Over HTTP as the benchmark member (logged in through the form). Latency: "
            f"{warmups} warm-up rounds, then {rounds} timed rounds on one keep-alive "
            f"connection, each round requesting every page once. Requests/s: a burst of "
            f"{BURST_SECONDS:g} s per page from {BURST_CLIENTS} concurrent keep-alive clients. "
            "Queries: the second in-process request of each page (WSGIHandler), in each "
            "dataset with URLs from its own sample."
        ),
        "warmup_rounds": warmups,
        "timed_rounds": rounds,
        "pages": [
            {
                "page": page.label,
                "url": page.url,
                "url_small": page.url_small,
                "statuses": {str(status): count for status, count in page.statuses.items()},
                "queries": page.queries,
                "queries_small": page.queries_small,
                # Which queries differ, when the counts do (each query's first 200 characters).
                **(
                    {
                        "sql": [sql[:200] for sql in page.sql],
                        "sql_small": [sql[:200] for sql in page.sql_small],
                    }
                    if page.queries != page.queries_small
                    else {}
                ),
                "median_ms": round(page.median, 2),
                "p95_ms": round(page.p95, 2),
                "min_ms": round(min(page.timings), 2),
                "requests_per_second": round(page.requests_per_second, 1),
                "burst_requests": page.burst_requests,
                "ratio_to_floor": round(page.median / floor.median, 2),
                "target": page.target,
                "ok": page_ok(page, floor),
            }
            for page in pages
        ],
        "static_files": static,
        "worker_rss_mb": {str(pid): rss for pid, rss in workers.items()},
        "bench_seconds": round(time.monotonic() - started, 1),
    }
    missed = failures(pages, floor, static, workers)
    report["failures"] = missed
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        static_lines = "\n".join(
            f"  {served['path']}: {served['cache_control']}; "
            f"Content-Encoding {served['content_encoding'] or 'none'}"
            for served in static
        )
        print(
            f"\nPages over HTTP: {bench_library['documents']:,} documents (small dataset: "
            f"{bench_library_small['documents']:,})\n{table(pages, floor)}\n"
            f"{rounds} timed rounds after {warmups} warm-up rounds; req/s from "
            f"{BURST_SECONDS:g} s bursts of {BURST_CLIENTS} clients\n"
            f"Static files:\n{static_lines}\n"
            f"gunicorn workers (VmRSS MB): {sorted(workers.values())}\n"
            f"bench run {report['bench_seconds']} s; details: {OUTPUT}"
        )
        for line in missed:
            print(f"MISSED: {line}")
    assert not missed, missed
