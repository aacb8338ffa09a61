"""Security headers and cookies on every page: Content-Security-Policy, HSTS, nosniff,
Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options, Cache-Control and the
attributes of the session, CSRF and language cookies.

The sweep visits every URL pattern (tests/urlsweep.py) and then every page linked from
them, with the demo library, training and events loaded, as a member and as staff (the
admin included), and checks each response: the exact CSP directives, one nonce per
response that every nonce attribute of the page repeats, no inline script or style
without it, no style="" and no on*= attribute anywhere.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from membership.models import User
from membership.reference import load_reference_data
from tests.conftest import PASSWORD, STAFF_TOTP_SECRET
from tests.test_settings import PRODUCTION, manage
from tests.urlsweep import all_routes

EXPECTED_DIRECTIVES = {
    "default-src": {"'none'"},
    "script-src": {"'self'", "'nonce-*'"},
    "style-src": {"'self'", "'nonce-*'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
    "base-uri": {"'none'"},
    "object-src": {"'none'"},
}
# Links the crawl does not follow: leaving the session would end the sweep early.
NOT_FOLLOWED = {"account_logout", "admin:logout", "set_language"}
# Views that set a Cache-Control of their own, still private (a city photo may stay a
# day in the member's own browser cache; it is not shared with anyone).
OWN_CACHE_POLICY = {"cityprofiles:photo"}
# <script type=...> values that are data, never executed, so CSP does not apply to them
# (the admin and allauth pass their settings to their static scripts this way).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
PAGES_PER_VIEW = 3  # a few instances of each view: every template, not every object
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def parse_csp(header: str) -> dict[str, list[str]]:
    """{directive: [source, ...]} from a Content-Security-Policy header; a directive named
    twice is reported by keeping both (browsers ignore the second)."""
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        assert name not in directives, f"directive {name} given twice"
        directives[name] = values
    return directives


def nonce_of(directives: dict[str, list[str]]) -> str | None:
    nonces = {
        value[len("'nonce-") : -1]
        for values in directives.values()
        for value in values
        if value.startswith("'nonce-")
    }
    assert len(nonces) <= 1, f"several nonces in one policy: {nonces}"
    return nonces.pop() if nonces else None


def csp_problems(directives: dict[str, list[str]]) -> list[str]:
    problems = []
    if set(directives) != set(EXPECTED_DIRECTIVES):
        problems.append(f"directives {sorted(directives)} != {sorted(EXPECTED_DIRECTIVES)}")
    for name, values in directives.items():
        normalised = {"'nonce-*'" if value.startswith("'nonce-") else value for value in values}
        # Django leaves the nonce out of a response that never used it (a file, a
        # fragment): stricter still.
        expected = EXPECTED_DIRECTIVES.get(name, set())
        if normalised != expected and normalised | {"'nonce-*'"} != expected:
            problems.append(f"{name} {values}")
        if {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"} & set(values):
            problems.append(f"{name} allows unsafe sources: {values}")
    return problems


class PageMarkup(HTMLParser):
    """What a page holds that CSP cares about, and the links to crawl on."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nonces: list[str] = []
        self.inline_without_nonce: list[str] = []
        self.style_attributes: list[str] = []
        self.handler_attributes: list[str] = []
        self.links: list[str] = []
        self._open_inline: tuple[str, bool] | None = None  # (tag, has a nonce)
        self._inline_text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name == "style":
                self.style_attributes.append(f"<{tag} style={value!r}>")
            if name.startswith("on") and name[2:].isalpha():
                self.handler_attributes.append(f"<{tag} {name}={value!r}>")
        if "nonce" in attributes:
            self.nonces.append(attributes["nonce"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        executable_script = tag == "script" and (
            (attributes.get("type") or "text/javascript").lower() not in DATA_SCRIPT_TYPES
        )
        if (executable_script and not attributes.get("src")) or tag == "style":
            self._open_inline = (tag, "nonce" in attributes)
            self._inline_text = ""

    def handle_data(self, data):
        if self._open_inline:
            self._inline_text += data

    def handle_endtag(self, tag):
        if self._open_inline and self._open_inline[0] == tag:
            if not self._open_inline[1]:
                self.inline_without_nonce.append(f"<{tag}>{self._inline_text.strip()[:80]}")
            self._open_inline = None


@dataclass
class Sweep:
    """What the crawl saw: pages by view, the nonce of each HTML page, and problems."""

    visited: dict[str, str] = field(default_factory=dict)  # url -> view name
    answered: set[str] = field(default_factory=set)  # views that answered a page (200)
    html_pages: int = 0
    nonces: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def view_name_of(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def check_response(url: str, view_name: str, response, sweep: Sweep) -> list[str]:
    """Check one response; returns the links to follow from it."""

    def problem(text):
        sweep.problems.append(f"{url} ({view_name}, {response.status_code}): {text}")

    for header, expected in SECURITY_HEADERS.items():
        if response.get(header) != expected:
            problem(f"{header}: {response.get(header)!r}, expected {expected!r}")
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    if "private" not in cache_control:
        problem(f"Cache-Control {response.get('Cache-Control')!r} is not private")
    if "no-store" not in cache_control and view_name not in OWN_CACHE_POLICY:
        problem(f"Cache-Control {response.get('Cache-Control')!r} lacks no-store")
    header = response.get("Content-Security-Policy")
    if not header:
        problem("no Content-Security-Policy header")
        return []
    directives = parse_csp(header)
    for text in csp_problems(directives):
        problem(text)
    if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
        return []
    text = response.content.decode(response.charset or "utf-8")
    whole_page = "<html" in text  # not a fragment for htmx, nor an empty redirect
    sweep.html_pages += whole_page
    if whole_page and response.status_code == 200:
        sweep.answered.add(view_name)
    nonce = nonce_of(directives)
    markup = PageMarkup()
    markup.feed(text)
    markup.close()
    if markup.nonces:
        if nonce is None:
            problem("nonce attributes in the page, but no nonce in the policy")
        elif set(markup.nonces) != {nonce}:
            problem(f"nonce attributes {set(markup.nonces)} != policy nonce {nonce}")
    if nonce:
        sweep.nonces.append(nonce)
    elif whole_page:
        problem("a whole page without a nonce in its policy")
    for text in markup.inline_without_nonce:
        problem(f"inline element without the nonce: {text}")
    for text in markup.style_attributes:
        problem(f"style attribute: {text}")
    for text in markup.handler_attributes:
        problem(f"event handler attribute: {text}")
    return markup.links


def crawl(client: Client) -> Sweep:
    """Every URL pattern with sample arguments, then the pages they link to (same site,
    GET only), at most PAGES_PER_VIEW URLs per view."""
    sweep = Sweep()
    per_view = Counter()
    queue = [route.url for route in all_routes()]
    while queue:
        url = queue.pop(0)
        path = urlsplit(url).path
        view_name = view_name_of(path)
        if url in sweep.visited or path.startswith("/static/") or view_name in NOT_FOLLOWED:
            continue
        if view_name is not None and per_view[view_name] >= PAGES_PER_VIEW:
            continue
        per_view[view_name] += 1
        sweep.visited[url] = view_name
        response = client.get(url)
        links = check_response(url, view_name, response, sweep)
        if response.status_code in (301, 302, 303, 307, 308):
            links = [response["Location"]]
        for link in links:
            absolute = urlsplit(urljoin(url, link))
            if absolute.scheme in ("", "http") and absolute.netloc in ("", "testserver"):
                queue.append(absolute.path + (f"?{absolute.query}" if absolute.query else ""))
    return sweep


@pytest.fixture
def demo_site(db, settings, media_root):
    """The reference data and the whole demo (accounts, library, training, events), so
    the crawl reaches real detail pages; the demo staff account gets an authenticator."""
    settings.DEBUG = True  # the demo refuses to load without it
    load_reference_data()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    staff = User.objects.get(email="staff@demo.scn.example")
    TOTP.activate(staff, STAFF_TOTP_SECRET)


@pytest.mark.parametrize("email", ["member@demo.scn.example", "staff@demo.scn.example"])
def test_every_page_carries_a_strict_csp_and_private_cache_headers(demo_site, email):
    client = Client()
    client.force_login(User.objects.get(email=email))
    sweep = crawl(client)

    assert not sweep.problems, "\n".join(sweep.problems[:40])
    # Real pages, not only the 404s of the sample arguments: the crawl reached them.
    assert {
        "home", "library:search", "library:document", "events:index", "events:event",
        "training:index", "training:module", "training:lesson", "membership:index",
    } <= sweep.answered  # fmt: skip
    if email.startswith("staff"):
        assert {"admin:index", "admin:library_document_change"} <= sweep.answered
        assert sum(name.endswith("_change") for name in sweep.answered if name) > 10
    assert sweep.html_pages > 60
    # A fresh nonce for each response: never reused, so a leaked one is worthless.
    assert len(set(sweep.nonces)) == len(sweep.nonces) == sweep.html_pages


def test_the_policy_lists_exactly_the_strict_directives(client_as):
    response = client_as("member").get("/")
    directives = parse_csp(response["Content-Security-Policy"])
    assert csp_problems(directives) == []
    assert not any("unsafe" in value for values in directives.values() for value in values)
    nonce = nonce_of(directives)
    assert nonce and len(nonce) >= 16
    assert f'nonce="{nonce}"' in response.content.decode()


def test_two_responses_carry_different_nonces(client_as):
    client = client_as("member")
    first, second = (nonce_of(parse_csp(client.get("/")["Content-Security-Policy"])) for _ in "ab")
    assert first and second and first != second


def test_pages_outside_the_member_area_carry_the_policy_too(client):
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert csp_problems(parse_csp(response["Content-Security-Policy"])) == []
    sweep = Sweep()
    check_response("/accounts/login/", "account_login", response, sweep)
    # Anonymous pages are not private: only the cache rules differ.
    assert [text for text in sweep.problems if "Cache-Control" not in text] == []


def test_htmx_partial_of_the_search_is_under_the_policy(demo_site):
    client = Client()
    client.force_login(User.objects.get(email="member@demo.scn.example"))
    response = client.get(reverse("library:search"), {"q": "plan"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()  # the fragment, not the page
    sweep = Sweep()
    check_response("search (htmx)", "library:search", response, sweep)
    assert sweep.problems == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/membership/city/",
        "/admin/membership/member/",
        "/admin/membership/city/add/",
        "/admin/library/document/",
    ],
)
def test_the_admin_renders_under_the_policy(client_as, url):
    response = client_as("staff").get(url)
    assert response.status_code == 200
    sweep = Sweep()
    check_response(url, "admin", response, sweep)
    assert sweep.problems == []
    assert sweep.nonces, "the admin's scripts carry the nonce"


def test_an_admin_change_form_renders_under_the_policy(client_as, city_a):
    url = reverse("admin:membership_city_change", args=[city_a.pk])
    response = client_as("staff").get(url)
    assert response.status_code == 200
    sweep = Sweep()
    check_response(url, "admin:membership_city_change", response, sweep)
    assert sweep.problems == []


# --- Cache-Control ---


def test_member_pages_are_private_and_not_stored(client_as):
    response = client_as("member").get("/")
    assert response["Cache-Control"] == "private, no-store"


def test_a_response_with_its_own_cache_control_keeps_it(client_as):
    # A healthz probe sets never_cache itself; the middleware adds nothing to it.
    response = client_as("member").get(reverse("healthz"))
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_anonymous_pages_are_not_marked_private_by_the_middleware(client, db):
    # The public "Join the network" form sets no Cache-Control of its own.
    response = client.get(reverse("membership:join"))
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_static_files_keep_their_own_caching(client_as):
    # whitenoise answers before the session is read: public caching of static files.
    response = client_as("member").get("/static/css/portal.css")
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


# --- Headers and cookies in production ---

PRODUCTION_SETTINGS = [
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS",
    "SESSION_COOKIE_NAME", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_DOMAIN", "SESSION_COOKIE_PATH",
    "CSRF_COOKIE_NAME", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE", "CSRF_COOKIE_DOMAIN", "CSRF_COOKIE_PATH",
    "LANGUAGE_COOKIE_NAME", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE", "LANGUAGE_COOKIE_DOMAIN", "LANGUAGE_COOKIE_PATH",
]  # fmt: skip


@pytest.fixture(scope="module")
def production_settings():
    """The settings as production computes them (DEBUG off), read in a fresh process."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_SETTINGS}}}))"
    )
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_for_a_year_with_subdomains(production_settings):
    assert production_settings["SECURE_SSL_REDIRECT"] is True
    assert production_settings["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production_settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production_settings["SECURE_HSTS_PRELOAD"] is True


def test_production_uses_host_prefixed_secure_cookies(production_settings):
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert production_settings[f"{cookie}_COOKIE_NAME"].startswith("__Host-")
        # What browsers require of a __Host- cookie, or they drop it.
        assert production_settings[f"{cookie}_COOKIE_SECURE"] is True
        assert production_settings[f"{cookie}_COOKIE_PATH"] == "/"
        assert production_settings[f"{cookie}_COOKIE_DOMAIN"] is None
        assert production_settings[f"{cookie}_COOKIE_HTTPONLY"] is True
        assert production_settings[f"{cookie}_COOKIE_SAMESITE"] == "Lax"


@pytest.fixture
def as_in_production(settings, production_settings):
    """This process's settings switched to production's headers and cookies."""
    for name, value in production_settings.items():
        setattr(settings, name, value)


def test_production_responses_carry_every_security_header(as_in_production, client_as):
    response = client_as("member").get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    for header, expected in SECURITY_HEADERS.items():
        assert response[header] == expected
    assert response["Cache-Control"] == "private, no-store"
    assert csp_problems(parse_csp(response["Content-Security-Policy"])) == []


def test_production_redirects_plain_http_to_https(as_in_production, client):
    response = client.get("/accounts/login/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def assert_host_cookie(cookie):
    """Secure, Path=/, no Domain: what a __Host- cookie must be; HttpOnly and SameSite=Lax."""
    assert cookie.key.startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["path"] == "/"
    assert cookie["domain"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_production_cookies_are_host_prefixed_secure_httponly_and_lax(
    as_in_production, member, settings
):
    client = Client()
    login_page = client.get(reverse("account_login"), secure=True)
    assert_host_cookie(login_page.cookies[settings.CSRF_COOKIE_NAME])
    # The token the hidden form field carries, not one read by script from the cookie.
    assert 'name="csrfmiddlewaretoken"' in login_page.content.decode()

    client = Client(enforce_csrf_checks=True)
    client.get(reverse("account_login"), secure=True)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        reverse("account_login"),
        {"login": member.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        secure=True,
        headers={"Referer": "https://testserver/accounts/login/"},
    )
    assert response.status_code == 302, response.content[:500]
    assert_host_cookie(response.cookies[settings.SESSION_COOKIE_NAME])

    token = client.cookies[settings.CSRF_COOKIE_NAME].value  # a login rotates it
    response = client.post(
        reverse("set_language"),
        {"language": "fr", "csrfmiddlewaretoken": token, "next": "/"},
        secure=True,
        headers={"Referer": "https://testserver/"},
    )
    assert_host_cookie(response.cookies[settings.LANGUAGE_COOKIE_NAME])
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_development_keeps_plain_cookie_names(settings):
    # The test run is development mode: browsers refuse __Host- cookies over plain http.
    assert settings.SESSION_COOKIE_NAME == "sessionid"
    assert settings.CSRF_COOKIE_NAME == "csrftoken"
    assert settings.LANGUAGE_COOKIE_NAME == "django_language"


# --- The sources: what the sweep may not reach (an error branch, a rare state) ---

BASE_DIR = Path(__file__).resolve().parent.parent
# A page written into the toolkit ZIP and opened from the member's disk, never served by
# the hub: no CSP applies to it, and its <style> keeps it readable offline.
OFFLINE_TEMPLATES = {"templates/training/toolkit_zip_index.html"}
INLINE_ATTRIBUTE = re.compile(r"""\s(style|on[a-z]+)\s*=\s*["'{]""", re.IGNORECASE)
INLINE_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)


def project_files(*patterns):
    for folder in ["templates", "membership", "library", "cityprofiles", "training", "events",
                   "audit", "scn_portal"]:  # fmt: skip
        for pattern in patterns:
            yield from (BASE_DIR / folder).rglob(pattern)


def test_templates_have_no_inline_attributes_and_nonce_their_inline_elements():
    problems = []
    for path in project_files("*.html", "*.svg", "*.txt"):
        relative = str(path.relative_to(BASE_DIR))
        if relative in OFFLINE_TEMPLATES or "/locale/" in relative:
            continue
        text = path.read_text(encoding="utf-8")
        problems += [f"{relative}: {m.group(0).strip()}" for m in INLINE_ATTRIBUTE.finditer(text)]
        for match in INLINE_ELEMENT.finditer(text):
            attributes = match.group(2)
            if not any(allowed in attributes for allowed in ("nonce", "src=", "application/json")):
                problems.append(f"{relative}: {match.group(0)}")
    assert problems == []


def test_python_that_writes_html_adds_no_inline_attributes():
    problems = []
    for path in project_files("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"(format_html|mark_safe)\((.{0,300})", text, re.DOTALL):
            if INLINE_ATTRIBUTE.search(call.group(2)) or "<script" in call.group(2):
                problems.append(f"{path.relative_to(BASE_DIR)}: {call.group(0)[:80]}")
    assert problems == []
