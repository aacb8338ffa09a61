"""The member-city list of the Network area: filters, accent-insensitive search, bad input."""

import pytest
from django.urls import reverse

from membership.choices import CityStatus
from membership.models import City
from membership.reference import load_reference_data

URL = reverse("membership:index")


@pytest.fixture
def network(db):
    load_reference_data()


def cities_listed(response):
    return [city.name for city in response.context["object_list"]]


def test_lists_only_active_member_cities(client_as, network):
    City.objects.filter(name="Aarhus").update(status=CityStatus.FORMER)
    response = client_as("member").get(URL, {"q": "Aarhus"})
    assert "Aarhus" not in cities_listed(response)


def test_search_ignores_accents(client_as, network):
    response = client_as("member").get(URL, {"q": "bihac"})
    assert cities_listed(response) == ["Bihać"]


def test_filters_by_region_and_country(client_as, network):
    response = client_as("member").get(URL, {"region": "western-balkans", "country": "XK"})
    names = cities_listed(response)
    assert len(names) == 13 and "Prishtina" in names


def test_unknown_filter_values_get_a_message_not_an_error(client_as, network):
    response = client_as("member").get(URL, {"region": "atlantis", "page": "1"})
    assert response.status_code == 200
    assert response.context["filterset"].errors["region"]


@pytest.mark.parametrize("query", ["\x00", "%", "' OR 1=1 --", "ب" * 500])
def test_odd_search_text_never_breaks_the_page(client_as, network, query):
    assert client_as("member").get(URL, {"q": query}).status_code == 200


def test_a_page_past_the_end_is_not_found(client_as, network):
    assert client_as("member").get(URL, {"page": "999"}).status_code == 404


def test_query_count_does_not_grow_with_the_number_of_cities(
    client_as, db, django_assert_max_num_queries
):
    client = client_as("member")  # two cities exist (the fixtures' own)
    with django_assert_max_num_queries(5) as few:
        client.get(URL)
    load_reference_data()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert len(response.context["object_list"]) == 50  # one page of 128 cities
