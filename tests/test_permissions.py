"""The permission matrix of this issue's pages: every page x every role (ARCHITECTURE.md)."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.conftest import ROLES

MEMBER_PAGES = ["home", "library:index", "cityprofiles:index", "training:index",
                "events:index", "membership:index"]  # fmt: skip
MEMBERS = {"member", "editor_a", "editor_b", "staff"}


def expected(role: str, url_name: str) -> tuple[int, str | None]:
    """(status, path redirected to) for a role visiting a page."""
    if role == "anonymous":
        return 302, reverse("account_login")
    if url_name == "membership:application_status":
        return (200, None) if role == "applicant" else (302, reverse("home"))
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if url_name == "admin:index":
        return (200, None) if role == "staff" else (302, reverse("admin:login"))
    return 200, None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", [*MEMBER_PAGES, "membership:application_status",
                                      "admin:index"])  # fmt: skip
def test_permission_matrix(client_as, role, url_name):
    status, target = expected(role, url_name)
    response = client_as(role).get(reverse(url_name))
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target


@pytest.mark.parametrize("role", sorted(MEMBERS))
def test_member_navigation_lists_the_five_areas(client_as, role):
    page = client_as(role).get(reverse("home")).content.decode()
    for url_name in MEMBER_PAGES[1:]:
        assert f'href="{reverse(url_name)}"' in page


def test_only_staff_see_the_administration_link(client_as):
    admin_link = f'href="{reverse("admin:index")}"'
    assert admin_link in client_as("staff").get(reverse("home")).content.decode()
    assert admin_link not in client_as("member").get(reverse("home")).content.decode()


# session, user with member and city, then the page's own queries
# library:index: on a cold cache, the whole library's facet counts and the cache write;
# cityprofiles:index and events:index: on a cold cache, the map and results or the city and
# year menus computed and kept (a new generation and the values written to the database
# cache: one statement each, in a savepoint here)
# home: the modules in progress ("continue where you left off"), the next events and the
# surveys to answer; training:index: those,
# the module count and the theme choices of the filter form; events:index: the event
# count and page, the year, city, region and theme choices of the filter form
QUERY_BUDGET = {"membership:index": 5, "library:index": 13, "cityprofiles:index": 19,
                "home": 5, "training:index": 5, "events:index": 17}  # fmt: skip


@pytest.mark.parametrize("url_name", MEMBER_PAGES)
def test_member_pages_stay_within_their_query_budget(client_as, url_name,
                                                     django_assert_max_num_queries):  # fmt: skip
    client = client_as("editor_a")
    with django_assert_max_num_queries(QUERY_BUDGET.get(url_name, 2)):
        assert client.get(reverse(url_name)).status_code == 200
