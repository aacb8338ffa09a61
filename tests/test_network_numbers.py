"""The network in numbers (/numbers/): every figure and chart computed from the records,
the permission matrix, and a number of queries that does not grow with the data."""

import datetime
import itertools
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events import figures as event_figures
from events.choices import EventKind, EventStatus
from library.choices import DocumentStatus, DocumentType, FileKind
from library.models import Document
from membership.choices import CityStatus, MemberStatus
from scn_portal.numbers import network_numbers
from tests.conftest import ROLES
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import CityFactory, MemberFactory, RegionFactory, UserFactory
from tests.training_factories import EnrolmentFactory, ModuleFactory

NUMBERS = reverse("numbers")
_numbers = itertools.count(1)


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


def make_document(*, status=DocumentStatus.PUBLISHED, year=None, downloads=0, published=None):
    """A library document row without a file on disk (the figures never open it)."""
    number = next(_numbers)
    return Document.objects.create(
        title=f"Evaluation report {number}",
        document_type=DocumentType.LOCAL_ACTION_PLAN,
        file=f"library/numbers-test-{number}.pdf",
        file_kind=FileKind.PDF,
        file_size=1000,
        checksum=f"{number:064x}",
        status=status,
        year_published=year,
        published_at=published or (timezone.now() if status == DocumentStatus.PUBLISHED else None),
        download_count=downloads,
    )


def held_event(start: datetime.date, **fields):
    return EventFactory(start_date=start, end_date=start + datetime.timedelta(days=1), **fields)


@pytest.fixture
def network(db):
    """A small network:

    cities     Europe: 2 in DK, 1 in NO (active), 1 applicant (FR); East Africa: 1 in KE
               (active), 1 suspended (US)      -> 4 member cities, 3 countries
    members    2 approved in A, 1 approved in KE; pending, rejected, and approved of the
               suspended city do not count     -> 3 practitioners with access
    events     2017 workshop (Europe, 50 published), 2017 summit (no region, 120),
               2024 workshop (East Africa, no figure, 3 checked in of 4 confirmed),
               2025 webinar (nothing): held. A cancelled, a draft and an upcoming event
               (with figures and check-ins) do not count -> 4 events, 173 delegates
    training   u1 completed in 2024 and in 2025, u2 in 2025, u3 has not finished
               -> 2 trained; 1 in 2024, 2 in 2025
    library    published: 2019 (5 downloads), 2019 (1), unknown year published in the
               library in 2025 (7); pending (100) does not count -> 3 documents, 13 downloads
    """
    europe = RegionFactory(name="Europe", name_fr="Europe", name_ar="أوروبا")
    africa = RegionFactory(name="East Africa", name_fr="Afrique de l'Est", name_ar="شرق أفريقيا")
    aarhus = CityFactory(region=europe, country="DK")
    CityFactory(region=europe, country="DK")
    oslo = CityFactory(region=europe, country="NO")
    CityFactory(region=europe, country="FR", status=CityStatus.APPLICANT)
    mombasa = CityFactory(region=africa, country="KE")
    suspended = CityFactory(region=africa, country="US", status=CityStatus.SUSPENDED)

    practitioners = [MemberFactory(city=aarhus).user for _ in range(2)]
    practitioners.append(MemberFactory(city=mombasa).user)
    MemberFactory(city=oslo, approved=False)
    MemberFactory(city=oslo, status=MemberStatus.REJECTED)
    MemberFactory(city=suspended)

    held_event(datetime.date(2017, 3, 9), region=europe, delegates=50)
    held_event(datetime.date(2017, 10, 1), kind=EventKind.GLOBAL_SUMMIT, delegates=120)
    workshop = held_event(datetime.date(2024, 5, 1), region=africa)
    for user in practitioners:
        RegistrationFactory(event=workshop, user=user, attended_at=moment(2024, 5, 1))
    RegistrationFactory(event=workshop, user=UserFactory())  # confirmed, did not come
    held_event(datetime.date(2025, 9, 1), kind=EventKind.WEBINAR)
    held_event(datetime.date(2024, 6, 1), region=europe, delegates=30,
               status=EventStatus.CANCELLED)  # fmt: skip
    held_event(datetime.date(2025, 2, 1), region=europe, delegates=10, status=EventStatus.DRAFT)
    upcoming = EventFactory(region=europe, delegates=99)
    RegistrationFactory(event=upcoming, user=practitioners[0], attended_at=timezone.now())

    u1, u2, u3 = UserFactory(), UserFactory(), UserFactory()
    first, second = ModuleFactory(), ModuleFactory()
    EnrolmentFactory(user=u1, module=first, completed_at=moment(2024, 2, 1))
    EnrolmentFactory(user=u1, module=second, completed_at=moment(2025, 3, 1))
    EnrolmentFactory(user=u2, module=first, completed_at=moment(2025, 5, 1))
    EnrolmentFactory(user=u3, module=first)

    make_document(year=2019, downloads=5)
    make_document(year=2019, downloads=1)
    make_document(year=None, downloads=7, published=moment(2025, 4, 1))
    make_document(status=DocumentStatus.PENDING, year=2020, downloads=100)
    return {"europe": europe, "africa": africa}


def rows(numbers, key):
    return [(row.label, row.value) for row in numbers.chart(key).rows]


def test_headline_figures_are_computed_from_the_records(network):
    numbers = network_numbers()

    assert {headline.key: headline.value for headline in numbers.headlines} == {
        "cities": 4,
        "countries": 3,
        "practitioners": 3,
        "events": 4,
        "delegates": 50 + 120 + 3 + 0,
        "trained": 2,
        "documents": 3,
        "downloads": 13,
    }


def test_events_and_delegates_by_year_fill_the_years_between(network):
    numbers = network_numbers()

    years = [str(year) for year in range(2017, 2026)]
    events = dict.fromkeys(years, 0) | {"2017": 2, "2024": 1, "2025": 1}
    delegates = dict.fromkeys(years, 0) | {"2017": 170, "2024": 3}
    assert rows(numbers, "events-by-year") == list(events.items())
    assert rows(numbers, "delegates-by-year") == list(delegates.items())


def test_regional_charts_count_member_cities_and_events_per_region(network):
    numbers = network_numbers()

    assert rows(numbers, "cities-by-region") == [("Europe", 3), ("East Africa", 1)]
    assert rows(numbers, "events-by-region") == [
        ("East Africa", 1),
        ("Europe", 1),
        ("No region given", 2),
    ]
    with translation.override("ar"):
        assert rows(network_numbers(), "cities-by-region") == [("أوروبا", 3), ("شرق أفريقيا", 1)]


def test_training_and_library_charts(network):
    numbers = network_numbers()

    assert rows(numbers, "trained-by-year") == [("2024", 1), ("2025", 2)]
    documents = {str(year): 0 for year in range(2019, 2026)} | {"2019": 2, "2025": 1}
    assert rows(numbers, "documents-by-year") == list(documents.items())


def test_a_published_delegates_figure_wins_over_the_check_ins(network):
    # The 2017 workshop's published 50 stays, even with members checked in there.
    workshop = network["europe"].events.get(start_date=datetime.date(2017, 3, 9))
    RegistrationFactory(event=workshop, user=UserFactory(), attended_at=moment(2017, 3, 9))

    assert event_figures.totals().delegates == 173
    assert event_figures.by_year()[2017].delegates == 170


def test_an_event_counts_once_it_is_over(network):
    today = timezone.localdate()
    event = EventFactory(start_date=today, end_date=today, delegates=5)
    assert event_figures.totals(today).events == 4

    tomorrow = today + datetime.timedelta(days=1)
    assert event_figures.totals(tomorrow).events == 5
    assert event_figures.totals(tomorrow).delegates == 173 + 5
    event.status = EventStatus.CANCELLED
    event.save()
    assert event_figures.totals(tomorrow).events == 4


def test_event_figures_by_region_and_totals_agree(network):
    totals = event_figures.totals()
    by_region = event_figures.by_region()

    assert totals == event_figures.EventFigures(events=4, delegates=173)
    assert sum(row.events for row in by_region) == totals.events
    assert sum(row.delegates for row in by_region) == totals.delegates
    assert by_region[-1].region_id is None


def test_an_empty_network_has_zeros_and_no_charts(db):
    numbers = network_numbers()

    assert all(headline.value == 0 for headline in numbers.headlines)
    for chart in numbers.charts:
        assert chart.rows == []
        assert "<svg" not in chart.svg


def test_the_page_shows_the_figures_charts_and_tables(client_as, network):
    page = client_as("member").get(NUMBERS).content.decode()

    assert 'data-figure="delegates"' in page
    assert ">173<" in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart') == 6
    assert page.count("<details") == 6
    assert '<th scope="row" class="fw-normal">East Africa</th>' in page
    assert "style=" not in page.split("<main", 1)[1]
    # The Network area's navigation leads here, and marks this page as the current one.
    assert f'href="{NUMBERS}" aria-current="page"' in page


def test_the_network_pages_link_to_the_numbers(client_as):
    page = client_as("member").get(reverse("membership:index")).content.decode()

    assert f'href="{NUMBERS}"' in page


def test_the_page_speaks_arabic(client_as, network):
    client = client_as("member")
    client.cookies["django_language"] = "ar"
    page = client.get(NUMBERS, headers={"accept-language": "ar"}).content.decode()

    assert 'dir="rtl"' in page
    assert 'data-rtl="true"' in page
    assert "شرق أفريقيا" in page


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client_as, role):
    response = client_as(role).get(NUMBERS)

    if role == "anonymous":
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("account_login")
    elif role == "applicant":
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("membership:application_status")
    else:
        assert response.status_code == 200


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(NUMBERS).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_data(client_as, network, django_assert_max_num_queries):
    client = client_as("editor_a")
    before = count_queries(client)

    # Twice as much of everything, in new regions and years.
    region = RegionFactory(name="Asia-Pacific")
    for year in (2019, 2021, 2022):
        city = CityFactory(region=region, country="AU")
        users = [MemberFactory(city=city).user for _ in range(3)]
        event = held_event(datetime.date(year, 6, 1), region=region)
        for user in users:
            RegistrationFactory(event=event, user=user, attended_at=moment(year, 6, 1))
            EnrolmentFactory(user=user, completed_at=moment(year, 7, 1))
        make_document(year=year - 10, downloads=3)

    assert count_queries(client) == before
    # session, user with member and city, the page's eight aggregate queries
    with django_assert_max_num_queries(10):
        client.get(NUMBERS)
