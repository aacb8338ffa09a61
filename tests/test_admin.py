"""Staff run the hub from the admin: every registered model lists, searches and adds."""

import pytest
from django.contrib import admin
from django.urls import reverse

from membership.models import Region
from membership.reference import load_reference_data

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_staff_can_list_search_and_add(client_as, app_label, model_name):
    client = client_as("staff")
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"q": "a"}).status_code == 200
    add = client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code
    # Not added by hand: task results (written by the worker), enrolments (members enrol
    # themselves), toolkits (made with their working group) and event registrations
    # (members register; the rules of seats and waiting list live in events.services)
    # and the audit log (append-only: written by audit.services.record, read-only here).
    not_added = {"dbtaskresult", "enrolment", "toolkit", "registration", "auditevent"}
    assert add == (403 if model_name in not_added else 200)


@pytest.mark.parametrize("model_name", ["city", "member", "user", "region"])
def test_membership_changelists_have_a_constant_query_count(
    client_as, db, model_name, django_assert_max_num_queries
):
    client = client_as("staff")
    url = reverse(f"admin:membership_{model_name}_changelist")
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    load_reference_data()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_city_admin_filters_by_status_and_region(client_as, db):
    load_reference_data()
    europe = Region.objects.get(name="Europe")
    response = client_as("staff").get(
        reverse("admin:membership_city_changelist"),
        {"status__exact": "active", "region__id__exact": str(europe.pk)},
    )
    assert response.status_code == 200
    cities = response.context["cl"].result_list
    assert cities and all(city.region_id == europe.pk for city in cities)
