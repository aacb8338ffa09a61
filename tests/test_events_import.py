"""`manage.py import_events`: the network's historic events from the reference CSV,
idempotently, matched to the member cities of membership/data/member_cities.csv."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.choices import DatePrecision, EventKind, EventStatus
from events.importing import NETWORK_EVENTS_CSV, import_events, name_keys
from events.models import Event
from membership.models import City
from membership.reference import load_reference_data

HEADER = (
    "kind,title,start,end,date_precision,city,country_code,participant_cities,delegates,"
    "cities_represented,countries_represented,notes\n"
)


@pytest.fixture
def cities(db):
    load_reference_data()


@pytest.fixture
def imported(cities):
    return import_events()


def csv_file(tmp_path, *rows: str):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_imports_every_row_then_changes_nothing(imported):
    assert (imported.created, imported.updated, imported.unchanged) == (16, 0, 0)
    assert imported.errors == []
    assert Event.objects.count() == 16
    assert set(Event.objects.values_list("status", flat=True)) == {EventStatus.PUBLISHED}
    again = import_events()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 16)
    assert Event.objects.count() == 16


def test_aarhus_summit_known_to_the_year_with_its_figures(imported):
    aarhus = Event.objects.get(slug="scn-global-summit-2017")
    assert aarhus.kind == EventKind.GLOBAL_SUMMIT
    assert aarhus.date_precision == DatePrecision.YEAR
    # Known only to the year: the event spans it, so it is "past" only once 2017 is over.
    assert (aarhus.start_date, aarhus.end_date) == (
        datetime.date(2017, 1, 1),
        datetime.date(2017, 12, 31),
    )
    assert (aarhus.delegates, aarhus.cities_represented, aarhus.countries_represented) == (
        476,
        170,
        47,
    )
    assert aarhus.host_city.name == "Aarhus"
    assert aarhus.region.name == "Europe"
    assert aarhus.summary == "Hosted by Aarhus Municipality"


def test_dakar_workshop_with_its_participating_cities(imported):
    dakar = Event.objects.get(slug="east-and-west-africa-regional-practitioners-workshop")
    assert dakar.kind == EventKind.REGIONAL_WORKSHOP
    assert (dakar.start_date, dakar.end_date) == (
        datetime.date(2017, 3, 9),
        datetime.date(2017, 3, 10),
    )
    assert dakar.date_precision == DatePrecision.DAY
    assert dakar.host_city.name == "Dakar" and dakar.country.code == "SN"
    assert dakar.region.name == "West Africa"
    members = set(dakar.participating_cities.values_list("name", flat=True))
    # Kousseri, Mombasa and Kiffa are member cities; the others are kept as text.
    assert {"Kousseri", "Mombasa", "Kiffa"} <= members
    others = dakar.other_participants.splitlines()
    assert "Waza Reserve" in others and "Lamu" in others
    assert not members & set(others)
    assert (dakar.delegates, dakar.cities_represented, dakar.countries_represented) == (50, 15, 10)


def test_an_exchange_records_the_visiting_and_host_cities(imported):
    exchange = Event.objects.get(slug="dakar-montreal-city-exchange")
    assert exchange.kind == EventKind.CITY_EXCHANGE
    assert exchange.host_city.name == "Montréal"
    assert exchange.visiting_city.name == "Dakar"
    assert exchange.date_precision == DatePrecision.MONTH
    assert exchange.start_date == datetime.date(2017, 10, 1)
    assert not exchange.participating_cities.exists()
    peshawar = Event.objects.get(slug="peshawar-birmingham-city-exchange")
    assert peshawar.visiting_city.name == "Peshawar"
    assert peshawar.host_city.name == "Birmingham"
    assert list(peshawar.participating_cities.values_list("name", flat=True)) == ["Luton"]


def test_names_with_alternatives_and_accents_match(imported):
    balkans = Event.objects.get(slug="western-balkans-regional-practitioners-training-workshops")
    assert balkans.host_city.name == "Peja/Pec"
    assert balkans.region.name == "Western Balkans"
    assert balkans.participating_cities.filter(name="Ulcinj").exists()
    assert name_keys("Peja/Pec") == {"peja/pec", "peja", "pec"}
    assert name_keys("Montréal") == {"montreal"}


def test_a_place_that_is_no_member_city_keeps_its_name_and_the_countrys_region(imported):
    washington = Event.objects.get(slug="scn-international-visitor-leadership-program")
    assert washington.host_city is None
    assert washington.city_name == "Washington" and washington.country.code == "US"
    assert washington.region.name == "North America"


def test_without_member_cities_the_events_still_import_and_match_later(db):
    first = import_events()
    assert first.created == 16 and first.errors == []
    assert not Event.objects.filter(host_city__isnull=False).exists()
    load_reference_data()
    second = import_events()
    assert second.updated > 0 and second.created == 0
    assert Event.objects.get(slug="scn-global-summit-2017").host_city.name == "Aarhus"
    assert import_events().unchanged == 16


def test_a_changed_row_updates_the_event_and_keeps_what_staff_set(tmp_path, cities):
    row = "global_summit,Summit,2019-05-01,2019-05-02,day,Aarhus,DK,,100,,,First"
    import_events(csv_file(tmp_path, row))
    event = Event.objects.get(slug="summit")
    event.status = EventStatus.CANCELLED
    event.capacity = 300
    event.save()
    report = import_events(csv_file(tmp_path, row.replace(",100,", ",120,")))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    event.refresh_from_db()
    assert event.delegates == 120
    assert event.status == EventStatus.CANCELLED and event.capacity == 300


def test_bad_rows_are_reported_with_their_line_and_skipped(tmp_path, db):
    path = csv_file(
        tmp_path,
        "global_summit,Good one,2019-05-01,,day,Aarhus,DK,,,,,",
        "gala_dinner,Unknown kind,2019-05-01,,day,Aarhus,DK,,,,,",
        "training,Bad date,2019-13-45,,day,Aarhus,DK,,,,,",
        "training,Backwards,2019-05-02,2019-05-01,day,Aarhus,DK,,,,,",
        "training,Bad number,2019-05-01,,day,Aarhus,DK,,many,,,",
        "training,Bad precision,2019-05-01,,week,Aarhus,DK,,,,,",
        "training,Good one,2019-06-01,,day,Aarhus,DK,,,,,",
        "training,Bad country,2019-06-01,,day,Nowhere,QQ,,,,,",
    )
    report = import_events(path)
    assert report.created == 1
    lines = [error.split(":")[0] for error in report.errors]
    assert lines == ["line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"]
    assert "unknown kind" in report.errors[0]
    assert "already has the title" in report.errors[5]
    assert Event.objects.count() == 1


def test_the_command_reports_counts_and_errors(tmp_path, cities):
    out, err = StringIO(), StringIO()
    call_command("import_events", stdout=out, stderr=err)
    assert "16 created, 0 updated, 0 unchanged, 0 skipped" in out.getvalue()
    out = StringIO()
    call_command("import_events", str(NETWORK_EVENTS_CSV), stdout=out, stderr=err)
    assert "0 created, 0 updated, 16 unchanged" in out.getvalue()
    bad = csv_file(tmp_path, "party,Party,2019-01-01,,day,Aarhus,DK,,,,,")
    call_command("import_events", str(bad), stdout=StringIO(), stderr=err)
    assert "line 2: unknown kind 'party'" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("import_events", str(tmp_path / "missing.csv"))


def test_the_shipped_csv_is_the_reference_one():
    shared = NETWORK_EVENTS_CSV.parents[3] / "shared" / "data" / "network_events.csv"
    if shared.exists():
        assert shared.read_bytes() == NETWORK_EVENTS_CSV.read_bytes()


def test_member_city_names_are_unique_enough(cities):
    # Participants carry no country: a name shared by two member cities would be guessed.
    assert City.objects.filter(name="Mombasa").count() == 1
