"""The events pages: list with filters, calendar month, event page; a city's events on
its profile; dates shown with their precision; the event admin."""

import datetime
import itertools
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from cityprofiles.models import CityProfile
from events.choices import DatePrecision, EventKind, EventStatus, RegistrationStatus
from events.models import Event, Registration
from events.queries import city_events, month_grid
from events.templatetags.event_dates import describe_dates, describe_times
from library.choices import DocumentStatus, DocumentType, FileKind
from library.models import Document
from membership.models import Theme
from tests.conftest import ROLES
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import CityFactory, MemberFactory, RegionFactory

TODAY = timezone.localdate()
LIST_QUERIES = 9
DETAIL_QUERIES = 8
DASH = "\u2013"  # an en dash, as typeset between dates
_numbers = itertools.count(1)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def event_url(event, name="event"):
    return reverse(f"events:{name}", args=[event.slug])


def theme(name: str) -> Theme:
    return Theme.objects.get_or_create(
        name=name, defaults={"slug": name.lower().replace(" ", "-")}
    )[0]


def make_document(*, status=DocumentStatus.PUBLISHED, **fields) -> Document:
    """A library document row without a file on disk (the event page never opens it)."""
    number = next(_numbers)
    fields.setdefault("title", f"Workshop report {number}")
    return Document.objects.create(
        document_type=DocumentType.LOCAL_ACTION_PLAN,
        file=f"library/event-test-{number}.pdf",
        file_kind=FileKind.PDF,
        file_size=1000,
        checksum=f"{number + 5000:064x}",
        status=status,
        published_at=timezone.now() if status == DocumentStatus.PUBLISHED else None,
        **fields,
    )


def listed(response) -> list[str]:
    return [event.title for event in response.context["events"]]


@pytest.fixture
def workshop(db):
    return EventFactory(title="Dakar workshop", slug="dakar-workshop")


@pytest.fixture
def draft(db):
    return EventFactory(title="Secret draft", slug="secret-draft", status=EventStatus.DRAFT)


# --- permissions ---------------------------------------------------------------------------


def expected(role: str) -> tuple[int, str | None]:
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    return 200, None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["index", "calendar", "event"])
def test_permission_matrix(client_as, workshop, role, page):
    url = event_url(workshop) if page == "event" else reverse(f"events:{page}")
    status, target = expected(role)
    response = client_as(role).get(url)
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target


@pytest.mark.parametrize(
    ("role", "status"), [("member", 404), ("editor_a", 404), ("editor_b", 404), ("staff", 200)]
)
def test_drafts_are_404_for_members_and_open_to_staff(client_as, draft, role, status):
    assert client_as(role).get(event_url(draft)).status_code == status


def test_unknown_event_is_404(client_as, db):
    assert client_as("member").get("/events/no-such-event/").status_code == 404


def test_drafts_are_missing_from_members_lists_and_calendar(client_as, workshop, draft):
    index, calendar = reverse("events:index"), reverse("events:calendar")
    assert listed(client_as("member").get(index)) == ["Dakar workshop"]
    assert "Secret draft" not in client_as("member").get(calendar).content.decode()
    staff_page = client_as("staff").get(index)
    assert listed(staff_page) == ["Dakar workshop", "Secret draft"]
    assert "Draft" in staff_page.content.decode()
    month = {"month": f"{draft.start_date:%Y-%m}"}
    assert "Secret draft" not in client_as("member").get(calendar, month).content.decode()
    assert "Secret draft" in client_as("staff").get(calendar, month).content.decode()


# --- the list --------------------------------------------------------------------------------


def test_upcoming_by_default_soonest_first_and_past_newest_first(client_as, db):
    EventFactory(title="Later", start_date=days(60), end_date=None)
    EventFactory(title="Sooner", start_date=days(5), end_date=None)
    EventFactory(title="Running now", start_date=days(-1), end_date=days(1))
    EventFactory(title="Long ago", start_date=days(-400), end_date=None)
    EventFactory(title="Last month", start_date=days(-30), end_date=days(-29))
    client = client_as("member")
    index = reverse("events:index")
    assert listed(client.get(index)) == ["Running now", "Sooner", "Later"]
    assert listed(client.get(index, {"when": "past"})) == ["Last month", "Long ago"]
    assert listed(client.get(index, {"when": "all"}))[0] == "Later"
    assert len(listed(client.get(index, {"when": "all"}))) == 5
    # An unknown value is refused, shown, and the default (upcoming) applies.
    response = client.get(index, {"when": "tomorrow"})
    assert listed(response) == ["Running now", "Sooner", "Later"]
    assert "Part of this search could not be used" in response.content.decode()


def test_text_search_ignores_accents_and_case(client_as, db):
    EventFactory(title="City exchange", city_name="Montréal", country="CA")
    EventFactory(title="Youth lab", summary="Young ACTIVISTS and creative talents")
    EventFactory(title="Training", venue="Hôtel de Ville")
    client = client_as("member")
    index = reverse("events:index")
    assert listed(client.get(index, {"q": "montreal"})) == ["City exchange"]
    assert listed(client.get(index, {"q": "activists young"})) == ["Youth lab"]
    assert listed(client.get(index, {"q": "hotel"})) == ["Training"]
    assert listed(client.get(index, {"q": "nothing like it"})) == []


def test_filter_by_kind_region_and_year(client_as, db):
    africa = RegionFactory(name="West Africa")
    EventFactory(title="Summit", kind=EventKind.GLOBAL_SUMMIT, start_date=days(400), end_date=None)
    EventFactory(title="Workshop", region=africa)
    client = client_as("member")
    index = reverse("events:index")
    assert listed(client.get(index, {"kind": "global_summit"})) == ["Summit"]
    assert listed(client.get(index, {"region": africa.slug})) == ["Workshop"]
    year = days(400).year
    assert "Summit" in listed(client.get(index, {"year": year}))
    assert "Workshop" not in listed(client.get(index, {"year": year}))  # 370 days apart
    # The year choices are the years of the events.
    choices = dict(client.get(index).context["filterset"].form.fields["year"].choices)
    assert year in choices and days(30).year in choices


def test_year_filter_finds_events_spanning_new_year(client_as, db):
    EventFactory(
        title="Winter school",
        start_date=datetime.date(2016, 12, 30),
        end_date=datetime.date(2017, 1, 2),
    )
    EventFactory(title="Spring", start_date=datetime.date(2016, 4, 1), end_date=None)
    client = client_as("member")
    found = listed(client.get(reverse("events:index"), {"when": "past", "year": "2017"}))
    assert found == ["Winter school"]


def test_filter_by_member_city_hosting_visiting_or_taking_part(client_as, city_a, city_b):
    other = CityFactory(name="Luton Test", country="GB")
    EventFactory(title="Hosted", host_city=city_a)
    EventFactory(title="Visit", kind=EventKind.CITY_EXCHANGE, visiting_city=city_a, host_city=other)
    taking_part = EventFactory(title="Took part")
    taking_part.participating_cities.set([city_a, city_b])
    EventFactory(title="Elsewhere", host_city=city_b)
    client = client_as("member")
    index = reverse("events:index")
    found = sorted(listed(client.get(index, {"city": city_a.slug})))
    assert found == ["Hosted", "Took part", "Visit"]
    assert sorted(listed(client.get(index, {"city": city_b.slug}))) == ["Elsewhere", "Took part"]
    # Only cities of events are offered.
    offered = {c.slug for c in client.get(index).context["filterset"].form.fields["city"].queryset}
    assert offered == {city_a.slug, city_b.slug, other.slug}


def test_themes_combine_with_and(client_as, db):
    youth, online = theme("Youth engagement"), theme("Online extremism")
    both = EventFactory(title="Both")
    both.themes.add(youth, online)
    EventFactory(title="Youth only").themes.add(youth)
    EventFactory(title="None")
    client = client_as("member")
    index = reverse("events:index")
    assert sorted(listed(client.get(index, {"theme": youth.slug}))) == ["Both", "Youth only"]
    assert listed(client.get(index, {"theme": [youth.slug, online.slug]})) == ["Both"]
    page = client.get(index, {"theme": youth.slug}).content.decode()
    assert "Youth engagement" in page


def test_cards_show_seats_left_own_registration_and_cancellation(client_as, member, city_a):
    full = EventFactory(title="Small room", capacity=2)
    RegistrationFactory(event=full, user=member)
    EventFactory(
        title="Later registration",
        registration_opens=timezone.now() + datetime.timedelta(days=3),
    )
    EventFactory(title="Called off", status=EventStatus.CANCELLED)
    response = client_as("member").get(reverse("events:index"))
    cards = {event.title: event for event in response.context["events"]}
    assert cards["Small room"].seats_left == 1
    assert cards["Small room"].viewer_status == RegistrationStatus.CONFIRMED
    assert cards["Later registration"].state == "not_open"
    assert cards["Later registration"].viewer_status is None
    page = response.content.decode()
    assert "1 seat left" in page
    assert "Your registration: Confirmed" in page
    assert "Registration not open yet" in page
    assert "Cancelled" in page


def test_past_cards_show_published_figures_and_exchanges(client_as, db):
    dakar = CityFactory(name="Dakar", slug="dakar-t", country="SN")
    montreal = CityFactory(name="Montréal", slug="montreal-t", country="CA")
    EventFactory(
        title="Aarhus summit",
        kind=EventKind.GLOBAL_SUMMIT,
        start_date=datetime.date(2017, 1, 1),
        end_date=None,
        date_precision=DatePrecision.YEAR,
        delegates=476,
        cities_represented=170,
        countries_represented=47,
    )
    EventFactory(
        title="Dakar-Montréal",
        kind=EventKind.CITY_EXCHANGE,
        start_date=datetime.date(2017, 10, 1),
        end_date=None,
        date_precision=DatePrecision.MONTH,
        host_city=montreal,
        visiting_city=dakar,
        city_name="Montréal",
        country="CA",
    )
    page = client_as("member").get(reverse("events:index"), {"when": "past"}).content.decode()
    assert "476 delegates" in page and "170 cities" in page and "47 countries" in page
    assert re.search(r"Dakar\s*<span aria-hidden=\"true\">→</span>", page)
    assert "October 2017" in page
    assert ">2017<" in page


def test_list_query_count_does_not_grow_with_events(
    client_as, member, django_assert_num_queries, db
):
    client = client_as("member")
    index = reverse("events:index")
    first = EventFactory(capacity=10)
    first.themes.add(theme("Youth engagement"))
    RegistrationFactory(event=first, user=member)
    client.get(index)  # warm the session and the content types
    with CaptureQueriesContext(connection) as one:
        client.get(index)
    # session, user with member and city, then: count, page of events, their themes,
    # the kept city and year menus, the region and theme choices of the filter form
    queries = len(one.captured_queries)  # read now: the next request empties the log
    assert queries <= LIST_QUERIES
    for number in range(19):
        event = EventFactory(capacity=5, host_city=CityFactory(), visiting_city=CityFactory())
        event.themes.add(theme(f"Theme {number}"))
        RegistrationFactory(event=event, user=MemberFactory().user)
    client.get(index)  # the menus changed with the events: kept again
    with django_assert_num_queries(queries):
        response = client.get(index)
    assert len(response.context["events"]) == 20


# --- dates with their precision ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ((2017, 3, 9), (2017, 3, 10), "day", f"9{DASH}10 March 2017"),
        ((2017, 3, 9), None, "day", "9 March 2017"),
        ((2017, 3, 9), (2017, 3, 9), "day", "9 March 2017"),
        ((2017, 3, 30), (2017, 4, 2), "day", f"30 March {DASH} 2 April 2017"),
        ((2016, 12, 30), (2017, 1, 2), "day", f"30 December 2016 {DASH} 2 January 2017"),
        ((2017, 10, 1), None, "month", "October 2017"),
        ((2017, 1, 1), None, "year", "2017"),
    ],
)
def test_dates_are_shown_with_their_precision(start, end, precision, shown):
    end = datetime.date(*end) if end else None
    assert describe_dates(datetime.date(*start), end, precision) == shown


def test_dates_use_the_languages_month_names():
    with translation.override("fr"):
        assert "mars 2017" in describe_dates(datetime.date(2017, 3, 9), datetime.date(2017, 3, 10))
        assert describe_dates(datetime.date(2017, 10, 1), None, "month").lower() == ("octobre 2017")


def test_times_name_their_time_zone():
    shown = describe_times(datetime.time(9), datetime.time(17, 30), "Africa/Dakar")
    assert shown.endswith("(Africa/Dakar)") and "9" in shown and "5:30" in shown
    assert describe_times(None, None, "UTC") == ""


# --- the calendar ----------------------------------------------------------------------------


def calendar_of(client, month: str | None = None):
    return client.get(reverse("events:calendar"), {"month": month} if month else {})


def day_events(grid, day: datetime.date) -> list[str]:
    for week in grid.weeks:
        for cell in week:
            if cell.date == day:
                return [event.title for event in cell.events]
    return []


def test_multi_day_events_appear_on_every_day(client_as, db):
    EventFactory(
        title="Three days",
        start_date=datetime.date(2017, 3, 9),
        end_date=datetime.date(2017, 3, 11),
    )
    EventFactory(
        title="Across months",
        start_date=datetime.date(2017, 3, 30),
        end_date=datetime.date(2017, 4, 2),
    )
    grid = calendar_of(client_as("member"), "2017-03").context["grid"]
    assert grid.first == datetime.date(2017, 3, 1)
    for day in (9, 10, 11):
        assert "Three days" in day_events(grid, datetime.date(2017, 3, day))
    assert day_events(grid, datetime.date(2017, 3, 8)) == []
    assert day_events(grid, datetime.date(2017, 3, 12)) == []
    assert "Across months" in day_events(grid, datetime.date(2017, 3, 31))
    april = calendar_of(client_as("member"), "2017-04").context["grid"]
    assert "Across months" in day_events(april, datetime.date(2017, 4, 2))
    agenda_days = [day.date.day for day in grid.days_with_events]
    assert agenda_days == [9, 10, 11, 30, 31]


def test_month_and_year_precision_events_are_listed_apart(client_as, db):
    EventFactory(
        title="Known to the month",
        start_date=datetime.date(2017, 10, 1),
        end_date=None,
        date_precision=DatePrecision.MONTH,
    )
    EventFactory(
        title="Known to the year",
        start_date=datetime.date(2017, 1, 1),
        end_date=None,
        date_precision=DatePrecision.YEAR,
    )
    october = calendar_of(client_as("member"), "2017-10").context["grid"]
    assert day_events(october, datetime.date(2017, 10, 1)) == []
    assert [e.title for e in october.to_be_confirmed] == ["Known to the month", "Known to the year"]
    january = calendar_of(client_as("member"), "2017-01").context["grid"]
    assert day_events(january, datetime.date(2017, 1, 1)) == []
    assert [e.title for e in january.to_be_confirmed] == ["Known to the year"]


def test_month_navigation_and_today(client_as, db):
    response = calendar_of(client_as("member"), "2017-01")
    page = response.content.decode()
    assert 'href="?month=2016-12"' in page and 'href="?month=2017-02"' in page
    assert "January 2017" in page
    assert 'aria-current="date"' not in page
    today = calendar_of(client_as("member")).content.decode()
    assert 'aria-current="date"' in today
    assert f'datetime="{TODAY:%Y-%m-%d}"' in today


@pytest.mark.parametrize("month", ["2017-13", "nonsense", "0000-01", "9999-12", "2017-1-1", "ü"])
def test_a_bad_month_shows_the_current_month_with_a_message(client_as, db, month):
    response = calendar_of(client_as("member"), month)
    assert response.status_code == 200
    assert response.context["grid"].first == TODAY.replace(day=1)
    assert any("could not be read" in str(m) for m in get_messages(response.wsgi_request))


def test_weeks_start_on_the_locales_first_day(db):
    first = datetime.date(2017, 3, 1)
    with translation.override("en"):
        assert month_grid(Event.objects.none(), first, TODAY).weekdays[0].weekday() == 6  # Sunday
    with translation.override("fr"):
        assert month_grid(Event.objects.none(), first, TODAY).weekdays[0].weekday() == 0  # Monday


def test_the_calendar_table_is_accessible_and_has_a_phone_list(client_as, workshop):
    page = calendar_of(client_as("member"), f"{workshop.start_date:%Y-%m}").content.decode()
    assert "<caption" in page and 'scope="col"' in page
    assert "d-none d-md-block" in page and "d-md-none calendar-agenda" in page
    assert page.count("Dakar workshop") >= 2  # in the grid and in the phone list


def test_calendar_query_count(client_as, db, django_assert_max_num_queries):
    for number in range(15):
        EventFactory(start_date=datetime.date(2017, 3, 1 + number), end_date=None)
    client = client_as("member")
    with django_assert_max_num_queries(4):  # session, user, the month's two queries
        calendar_of(client, "2017-03")


# --- the event page --------------------------------------------------------------------------


def test_event_page_shows_everything(client_as, member, city_a, city_b):
    CityProfile.objects.create(city=city_a, published=True)
    agenda = make_document(title="Agenda of the day")
    secret = make_document(title="Pending report", status=DocumentStatus.PENDING)
    event = EventFactory(
        title="Dakar workshop",
        summary="First line.\n\nSecond paragraph.",
        venue="King Fahd Palace",
        start_time=datetime.time(9),
        end_time=datetime.time(17),
        time_zone="Africa/Dakar",
        host_city=city_a,
        region=city_a.region,
        other_participants="Waza Reserve\nLamu",
        languages=["en", "fr"],
        agenda=agenda,
        report=secret,
        capacity=10,
        delegates=50,
        cities_represented=15,
        countries_represented=10,
    )
    event.participating_cities.set([city_b])
    event.themes.add(theme("Local action planning"))
    registration = RegistrationFactory(event=event, user=member)
    response = client_as("member").get(event_url(event))
    context = response.context
    assert context["event"] == event
    assert context["registration"] == registration
    assert context["registration_state"] == "open"
    assert context["seats_left"] == 9
    assert context["participant_count"] == 1
    page = response.content.decode()
    for text in (
        "King Fahd Palace",
        "(Africa/Dakar)",
        "Waza Reserve",
        "Lamu",
        "English, French",
        "Local action planning",
        "<p>First line.</p>",
        "Agenda of the day",
        "50",
        city_b.name,
    ):
        assert text in page, text
    assert "Pending report" not in page
    assert reverse("cityprofiles:profile", args=[city_a.slug]) in page  # a published profile
    assert reverse("cityprofiles:profile", args=[city_b.slug]) not in page  # none
    assert reverse("events:check_in", args=[event.slug]) not in page
    assert "registration-panel" in page


def test_staff_see_admin_check_in_and_survey_links(client_as, workshop):
    page = client_as("staff").get(event_url(workshop)).content.decode()
    assert reverse("admin:events_event_change", args=[workshop.pk]) in page
    assert reverse("events:check_in", args=[workshop.slug]) in page
    assert reverse("events:survey_results", args=[workshop.slug]) in page


def test_event_page_without_registration_or_limit(client_as, workshop):
    context = client_as("editor_b").get(event_url(workshop)).context
    assert context["registration"] is None and context["seats_left"] is None
    assert context["participant_count"] == 0


def test_event_page_query_count_does_not_grow(client_as, member, db, django_assert_num_queries):
    event = EventFactory(capacity=100, host_city=CityFactory())
    client = client_as("member")
    client.get(event_url(event))
    with CaptureQueriesContext(connection) as before:
        client.get(event_url(event))
    queries = len(before.captured_queries)  # read now: the next request empties the log
    assert queries <= DETAIL_QUERIES
    event.participating_cities.set([CityFactory() for __ in range(10)])
    for __ in range(10):
        event.themes.add(theme(f"Theme {next(_numbers)}"))
        RegistrationFactory(event=event, user=MemberFactory().user)
    first = client.get(event_url(event))  # the facts changed: drawn again and kept
    assert first.content.decode().count('<li><span dir="auto">') == 10  # the 10 cities
    with django_assert_num_queries(queries):
        response = client.get(event_url(event))
    assert response.context["participant_count"] == 10
    facts = re.compile(r'<dl class="row event-facts">.*?</dl>', re.S)
    assert facts.search(response.content.decode())[0] == facts.search(first.content.decode())[0]


# --- a city's events (its profile page) ------------------------------------------------------


def test_city_events_hosted_visited_or_taken_part_in_newest_first(
    city_a, city_b, django_assert_num_queries
):
    hosted = EventFactory(title="Hosted", host_city=city_a, start_date=days(-300), end_date=None)
    visited = EventFactory(
        title="Visited", visiting_city=city_a, host_city=city_b, start_date=days(-10), end_date=None
    )
    part = EventFactory(title="Took part", start_date=days(40), end_date=None)
    part.participating_cities.set([city_a, city_b])
    EventFactory(title="Draft", host_city=city_a, status=EventStatus.DRAFT)
    EventFactory(title="Other city", host_city=city_b)
    with django_assert_num_queries(1):
        events = city_events(city_a, 10)
    assert events == [part, visited, hosted]


def test_a_city_profile_lists_its_events(client_as, city_a):
    CityProfile.objects.create(city=city_a, published=True)
    event = EventFactory(title="Regional workshop in Aarhus", host_city=city_a)
    page = client_as("member").get(reverse("cityprofiles:profile", args=[city_a.slug]))
    assert page.context["events"] == [event]
    assert f'href="{event.get_absolute_url()}"' in page.content.decode()
    assert "All events of" not in page.content.decode()


def test_a_city_profile_lists_its_ten_newest_events_and_links_to_the_others(client_as, city_a):
    CityProfile.objects.create(city=city_a, published=True)
    events = [
        EventFactory(title=f"Workshop {number:02}", host_city=city_a, start_date=days(-number))
        for number in range(12)
    ]
    page = client_as("member").get(reverse("cityprofiles:profile", args=[city_a.slug]))
    assert page.context["events"] == events[:10]
    all_events = f"{reverse('events:index')}?city={city_a.slug}&amp;when=all"
    assert f'href="{all_events}"' in page.content.decode()
    listed = client_as("member").get(reverse("events:index"), {"city": city_a.slug, "when": "all"})
    assert len(listed.context["object_list"]) == 12


# --- the admin ---------------------------------------------------------------------------------


def admin_url(view, *args):
    return reverse(f"admin:events_event_{view}", args=args)


def test_admin_pages_load(client_as, staff, workshop, member, django_assert_max_num_queries):
    RegistrationFactory(event=workshop, user=member, attended_at=timezone.now())
    client = client_as("staff")
    with django_assert_max_num_queries(12):
        changelist = client.get(admin_url("changelist"))
    assert changelist.status_code == 200
    row = changelist.context["cl"].result_list[0]
    assert (row.registration_total, row.attended_total) == (1, 1)
    assert client.get(admin_url("changelist"), {"q": "dakar"}).status_code == 200
    assert client.get(admin_url("add")).status_code == 200
    change = client.get(admin_url("change", workshop.pk))
    assert change.status_code == 200
    assert member.email in change.content.decode() or str(member) in change.content.decode()


def test_admin_is_for_staff_only(client_as, workshop):
    response = client_as("member").get(admin_url("changelist"))
    assert response.status_code == 302


def event_form_data(event, **changes):
    data = {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "status": event.status,
        "summary": event.summary,
        "themes": "",
        "languages": "",
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat() if event.end_date else "",
        "date_precision": event.date_precision,
        "start_time": "",
        "end_time": "",
        "time_zone": event.time_zone,
        "venue": event.venue,
        "city_name": event.city_name,
        "country": event.country.code,
        "region": "",
        "host_city": "",
        "visiting_city": "",
        "other_participants": "",
        "online_link": "",
        "capacity": event.capacity or "",
        "registration_opens_0": "",
        "registration_opens_1": "",
        "registration_closes_0": "",
        "registration_closes_1": "",
        "agenda": "",
        "report": "",
        "delegates": "",
        "cities_represented": "",
        "countries_represented": "",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "0",
    }
    data.update(changes)
    return data


def test_raising_the_capacity_promotes_the_waiting_list(client_as, db):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event, user=MemberFactory().user)
    first = RegistrationFactory(
        event=event, user=MemberFactory().user, status=RegistrationStatus.WAITLISTED
    )
    second = RegistrationFactory(
        event=event, user=MemberFactory().user, status=RegistrationStatus.WAITLISTED
    )
    data = event_form_data(event, capacity="2")
    data["registrations-TOTAL_FORMS"] = data["registrations-INITIAL_FORMS"] = "3"
    for index, registration in enumerate([seated, first, second]):
        data[f"registrations-{index}-id"] = str(registration.pk)
        data[f"registrations-{index}-event"] = str(event.pk)
    response = client_as("staff").post(admin_url("change", event.pk), data, follow=True)
    assert response.status_code == 200
    assert not (response.context.get("errors") or []), response.context.get("errors")
    event.refresh_from_db()
    assert event.capacity == 2
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses[first.pk] == RegistrationStatus.CONFIRMED
    assert statuses[second.pk] == RegistrationStatus.WAITLISTED
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("1 person on the waiting list got a seat" in message for message in shown)


def test_publish_and_cancel_actions(client_as, draft, workshop):
    client = client_as("staff")
    for action, event, status in (
        ("publish", draft, EventStatus.PUBLISHED),
        ("cancel", workshop, EventStatus.CANCELLED),
    ):
        client.post(
            admin_url("changelist"),
            {"action": action, "_selected_action": [event.pk]},
        )
        event.refresh_from_db()
        assert event.status == status


def test_an_event_known_only_to_this_month_stays_upcoming_until_the_month_ends(db):
    today = timezone.localdate()
    first_of_month = today.replace(day=1)
    event = EventFactory(
        start_date=first_of_month, end_date=None, date_precision=DatePrecision.MONTH
    )
    assert event.end_date.month == today.month and event.end_date >= today
    assert Event.objects.upcoming(today).filter(pk=event.pk).exists()
    assert not Event.objects.past(today).filter(pk=event.pk).exists()
    next_month = event.end_date + datetime.timedelta(days=1)
    assert Event.objects.past(next_month).filter(pk=event.pk).exists()
