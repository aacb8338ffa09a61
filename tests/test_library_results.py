"""Kept search results (library.results): a search is computed once, shared by every member,
forgotten as soon as the library changes, and capped at MAX_RESULTS documents in order."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from library import results
from library.models import SearchResultSet
from library.services import publish, refresh_denormalised
from tests.factories import CityFactory, MemberFactory
from tests.test_library_search import bulk_documents, make_document, make_theme

SEARCH = reverse("library:search")

pytestmark = pytest.mark.django_db


def full_text_queries(captured) -> int:
    return sum("@@" in query["sql"] for query in captured.captured_queries)


@pytest.fixture
def library():
    themes = [make_theme("Youth"), make_theme("Policing")]
    return bulk_documents(30, themes=themes, cities=[CityFactory()])


def test_a_search_is_computed_once_then_read(client_as, library):
    client = client_as("member")
    with CaptureQueriesContext(connection) as first:
        page_one = client.get(SEARCH, {"q": "prevention"})
    with CaptureQueriesContext(connection) as second:
        page_two = client.get(SEARCH, {"q": "prevention", "page": 2})
    assert full_text_queries(first) >= 2  # matches, facets and ranking
    # Page 2 reads the kept ids: no matching or ranking, only the snippets of its 10.
    assert full_text_queries(second) == 0
    assert sum("ts_headline" in query["sql"] for query in second.captured_queries) == 1
    assert page_one.context["result_total"] == page_two.context["result_total"] == 30
    # Page 1 again: its snippets were kept with the results.
    with CaptureQueriesContext(connection) as third:
        again = client.get(SEARCH, {"q": "prevention"})
    assert not any("ts_headline" in query["sql"] for query in third.captured_queries)
    assert "<mark>" in again.content.decode()
    shown = [doc.pk for doc in page_one.context["object_list"] + page_two.context["object_list"]]
    assert len(set(shown)) == 30
    assert SearchResultSet.objects.count() == 1


def test_every_member_shares_one_kept_search(client_as, library, city_b):
    client_as("member").get(SEARCH, {"q": "prevention", "language": "en"})
    other = client_as("anonymous")
    other.force_login(MemberFactory(city=city_b).user)
    with CaptureQueriesContext(connection) as captured:
        response = other.get(SEARCH, {"language": "en", "q": "  prevention "})
    assert response.status_code == 200
    assert full_text_queries(captured) == 0
    assert SearchResultSet.objects.count() == 1


def test_a_new_document_is_found_at_once(client_as, library):
    client = client_as("member")
    assert client.get(SEARCH, {"q": "kristiansand"}).context["result_total"] == 0
    document = make_document(title="Mentoring in Kristiansand", status="pending")
    refresh_denormalised(document)
    publish(document, by=None)
    response = client.get(SEARCH, {"q": "kristiansand"})
    assert response.context["result_total"] == 1
    assert [doc.pk for doc in response.context["object_list"]] == [document.pk]


def test_a_withdrawn_document_goes_at_once(client_as, library):
    client = client_as("member")
    assert client.get(SEARCH, {"q": "prevention"}).context["result_total"] == 30
    library[0].status = "rejected"
    library[0].save()
    assert client.get(SEARCH, {"q": "prevention"}).context["result_total"] == 29


def test_kept_results_expire(client_as, library):
    client = client_as("member")
    client.get(SEARCH, {"q": "prevention"})
    old = timezone.now() - datetime.timedelta(seconds=results.RESULTS_SECONDS + 1)
    SearchResultSet.objects.update(computed_at=old)
    with CaptureQueriesContext(connection) as captured:
        client.get(SEARCH, {"q": "prevention"})
    assert full_text_queries(captured) >= 2
    assert SearchResultSet.objects.filter(computed_at__gt=old).count() == 1
    assert not SearchResultSet.objects.filter(computed_at=old).exists()


def test_results_are_capped_with_a_note(client_as, library, monkeypatch):
    monkeypatch.setattr(results, "MAX_RESULTS", 25)
    response = client_as("member").get(SEARCH, {"q": "prevention"})
    assert response.context["result_total"] == 30
    assert response.context["paginator"].count == 25
    page = response.content.decode()
    assert "30 documents" in page
    assert "The best 25 are listed" in page
    last = client_as("member").get(SEARCH, {"q": "prevention", "page": 2})
    assert len(last.context["object_list"]) == 5


def test_the_order_is_part_of_the_search(client_as, library):
    client = client_as("member")
    newest = client.get(SEARCH, {"q": "prevention", "sort": "newest"}).context["object_list"]
    by_title = client.get(SEARCH, {"q": "prevention", "sort": "title"}).context["object_list"]
    assert [doc.title for doc in by_title] == sorted(doc.title for doc in by_title)
    assert [doc.pk for doc in newest] != [doc.pk for doc in by_title]
    assert SearchResultSet.objects.count() == 2


def test_a_refused_value_filters_nothing_and_shares_the_plain_search(client_as, library):
    client = client_as("member")
    plain = client.get(SEARCH, {"q": "prevention"})
    odd = client.get(SEARCH, {"q": "prevention", "year": "nineteen"})
    assert odd.status_code == 200
    assert odd.context["result_total"] == plain.context["result_total"]
    assert SearchResultSet.objects.count() == 1


def test_a_facet_lists_its_most_frequent_values_and_the_selected_ones(client_as, monkeypatch):
    from library import filtersets

    monkeypatch.setattr(filtersets, "MAX_FACET_VALUES", 2)
    theme = make_theme("Youth")
    cities = [CityFactory(name=f"City {number}") for number in range(4)]
    for number, city in enumerate(cities):  # City 0 has 4 documents, City 3 one
        bulk_documents(4 - number, themes=[theme], cities=[city], prefix=f"About {city.name}")
    response = client_as("member").get(SEARCH, {"q": "prevention", "city": cities[3].slug})
    city_facet = next(facet for facet in response.context["facets"] if facet.name == "city")
    # Counted without its own selection: the two most frequent, then the selected one.
    assert [(value.label, value.count, value.selected) for value in city_facet.values] == [
        ("City 0", 4, False),
        ("City 1", 3, False),
        ("City 3", 1, True),
    ]


def test_related_documents_are_kept_until_the_library_changes(client_as, library):
    client = client_as("member")
    url = reverse("library:document", args=[library[0].pk])
    before = client.get(url).context["related_documents"]
    assert len(before) == 5
    newest = make_document(
        title="Newest on the same themes", cities=list(library[0].cities.all()), status="pending"
    )
    newest.themes.set(library[0].themes.all())
    refresh_denormalised(newest)
    publish(newest, by=None)
    after = client.get(url).context["related_documents"]
    assert after[0] == newest


def test_the_newest_documents_about_a_city_follow_the_library(db):
    city = CityFactory()
    older = bulk_documents(3, themes=[make_theme("Youth")], cities=[city])
    assert results.newest_about(city, 2) == [older[0], older[1]]  # the newest first
    newest = make_document(title="Just published", cities=[city], status="pending")
    refresh_denormalised(newest)
    publish(newest, by=None)
    assert results.newest_about(city, 2) == [newest, older[0]]
