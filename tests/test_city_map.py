"""The world map of the city directory: TopoJSON decoding, the projection, the SVG path data,
one dot per member city at its place, region colours and the legend."""

import re
from decimal import Decimal
from itertools import pairwise

import pytest
from django.urls import reverse
from django.utils import translation

from cityprofiles import map as city_map_module
from cityprofiles.map import (
    EXTRA_REGION_COLOURS,
    MAP_HEIGHT,
    MAP_MARGIN,
    MAP_WIDTH,
    REGION_COLOURS,
    cut_at_antimeridian,
    decode_arcs,
    geometry_polygons,
    land_path,
    land_polygons,
    land_rings,
    member_city_map,
    outline_path,
    project,
    region_colours,
    ring_path,
)
from cityprofiles.models import CityProfile
from membership.choices import CityStatus
from membership.models import City, Region
from membership.reference import MEMBER_CITIES_CSV, load_reference_data, read_member_cities
from tests.factories import CityFactory, RegionFactory

URL = reverse("cityprofiles:index")
REFERENCE_CITIES = read_member_cities(MEMBER_CITIES_CSV)


@pytest.fixture
def network(db):
    load_reference_data()


# --- TopoJSON ---

# The example of the TopoJSON specification, quantized: two polygons sharing an arc.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "arcs": [[[~1, 2]], [[3]]]},
                {"type": "LineString", "arcs": [0]},
            ],
        }
    },
    "arcs": [
        [[0, 0], [2, 0], [0, 4]],  # (0,0) -> (2,0) -> (2,4), deltas after the first
        [[2, 4], [-2, 0], [0, -4]],  # (2,4) -> (0,4) -> (0,0)
        [[2, 4], [-2, 4], [0, -8]],  # (2,4) -> (0,8) -> (0,0)
        [[10, 10], [1, 0], [0, 1], [-1, -1]],
    ],
}


def test_arcs_are_decoded_from_deltas_and_scaled():
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [(10, 20), (11, 20), (11, 21)]
    assert arcs[1] == [(11, 21), (10, 21), (10, 20)]


def test_arcs_of_an_unquantized_topology_are_taken_as_they_are():
    topology = {"arcs": [[[1.5, 2.5], [3.5, 4.5]]]}
    assert decode_arcs(topology) == [[(1.5, 2.5), (3.5, 4.5)]]


def test_rings_stitch_arcs_and_walk_negative_indexes_backwards():
    arcs = decode_arcs(TOPOLOGY)
    polygons = geometry_polygons(TOPOLOGY["objects"]["shapes"], arcs)
    assert len(polygons) == 3  # one Polygon, a MultiPolygon of two; the line is no polygon
    # Arc 0 then arc 1, their shared point once: a closed ring of five points.
    assert polygons[0] == [[(10, 20), (11, 20), (11, 21), (10, 21), (10, 20)]]
    # ~1 is arc 1 walked backwards, then arc 2 closes the ring.
    assert polygons[1] == [[(10, 20), (10, 21), (11, 21), (10, 22), (10, 20)]]
    assert polygons[2] == [[(15, 22.5), (15.5, 22.5), (15.5, 22.75), (15, 22.5)]]


def test_the_land_of_natural_earth_110m():
    polygons = land_polygons()
    # world-atlas 2.0.2's land-110m: one MultiPolygon of 125 polygons, one of them with a
    # hole (the Caspian Sea), 5,129 positions in 130 arcs.
    assert len(polygons) == 125
    assert sum(len(polygon) for polygon in polygons) == 126
    for polygon in polygons:
        for ring in polygon:
            assert len(ring) >= 4
            assert ring[0] == ring[-1], "every ring is closed"
            for longitude, latitude in ring:
                assert -180 <= longitude <= 180 and -90 <= latitude <= 90


def test_the_hole_is_inside_eurasia():
    with_hole = [polygon for polygon in land_polygons() if len(polygon) > 1]
    assert len(with_hole) == 1
    hole = with_hole[0][1]
    longitudes = [longitude for longitude, _latitude in hole]
    latitudes = [latitude for _longitude, latitude in hole]
    # The Caspian Sea: between 46° and 55° east, 36° and 48° north.
    assert min(longitudes) > 45 and max(longitudes) < 56
    assert min(latitudes) > 35 and max(latitudes) < 48


# --- projection and path data ---


def test_the_projection_fills_the_map_inside_its_margin():
    assert project(0, 0) == pytest.approx((MAP_WIDTH / 2, MAP_HEIGHT / 2), abs=0.5)
    assert project(-180, 0)[0] == pytest.approx(MAP_MARGIN)
    assert project(180, 0)[0] == pytest.approx(MAP_WIDTH - MAP_MARGIN)
    assert project(0, 90)[1] == pytest.approx(MAP_MARGIN)
    assert project(0, -90)[1] == pytest.approx(MAP_HEIGHT - MAP_MARGIN, abs=1)
    # Natural Earth: about half as tall as wide, meridians curving towards the poles.
    assert 0.5 < MAP_HEIGHT / MAP_WIDTH < 0.55
    assert project(180, 60)[0] < project(180, 0)[0]


TOKEN = re.compile(r"[Mlz]|-?(?:\d+\.?\d*|\.\d+)")


def subpaths(path: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each subpath of path data made of M, l and z commands."""
    result, command, numbers = [], None, []
    x = y = 0.0
    for token in [*TOKEN.findall(path), "M"]:
        if token in "Mlz":
            if command == "M":
                x, y = numbers
                result.append([(x, y)])
            elif command == "l":
                assert len(numbers) % 2 == 0
                for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
                    x, y = x + dx, y + dy
                    result[-1].append((x, y))
            elif command == "z":
                result[-1].append(result[-1][0])
            command, numbers = token, []
        else:
            numbers.append(float(token))
    return result


def test_ring_paths_are_relative_and_do_not_drift():
    points = [(0.04, 0.0), (10.26, 0.04), (10.24, 20.16), (0.04, 0.0)]
    path = ring_path(points)
    assert path == "M0 0l10.3 0-.1 20.2z"
    assert subpaths(path)[0][:3] == [(0, 0), (10.3, 0), pytest.approx((10.2, 20.2))]


def test_the_land_path_is_closed_rings_inside_the_view_box():
    path = land_path()
    rings = subpaths(path)
    # 126 rings, of which Fiji's and Eurasia's are cut in two at the antimeridian.
    assert len(rings) == len(land_rings()) == 128
    assert path.count("M") == path.count("z") == 128
    assert path.endswith("z")
    for ring in rings:
        assert ring[0] == pytest.approx(ring[-1])
        for x, y in ring:
            assert 0 <= x <= MAP_WIDTH and 0 <= y <= MAP_HEIGHT


def test_no_coast_runs_across_the_map():
    """Only the pole line (a straight line in the Natural Earth projection) closing
    Antarctica goes from one side of the map to the other."""
    for ring in land_rings():
        for (start, start_latitude), (end, end_latitude) in pairwise(ring):
            if start_latitude == end_latitude == -90:
                continue
            assert abs(end - start) < 20


def test_a_ring_across_the_antimeridian_is_cut_in_two():
    square = [(170, 10), (-170, 10), (-170, 20), (170, 20), (170, 10)]
    east, west = sorted(cut_at_antimeridian(square), key=lambda piece: -piece[0][0])
    assert {(170, 10), (180, 10), (180, 20), (170, 20)} <= set(east)
    assert {(-180, 10), (-170, 10), (-170, 20), (-180, 20)} <= set(west)
    assert all(170 <= lon <= 180 for lon, _lat in east)
    assert all(-180 <= lon <= -170 for lon, _lat in west)
    # Along the map's edge, a point every degree (the meridian is a curve there).
    assert len([point for point in east if point[0] == 180]) == 11
    assert east[0] == east[-1] and west[0] == west[-1]


def test_a_ring_that_does_not_cross_is_kept_as_it_is():
    ring = [(0, 0), (10, 0), (10, 10), (0, 0)]
    assert cut_at_antimeridian(ring) == [ring]


def test_antarctica_is_closed_through_the_south_pole():
    antarctica = min(land_rings(), key=lambda ring: min(lat for _lon, lat in ring))
    assert (-180, -90) in antarctica and (180, -90) in antarctica
    assert min(lon for lon, _lat in antarctica) == -180
    assert max(lon for lon, _lat in antarctica) == 180


def test_the_world_outline_is_inside_the_view_box():
    (outline,) = subpaths(outline_path())
    for x, y in outline:
        assert MAP_MARGIN - 0.1 <= x <= MAP_WIDTH - MAP_MARGIN + 0.1
        assert MAP_MARGIN - 0.1 <= y <= MAP_HEIGHT - MAP_MARGIN + 0.1


def test_the_land_is_built_once_per_process():
    assert land_path() is land_path()
    assert city_map_module.land_path.cache_info().hits >= 1


# --- the member cities ---


def test_every_reference_city_has_one_dot_at_its_place(network):
    city_map = member_city_map()
    assert len(REFERENCE_CITIES) == 126
    assert len(city_map.dots) == 126
    dots = {dot.slug: dot for dot in city_map.dots}
    assert len(dots) == 126
    for city in City.objects.all():
        x, y = project(float(city.longitude), float(city.latitude))
        dot = dots[city.slug]
        assert (dot.x, dot.y) == (pytest.approx(x, abs=0.05), pytest.approx(y, abs=0.05))
        assert 0 < dot.x < MAP_WIDTH and 0 < dot.y < MAP_HEIGHT


def test_known_cities_are_where_they_should_be(network):
    dots = {dot.title.split(",")[0]: dot for dot in member_city_map().dots}
    aarhus, mombasa, montreal = dots["Aarhus"], dots["Mombasa"], dots["Montréal"]
    victoria, buenos_aires = dots["Victoria"], dots["Buenos Aires"]
    # Aarhus (56°N 10°E) is north-west of Mombasa (4°S 40°E); Montréal (74°W) is west of
    # both; Victoria (Australia) is south-east of Mombasa; Buenos Aires is south of the
    # equator, Montréal north of it.
    assert aarhus.y < mombasa.y and aarhus.x < mombasa.x
    assert montreal.x < aarhus.x and montreal.x < mombasa.x
    assert victoria.x > mombasa.x and victoria.y > mombasa.y
    assert buenos_aires.y > project(0, 0)[1] > montreal.y
    # Longitude 0 is the middle of the map: Aarhus (10°E) just right of it.
    assert MAP_WIDTH / 2 < aarhus.x < MAP_WIDTH / 2 + 40


def test_dots_are_coloured_by_region_and_the_legend_counts_them(network):
    city_map = member_city_map()
    expected_counts = {}
    for row in REFERENCE_CITIES:
        expected_counts[row.region] = expected_counts.get(row.region, 0) + 1
    regions = {region.slug: region.name for region in Region.objects.all()}
    assert {regions[entry.slug]: entry.count for entry in city_map.legend} == expected_counts
    assert sum(entry.count for entry in city_map.legend) == 126
    for entry in city_map.legend:
        assert entry.colour == REGION_COLOURS[entry.slug]
    for dot in city_map.dots:
        assert dot.colour == REGION_COLOURS[dot.region_slug]
    assert len(set(REGION_COLOURS.values())) == len(REGION_COLOURS) == 9


def test_new_regions_get_their_own_colours_in_a_stable_order():
    colours = region_colours(["europe", "central-asia", "southeast-asia", "central-asia"])
    assert colours == {
        "europe": REGION_COLOURS["europe"],
        "central-asia": EXTRA_REGION_COLOURS[0],
        "southeast-asia": EXTRA_REGION_COLOURS[1],
    }
    many = region_colours([f"region-{number:02}" for number in range(10)])
    assert many["region-00"] == EXTRA_REGION_COLOURS[0]
    assert many["region-09"] == city_map_module.UNKNOWN_REGION_COLOUR


def test_only_cities_with_a_published_profile_link_to_it(network):
    aarhus, mombasa = City.objects.get(name="Aarhus"), City.objects.get(name="Mombasa")
    CityProfile.objects.create(city=aarhus, published=True)
    CityProfile.objects.create(city=mombasa, published=False)
    dots = {dot.slug: dot for dot in member_city_map().dots}
    assert dots[aarhus.slug].url == reverse("cityprofiles:profile", args=[aarhus.slug])
    assert dots[mombasa.slug].url == ""
    assert dots[mombasa.slug].title == "Mombasa, Kenya (no published profile yet)"
    assert dots[aarhus.slug].title == "Aarhus, Denmark"
    # Linked dots are drawn last, on top of their neighbours.
    assert member_city_map().dots[-1].slug == aarhus.slug


def test_cities_that_are_not_members_or_have_no_coordinates_are_not_on_the_map(db):
    region = RegionFactory(name="Europe")
    CityFactory(name="Member", region=region, latitude=Decimal("50"), longitude=Decimal("5"))
    CityFactory(name="Nowhere", region=region)
    CityFactory(
        name="Former", region=region, status=CityStatus.FORMER,
        latitude=Decimal("50"), longitude=Decimal("6"),
    )  # fmt: skip
    CityFactory(
        name="Applicant", region=region, status=CityStatus.APPLICANT,
        latitude=Decimal("50"), longitude=Decimal("7"),
    )  # fmt: skip
    assert [dot.slug for dot in member_city_map().dots] == ["member"]


def test_dot_titles_follow_the_language(network):
    with translation.override("fr"):
        dots = {dot.slug: dot for dot in member_city_map().dots}
        legend = {entry.slug: entry.name for entry in member_city_map().legend}
    assert dots["mombasa"].title.startswith("Mombasa, Kenya")
    assert legend["western-balkans"] == "Balkans occidentaux"


# --- the rendered map ---


def svg_of(page: str) -> str:
    return page[page.index('<svg class="city-map-svg"') : page.index("</svg>") + 6]


def test_the_directory_draws_the_map_with_every_city(client_as, network):
    aarhus = City.objects.get(name="Aarhus")
    CityProfile.objects.create(city=aarhus, published=True)
    page = client_as("member").get(URL).content.decode()
    svg = svg_of(page)
    # The 126 reference cities; the member's own test city has no coordinates.
    for city in City.objects.filter(latitude__isnull=False):
        assert svg.count(f'data-city="{city.slug}"') == 1, city.name
    assert svg.count("<circle ") == 126
    assert svg.count("<title") == 127  # the map's own, and one per dot
    profile_url = reverse("cityprofiles:profile", args=[aarhus.slug])
    assert f'<a class="city-map-link" href="{profile_url}" data-city="aarhus">' in svg
    assert svg.count("<a ") == 1
    assert 'viewBox="0 0 1000 ' in svg and 'direction="ltr"' in svg
    assert 'role="group"' in svg and 'aria-labelledby="city-map-title"' in svg
    assert f'fill="{REGION_COLOURS["western-balkans"]}"' in svg
    # No script, no inline style, nothing fetched from elsewhere.
    assert (
        "<script" not in svg
        and "style=" not in svg
        and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    legend = page[page.index('<ul class="city-map-legend') :]
    assert 'data-region="western-balkans"' in legend
    balkans = sum(1 for row in REFERENCE_CITIES if row.region == "Western Balkans")
    assert f'Western Balkans <span class="text-body-secondary">({balkans})</span>' in legend


def test_the_map_is_not_mirrored_in_arabic(client_as, network, settings):
    client = client_as("member")
    english = svg_of(client.get(URL).content.decode())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    arabic_page = client.get(URL).content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic_page
    arabic = svg_of(arabic_page)
    # The same drawing, dots at the same places (written without localised decimals).
    positions = re.compile(r'data-city="[^"]+" cx="[\d.]+" cy="[\d.]+"')
    assert positions.findall(arabic) == positions.findall(english)
    assert 'direction="ltr"' in arabic
