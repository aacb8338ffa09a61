"""The check-in page at the door: staff only, confirmed participants only, search that keeps
itself across posts, counts, and a constant number of queries."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from events.choices import RegistrationStatus
from events.models import Registration
from tests.conftest import ROLES
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import MemberFactory, UserFactory


@pytest.fixture
def event(db):
    return EventFactory(title="Door test workshop")


@pytest.fixture
def participants(event, city_a, city_b):
    """Three confirmed (one already checked in), one on the waiting list, one cancelled."""

    def person(first, last, email, city, status=RegistrationStatus.CONFIRMED):
        user = MemberFactory(
            city=city, user__first_name=first, user__last_name=last, user__email=email
        ).user
        return RegistrationFactory(event=event, user=user, city=city, status=status)

    return {
        "jose": person("José", "Ñúñez", "jose@example.org", city_a),
        "amina": person("Amina", "Diallo", "amina@example.org", city_b),
        "lars": person("Lars", "Østergaard", "lars@example.org", city_a),
        "waiting": person(
            "Wendy", "Waits", "wendy@example.org", city_b, RegistrationStatus.WAITLISTED
        ),
        "cancelled": person(
            "Carl", "Gone", "carl@example.org", city_b, RegistrationStatus.CANCELLED
        ),
    }


def url(event):
    return reverse("events:check_in", args=[event.slug])


def listed(response):
    return [registration.user.email for registration in response.context["object_list"]]


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_refused(response, role):
    """Anonymous people go to the login page, applicants to their application's status,
    members get a 404."""
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif role == "applicant":
        assert response.status_code == 302 and response.url == reverse(
            "membership:application_status"
        )
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_open_the_check_in_page(client_as, event, role):
    response = client_as(role).get(url(event))
    if role == "staff":
        assert response.status_code == 200
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ["anonymous", "applicant", "member", "editor_a", "editor_b"])
def test_nobody_but_staff_can_post_a_check_in(client_as, participants, event, role):
    registration = participants["jose"]
    response = client_as(role).post(url(event), {"registration": registration.pk, "attended": 1})
    assert_refused(response, role)
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_an_unknown_event_is_a_404_for_staff(client_as, db):
    assert (
        client_as("staff").get(reverse("events:check_in", args=["no-such-event"])).status_code
        == 404
    )


def test_lists_only_confirmed_participants_with_the_count(client_as, participants, event, staff):
    participants["lars"].attended_at = participants["lars"].created
    participants["lars"].save()
    response = client_as("staff").get(url(event))
    # By last name: Diallo, Ñúñez, Østergaard.
    assert listed(response) == ["amina@example.org", "jose@example.org", "lars@example.org"]
    assert (response.context["checked_in"], response.context["confirmed"]) == (1, 3)
    page = response.content.decode()
    assert "1 of 3 checked in" in page
    assert "wendy@example.org" not in page and "carl@example.org" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jose", ["jose@example.org"]),  # accent-insensitive: José
        ("NUNEZ", ["jose@example.org"]),  # and case-insensitive: Ñúñez
        ("amina@", ["amina@example.org"]),  # email
        ("lars ostergaard", ["lars@example.org"]),  # unaccent reads ø as o
        ("Lars Østergaard", ["lars@example.org"]),  # every word must match
        ("wendy", []),  # on the waiting list: not at the door
    ],
)
def test_search_by_name_or_email(client_as, participants, event, query, expected):
    response = client_as("staff").get(url(event), {"q": query})
    assert response.status_code == 200
    assert listed(response) == expected


def test_a_search_with_a_nul_character_is_not_a_500(client_as, participants, event):
    assert client_as("staff").get(url(event), {"q": "jo\x00se"}).status_code == 200


def test_check_in_marks_attendance_and_keeps_the_search(client_as, participants, event, staff):
    registration = participants["jose"]
    client = client_as("staff")
    response = client.post(
        url(event), {"registration": registration.pk, "attended": 1, "q": "josé"}
    )
    assert response.status_code == 302
    assert response.url == url(event) + "?q=jos%C3%A9"
    registration.refresh_from_db()
    assert registration.attended_at is not None
    assert registration.checked_in_by == staff
    page = client.get(response.url)
    assert messages_of(page) == ["José Ñúñez is checked in."]
    assert listed(page) == ["jose@example.org"]
    assert "1 of 3 checked in" in page.content.decode()


def test_a_second_tap_keeps_the_first_check_in_time(client_as, participants, event):
    registration = participants["jose"]
    client = client_as("staff")
    client.post(url(event), {"registration": registration.pk, "attended": 1})
    first = Registration.objects.get(pk=registration.pk).attended_at
    client.post(url(event), {"registration": registration.pk, "attended": 1})
    assert Registration.objects.get(pk=registration.pk).attended_at == first


def test_undo_clears_attendance(client_as, participants, event):
    registration = participants["jose"]
    client = client_as("staff")
    client.post(url(event), {"registration": registration.pk, "attended": 1})
    response = client.post(url(event), {"registration": registration.pk, "attended": 0, "page": 1})
    assert response.url == url(event) + "?page=1"
    registration.refresh_from_db()
    assert registration.attended_at is None and registration.checked_in_by is None
    assert messages_of(client.get(response.url))[-1] == "Check-in undone for José Ñúñez."


@pytest.mark.parametrize("who", ["waiting", "cancelled"])
def test_a_registration_that_is_not_confirmed_cannot_be_checked_in(
    client_as, participants, event, who
):
    registration = participants[who]
    client = client_as("staff")
    response = client.post(url(event), {"registration": registration.pk, "attended": 1})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended_at is None
    assert messages_of(client.get(response.url)) == [
        "Only confirmed participants can be checked in."
    ]


def test_a_registration_of_another_event_is_a_404(client_as, participants, event):
    other = RegistrationFactory(event=EventFactory(), user=UserFactory())
    response = client_as("staff").post(url(event), {"registration": other.pk, "attended": 1})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.attended_at is None


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"registration": "abc", "attended": 1},
        {"registration": 10**12, "attended": 1},
        {"registration": 1, "attended": 7},
        {"registration": 1, "attended": 1, "page": -3},
    ],
)
def test_a_tampered_post_is_an_error_message_not_a_500(client_as, participants, event, data):
    client = client_as("staff")
    response = client.post(url(event), data)
    assert response.status_code == 302
    assert messages_of(client.get(response.url)) == [
        "That check-in could not be read. Please try again."
    ]


def test_the_buttons_post_the_registration_and_the_search(client_as, participants, event):
    page = client_as("staff").get(url(event), {"q": "amina"}).content.decode()
    registration = participants["amina"]
    assert f'name="registration" value="{registration.pk}"' in page
    assert 'name="q" value="amina"' in page
    assert 'name="attended" value="1"' in page


def test_query_count_does_not_grow_with_participants(
    client_as, event, city_a, django_assert_max_num_queries
):
    client = client_as("staff")

    def add(count):
        for __ in range(count):
            RegistrationFactory(event=event, user=MemberFactory(city=city_a).user, city=city_a)

    add(3)
    with django_assert_max_num_queries(20) as few:
        assert client.get(url(event)).status_code == 200
    add(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(event))
    assert len(listed(response)) == 33
