"""Events in calendar apps: the per-event .ics file and the member's personal feed.

Every file is parsed back with the icalendar package, and its lines checked against
RFC 5545 (CRLF endings, folded at 75 octets)."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from events import ics, services
from events.choices import EventStatus, RegistrationStatus
from events.models import CalendarFeed
from membership.choices import CityStatus, MemberStatus
from tests.conftest import ROLES
from tests.event_factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def assert_valid_ics(content: bytes) -> icalendar.Calendar:
    """RFC 5545 line rules, then parse: the calendar and its events."""
    assert content.endswith(b"\r\n")
    lines = content.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == ics.PRODID
    assert calendar["METHOD"] == "PUBLISH"
    return calendar


def vevents(calendar: icalendar.Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def ics_url(event) -> str:
    return reverse("events:event_ics", args=[event.slug])


# --- the per-event file ---


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("applicant", 302),
        ("member", 200),
        ("editor_a", 200),
        ("editor_b", 200),
        ("staff", 200),
    ],
)
def test_event_file_is_for_members(client_as, role, expected):
    assert set(ROLES) >= {role}
    response = client_as(role).get(ics_url(EventFactory()))
    assert response.status_code == expected


def test_event_file_describes_the_event(client_as, settings):
    settings.SITE_URL = "https://hub.example.org"
    event = EventFactory(
        title="Regional workshop on " + "prevention " * 10,  # long: folded
        summary="Practitioners share local action plans.",
        venue="King Fahd Palace",
        city_name="Dakar",
        country="SN",
        online_link="https://meet.example.org/secret",
    )
    response = client_as("member").get(ics_url(event))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug[:80]}.ics"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    (vevent,) = vevents(assert_valid_ics(response.content))
    assert str(vevent["UID"]) == f"event-{event.pk}@hub.example.org"
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["LOCATION"]) == "King Fahd Palace, Dakar, Senegal"
    assert str(vevent["URL"]) == f"https://hub.example.org/events/{event.slug}/"
    assert "Practitioners share local action plans." in str(vevent["DESCRIPTION"])
    assert f"https://hub.example.org/events/{event.slug}/" in str(vevent["DESCRIPTION"])
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in vevent
    # All day: DTEND is exclusive, the day after the last day.
    assert vevent.decoded("DTSTART") == event.start_date
    assert vevent.decoded("DTEND") == event.end_date + datetime.timedelta(days=1)
    # The online link is for confirmed participants, never in this easily forwarded file.
    assert b"meet.example.org" not in response.content


def test_the_uid_is_stable_for_an_event(client_as):
    event = EventFactory()
    client = client_as("member")
    first = vevents(icalendar.Calendar.from_ical(client.get(ics_url(event)).content))[0]
    second = vevents(icalendar.Calendar.from_ical(client.get(ics_url(event)).content))[0]
    assert first["UID"] == second["UID"]


def test_timed_event_has_its_time_zone(client_as):
    event = EventFactory(
        start_date=datetime.date(2030, 6, 3),
        end_date=None,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(16, 30),
        time_zone="Europe/Copenhagen",
    )
    content = client_as("member").get(ics_url(event)).content
    calendar = assert_valid_ics(content)
    (vevent,) = vevents(calendar)
    assert b"DTSTART;TZID=Europe/Copenhagen:20300603T100000" in content
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert start.utcoffset() == datetime.timedelta(hours=2)  # summer time
    assert (start.hour, end.hour, end.minute) == (10, 16, 30)
    # The time zone is defined in the file, for the years it needs only.
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    assert len(content) < 5000


def test_timed_event_without_end_time_lasts_until_the_end_of_its_last_day():
    event = EventFactory(
        start_date=datetime.date(2030, 1, 10),
        end_date=datetime.date(2030, 1, 11),
        start_time=datetime.time(9, 0),
        time_zone="Africa/Dakar",
    )
    (vevent,) = vevents(assert_valid_ics(ics.event_file(event)))
    assert vevent.decoded("DTEND") == datetime.datetime(
        2030, 1, 12, 0, 0, tzinfo=vevent.decoded("DTSTART").tzinfo
    )


def test_cancelled_event_is_cancelled_in_calendars(client_as):
    event = EventFactory(status=EventStatus.CANCELLED)
    (vevent,) = vevents(assert_valid_ics(client_as("member").get(ics_url(event)).content))
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_drafts_have_no_file_even_for_staff(client_as):
    event = EventFactory(status=EventStatus.DRAFT)
    assert client_as("staff").get(ics_url(event)).status_code == 404
    assert client_as("member").get(ics_url(event)).status_code == 404


def test_non_ascii_text_survives_and_filename_stays_safe():
    event = EventFactory(title="Atelier régional — Tunis, منتدى", slug="atelier-regional")
    (vevent,) = vevents(assert_valid_ics(ics.event_file(event)))
    assert str(vevent["SUMMARY"]) == "Atelier régional — Tunis, منتدى"
    assert ics.filename_for(event) == "atelier-regional.ics"


# --- the personal feed ---


def create_feed(client) -> str:
    response = client.post(reverse("events:calendar_feed"), {"action": "create"})
    assert response.status_code == 200
    return response.context["feed_url"].removeprefix("http://testserver")


def test_creating_a_feed_shows_the_address_once(client_as, member):
    client = client_as("member")
    response = client.post(reverse("events:calendar_feed"), {"action": "create"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    feed_url = response.context["feed_url"]
    assert feed_url in response.content.decode()
    token = feed_url.rsplit("/", 1)[1].removesuffix(".ics")
    # Only the hash is kept: the address is nowhere on the next pages.
    feed = CalendarFeed.objects.get(user=member)
    assert token not in feed.token_hash
    assert token not in client.get(reverse("events:my_events")).content.decode()
    assert token not in str(dict(client.session))


def test_feed_lists_the_members_active_registrations_only(client, member, editor_a):
    today = timezone.localdate()
    confirmed = EventFactory(title="Confirmed one", online_link="https://meet.example.org/c")
    waiting = EventFactory(title="Waiting one", online_link="https://meet.example.org/w")
    recent = EventFactory(
        title="Last month", start_date=today - datetime.timedelta(days=30), end_date=None
    )
    old = EventFactory(
        title="Two years ago", start_date=today - datetime.timedelta(days=730), end_date=None
    )
    cancelled = EventFactory(title="Cancelled by me")
    rejected = EventFactory(title="Rejected")
    draft = EventFactory(title="Back to draft", status=EventStatus.DRAFT)
    someone_elses = EventFactory(title="Someone else's")
    for event in (confirmed, recent, old, draft):
        RegistrationFactory(event=event, user=member)
    RegistrationFactory(event=waiting, user=member, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=cancelled, user=member, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=rejected, user=member, status=RegistrationStatus.REJECTED)
    RegistrationFactory(event=someone_elses, user=editor_a)

    client.force_login(member)
    path = create_feed(client)
    client.logout()  # calendar apps are anonymous
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    calendar = assert_valid_ics(response.content)
    by_title = {str(vevent["SUMMARY"]): vevent for vevent in vevents(calendar)}
    assert set(by_title) == {"Confirmed one", "Waiting one", "Last month"}
    # The online link only where the member holds a seat; a waiting place is tentative.
    assert "https://meet.example.org/c" in str(by_title["Confirmed one"]["DESCRIPTION"])
    assert "meet.example.org" not in str(by_title["Waiting one"]["DESCRIPTION"])
    assert str(by_title["Waiting one"]["STATUS"]) == "TENTATIVE"
    assert str(by_title["Confirmed one"]["STATUS"]) == "CONFIRMED"
    assert CalendarFeed.objects.get(user=member).last_used is not None


def test_replacing_the_feed_revokes_the_old_address(client, member):
    client.force_login(member)
    old_path = create_feed(client)
    response = client.post(reverse("events:calendar_feed"), {"action": "replace"})
    new_path = response.context["feed_url"].removeprefix("http://testserver")
    assert response.context["replaced"]
    client.logout()
    assert client.get(old_path).status_code == 404
    assert client.get(new_path).status_code == 200


def test_stopping_the_feed_revokes_it(client, member):
    client.force_login(member)
    path = create_feed(client)
    response = client.post(reverse("events:calendar_feed"), {"action": "revoke"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("events:my_events")
    assert not CalendarFeed.objects.filter(user=member).exists()
    assert "Create my calendar address" in response.content.decode()
    client.logout()
    assert client.get(path).status_code == 404


def test_unknown_token_and_revoked_token_answer_the_same(client, member):
    client.force_login(member)
    path = create_feed(client)
    services.revoke_calendar_feed(member)
    client.logout()
    revoked = client.get(path)
    unknown = client.get(reverse("events:feed", args=["x" * 43]))
    too_long = client.get(reverse("events:feed", args=["x" * 500]))
    assert revoked.status_code == unknown.status_code == too_long.status_code == 404
    assert revoked["Content-Type"] == unknown["Content-Type"]


@pytest.mark.parametrize("loss", ["rejected", "suspended_city", "inactive"])
def test_feed_stops_when_the_member_loses_access(client, member, loss):
    RegistrationFactory(event=EventFactory(), user=member)
    path = reverse("events:feed", args=[services.new_calendar_feed(member)])
    assert client.get(path).status_code == 200
    if loss == "rejected":
        member.member.status = MemberStatus.REJECTED
        member.member.save()
    elif loss == "suspended_city":
        member.member.city.status = CityStatus.SUSPENDED
        member.member.city.save()
    else:
        member.is_active = False
        member.save()
    assert client.get(path).status_code == 404


def test_feed_answers_in_a_constant_number_of_queries(
    client, member, django_assert_max_num_queries
):
    for _ in range(8):
        RegistrationFactory(event=EventFactory(), user=member)
    path = reverse("events:feed", args=[services.new_calendar_feed(member)])
    with django_assert_max_num_queries(4):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("applicant", 302), ("member", 405), ("staff", 405)],
)
def test_calendar_feed_page_takes_only_posts(client_as, role, expected):
    assert client_as(role).get(reverse("events:calendar_feed")).status_code == expected


def test_an_unknown_feed_action_changes_nothing(client_as, member):
    response = client_as("member").post(reverse("events:calendar_feed"), {"action": "steal"})
    assert response.status_code == 302
    assert not CalendarFeed.objects.filter(user=member).exists()


def test_my_events_tells_when_the_feed_was_made_and_last_used(client_as, member):
    services.new_calendar_feed(member)
    CalendarFeed.objects.filter(user=member).update(last_used=timezone.now())
    page = client_as("member").get(reverse("events:my_events")).content.decode()
    assert "You have a calendar address, created on" in page
    assert "Last read by a calendar app on" in page
    assert "Replace it" in page and "Stop it" in page
