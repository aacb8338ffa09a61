"""The world map of the city directory: a server-rendered SVG with a dot per member city.

The land is Natural Earth's 1:110m outline, vendored as TopoJSON from world-atlas 2.0.2
(cityprofiles/data/README.md), decoded here and drawn in the Natural Earth projection
(Šavrič, Patterson and Jenny's polynomial, the one d3's geoNaturalEarth1 uses). Nothing is
simplified; the land's path data is built once per process (it never changes), the dots on
every request (one query).

No tile server, no JavaScript, no request leaves the hub: the page carries the whole map.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cityprofiles.models import CityProfile
from membership.models import City
from scn_portal.kept import kept_until_changed

LAND_TOPOJSON = Path(__file__).resolve().parent / "data" / "world-atlas-2.0.2" / "land-110m.json"

# The map's own units (the SVG viewBox): 1000 wide, its height follows from the projection.
MAP_WIDTH = 1000
# Room around the world's outline, so that a dot on its edge is drawn whole.
MAP_MARGIN = 8
# Path coordinates are written in tenths of a unit: finer than any screen shows.
PRECISION = 10
# Points per side of the world's outline (its curved meridians at ±180°).
OUTLINE_STEPS = 90

# One colour per region of the reference data (membership/reference.py), keyed by slug:
# Paul Tol's "muted" scheme, designed to stay distinguishable with colour-blindness. Dots
# also have a dark outline, which gives each of them a 3:1 contrast with the map whatever
# its fill (WCAG 1.4.11); the legend and each dot's title name the region in words.
REGION_COLOURS = {
    "europe": "#332288",
    "western-balkans": "#88ccee",
    "middle-east-and-north-africa": "#ddcc77",
    "west-africa": "#117733",
    "east-africa": "#44aa99",
    "south-asia": "#cc6677",
    "north-america": "#882255",
    "latin-america-and-the-caribbean": "#999933",
    "asia-pacific": "#aa4499",
}
# Regions staff add later take these, in the order of their slugs (Okabe and Ito's palette).
EXTRA_REGION_COLOURS = ["#e69f00", "#0072b2", "#d55e00", "#f0e442", "#56b4e9", "#009e73"]
UNKNOWN_REGION_COLOUR = "#777777"


# --- TopoJSON ---

Point = tuple[float, float]  # (longitude, latitude) in degrees
Ring = list[Point]  # closed: its last point is its first
Polygon = list[Ring]  # the outer ring, then its holes


def decode_arcs(topology: dict) -> list[list[Point]]:
    """The topology's arcs as lists of (longitude, latitude). A quantized topology (one
    with a `transform`) stores each arc's first position in whole units and every other
    position as the difference from the one before."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_rest in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (translate_x, translate_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_rest in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_points(arc_indexes: list[int], arcs: list[list[Point]]) -> Ring:
    """A ring stitched from its arcs. A negative index ~i means arc i walked backwards;
    each arc starts where the one before ends, so that shared point is kept once."""
    points: Ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def geometry_polygons(geometry: dict, arcs: list[list[Point]]) -> list[Polygon]:
    """The polygons of a TopoJSON geometry (points and lines have none)."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        return [
            polygon
            for member in geometry["geometries"]
            for polygon in geometry_polygons(member, arcs)
        ]
    if kind == "Polygon":
        return [[ring_points(ring, arcs) for ring in geometry["arcs"]]]
    if kind == "MultiPolygon":
        return [[ring_points(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    return []


@cache
def land_polygons() -> tuple[Polygon, ...]:
    """Natural Earth's land, 1:110m, as polygons of (longitude, latitude) rings."""
    topology = json.loads(LAND_TOPOJSON.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    return tuple(geometry_polygons(topology["objects"]["land"], arcs))


# --- the antimeridian ---
# Natural Earth's land in world-atlas is stitched on the sphere: a few rings cross the
# antimeridian (Chukotka, Wrangel Island, Fiji) and Antarctica's goes round the South Pole.
# Drawn on a flat map they would run across the whole world, so each such ring is cut along
# the map's edges at 180° east and west: nothing is left out and nothing is simplified.


def unwrap(ring: Ring) -> Ring:
    """The ring with longitudes made continuous (e.g. 179°, 181° instead of 179°, -179°).
    A ring round a pole then ends 360° from where it starts; it is closed through the pole."""
    points = [ring[0]]
    for longitude, latitude in ring[1:]:
        longitude += 360 * round((points[-1][0] - longitude) / 360)
        points.append((longitude, latitude))
    first_longitude, last_longitude = points[0][0], points[-1][0]
    if abs(last_longitude - first_longitude) > 180:
        pole = -90.0 if sum(latitude for _, latitude in points) < 0 else 90.0
        points += [(last_longitude, pole), (first_longitude, pole), points[0]]
    return points


def _clip(points: list[Point], limit: float, keep_east: bool) -> list[Point]:
    """The part of an open ring east (or west) of the meridian `limit` (Sutherland and
    Hodgman's algorithm; where the ring leaves and comes back, the part runs along `limit`)."""

    def inside(point):
        return point[0] >= limit if keep_east else point[0] <= limit

    def crossing(start, end):
        share = (limit - start[0]) / (end[0] - start[0])
        return (limit, start[1] + share * (end[1] - start[1]))

    kept = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside(current):
            if not inside(previous):
                kept.append(crossing(previous, current))
            kept.append(current)
        elif inside(previous):
            kept.append(crossing(previous, current))
    return kept


def _along_the_edge(points: list[Point]) -> list[Point]:
    """The ring with a point every degree where it runs along the map's edge: the meridians
    at ±180° are curves in the projection, not straight lines."""
    result = []
    for index, (longitude, latitude) in enumerate(points):
        result.append((longitude, latitude))
        next_longitude, next_latitude = points[(index + 1) % len(points)]
        if abs(longitude) == 180 and next_longitude == longitude:
            steps = int(abs(next_latitude - latitude))
            direction = 1 if next_latitude > latitude else -1
            result += [(longitude, latitude + direction * step) for step in range(1, steps)]
    return result


def cut_at_antimeridian(ring: Ring) -> list[Ring]:
    """The ring as one or more closed rings between 180° west and 180° east."""
    if all(abs(end[0] - start[0]) <= 180 for start, end in pairwise(ring)):
        return [ring]
    points = unwrap(ring)
    pieces = []
    for offset in (-360, 0, 360):
        shifted = [(longitude + offset, latitude) for longitude, latitude in points[:-1]]
        if max(p[0] for p in shifted) <= -180 or min(p[0] for p in shifted) >= 180:
            continue
        piece = _clip(_clip(shifted, -180, keep_east=True), 180, keep_east=False)
        if len(piece) >= 3:
            piece = _along_the_edge(piece)
            pieces.append([*piece, piece[0]])
    return pieces


@cache
def land_rings() -> tuple[Ring, ...]:
    """Every ring of the land (outer rings and holes alike), cut at the antimeridian."""
    return tuple(
        piece
        for polygon in land_polygons()
        for ring in polygon
        for piece in cut_at_antimeridian(ring)
    )


# --- projection ---


def natural_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """The Natural Earth projection of a point, in radians-sized units, y pointing north."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, y


# The projected world is widest at the equator and tallest along the central meridian.
_HALF_WIDTH = natural_earth(180, 0)[0]
_HALF_HEIGHT = natural_earth(0, 90)[1]
_SCALE = (MAP_WIDTH - 2 * MAP_MARGIN) / (2 * _HALF_WIDTH)
MAP_HEIGHT = math.ceil(2 * _HALF_HEIGHT * _SCALE + 2 * MAP_MARGIN)


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """A point's position on the map, in viewBox units (x to the east, y to the south)."""
    x, y = natural_earth(longitude, latitude)
    return MAP_MARGIN + (x + _HALF_WIDTH) * _SCALE, MAP_MARGIN + (_HALF_HEIGHT - y) * _SCALE


# --- SVG path data ---


def _number(tenths: int) -> str:
    """A number of tenths as SVG writes it: 123 -> "12.3", -4 -> "-.4", 50 -> "5"."""
    whole, tenth = divmod(abs(tenths), PRECISION)
    text = f"{whole}.{tenth}" if tenth else str(whole)
    if text.startswith("0."):
        text = text[1:]
    return f"-{text}" if tenths < 0 else text


def _numbers(values: list[int]) -> str:
    # A minus sign separates numbers as well as a space does.
    return " ".join(_number(value) for value in values).replace(" -", "-")


def ring_path(points: list[tuple[float, float]]) -> str:
    """One closed subpath: an absolute move to the first point, then relative lines.
    Positions are rounded before the steps between them are taken, so rounding errors
    never add up along a ring."""
    rounded = [(round(x * PRECISION), round(y * PRECISION)) for x, y in points]
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()  # "z" draws the closing line
    (start_x, start_y), steps = rounded[0], []
    previous_x, previous_y = start_x, start_y
    for x, y in rounded[1:]:
        steps += [x - previous_x, y - previous_y]
        previous_x, previous_y = x, y
    return f"M{_numbers([start_x, start_y])}l{_numbers(steps)}z"


@cache
def land_path() -> str:
    """The SVG path data of all the land (draw it with fill-rule="evenodd": lakes such as
    the Caspian Sea are holes)."""
    return "".join(
        ring_path([project(longitude, latitude) for longitude, latitude in ring])
        for ring in land_rings()
    )


@cache
def outline_path() -> str:
    """The SVG path data of the whole world's outline (the sea under the land): the
    meridian at 180° west from pole to pole, then the one at 180° east back."""
    latitudes = [-90 + 180 * step / OUTLINE_STEPS for step in range(OUTLINE_STEPS + 1)]
    west = [project(-180, latitude) for latitude in latitudes]
    east = [project(180, latitude) for latitude in reversed(latitudes)]
    return ring_path(west + east)


# --- the member cities ---


@dataclass(frozen=True)
class MapDot:
    """A city on the map. `url` is its profile's address, or "" while it has no published
    profile (the dot is then drawn smaller and is not a link)."""

    slug: str
    title: str
    x: float
    y: float
    colour: str
    region_slug: str
    url: str


@dataclass(frozen=True)
class LegendEntry:
    """A region in the map's legend: its colour and how many of its cities are on the map."""

    slug: str
    name: str
    colour: str
    count: int


@dataclass(frozen=True)
class CityMap:
    """What templates/cityprofiles/inc/map.html draws."""

    dots: list[MapDot]
    legend: list[LegendEntry]
    width: int = MAP_WIDTH
    height: int = MAP_HEIGHT

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def land_path(self) -> str:
        return land_path()

    @property
    def outline_path(self) -> str:
        return outline_path()

    @property
    def linked_count(self) -> int:
        return sum(1 for dot in self.dots if dot.url)


def region_colours(slugs) -> dict[str, str]:
    """The colour of each region: fixed for the reference regions, then the extra colours
    for other regions in the order of their slugs (so a region keeps its colour from page
    to page), and grey once those run out."""
    colours = {slug: REGION_COLOURS[slug] for slug in slugs if slug in REGION_COLOURS}
    others = sorted(slug for slug in set(slugs) if slug not in REGION_COLOURS)
    for index, slug in enumerate(others):
        colours[slug] = (
            EXTRA_REGION_COLOURS[index]
            if index < len(EXTRA_REGION_COLOURS)
            else UNKNOWN_REGION_COLOUR
        )
    return colours


def mapped_cities():
    """The member cities that have coordinates, each annotated with `has_profile` (a
    published one), their region alongside: one query."""
    published = CityProfile.objects.published().filter(city=OuterRef("pk"))
    return (
        City.objects.active()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("region")
        .annotate(has_profile=Exists(published))
        .order_by("name", "pk")
    )


def _dot_title(city) -> str:
    names = {"city": city.name, "country": city.country.name}
    if city.has_profile:
        return _("%(city)s, %(country)s") % names
    return _("%(city)s, %(country)s (no published profile yet)") % names


def member_city_map(cities=None) -> CityMap:
    """The map of `cities` (by default every member city with coordinates, which must be
    annotated like `mapped_cities()`). Cities with a published profile come last, so that
    their dots are drawn on top of their neighbours' and can be clicked."""
    cities = list(mapped_cities() if cities is None else cities)
    colours = region_colours([city.region.slug for city in cities])
    dots = []
    for city in sorted(cities, key=lambda city: city.has_profile):  # a stable sort
        x, y = project(float(city.longitude), float(city.latitude))
        dots.append(
            MapDot(
                slug=city.slug,
                title=_dot_title(city),
                x=round(x, 1),
                y=round(y, 1),
                colour=colours[city.region.slug],
                region_slug=city.region.slug,
                url=reverse("cityprofiles:profile", args=[city.slug]) if city.has_profile else "",
            )
        )
    counts, regions = {}, {}
    for city in cities:
        counts[city.region.slug] = counts.get(city.region.slug, 0) + 1
        regions[city.region.slug] = city.region
    legend = sorted(
        (
            LegendEntry(slug, regions[slug].localized_name, colours[slug], count)
            for slug, count in counts.items()
        ),
        key=lambda entry: entry.name,
    )
    return CityMap(dots=dots, legend=legend)


# The directory's map and what its searches find: kept until a city, region, profile,
# initiative or theme link changes (receivers in cityprofiles.apps).
DIRECTORY_TOPIC = "city-directory"


def member_city_map_html() -> str:
    """The map of every member city drawn as HTML (templates/cityprofiles/inc/map.html) in
    the active language. The same for every member, and with 2,000 cities the costliest
    part of the directory: drawn once per language and kept until the directory's data
    changes (scn_portal.kept)."""
    language = get_language() or settings.LANGUAGE_CODE
    return kept_until_changed(
        DIRECTORY_TOPIC,
        f"map:{language}",
        lambda: render_to_string("cityprofiles/inc/map.html", {"city_map": member_city_map()}),
    )
