"""Registration for events: who may do what, the rules (interest, approval, waiting
list, closing), the emails of each change in the member's language, the participant list
and its consent, the registrations admin, and the query counts of the pages."""

import datetime

import icalendar
import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from events import services
from events.choices import EventStatus, RegistrationStatus
from events.dashboard import next_events
from events.models import Registration
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

MEMBERS = ["member", "editor_a", "editor_b", "staff"]


def url(name, event=None):
    return reverse(f"events:{name}", args=[event.slug] if event else [])


def register(client, event, **data):
    return client.post(url("register", event), data)


def cancel(client, event):
    return client.post(url("cancel", event), {"confirm": "on"})


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def status_of(user, event) -> str | None:
    registration = Registration.objects.filter(user=user, event=event).first()
    return registration.status if registration else None


@pytest.fixture
def others(db, city_a):
    """Members of city A, to fill seats and waiting lists."""
    return [MemberFactory(city=city_a).user for _ in range(4)]


@pytest.fixture
def emails(mailoutbox, django_capture_on_commit_callbacks):
    """Run a block with the after-commit emails sent: `with emails(): ...`; then read
    mailoutbox."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- who may do what ---


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", "/accounts/login/"), ("applicant", "/network/application/")]
    + [(role, "event") for role in MEMBERS],
)
@pytest.mark.parametrize("action", ["register", "cancel"])
def test_register_and_cancel_matrix(client_as, role, expected, action):
    event = EventFactory()
    response = client_as(role).post(url(action, event), {"confirm": "on"})
    assert response.status_code == 302
    location = response["Location"]
    if expected == "event":
        assert location == event.get_absolute_url()
    else:
        assert location.startswith(expected)


@pytest.mark.parametrize("action", ["register", "cancel"])
def test_register_and_cancel_refuse_get(client_as, action):
    event = EventFactory()
    assert client_as("member").get(url(action, event)).status_code == 405
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("applicant", 302)] + [(role, 200) for role in MEMBERS],
)
def test_my_events_matrix(client_as, role, expected):
    assert client_as(role).get(url("my_events")).status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("applicant", 302),
        ("member", 200),  # registered, below
        ("editor_a", 404),  # not registered
        ("editor_b", 404),
        ("staff", 200),  # sees every participant
    ],
)
def test_participants_matrix(client_as, member, role, expected):
    event = EventFactory()
    RegistrationFactory(event=event, user=member)
    assert client_as(role).get(url("participants", event)).status_code == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (RegistrationStatus.CONFIRMED, 200),
        (RegistrationStatus.WAITLISTED, 200),
        (RegistrationStatus.PENDING, 200),
        (RegistrationStatus.INTERESTED, 404),
        (RegistrationStatus.CANCELLED, 404),
        (RegistrationStatus.REJECTED, 404),
    ],
)
def test_participants_are_for_those_taking_part(client_as, member, status, expected):
    event = EventFactory()
    RegistrationFactory(event=event, user=member, status=status)
    assert client_as("member").get(url("participants", event)).status_code == expected


def test_drafts_are_out_of_members_reach(client_as, member):
    draft = EventFactory(status=EventStatus.DRAFT)
    RegistrationFactory(event=draft, user=member)
    client = client_as("member")
    assert register(client, draft).status_code == 404
    assert cancel(client, draft).status_code == 404
    assert client.get(url("participants", draft)).status_code == 404
    assert draft.title not in client.get(url("my_events")).content.decode()


def test_staff_may_register(client_as, staff):
    event = EventFactory()
    assert register(client_as("staff"), event).status_code == 302
    assert status_of(staff, event) == RegistrationStatus.CONFIRMED


# --- the rules, through the pages ---


def test_member_registers_with_consent_and_a_note(client_as, member, city_a):
    event = EventFactory()
    response = register(client_as("member"), event, listed="on", note="Vegetarian")
    assert "You are registered for" in message_texts(response)[0]
    registration = Registration.objects.get(user=member, event=event)
    assert (registration.status, registration.listed, registration.note) == (
        RegistrationStatus.CONFIRMED,
        True,
        "Vegetarian",
    )
    assert registration.city == city_a


def test_consent_is_off_unless_ticked(client_as, member):
    event = EventFactory()
    register(client_as("member"), event)
    assert not Registration.objects.get(user=member, event=event).listed


def test_a_note_too_long_registers_nothing(client_as, member):
    event = EventFactory()
    response = register(client_as("member"), event, note="x" * 2001)
    assert response.status_code == 302
    assert message_texts(response)
    assert status_of(member, event) is None


def test_registering_twice_changes_nothing(client_as, member):
    event = EventFactory()
    client = client_as("member")
    register(client, event)
    response = register(client, event)
    assert message_texts(response)[-1] == "You are already registered: nothing has changed."
    assert Registration.objects.filter(user=member, event=event).count() == 1


def test_interest_before_opening_then_registering_converts_it(client_as, member):
    event = EventFactory(registration_opens=timezone.now() + datetime.timedelta(days=2))
    client = client_as("member")
    response = register(client, event)
    assert "Your interest in" in message_texts(response)[0]
    assert status_of(member, event) == RegistrationStatus.INTERESTED
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Withdraw my interest" in page
    event.registration_opens = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    assert "Registration is now open" in client.get(event.get_absolute_url()).content.decode()
    register(client, event)
    assert status_of(member, event) == RegistrationStatus.CONFIRMED


def test_full_event_puts_the_next_on_the_waiting_list_and_promotes_on_cancel(
    client_as, member, others
):
    event = EventFactory(capacity=1)
    services.register(others[0], event)
    response = register(client_as("member"), event)
    assert "you are on the waiting list" in message_texts(response)[0]
    assert status_of(member, event) == RegistrationStatus.WAITLISTED
    services.cancel(Registration.objects.get(user=others[0], event=event))
    assert status_of(member, event) == RegistrationStatus.CONFIRMED


def test_cancel_through_the_page_gives_the_seat_to_the_first_waiting(client_as, member, others):
    event = EventFactory(capacity=1)
    services.register(member, event)
    services.register(others[0], event)
    services.register(others[1], event)
    response = cancel(client_as("member"), event)
    assert "is cancelled" in message_texts(response)[0]
    assert status_of(member, event) == RegistrationStatus.CANCELLED
    assert status_of(others[0], event) == RegistrationStatus.CONFIRMED
    assert status_of(others[1], event) == RegistrationStatus.WAITLISTED


def test_cancel_needs_the_confirmation(client_as, member):
    event = EventFactory()
    services.register(member, event)
    response = client_as("member").post(url("cancel", event))
    assert "Confirm the cancellation" in message_texts(response)[0]
    assert status_of(member, event) == RegistrationStatus.CONFIRMED


def test_cancel_without_registration_says_so(client_as):
    response = cancel(client_as("member"), EventFactory())
    assert message_texts(response) == ["You have no registration to cancel for this event."]


def test_registering_again_after_cancelling_goes_to_the_back(client_as, member, others):
    event = EventFactory(capacity=1)
    services.register(others[0], event)
    services.register(member, event)  # waiting, first
    services.register(others[1], event)  # waiting, second
    client = client_as("member")
    cancel(client, event)
    register(client, event)
    waiting = list(event.registrations.waiting_in_order().values_list("user", flat=True))
    assert waiting == [others[1].pk, member.pk]


def test_approval_flow(client_as, member, staff, others):
    event = EventFactory(requires_approval=True, capacity=1)
    response = register(client_as("member"), event)
    assert "awaits the SCN team's approval" in message_texts(response)[0]
    assert status_of(member, event) == RegistrationStatus.PENDING
    registration = services.approve(Registration.objects.get(user=member), staff)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.decided_by == staff
    # The next approved, with no seat left, waits.
    services.register(others[0], event)
    assert (
        services.approve(Registration.objects.get(user=others[0]), staff).status
        == RegistrationStatus.WAITLISTED
    )


def test_rejecting_a_confirmed_registration_promotes_the_waiting_list(member, staff, others):
    event = EventFactory(capacity=1)
    services.register(member, event)
    services.register(others[0], event)
    services.reject(Registration.objects.get(user=member), staff, "Wrong city")
    assert status_of(others[0], event) == RegistrationStatus.CONFIRMED


def test_rejected_member_cannot_register_again(client_as, member, staff):
    event = EventFactory(requires_approval=True)
    services.register(member, event)
    services.reject(Registration.objects.get(user=member), staff, "Only for city editors.")
    client = client_as("member")
    response = register(client, event)
    assert message_texts(response) == [
        "The SCN team did not accept your registration for this event."
    ]
    assert status_of(member, event) == RegistrationStatus.REJECTED
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Only for city editors." in page
    assert 'action="' + url("register", event) not in page


@pytest.mark.parametrize(
    "closed",
    [
        {"registration_opens": None, "registration_closes": "past"},
        {"start_date": "past"},
        {"status": EventStatus.CANCELLED},
    ],
    ids=["after-closing-date", "after-the-event", "cancelled-event"],
)
def test_closed_registration_refuses(client_as, member, closed):
    fields = dict(closed)
    if fields.get("registration_closes") == "past":
        fields["registration_closes"] = timezone.now() - datetime.timedelta(hours=1)
    if fields.get("start_date") == "past":
        fields["start_date"] = timezone.localdate() - datetime.timedelta(days=3)
        fields["end_date"] = fields["start_date"]
    event = EventFactory(**fields)
    client = client_as("member")
    response = register(client, event)
    assert message_texts(response) == ["Registration for this event is closed."]
    assert status_of(member, event) is None
    assert (
        'action="' + url("register", event)
        not in client.get(event.get_absolute_url()).content.decode()
    )


def test_a_past_event_cannot_be_cancelled(client_as, member):
    event = EventFactory()
    services.register(member, event)
    event.start_date = event.end_date = timezone.localdate() - datetime.timedelta(days=2)
    event.save()
    response = cancel(client_as("member"), event)
    assert "This event is over" in message_texts(response)[0]
    assert status_of(member, event) == RegistrationStatus.CONFIRMED


# --- the emails ---


def set_language(user, language):
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])


def hello(user, language) -> str:
    with translation.override(language):
        return gettext("Hello %(name)s,") % {"name": user.first_name}


def the_attachment(message) -> icalendar.Calendar:
    (attachment,) = message.attachments
    assert attachment.filename.endswith(".ics")
    assert attachment.mimetype == "text/calendar"
    return icalendar.Calendar.from_ical(attachment.content)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_confirmation_email_in_the_members_language_with_the_event(
    client_as, member, mailoutbox, emails, language
):
    set_language(member, language)
    event = EventFactory(online_link="https://meet.example.org/w")
    with emails():
        register(client_as("member"), event)
    (message,) = mailoutbox
    assert message.to == [member.email]
    assert event.title in message.subject
    assert hello(member, language) in message.body
    assert hello(member, language) != hello(member, "en")
    assert "https://meet.example.org/w" in message.body
    calendar = the_attachment(message)
    assert calendar["METHOD"] == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")
    assert "https://meet.example.org/w" in str(vevent["DESCRIPTION"])


def subjects(mailoutbox) -> list[str]:
    return [message.subject.removeprefix("[SCN Online Hub] ") for message in mailoutbox]


def test_an_email_for_each_change(member, staff, others, mailoutbox, emails):
    event = EventFactory(capacity=1, title="Summit")
    approval = EventFactory(requires_approval=True, title="Approved workshop")
    later = EventFactory(
        title="Later", registration_opens=timezone.now() + datetime.timedelta(days=1)
    )
    with emails():
        services.register(others[0], event)  # registered
        services.register(member, event)  # waitlisted
        services.cancel(Registration.objects.get(user=others[0], event=event))  # + promoted
        services.register(member, approval)  # pending
        services.approve(Registration.objects.get(user=member, event=approval), staff)
        services.register(member, later)  # interest
        services.register(others[1], approval)
        services.reject(Registration.objects.get(user=others[1], event=approval), staff, "Full")
    assert subjects(mailoutbox) == [
        "You are registered: Summit",
        "You are on the waiting list: Summit",
        "Registration cancelled: Summit",
        "A seat is yours: Summit",
        "Registration received: Approved workshop",
        "Your registration is accepted: Approved workshop",
        "Interest recorded: Later",
        "Registration received: Approved workshop",
        "Your registration was not accepted: Approved workshop",
    ]
    with_files = [bool(message.attachments) for message in mailoutbox]
    assert with_files == [True, False, False, True, False, True, False, False, False]
    assert "Full" in mailoutbox[-1].body
    assert [message.to for message in mailoutbox][3] == [member.email]


def test_approved_onto_the_waiting_list_says_so_without_a_file(
    member, staff, others, mailoutbox, emails
):
    event = EventFactory(requires_approval=True, capacity=1)
    services.register(others[0], event)
    services.approve(Registration.objects.get(user=others[0]), staff)
    services.register(member, event)
    with emails():
        services.approve(Registration.objects.get(user=member), staff)
    (message,) = mailoutbox
    assert "waiting list" in message.body
    assert message.attachments == []


def test_no_email_when_nothing_changes(client_as, member, mailoutbox, emails):
    event = EventFactory()
    services.register(member, event)
    with emails():
        register(client_as("member"), event)
    assert mailoutbox == []


# --- the participant list ---


def test_participants_shows_only_those_who_consented(client_as, member, others):
    event = EventFactory()
    RegistrationFactory(event=event, user=member, listed=True)
    RegistrationFactory(event=event, user=others[0], listed=True)
    RegistrationFactory(
        event=event, user=others[1], listed=True, status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(event=event, user=others[2], listed=False)
    RegistrationFactory(event=event, user=others[3], status=RegistrationStatus.CANCELLED)
    response = client_as("member").get(url("participants", event))
    page = response.content.decode()
    shown = [registration.user for registration in response.context["participants"]]
    assert set(shown) == {member, others[0], others[1]}
    assert shown[-1] == others[1]  # confirmed first
    assert others[2].last_name not in page
    assert others[3].last_name not in page
    assert "And 1 other participant, who chose not to be shown." in page
    assert "Youth worker" in page  # position


def test_staff_see_every_participant_marked_by_consent(client_as, member, others):
    event = EventFactory()
    RegistrationFactory(event=event, user=member, listed=True)
    RegistrationFactory(event=event, user=others[0], listed=False)
    response = client_as("staff").get(url("participants", event))
    assert {r.user for r in response.context["participants"]} == {member, others[0]}
    assert "Shown to members" in response.content.decode()


def test_participants_page_query_count_is_constant(
    client_as, member, city_a, django_assert_max_num_queries
):
    event = EventFactory()
    RegistrationFactory(event=event, user=member, listed=True)
    for _ in range(20):
        RegistrationFactory(event=event, user=MemberFactory(city=city_a).user, listed=True)
    client = client_as("member")
    with django_assert_max_num_queries(12):
        assert client.get(url("participants", event)).status_code == 200


# --- my events and the home page ---


def test_my_events_lists_upcoming_then_past(client_as, member):
    today = timezone.localdate()
    soon = EventFactory(title="Soon", start_date=today + datetime.timedelta(days=3))
    later = EventFactory(title="Later", start_date=today + datetime.timedelta(days=60))
    past = EventFactory(title="Past", start_date=today - datetime.timedelta(days=40), end_date=None)
    RegistrationFactory(event=later, user=member)
    RegistrationFactory(event=soon, user=member, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=past, user=member, attended_at=timezone.now())
    response = client_as("member").get(url("my_events"))
    titles = [registration.event.title for registration in response.context["registrations"]]
    assert titles == ["Soon", "Later", "Past"]
    page = response.content.decode()
    assert page.index("Upcoming events") < page.index("Past events")
    assert "On the waiting list" in page and "Attended" in page


def test_my_events_query_count_is_constant(client_as, member, django_assert_max_num_queries):
    for _ in range(15):
        RegistrationFactory(event=EventFactory(), user=member)
    client = client_as("member")
    with django_assert_max_num_queries(12):
        assert client.get(url("my_events")).status_code == 200


def test_home_page_shows_the_next_events(client_as, member, django_assert_max_num_queries):
    confirmed = EventFactory(title="Next confirmed")
    cancelled = EventFactory(title="Cancelled by me")
    RegistrationFactory(event=confirmed, user=member)
    RegistrationFactory(event=cancelled, user=member, status=RegistrationStatus.CANCELLED)
    client = client_as("member")
    page = client.get("/").content.decode()
    assert "Your next events" in page and "Next confirmed" in page
    assert "Cancelled by me" not in page
    with django_assert_max_num_queries(1):
        assert [r.event for r in next_events(member)] == [confirmed]


def test_home_page_query_count_does_not_grow_with_events(client_as, member):
    client = client_as("member")
    RegistrationFactory(event=EventFactory(), user=member)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for _ in range(5):
        RegistrationFactory(event=EventFactory(), user=member)
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)


# --- the registration panel ---


def panel(event, registration=None, user=None, **context) -> str:
    state = context.pop("registration_state", None) or event.registration_state()
    return render_to_string(
        "events/inc/registration_panel.html",
        {
            "event": event,
            "registration": registration,
            "registration_state": state,
            "seats_left": context.pop("seats_left", None),
            "participant_count": context.pop("participant_count", 0),
            "user": user,
            **context,
        },
    )


def test_panel_open_event(member):
    event = EventFactory(capacity=10)
    html = panel(event, user=member, seats_left=3)
    assert "3 seats left." in html
    assert 'name="listed"' in html and "checked" not in html
    assert ">Register<" in html
    assert url("event_ics", event) in html
    assert url("participants", event) not in html


def test_panel_full_event_announces_the_waiting_list(member):
    html = panel(EventFactory(capacity=2), user=member, seats_left=0)
    assert "This event is full: you will join the waiting list." in html
    assert "Join the waiting list" in html


def test_panel_needs_approval(member):
    html = panel(EventFactory(requires_approval=True), user=member)
    assert "Registrations need the SCN team's approval." in html


def test_panel_before_opening(member):
    event = EventFactory(registration_opens=timezone.now() + datetime.timedelta(days=5))
    html = panel(event, user=member)
    assert "Registration opens on" in html
    assert "Register interest" in html
    assert 'name="listed"' not in html


def test_panel_confirmed_shows_the_online_link_and_participants(member):
    event = EventFactory(online_link="https://meet.example.org/z")
    registration = RegistrationFactory(event=event, user=member)
    html = panel(event, registration, user=member)
    assert "https://meet.example.org/z" in html
    assert url("participants", event) in html
    assert url("cancel", event) in html
    assert "<details" in html


def test_panel_hides_the_online_link_from_the_waiting_list(member):
    event = EventFactory(online_link="https://meet.example.org/z")
    registration = RegistrationFactory(
        event=event, user=member, status=RegistrationStatus.WAITLISTED
    )
    html = panel(event, registration, user=member)
    assert "meet.example.org" not in html
    assert "On the waiting list" in html


def test_event_page_hides_the_online_link_from_the_unregistered(client_as):
    event = EventFactory(online_link="https://meet.example.org/z")
    assert (
        "meet.example.org" not in client_as("member").get(event.get_absolute_url()).content.decode()
    )


# --- the registrations admin ---


def admin_changelist():
    return reverse("admin:events_registration_changelist")


def test_admin_lists_registrations_with_a_constant_query_count(
    client_as, member, django_assert_max_num_queries
):
    for _ in range(10):
        RegistrationFactory(event=EventFactory(), user=member)
    client = client_as("staff")
    with django_assert_max_num_queries(15):
        response = client.get(admin_changelist(), {"q": "workshop"})
    assert response.status_code == 200
    registration = Registration.objects.first()
    response = client.get(reverse("admin:events_registration_change", args=[registration.pk]))
    assert response.status_code == 200
    assert client.get(reverse("admin:events_registration_add")).status_code == 403


def test_admin_is_for_staff_only(client_as):
    for role in ["member", "editor_a", "editor_b"]:
        response = client_as(role).get(admin_changelist())
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"] or "login" in response["Location"]


def test_admin_approves_through_the_services(client_as, member, staff, mailoutbox, emails):
    event = EventFactory(requires_approval=True)
    services.register(member, event)
    registration = Registration.objects.get(user=member)
    with emails():
        client_as("staff").post(
            admin_changelist(), {"action": "approve", "_selected_action": [registration.pk]}
        )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.decided_by == staff
    assert subjects(mailoutbox) == [f"Your registration is accepted: {event.title}"]
    assert LogEntry.objects.filter(object_id=str(registration.pk)).exists()


def test_admin_rejects_with_a_reason(client_as, member, staff, others, mailoutbox, emails):
    event = EventFactory(capacity=1)
    services.register(member, event)
    services.register(others[0], event)
    registration = Registration.objects.get(user=member)
    client = client_as("staff")
    data = {"action": "reject", "_selected_action": [registration.pk]}
    first = client.post(admin_changelist(), data)
    assert first.status_code == 200  # asks for the reason
    assert status_of(member, event) == RegistrationStatus.CONFIRMED
    with emails():
        client.post(admin_changelist(), {**data, "apply": "1", "reason": "Duplicate"})
    registration.refresh_from_db()
    assert (registration.status, registration.reason) == (RegistrationStatus.REJECTED, "Duplicate")
    assert status_of(others[0], event) == RegistrationStatus.CONFIRMED  # promoted
    assert "Duplicate" in mailoutbox[0].body


def test_admin_marks_attendance_of_confirmed_only(client_as, member, staff, others):
    event = EventFactory()
    confirmed = RegistrationFactory(event=event, user=member)
    waiting = RegistrationFactory(event=event, user=others[0], status=RegistrationStatus.WAITLISTED)
    client = client_as("staff")
    response = client.post(
        admin_changelist(),
        {"action": "mark_attended", "_selected_action": [confirmed.pk, waiting.pk]},
        follow=True,
    )
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.attended_at is not None and confirmed.checked_in_by == staff
    assert waiting.attended_at is None
    assert any("Only confirmed participants" in text for text in message_texts(response))
    client.post(
        admin_changelist(),
        {"action": "mark_not_attended", "_selected_action": [confirmed.pk]},
    )
    confirmed.refresh_from_db()
    assert confirmed.attended_at is None
