"""Member expectations: computed per city from the records, "not tracked yet" until an app
answers one, and the staff table with its filters, counts and constant query count. (The
events app's sources themselves are tested in test_events_expectations.py.)"""

import pytest
from django.urls import reverse

from membership import expectations
from membership.choices import CityStatus, MemberRole
from membership.expectations import city_expectations, expectations_by_city, register_source
from membership.models import City, WorkingGroup, WorkingGroupMembership
from tests.factories import CityFactory, MemberFactory, RegionFactory

URL = reverse("membership:expectations")


def met(city, key):
    return {status.expectation.key: status.met for status in city_expectations(city)}[key]


@pytest.fixture
def working_group(db):
    return WorkingGroup.objects.create(name="Prevention networks", slug="prevention-networks")


@pytest.fixture
def sources(monkeypatch):
    """The registry of expectation sources, put back as it was after the test."""
    monkeypatch.setattr(expectations, "_SOURCES", dict(expectations._SOURCES))
    return expectations._SOURCES


def test_point_of_contact_is_met_by_an_approved_point_of_contact(db):
    nominated, pending, practitioners_only = CityFactory(), CityFactory(), CityFactory()
    MemberFactory(city=nominated, role=MemberRole.POINT_OF_CONTACT)
    MemberFactory(city=pending, role=MemberRole.POINT_OF_CONTACT, approved=False)
    MemberFactory(city=practitioners_only)
    assert met(nominated, "point_of_contact") is True
    assert met(pending, "point_of_contact") is False
    assert met(practitioners_only, "point_of_contact") is False


def test_working_group_is_met_by_an_approved_person_in_a_group(working_group):
    in_group, pending_only, nobody = CityFactory(), CityFactory(), CityFactory()
    WorkingGroupMembership.objects.create(group=working_group, member=MemberFactory(city=in_group))
    WorkingGroupMembership.objects.create(
        group=working_group, member=MemberFactory(city=pending_only, approved=False)
    )
    assert met(in_group, "working_group") is True
    assert met(pending_only, "working_group") is False
    assert met(nobody, "working_group") is False


def test_an_expectation_without_a_source_is_not_tracked_yet(sources, db):
    del sources["surveys"]
    statuses = city_expectations(CityFactory())
    assert {status.expectation.key for status in statuses if status.met is None} == {"surveys"}


def test_a_registered_source_makes_an_expectation_tracked(sources, db):
    answered, not_answered = CityFactory(), CityFactory()
    register_source(
        "surveys",
        lambda cities: cities.filter(pk=answered.pk).values_list("pk", flat=True),
    )
    assert met(answered, "surveys") is True
    assert met(not_answered, "surveys") is False


def test_the_registry_is_restored_after_a_test_that_registered_a_source(db):
    # Runs after the test above: its source must not leak into this one (the events app's
    # own source answers: a new city has answered no survey).
    assert met(CityFactory(), "surveys") is False


def test_an_unknown_expectation_cannot_be_registered(sources):
    with pytest.raises(ValueError, match="unknown member expectation"):
        register_source("attends_every_meeting", lambda cities: [])


def test_expectations_by_city_takes_one_query_per_expectation(db, django_assert_num_queries):
    for __ in range(5):
        MemberFactory(role=MemberRole.POINT_OF_CONTACT)
    tracked = len(expectations.EXPECTATIONS)  # every expectation has its source now
    with django_assert_num_queries(1 + tracked):  # the cities' ids, then one per source
        by_city = expectations_by_city(City.objects.all())
    assert len(by_city) == 5


# --- The staff table ---------------------------------------------------------------------


@pytest.fixture
def network(working_group):
    """Four active cities in two regions, and a suspended one (never listed)."""
    balkans, sahel = RegionFactory(name="Balkans test"), RegionFactory(name="Sahel test")
    cities = {
        "Bihać": CityFactory(name="Bihać", country="BA", region=balkans),
        "Prishtina": CityFactory(name="Prishtina", country="XK", region=balkans),
        "Dakar": CityFactory(name="Dakar", country="SN", region=sahel),
        "Bamako": CityFactory(name="Bamako", country="ML", region=sahel),
    }
    CityFactory(name="Suspended town", region=sahel, status=CityStatus.SUSPENDED)
    MemberFactory(city=cities["Bihać"], role=MemberRole.POINT_OF_CONTACT)
    MemberFactory(city=cities["Dakar"], role=MemberRole.POINT_OF_CONTACT)
    WorkingGroupMembership.objects.create(
        group=working_group, member=MemberFactory(city=cities["Dakar"])
    )
    return cities


def listed(response):
    return [city.name for city, __ in response.context["rows"]]


def test_staff_table_lists_active_cities_with_text_statuses(client_as, network):
    response = client_as("staff").get(URL)
    assert listed(response) == ["Bamako", "Bihać", "Dakar", "Prishtina"]
    page = response.content.decode()
    assert "Suspended town" not in page
    for text in ["Met", "Not met", "Point of contact nominated"]:
        assert text in page


def test_staff_table_counts_the_cities_missing_each_expectation(client_as, network):
    response = client_as("staff").get(URL)
    counts = {item["expectation"].key: item["count"] for item in response.context["missing_counts"]}
    assert counts == {
        "point_of_contact": 2,
        "working_group": 3,
        "profile_completed": 4,  # no city of the fixture has a complete, published profile
        "summit_or_workshop": 4,  # nobody attended a summit or workshop this year
        "surveys": 4,
    }


def test_staff_table_filters_by_region_and_country(client_as, network):
    client = client_as("staff")
    assert listed(client.get(URL, {"region": "balkans-test"})) == ["Bihać", "Prishtina"]
    assert listed(client.get(URL, {"country": "XK"})) == ["Prishtina"]


def test_staff_table_filters_by_missing_expectation(client_as, network):
    client = client_as("staff")
    assert listed(client.get(URL, {"missing": "point_of_contact"})) == ["Bamako", "Prishtina"]
    assert listed(client.get(URL, {"missing": "working_group"})) == ["Bamako", "Bihać", "Prishtina"]
    both = client.get(URL, {"missing": "point_of_contact", "region": "sahel-test"})
    assert listed(both) == ["Bamako"]
    # The counts follow the filters.
    counts = {item["expectation"].key: item["count"] for item in both.context["missing_counts"]}
    assert counts["point_of_contact"] == 1


def test_no_city_is_listed_as_missing_an_untracked_expectation(client_as, network, sources):
    del sources["surveys"]
    response = client_as("staff").get(URL)
    assert "Not tracked yet" in response.content.decode()
    response = client_as("staff").get(URL, {"missing": "surveys"})
    assert response.status_code == 200
    assert listed(response) == []


def test_missing_filter_follows_a_registered_source(client_as, network, sources):
    register_source(
        "surveys", lambda cities: cities.filter(name="Bamako").values_list("pk", flat=True)
    )
    response = client_as("staff").get(URL, {"missing": "surveys"})
    assert listed(response) == ["Bihać", "Dakar", "Prishtina"]


def test_an_unknown_missing_value_is_a_form_error(client_as, network):
    response = client_as("staff").get(URL, {"missing": "everything"})
    assert response.status_code == 200
    assert response.context["filterset"].errors["missing"]


@pytest.mark.parametrize("role", ["member", "editor_a", "editor_b"])
def test_only_staff_see_the_table(client_as, network, role):
    assert client_as(role).get(URL).status_code == 404


def add_cities(count, working_group):
    for __ in range(count):
        city = CityFactory()
        MemberFactory(city=city, role=MemberRole.POINT_OF_CONTACT)
        WorkingGroupMembership.objects.create(group=working_group, member=MemberFactory(city=city))


def test_query_count_is_the_same_for_3_and_30_cities(
    client_as, working_group, django_assert_max_num_queries
):
    client = client_as("staff")
    add_cities(3, working_group)
    with django_assert_max_num_queries(12) as few:
        assert len(listed(client.get(URL))) == 3
    add_cities(27, working_group)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(listed(client.get(URL))) == 30
    with django_assert_max_num_queries(len(few.captured_queries) + 1):  # + the filter's query
        assert len(listed(client.get(URL, {"missing": "point_of_contact"}))) == 0


def test_the_table_pages_by_50_and_counts_over_every_page(client_as, working_group):
    for __ in range(55):
        CityFactory()
    response = client_as("staff").get(URL)
    assert len(response.context["rows"]) == 50
    counts = {item["expectation"].key: item["count"] for item in response.context["missing_counts"]}
    assert counts["point_of_contact"] == 55
    assert len(listed(client_as("staff").get(URL, {"page": "2"}))) == 5
