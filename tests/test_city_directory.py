"""The city directory (/cities/): published profiles only, text search (accents ignored),
themes combined with AND over expertise and initiatives, region and country, sorts,
pagination, odd input, query count, and who may see it."""

import datetime
import html
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from cityprofiles.filtersets import MAX_THEMES
from cityprofiles.models import CityProfile, Initiative
from membership.models import Theme
from membership.reference import load_reference_data
from tests.conftest import ROLES
from tests.factories import CityFactory, RegionFactory

URL = reverse("cityprofiles:index")


def make_theme(name: str) -> Theme:
    return Theme.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]


def make_profile(name, *, published=True, expertise=(), initiatives=(), city=None, **fields):
    """A profile of a new city called `name` (or of `city`), with its expertise themes and
    initiatives given as dicts (title, themes, and any other Initiative field)."""
    city_fields = {
        key: fields.pop(key) for key in ("country", "region", "latitude", "longitude")
        if key in fields
    }  # fmt: skip
    city = city or CityFactory(name=name, **city_fields)
    profile = CityProfile.objects.create(city=city, published=published, **fields)
    profile.expertise.set(list(expertise))
    for position, initiative in enumerate(initiatives):
        initiative = dict(initiative)
        themes = initiative.pop("themes", ())
        created = Initiative.objects.create(profile=profile, position=position, **initiative)
        created.themes.set(list(themes))
    return profile


CARD_NAME = re.compile(
    r'<li class="directory-card[^>]*>.*?<h3 class="h5 mb-1"><a [^>]*>([^<]*)</a>', re.S
)


def listed(response) -> list[str]:
    """The cities of the cards on the page, in order (read from the HTML: the results
    may come kept, drawn for an earlier request)."""
    return [html.unescape(name) for name in CARD_NAME.findall(response.content.decode())]


@pytest.fixture
def themes(db):
    return {
        "mentoring": make_theme("Mentoring"),
        "youth": make_theme("Youth engagement"),
        "risk": make_theme("Risk assessment"),
    }


@pytest.fixture
def member_client(client_as):
    return client_as("member")


# --- what is listed ---


def test_lists_published_profiles_only(member_client, db):
    make_profile("Aarhus")
    make_profile("Draftville", published=False)
    assert listed(member_client.get(URL)) == ["Aarhus"]


def test_staff_and_the_draft_s_own_editors_do_not_see_drafts_either(client_as, city_a):
    make_profile("Aarhus")
    make_profile("", city=city_a, published=False)  # editor_a's own draft
    for role in ("editor_a", "staff"):
        assert listed(client_as(role).get(URL)) == ["Aarhus"]


def test_a_card_shows_the_city_its_themes_completeness_and_links_to_the_profile(
    member_client, themes
):
    profile = make_profile(
        "Bihać", country="BA", region=RegionFactory(name="Western Balkans"),
        expertise=[themes["mentoring"]], completeness=80,
    )  # fmt: skip
    page = member_client.get(URL).content.decode()
    assert f'href="{reverse("cityprofiles:profile", args=[profile.city.slug])}"' in page
    assert "Bihać" in page and "Bosnia and Herzegovina" in page and "Western Balkans" in page
    assert "Mentoring" in page
    assert "Profile 80% complete" in page
    assert f'datetime="{profile.updated.isoformat()}"' in page
    # No photo, no thumbnail (and no request for one).
    assert reverse("cityprofiles:photo", args=[profile.city.slug]) not in page


def test_a_card_shows_the_photo_thumbnail_when_there_is_one(member_client, db):
    profile = make_profile("Aarhus", photo_description="The harbour at dawn")
    CityProfile.objects.filter(pk=profile.pk).update(photo="profiles/harbour.jpg")
    page = member_client.get(URL).content.decode()
    photo_url = reverse("cityprofiles:photo", args=[profile.city.slug])
    assert f'src="{photo_url}" alt="The harbour at dawn"' in page


def test_the_empty_directory_says_so(member_client, db):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert "No city profiles have been published yet." in response.content.decode()


# --- themes: AND, over expertise and initiatives ---


@pytest.fixture
def theme_network(themes):
    """Both themes as expertise (Aarhus); one only (Mombasa); one as expertise and the
    other on an initiative (Montréal); both on initiatives only (Dakar)."""
    mentoring, youth, risk = themes["mentoring"], themes["youth"], themes["risk"]
    make_profile(
        "Aarhus", expertise=[mentoring, youth],
        initiatives=[{"title": "Risk model", "themes": [risk]}],
    )  # fmt: skip
    make_profile("Mombasa", expertise=[mentoring])
    make_profile(
        "Montréal", expertise=[youth],
        initiatives=[
            {"title": "Mentors for young people", "themes": [mentoring], "start_year": 2016},
            {"title": "Early warning", "themes": [risk]},
        ],
    )  # fmt: skip
    make_profile(
        "Dakar",
        initiatives=[
            {"title": "Youth councils", "themes": [youth]},
            {"title": "Peer mentoring", "themes": [mentoring, youth]},
        ],
    )
    make_profile("Draftville", published=False, expertise=[mentoring, youth])
    return themes


def test_one_theme_lists_the_cities_working_on_it(member_client, theme_network):
    response = member_client.get(URL, {"theme": "mentoring"})
    assert listed(response) == ["Aarhus", "Dakar", "Mombasa", "Montréal"]


def test_several_themes_list_only_the_cities_working_on_all_of_them(member_client, theme_network):
    response = member_client.get(URL, {"theme": ["mentoring", "youth-engagement"]})
    # Mombasa has mentoring only: left out. A theme counts whether it is an area of
    # expertise or on an initiative (Montréal, Dakar).
    assert listed(response) == ["Aarhus", "Dakar", "Montréal"]


def test_three_themes(member_client, theme_network):
    response = member_client.get(
        URL, {"theme": ["mentoring", "youth-engagement", "risk-assessment"]}
    )
    assert listed(response) == ["Aarhus", "Montréal"]


def test_the_initiatives_on_the_selected_themes_are_shown_under_each_city(
    member_client, theme_network
):
    response = member_client.get(URL, {"theme": ["mentoring", "youth-engagement"]})
    initiatives = {
        profile.city.name: [initiative.title for initiative in profile.matching_initiatives]
        for profile in response.context["profiles"]
    }
    # Initiatives tagged with any of the selected themes; Aarhus's risk model is not one.
    assert initiatives == {
        "Aarhus": [],
        "Dakar": ["Youth councils", "Peer mentoring"],
        "Montréal": ["Mentors for young people"],
    }
    page = response.content.decode()
    assert "Initiatives on these themes" in page
    assert "Mentors for young people" in page and "since 2016" in page
    assert "Early warning" not in page and "Risk model" not in page


def test_without_a_theme_no_initiatives_are_listed(member_client, theme_network):
    page = member_client.get(URL).content.decode()
    assert "Mentors for young people" not in page


# --- text search ---


def test_search_ignores_accents_and_case(member_client, db):
    make_profile("Bihać", country="BA")
    make_profile("Aarhus")
    for query in ("bihac", "BIHAĆ", "Bihać", "biha"):
        assert listed(member_client.get(URL, {"q": query})) == ["Bihać"], query


def test_search_finds_words_in_the_profile_texts_and_initiatives(member_client, themes):
    make_profile("Aarhus", challenges="Young people drawn to extremist groups")
    make_profile("Mombasa", approach="Community dialogue with religious leaders")
    make_profile(
        "Montréal",
        initiatives=[{"title": "Centre de prévention", "description": "Accompagnement",
                      "partners": "Université de Montréal"}],
    )  # fmt: skip
    make_profile("Dakar", expertise=[themes["mentoring"]])
    assert listed(member_client.get(URL, {"q": "extremist"})) == ["Aarhus"]
    assert listed(member_client.get(URL, {"q": "dialogue"})) == ["Mombasa"]
    assert listed(member_client.get(URL, {"q": "prevention"})) == ["Montréal"]
    assert listed(member_client.get(URL, {"q": "accompagnement"})) == ["Montréal"]
    assert listed(member_client.get(URL, {"q": "universite"})) == ["Montréal"]
    # A theme's name finds the cities working on it.
    assert listed(member_client.get(URL, {"q": "mentoring"})) == ["Dakar"]


def test_every_word_must_occur_but_not_in_the_same_field(member_client, db):
    make_profile("Aarhus", challenges="radicalisation", approach="mentors")
    make_profile("Mombasa", challenges="radicalisation")
    assert listed(member_client.get(URL, {"q": "radicalisation mentors"})) == ["Aarhus"]
    assert listed(member_client.get(URL, {"q": "aarhus mentors"})) == ["Aarhus"]


def test_search_shows_the_initiatives_matching_the_text(member_client, db):
    make_profile(
        "Montréal",
        initiatives=[{"title": "Centre de prévention"}, {"title": "Summer camps"}],
    )
    response = member_client.get(URL, {"q": "prevention"})
    profile = response.context["profiles"][0]
    assert [initiative.title for initiative in profile.matching_initiatives] == [
        "Centre de prévention"
    ]
    assert "Initiatives matching the search" in response.content.decode()


def test_search_combines_with_themes(member_client, theme_network):
    response = member_client.get(URL, {"q": "dakar", "theme": "mentoring"})
    assert listed(response) == ["Dakar"]
    profile = response.context["profiles"][0]
    assert [i.title for i in profile.matching_initiatives] == ["Peer mentoring"]


# --- region, country ---


def test_filters_by_region(member_client, db):
    balkans = RegionFactory(name="Western Balkans")
    make_profile("Bihać", country="BA", region=balkans)
    make_profile("Prishtina", country="XK", region=balkans)
    make_profile("Aarhus", region=RegionFactory(name="Europe"))
    assert listed(member_client.get(URL, {"region": "western-balkans"})) == ["Bihać", "Prishtina"]


def test_filters_by_country_kosovo_included(member_client, db):
    make_profile("Prishtina", country="XK")
    make_profile("Bihać", country="BA")
    response = member_client.get(URL, {"country": "XK"})
    assert listed(response) == ["Prishtina"]
    assert '<option value="XK" selected>Kosovo</option>' in response.content.decode()


def test_region_and_country_combine(member_client, db):
    balkans = RegionFactory(name="Western Balkans")
    make_profile("Bihać", country="BA", region=balkans)
    make_profile("Prishtina", country="XK", region=balkans)
    make_profile("Ferizaj", country="XK", region=RegionFactory(name="Europe"))
    response = member_client.get(URL, {"region": "western-balkans", "country": "XK"})
    assert listed(response) == ["Prishtina"]


# --- sorting and pages ---


@pytest.fixture
def sortable(db):
    now = timezone.now()
    for name, completeness, days_ago in [("Cali", 40, 3), ("Aarhus", 90, 10), ("Beirut", 90, 1)]:
        profile = make_profile(name, completeness=completeness)
        CityProfile.objects.filter(pk=profile.pk).update(
            updated=now - datetime.timedelta(days=days_ago)
        )


@pytest.mark.parametrize(
    "sort, expected",
    [
        (None, ["Aarhus", "Beirut", "Cali"]),
        ("name", ["Aarhus", "Beirut", "Cali"]),
        ("updated", ["Beirut", "Cali", "Aarhus"]),
        # Equally complete profiles by name.
        ("completeness", ["Aarhus", "Beirut", "Cali"]),
    ],
)
def test_sort_orders(member_client, sortable, sort, expected):
    params = {"sort": sort} if sort else {}
    assert listed(member_client.get(URL, params)) == expected


def test_completeness_sorts_most_complete_first(member_client, db):
    make_profile("Aarhus", completeness=20)
    make_profile("Beirut", completeness=100)
    assert listed(member_client.get(URL, {"sort": "completeness"})) == ["Beirut", "Aarhus"]


def test_pages_of_24_keep_the_filters(member_client, db):
    for number in range(30):
        make_profile(f"City {number:02}", challenges="youth")
    first = member_client.get(URL, {"q": "youth"})
    assert len(first.context["profiles"]) == 24
    page = first.content.decode()
    assert "30 city profiles" in page
    assert 'href="?q=youth&amp;page=2"' in page
    second = member_client.get(URL, {"q": "youth", "page": 2})
    assert listed(second) == [f"City {number:02}" for number in range(24, 30)]


@pytest.mark.parametrize("page", ["99", "abc", "-1", "\x00"])
def test_a_page_that_does_not_exist_is_not_found(member_client, db, page):
    make_profile("Aarhus")
    assert member_client.get(URL, {"page": page}).status_code == 404


# --- odd input ---


def test_an_unknown_theme_lists_nothing_and_says_why(member_client, theme_network):
    response = member_client.get(URL, {"theme": ["mentoring", "atlantis"]})
    assert response.status_code == 200
    assert listed(response) == []
    page = response.content.decode()
    assert "Unknown theme: “atlantis”." in page
    # The known theme stays ticked, so that the reader can change the search.
    assert 'value="mentoring" class="form-check-input" id="id_theme_' in page


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "not a slug!"},
        {"theme": "a\x00b"},
        {"theme": "x" * 5000},
        {"theme": [f"theme-{n}" for n in range(MAX_THEMES + 1)]},
        {"region": "atlantis"},
        {"region": "a\x00b"},
        {"country": "ZZ"},
        {"country": "a\x00b"},
        {"sort": "price"},
        {"q": "\x00"},
        {"q": "%"},
        {"q": "_"},
        {"q": "' OR 1=1 --"},
        {"q": "ب" * 500},
        {"q": "word " * 100},
    ],
)
def test_odd_input_never_breaks_the_page(member_client, theme_network, params):
    response = member_client.get(URL, params)
    assert response.status_code == 200


@pytest.mark.parametrize("params", [{"region": "atlantis"}, {"country": "ZZ"}, {"sort": "x"}])
def test_an_unusable_filter_is_explained(member_client, theme_network, params):
    response = member_client.get(URL, params)
    assert "Part of this search could not be used" in response.content.decode()
    assert response.context["filterset"].errors


def test_control_characters_in_the_search_are_ignored(member_client, db):
    make_profile("Bihać", country="BA")
    # A control character separates words, as a space does.
    assert listed(member_client.get(URL, {"q": "bihac\x00zz"})) == []
    assert listed(member_client.get(URL, {"q": "\x07bihac\x00"})) == ["Bihać"]


def test_percent_and_underscore_are_searched_literally(member_client, db):
    make_profile("Aarhus", challenges="100% of schools")
    make_profile("Beirut")
    assert listed(member_client.get(URL, {"q": "%"})) == ["Aarhus"]
    assert listed(member_client.get(URL, {"q": "_"})) == []


# --- queries ---


# session, user, the filter form's choices and checks, the kept map and results
DIRECTORY_QUERIES = 9
# the first view after a change: + the new generation, the profiles found, the page's
# profiles with their themes and initiatives, and the three kept values written (each
# write one statement, in a savepoint here: the test runs in a transaction)
DIRECTORY_QUERIES_COLD = 25


def _network_of(count: int, themes) -> None:
    mentoring, youth = themes["mentoring"], themes["youth"]
    region = RegionFactory(name="Europe")
    for number in range(CityProfile.objects.count(), count):
        make_profile(
            f"City {number:02}", region=region, expertise=[mentoring, youth],
            latitude=50 + number / 10, longitude=number,
            initiatives=[{"title": f"Mentoring {number}", "themes": [mentoring, youth]},
                         {"title": f"Youth {number}", "themes": [youth]}],
        )  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [{}, {"theme": ["mentoring", "youth-engagement"]}, {"q": "mentoring"},
     {"q": "city", "theme": "mentoring", "region": "europe", "country": "DK", "sort": "updated"}],
)  # fmt: skip
def test_query_count_does_not_grow_with_the_number_of_profiles(
    member_client, themes, django_assert_max_num_queries, params
):
    _network_of(3, themes)
    # The first view after a change draws the map and the results again and keeps them.
    with django_assert_max_num_queries(DIRECTORY_QUERIES_COLD) as few:
        response = member_client.get(URL, params)
    assert len(response.context["profiles"]) == 3
    _network_of(30, themes)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = member_client.get(URL, params)
    assert len(response.context["profiles"]) == 24
    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        again = member_client.get(URL, params)
    drawn = response.content.decode().count('class="city-map-dot')
    assert again.content.decode().count('class="city-map-dot') == drawn >= 30


# --- who may see it ---


def expected(role: str) -> tuple[int, str | None]:
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    return 200, None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("params", [{}, {"q": "aarhus", "theme": "mentoring"}])
def test_permission_matrix(client_as, themes, role, params):
    make_profile("Aarhus", expertise=[themes["mentoring"]])
    status, target = expected(role)
    response = client_as(role).get(URL, params)
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target
    else:
        assert listed(response) == ["Aarhus"]


def test_themes_and_regions_are_listed_in_the_order_of_their_names_in_the_language(
    client_as, settings
):
    load_reference_data()
    client = client_as("member")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(URL).content.decode()
    themes = re.findall(r'<label class="form-check-label" for="id_theme_\d+">([^<]+)</label>', page)
    assert themes[:3] == [
        "Contre-discours et communication stratégique",
        "Crimes et discours de haine",
        "Déradicalisation, désengagement, réhabilitation et réintégration",
    ]
    assert themes.index("Éducation et écoles") < themes.index("Engagement des jeunes")
    assert themes.index("Réseaux de prévention (multi-agences)") < themes.index(
        "Responsables religieux et communautaires"
    )
    region_menu = page[
        page.index('id="id_region"') : page.index("</select>", page.index('id="id_region"'))
    ]
    regions = re.findall(r'<option value="[a-z-]+">([^<]+)</option>', region_menu)
    assert (
        regions[0] == "Afrique de l&#x27;Est" and regions[-1] == "Moyen-Orient et Afrique du Nord"
    )
