"""Every URL pattern of the project, with sample arguments, for the access sweeps.

New views are picked up automatically: a pattern this module cannot build a URL for
fails the sweep loudly instead of being skipped.
"""

import re
import uuid
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, UUIDConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern, RoutePattern

SAMPLE_UUID = str(uuid.UUID(int=1))
# Values tried, in order, for a regex group; the first the group accepts is used.
REGEX_SAMPLES = ["1", "sample", SAMPLE_UUID, "sample/path", "MQ", "1-abc"]
GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>(?:[^()]|\([^()]*\))*)\)")


@dataclass(frozen=True)
class Route:
    url: str
    view_name: str

    def __str__(self):
        return f"{self.view_name} {self.url}"


def sample_for_converter(converter) -> str:
    if isinstance(converter, IntConverter):
        return "1"
    if isinstance(converter, UUIDConverter):
        return SAMPLE_UUID
    if isinstance(converter, SlugConverter):
        return "sample-slug"
    if isinstance(converter, PathConverter):
        return "sample/path"
    return "sample"


def sample_for_group(body: str) -> str:
    """A value the regex group accepts: the first literal alternative, or a sample."""
    alternatives = body.strip("()").split("|")
    if all(re.fullmatch(r"[\w-]+", alternative) for alternative in alternatives):
        return alternatives[0]
    for sample in REGEX_SAMPLES:
        if re.fullmatch(body, sample):
            return sample
    raise AssertionError(f"no sample value matches the URL group {body!r}")


def fill_route(route: str, converters: dict) -> str:
    def replace(match):
        return sample_for_converter(converters[match.group("name")])

    return re.sub(r"<(?:\w+:)?(?P<name>\w+)>", replace, route)


def fill_regex(regex: str) -> str:
    filled = GROUP.sub(lambda match: sample_for_group(match.group("body")), regex)
    return filled.lstrip("^").rstrip("$").replace("\\", "")


def fill(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return fill_route(str(pattern), pattern.converters)
    if isinstance(pattern, RegexPattern):
        return fill_regex(pattern.regex.pattern)
    raise AssertionError(f"unknown URL pattern type {type(pattern)!r}")


def walk(patterns, prefix: str = "", namespace: str | None = None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            nested = namespace
            if entry.namespace:
                nested = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + fill(entry.pattern), nested)
        elif isinstance(entry, URLPattern):
            name = entry.name or entry.lookup_str
            view_name = f"{namespace}:{name}" if namespace and entry.name else name
            yield Route("/" + prefix + fill(entry.pattern), view_name)


def all_routes() -> list[Route]:
    routes = list(walk(get_resolver().url_patterns))
    for route in routes:
        try:
            match = resolve(route.url)
        except Resolver404:
            raise AssertionError(f"sample URL {route.url} does not resolve") from None
        assert match.view_name == route.view_name or not match.url_name, (
            f"sample URL {route.url} resolves to {match.view_name}, not {route.view_name}"
        )
    return routes
