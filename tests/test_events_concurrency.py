"""No overbooking under concurrent registrations, proven with parallel HTTP requests to a
live server: every request has its own server thread and database connection, and the
registration service serialises them with a lock on the event row.

Requests are plain HTTP (http.client) with the session cookie of a logged-in member and a
CSRF cookie/field pair, started together behind a barrier."""

import http.client
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from events.choices import RegistrationStatus
from events.models import Registration
from tests.event_factories import EventFactory
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db(transaction=True)


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def post_all(live_server, requests: list[tuple[str, str]]) -> list[int]:
    """POST every (path, session) at the same moment; the response statuses."""
    address = urlsplit(live_server.url)
    barrier = threading.Barrier(len(requests))

    def post(request):
        path, session = request
        csrf = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
        body = urlencode({"csrfmiddlewaretoken": csrf, "confirm": "on"})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; "
            f"{settings.CSRF_COOKIE_NAME}={csrf}",
        }
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            barrier.wait()
            connection.request("POST", path, body=body, headers=headers)
            return connection.getresponse().status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(post, requests))


def statuses(event) -> dict[str, int]:
    counts = {}
    for status in event.registrations.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def test_parallel_registrations_never_overbook(live_server, city_a):
    event = EventFactory(capacity=5)
    members = [MemberFactory(city=city_a).user for _ in range(20)]
    sessions = {member.pk: session_cookie(member) for member in members}
    register = reverse("events:register", args=[event.slug])

    answers = post_all(live_server, [(register, sessions[member.pk]) for member in members])

    assert answers == [302] * 20  # every one redirected back to the event: none failed
    assert statuses(event) == {RegistrationStatus.CONFIRMED: 5, RegistrationStatus.WAITLISTED: 15}
    # The waiting list is in the order the registrations were made.
    by_creation = list(
        event.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .order_by("created")
        .values_list("pk", flat=True)
    )
    waiting = list(event.registrations.waiting_in_order().values_list("pk", flat=True))
    assert waiting == by_creation == sorted(by_creation)

    # Three confirmed participants cancel at once: exactly the first three waiting get
    # their seats, and the seats stay at five.
    leaving = list(
        event.registrations.confirmed().order_by("pk").values_list("user", flat=True)[:3]
    )
    cancel = reverse("events:cancel", args=[event.slug])
    answers = post_all(live_server, [(cancel, sessions[user]) for user in leaving])

    assert answers == [302] * 3
    assert statuses(event) == {
        RegistrationStatus.CONFIRMED: 5,
        RegistrationStatus.WAITLISTED: 12,
        RegistrationStatus.CANCELLED: 3,
    }
    promoted = set(
        event.registrations.confirmed().exclude(pk__in=by_creation[3:]).values_list("pk", flat=True)
    )
    assert set(by_creation[:3]) <= promoted
    assert (
        list(event.registrations.waiting_in_order().values_list("pk", flat=True))
        == (by_creation[3:])
    )


def test_a_double_click_makes_one_registration(live_server, member):
    event = EventFactory(capacity=3)
    session = session_cookie(member)
    register = reverse("events:register", args=[event.slug])

    answers = post_all(live_server, [(register, session)] * 6)

    assert answers == [302] * 6
    assert Registration.objects.filter(event=event, user=member).count() == 1
    assert statuses(event) == {RegistrationStatus.CONFIRMED: 1}
