"""What every part of the benchmark dataset shares: the seed, the day the data is "as of",
the sizes, and the skewed choices that make it look like a real network.

The data is generated as of REFERENCE_DATE, not as of the day it is built, so that the
same seed and size give the same rows whenever they are built: an event before that day
is over (attendance recorded, surveys answered), an event after it is still to come
(registrations open, waiting lists). Events run until 2028, so pages that show "upcoming"
things against the real date keep finding them.
"""

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass

SEED = 20_260_501
REFERENCE_DATE = datetime.date(2026, 11, 1)
REFERENCE_TIME = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
FULL_SIZE = 100_000  # documents of the full dataset (`make bench`)


@dataclass(frozen=True)
class Scale:
    """How many rows of each kind go with `documents` documents: the issue's network at
    100,000 (2,000 cities, 50,000 members, 5,000 events with 200,000 registrations, 20
    modules with 100,000 enrolments), in proportion below and above that. Small floors
    keep every kind of row present in a tiny dataset."""

    documents: int

    @property
    def factor(self) -> float:
        return self.documents / FULL_SIZE

    def cities(self, reference_cities: int) -> int:
        return max(reference_cities, round(2_000 * self.factor))

    @property
    def members(self) -> int:
        return max(200, round(50_000 * self.factor))

    @property
    def events(self) -> int:
        return max(30, round(5_000 * self.factor))

    @property
    def registrations(self) -> int:
        return max(600, round(200_000 * self.factor))

    @property
    def modules(self) -> int:
        return 20

    @property
    def enrolments(self) -> int:
        return max(300, round(100_000 * self.factor))


def rng_for(part: str) -> random.Random:
    """A generator of its own per part: a part's rows do not change when another part's
    generation code does."""
    return random.Random(f"{SEED}-{part}")  # noqa: S311 - reproducible data, no secret


class Skewed:
    """Picks items with Zipf-like weights (the first item most, weight 1/rank^exponent):
    a few cities are very active and most are quiet, as in a real network."""

    def __init__(self, items, exponent: float = 0.8):
        self.items = list(items)
        self.cumulative = list(
            itertools.accumulate(1 / (rank**exponent) for rank in range(1, len(self.items) + 1))
        )

    def pick(self, rng: random.Random):
        return self.items[self.index(rng)]

    def index(self, rng: random.Random) -> int:
        return bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])

    def distinct(self, rng: random.Random, count: int) -> list:
        """`count` different items (fewer if there are not that many)."""
        count = min(count, len(self.items))
        chosen: dict[int, None] = {}
        while len(chosen) < count:
            chosen[self.index(rng)] = None
        return [self.items[index] for index in chosen]


def random_moment(rng: random.Random, start: datetime.datetime, end: datetime.datetime):
    """A moment between `start` and `end` (at whole seconds)."""
    seconds = max(0, int((end - start).total_seconds()))
    return start + datetime.timedelta(seconds=rng.randint(0, seconds))


def at(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=datetime.UTC)


def unique_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... the first not in `taken`; recorded as taken."""
    base, number = slug, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
