"""Every URL of the project, visited by an anonymous visitor and by an applicant.

The hub is member-only: outside the explicit allowlists of scn_portal/middleware.py,
anonymous visitors are sent to the login page and applicants to their application
status. A new view is covered by these tests without anyone adding it here.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from scn_portal.middleware import APPLICANT_URL_NAMES, PUBLIC_URL_NAMES
from tests.urlsweep import all_routes

ROUTES = all_routes()
LOGIN_PATH = resolve_url(settings.LOGIN_URL)


def redirect_path(response) -> str:
    return urlsplit(response["Location"]).path


def test_the_sweep_sees_the_whole_project():
    names = {route.view_name for route in ROUTES}
    assert {"home", "admin:index", "account_login", "library:index", "events:index"} <= names
    assert len(ROUTES) > 50


def test_every_allowlisted_name_exists():
    # A typo in an allowlist would silently keep a page closed (or, worse, hide a rename).
    names = {route.view_name for route in ROUTES}
    assert APPLICANT_URL_NAMES - names == set()


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.view_name not in PUBLIC_URL_NAMES],
                         ids=str)  # fmt: skip
def test_anonymous_visitor_is_sent_to_login(client, route):
    response = client.get(route.url)
    assert response.status_code == 302, f"{route} answered {response.status_code}"
    assert redirect_path(response) == LOGIN_PATH
    assert "next=" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.view_name in PUBLIC_URL_NAMES], ids=str)
def test_public_pages_answer_anonymous_visitors(client, route):
    response = client.get(route.url)
    assert response.status_code < 500
    # The view may redirect by itself (an expired login step goes back to the login
    # page), but never through the gate, which adds `next=` to come back here.
    if response.status_code == 302:
        assert "next=" not in response["Location"], f"{route} is gated"


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.view_name not in APPLICANT_URL_NAMES],
                         ids=str)  # fmt: skip
def test_applicant_is_sent_to_application_status(client, applicant, route):
    client.force_login(applicant)
    response = client.get(route.url)
    assert response.status_code == 302, f"{route} answered {response.status_code}"
    assert redirect_path(response) == "/network/application/"
