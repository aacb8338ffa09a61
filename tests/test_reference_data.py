"""The member cities, regions and themes loaded from the network's reference list."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import translation

from membership.choices import CityStatus
from membership.models import AdvisoryGroup, City, Region, SteeringCommitteeSeat, Theme
from membership.reference import load_reference_data


@pytest.fixture
def loaded(db):
    return load_reference_data()


def counts():
    return City.objects.count(), Region.objects.count(), Theme.objects.count()


def test_import_loads_126_active_cities_25_on_the_steering_committee(loaded):
    assert City.objects.count() == 126
    assert City.objects.filter(status=CityStatus.ACTIVE).count() == 126
    # The 2019 list: 25 seats, all in that year, none of them still running.
    seats = SteeringCommitteeSeat.objects.all()
    assert seats.count() == 25
    assert seats.active_on(datetime.date(2019, 6, 1)).count() == 25
    assert not seats.current().exists()
    assert AdvisoryGroup.objects.count() == 9
    assert Region.objects.count() == 9
    assert Theme.objects.count() == 18


def test_kosovo_is_a_country_with_its_name_translated(loaded):
    prishtina = City.objects.get(name="Prishtina")
    assert prishtina.country.code == "XK"
    assert prishtina.country.name == "Kosovo"
    with translation.override("ar"):
        assert str(prishtina.country.name) == "كوسوفو"
    assert City.objects.filter(country="XK").count() == 13


def test_older_country_names_map_to_current_ones(loaded):
    assert City.objects.get(name="Ohrid").country.name == "North Macedonia"


def test_names_with_diacritics_slashes_and_brackets_are_kept_exactly(loaded):
    for name in ("Bihać", "Peja/Pec", "Meri/Diamaré", "Cair (Skopje)", "Montréal", "Gračanica"):
        city = City.objects.get(name=name)
        assert city.slug.isascii() and "/" not in city.slug


def test_every_city_has_coordinates_on_earth(loaded):
    assert not City.objects.filter(latitude__isnull=True).exists()
    assert not City.objects.filter(longitude__isnull=True).exists()
    mombasa = City.objects.get(name="Mombasa")
    assert -5 < mombasa.latitude < -3 and 39 < mombasa.longitude < 40


def test_importing_twice_duplicates_nothing(loaded):
    before = counts()
    second = load_reference_data()
    assert counts() == before
    assert second.created == {}
    assert second.existing == {
        "regions": 9, "themes": 18, "cities": 126, "steering committee seats": 25,
        "advisory groups": 9,
    }  # fmt: skip


def test_importing_again_keeps_what_staff_changed(loaded):
    City.objects.filter(name="Aarhus").update(status=CityStatus.SUSPENDED)
    Region.objects.filter(name="Europe").update(name_fr="Europe (modifié)")
    load_reference_data()
    assert City.objects.get(name="Aarhus").status == CityStatus.SUSPENDED
    assert Region.objects.get(name="Europe").name_fr == "Europe (modifié)"


def test_regions_and_themes_have_french_and_arabic_names(loaded):
    assert not Region.objects.filter(name_fr="").exists()
    assert not Theme.objects.filter(name_ar="").exists()
    youth = Theme.objects.get(name="Youth engagement")
    with translation.override("fr"):
        assert youth.localized_name == "Engagement des jeunes"
    with translation.override("ar"):
        assert str(youth) == "إشراك الشباب"


def test_command_reports_what_it_created(db, capsys):
    call_command("load_reference_data")
    call_command("load_reference_data")
    output = capsys.readouterr().out
    assert "cities: 126 created, 0 already present" in output
    assert "cities: 0 created, 126 already present" in output
