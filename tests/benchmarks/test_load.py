"""Load test (`make bench`): 50 logged-in members browsing the hub at once for 60 seconds.

gunicorn in production mode (DEBUG off, whitenoise serving the collected static files,
4 workers x 8 threads) on loopback, against a database of its own with the demo data
(`<development database>_load`, LOAD_DATABASE overrides; created, migrated and filled
when needed; its uploads in bench-data/load-media). Each simulated member logs in through
the real login form, from an address of its own (127.0.0.N: the login rate limit counts
per address), then requests home, a library search, a document page, a download, the
city directory, the training home and the events list, one after the other, on a
keep-alive connection, with no pause, until the time is up.

Zero errors are required. p50/p95 latency and requests per second are printed and written
to bench-data/load.json. LOAD_USERS and LOAD_SECONDS change the size of the run.
"""

import functools
import json
import os
import statistics
import threading
import time

import psycopg
import pytest
from django.conf import settings

from scn_portal.env import parse_database_url
from tests.benchmarks.server import (
    BENCH_DATA,
    Browser,
    environment,
    manage,
    run_together,
    start_gunicorn,
    with_database,
)

pytestmark = pytest.mark.bench

USERS = int(os.environ.get("LOAD_USERS") or 50)
SECONDS = float(os.environ.get("LOAD_SECONDS") or 60)
PASSWORD = "load-test-password-7731"
OUTPUT = BENCH_DATA / "load.json"

# Run in the load database (manage.py shell): the members to log in as and the pages.
PREPARE = """
import json
from allauth.account.models import EmailAddress
from library.models import Document
from membership.choices import MemberRole, MemberStatus
from membership.models import City, Member, User
city = City.objects.active().order_by("name").first()
for number in range(%(users)d):
    email = f"load-{number}@load.scn.example"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, "%(password)s", first_name=f"Load {number}")
        Member.objects.create(user=user, city=city, role=MemberRole.PRACTITIONER,
                              status=MemberStatus.APPROVED, position="Load tester",
                              organisation="Municipality")
    EmailAddress.objects.get_or_create(user=user, email=email,
                                       defaults={"verified": True, "primary": True})
document = Document.objects.filter(status="published").order_by("pk").first()
print(json.dumps({"document": document.pk}))
"""


def load_database_url() -> str:
    development = parse_database_url(settings.DATABASE_URL)
    name = os.environ.get("LOAD_DATABASE") or f"{development['NAME']}_load"
    if name == development["NAME"] or name.startswith("test_"):
        raise pytest.UsageError(f"Refusing to use {name!r} as the load-test database.")
    with psycopg.connect(
        with_database(settings.DATABASE_URL, "postgres"), autocommit=True
    ) as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(f'CREATE DATABASE "{name}"')
    return with_database(settings.DATABASE_URL, name)


@pytest.fixture(scope="module")
def load_site():
    """The load database ready and gunicorn serving it; yields (port, document id)."""
    database_url = load_database_url()
    media_root = BENCH_DATA / "load-media"
    development = environment(database_url, media_root, BENCH_DATA / "load-static", debug=True)
    print("\nPreparing the load database (migrate, demo data)...", flush=True)
    manage(development, "migrate", "--noinput")
    manage(development, "createcachetable")
    manage(development, "load_reference_data")
    manage(development, "load_demo_data")
    prepared = json.loads(
        manage(development, "shell", "-c", PREPARE % {"users": USERS, "password": PASSWORD})
        .strip()
        .splitlines()[-1]
    )
    with start_gunicorn(database_url, media_root, BENCH_DATA / "load-static") as server:
        yield server.port, prepared["document"]


def pages(document: int) -> list[tuple[str, str]]:
    return [
        ("home", "/"),
        ("library search", "/library/search/?q=prevention"),
        ("document", f"/library/documents/{document}/"),
        ("download", f"/library/documents/{document}/download/"),
        ("city directory", "/cities/"),
        ("training", "/training/"),
        ("events", "/events/"),
    ]


def test_fifty_members_browsing_for_a_minute(load_site):
    port, document = load_site
    browsers = [Browser(port, number) for number in range(USERS)]
    for number, browser in enumerate(browsers):
        browser.log_in(f"load-{number}@load.scn.example", PASSWORD)
    route = pages(document)
    for label, path in route:  # each page answers before the clock starts
        assert browsers[0].get(path)[0] == 200, label

    timings: dict[str, list[float]] = {label: [] for label, _path in route}
    errors: list[str] = []
    lock = threading.Lock()

    def browse(browser: Browser, offset: int, keep_going):
        step = offset
        while keep_going():
            label, path = route[step % len(route)]
            step += 1
            started = time.perf_counter()
            try:
                status, _headers, _body = browser.get(path)
            except OSError as error:
                status, elapsed = repr(error), 0.0
            else:
                elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    timings[label].append(elapsed)
                else:
                    errors.append(f"{label}: {status}")

    duration = run_together(
        [functools.partial(browse, browser, number) for number, browser in enumerate(browsers)],
        SECONDS,
    )

    every = sorted(t for values in timings.values() for t in values)

    def percentile(values, fraction):
        return round(values[min(len(values) - 1, int(len(values) * fraction))] * 1000, 1)

    report = {
        "users": USERS,
        "seconds": round(duration, 1),
        "requests": len(every) + len(errors),
        "errors": len(errors),
        "requests_per_second": round((len(every) + len(errors)) / duration, 1),
        "p50_ms": percentile(every, 0.50),
        "p95_ms": percentile(every, 0.95),
        "pages": {
            label: {
                "requests": len(values),
                "p50_ms": round(statistics.median(values) * 1000, 1),
                "p95_ms": percentile(sorted(values), 0.95),
            }
            for label, values in timings.items()
            if values
        },
        "server": "gunicorn 4 workers x 8 threads (gthread), DEBUG off, loopback",
        "cpus": os.cpu_count(),
    }
    BENCH_DATA.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\n{json.dumps(report, indent=2)}\nwritten to {OUTPUT}", flush=True)
    assert not errors, errors[:20]
