"""Browser tests: Debian's chromium, driven by pytest-playwright, against Django's live
server on the test PostgreSQL database.

One browser for the whole session (pytest-playwright's session-scoped `browser`), a fresh
context and page for every test, so tests share nothing but the browser process. Every test
in this folder is marked `browser`: `make test PYTEST_ARGS="-m 'not browser'"` skips them
locally; CI runs them all, and fails (never skips) when chromium is missing.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import caches

from tests.browser.artifacts import artifacts_folder, save_page_artifacts

# Playwright's sync API keeps an event loop running in the test thread, and Django refuses
# database access from such a thread unless told it is safe. It is: the loop only talks to
# the browser, while the test's own queries stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_TESTS = Path(__file__).parent

# Headless chromium on a machine without a sandbox, a GPU or the internet: without the
# networking flags it keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig):
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's chromium is not installed. `make test` installs it; by hand: "
            "apt-get install -y chromium",
            pytrace=False,
        )
    return {
        "executable_path": executable,
        "headless": not pytestconfig.getoption("--headed"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # An English-speaking desktop browser unless a test says otherwise (with the
    # `browser_context_args` marker). Reduced motion turns off Bootstrap's transitions,
    # so what a test measures is the settled page, not a frame of an animation.
    return {
        **browser_context_args,
        "viewport": DESKTOP,
        "locale": "en-GB",
        "reduced_motion": "reduce",
    }


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Login rate limits live in the database cache, which outlives the flush between
    live-server tests; without this, one test's failed logins would block the next."""
    if "live_server" in request.fixturenames:
        for cache in caches.all():
            cache.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """When a browser test fails, keep a screenshot and the HTML of every page it had open,
    and name the folder in the failure report."""
    report = yield
    browser = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
    if report.failed and report.when in ("setup", "call") and browser is not None:
        pages = [page for context in browser.contexts for page in context.pages]
        folder = artifacts_folder(item.config.rootpath, item.nodeid)
        saved = save_page_artifacts(pages, folder)
        report.sections.append(
            ("browser artifacts", f"{len(saved)} files of the failing pages in {folder}")
        )
    return report
