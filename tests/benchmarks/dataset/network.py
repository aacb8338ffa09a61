"""The network: member cities (the reference cities and generated ones), their published
profiles with themes and initiatives, and the people (users and members) of each city.

Cities are ranked: the reference cities first (in an order drawn with the seed), then the
generated ones. Members, documents and events are spread over the ranking with Zipf-like
weights, so a few cities are very active and most are quiet; the first city of the ranking
("the flagship") has the most of everything, and the benchmark member works for it.

Every city with access has at most one approved point of contact (the database enforces
it); editors and points of contact are approved; some requests are pending, waiting for
more information or rejected. Generated users have an unusable password (the "!" prefix,
with a marker that says they are generated) and a verified primary email address under
`<city>.example`; they never log in. The benchmark member has a usable password, so that an
HTTP benchmark can log in through the login form.
"""

import datetime
import hashlib
import math
import random
from dataclasses import dataclass
from functools import cache

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from cityprofiles.choices import InitiativeStatus
from cityprofiles.models import CityProfile, Initiative
from membership.choices import CityStatus, MemberRole, MemberStatus
from membership.models import City, Member, Theme, User
from membership.reference import read_member_cities
from tests.benchmarks.dataset import people, places, texts
from tests.benchmarks.dataset.copying import copy_rows, indexes_dropped, next_id, sync_sequence
from tests.benchmarks.dataset.samples import SAMPLE_PHOTO, sample_photo
from tests.benchmarks.dataset.shared import (
    REFERENCE_TIME,
    SEED,
    Scale,
    Skewed,
    random_moment,
    rng_for,
    unique_slug,
)

VERSION = "1"
APPS = ("membership", "cityprofiles")
BENCH_USER_EMAIL = "bench-member@bench.scn.example"
BENCH_PASSWORD = "bench-password-4412"
# The password of every generated user: unusable ("!" prefix) and recognisable, so that a
# rebuild deletes exactly these users (never the benchmark member, whose logins are in
# the append-only audit log).
GENERATED_PASSWORD = "!benchmark-dataset"
NETWORK_START = datetime.date(2015, 9, 29)  # the network's launch

TABLES = (
    "membership_city", "membership_user", "membership_member", "account_emailaddress",
    "cityprofiles_cityprofile", "cityprofiles_initiative", "membership_themeditem",
)  # fmt: skip

INITIATIVE_TITLES = {
    "en": ("{city} {theme_lower} programme", "{theme} pilot in {city}",
           "Community dialogue on {theme_lower}", "{theme}: a local partnership",
           "Training frontline workers: {theme_lower}", "{city} network for {theme_lower}"),
    "fr": ("Programme « {theme_lower} » de {city}", "Projet pilote : {theme_lower}",
           "Dialogue citoyen : {theme_lower}", "Former les professionnels : {theme_lower}",
           "Réseau local de {city} : {theme_lower}"),
    "ar": ("برنامج {theme} في {city}", "مشروع تجريبي: {theme}", "حوار مجتمعي حول {theme}",
           "تدريب العاملين الميدانيين: {theme}"),
}  # fmt: skip
PARTNERS = {
    "en": ("local police", "schools", "youth clubs", "faith communities",
           "the regional health service", "civil society organisations", "the university",
           "sports clubs", "social services", "the probation service", "local media"),
    "fr": ("la police municipale", "les écoles", "les maisons de quartier", "les associations",
           "le centre hospitalier", "l'université", "les clubs sportifs", "les services sociaux"),
    "ar": ("الشرطة المحلية", "المدارس", "مراكز الشباب", "منظمات المجتمع المدني", "الجامعة",
           "الأندية الرياضية", "الخدمات الاجتماعية"),
}  # fmt: skip
PHOTO_DESCRIPTIONS = {
    "en": "The town hall of {city}",
    "fr": "L'hôtel de ville de {city}",
    "ar": "مبنى بلدية {city}",
}
DIRECTIONS = ("North", "South", "East", "West", "Centre")


@dataclass(frozen=True)
class RankedCity:
    """What the other parts need of a city, in the order of the network's ranking."""

    pk: int
    name: str
    slug: str
    country: str
    region_id: int
    status: str
    language: str  # the language its members mostly write in


def content_language(pk: int, country_code: str) -> str:
    """The language a city's people write in: their country's, but English for one city in
    four of the French- and Arabic-speaking countries."""
    language = places.country(country_code).language
    return "en" if language != "en" and pk % 4 == 0 else language


def reference_city_keys() -> set[tuple[str, str]]:
    return {(row.name, row.country_code) for row in read_member_cities()}


def reference_committee_keys() -> set[tuple[str, str]]:
    return {(row.name, row.country_code) for row in read_member_cities()
            if row.steering_committee}  # fmt: skip


def reference_city_ids() -> list[int]:
    keys = reference_city_keys()
    cities = City.objects.order_by("pk").values_list("pk", "name", "country")
    return [pk for pk, name, country in cities if (name, str(country)) in keys]


def ranked_cities() -> list[RankedCity]:
    """All cities, the reference ones first (shuffled with the seed), then the generated
    ones in the order they were made."""
    reference = set(reference_city_ids())
    cities = [
        RankedCity(pk, name, slug, str(country), region, status, content_language(pk, country))
        for pk, name, slug, country, region, status in City.objects.order_by("pk").values_list(
            "pk", "name", "slug", "country", "region_id", "status"
        )
    ]
    # The cities of the Steering Committee are the most engaged: they come first.
    committee = reference_committee_keys()
    first = [[city for city in cities if city.pk in reference and (city.name, city.country) in
              committee], [city for city in cities if city.pk in reference and
                           (city.name, city.country) not in committee]]  # fmt: skip
    for group in first:
        random.Random(SEED).shuffle(group)  # noqa: S311 - reproducible data
    return [*first[0], *first[1], *(city for city in cities if city.pk not in reference)]


@dataclass(frozen=True)
class MemberInfo:
    user_id: int
    city: RankedCity


def members_with_access() -> list[MemberInfo]:
    """The generated members who may use the hub (approved, of an active city), by user
    id; the benchmark member is left out (the parts give them their own rows)."""
    cities = {city.pk: city for city in ranked_cities()}
    rows = (
        Member.objects.with_access()
        .exclude(user__email=BENCH_USER_EMAIL)
        .order_by("user_id")
        .values_list("user_id", "city_id")
    )
    return [MemberInfo(user_id, cities[city_id]) for user_id, city_id in rows]


def bench_member() -> Member:
    return Member.objects.select_related("user", "city").get(user__email=BENCH_USER_EMAIL)


# --- clearing ---


def clear(cursor) -> None:
    """Remove the generated cities, profiles, members and users (the parts that depend on
    them are cleared before)."""
    content_types = [ContentType.objects.get_for_model(model).pk
                     for model in (CityProfile, Initiative)]  # fmt: skip
    cursor.execute(
        "DELETE FROM membership_themeditem WHERE content_type_id = ANY(%s)", [content_types]
    )
    cursor.execute("TRUNCATE cityprofiles_cityprofile RESTART IDENTITY CASCADE")
    cursor.execute("TRUNCATE membership_member RESTART IDENTITY CASCADE")
    cursor.execute(
        "DELETE FROM account_emailaddress WHERE user_id IN "
        "(SELECT id FROM membership_user WHERE password = %s)",
        [GENERATED_PASSWORD],
    )
    cursor.execute("DELETE FROM membership_user WHERE password = %s", [GENERATED_PASSWORD])
    cursor.execute("DELETE FROM membership_city WHERE NOT id = ANY(%s)", [reference_city_ids()])


# --- the build ---


class NetworkGenerator:
    def __init__(self, scale: Scale):
        self.scale = scale
        self.rng = rng_for("network")
        self.themes = list(Theme.objects.order_by("pk"))
        order = list(self.themes)
        self.rng.shuffle(order)
        # A few themes are far more common than others: filtering the directory by the two
        # most common finds many cities, as it would in the real network.
        self.popular_themes = Skewed(order, exponent=0.9)
        self.rows: dict[str, list[tuple]] = {}
        self.taken_slugs = set(City.objects.values_list("slug", flat=True))
        self.taken_emails = {
            email.lower() for email in User.objects.values_list("email", flat=True)
        }

    # --- cities ---

    def new_cities(self, start_id: int) -> list[tuple]:
        """Rows of membership_city for the generated cities (real towns of the reference
        countries, near a reference city of their country)."""
        rng = self.rng
        reference = list(City.objects.order_by("pk"))
        count = self.scale.cities(len(reference)) - len(reference)
        by_country: dict[str, list[City]] = {}
        for city in reference:
            by_country.setdefault(str(city.country), []).append(city)
        known = {(slugify(city.name), str(city.country)) for city in reference}
        pool = [
            (code, name)
            for code in sorted(by_country)
            for name in places.TOWNS.get(code, ())
            if (slugify(name), code) not in known
        ]
        rng.shuffle(pool)
        names = pool[:count]
        round_number = 0
        while len(names) < count:  # beyond the town lists: districts of the towns
            direction = DIRECTIONS[round_number % len(DIRECTIONS)]
            names += [(code, f"{name} {direction}") for code, name in pool][: count - len(names)]
            round_number += 1
        rows = []
        for offset, (code, name) in enumerate(names):
            near = rng.choice(by_country[code])
            spread = places.country(code).spread
            status = rng.choices(
                (CityStatus.ACTIVE, CityStatus.APPLICANT, CityStatus.SUSPENDED, CityStatus.FORMER),
                weights=(88, 6, 3, 3),
            )[0]
            joined = None
            if status != CityStatus.APPLICANT:
                joined = NETWORK_START + datetime.timedelta(days=rng.randint(0, 4000))
            created = random_moment(
                rng,
                datetime.datetime.combine(
                    joined or datetime.date(2025, 1, 1), datetime.time(10), tzinfo=datetime.UTC
                ),
                REFERENCE_TIME,
            )
            rows.append(
                (
                    start_id + offset, name, self.city_slug(name, code), code, near.region_id,
                    status, joined, self.coordinate(near.latitude, spread * 0.7, 90),
                    self.coordinate(near.longitude, spread, 180), created, created,
                )
            )  # fmt: skip
        return rows

    def city_slug(self, name: str, code: str) -> str:
        slug = slugify(name) or "city"
        if slug in self.taken_slugs:
            slug = f"{slug}-{code.lower()}"
        return unique_slug(slug, self.taken_slugs)

    def coordinate(self, near, spread: float, limit: int) -> str | None:
        if near is None:
            return None
        value = float(near) + self.rng.uniform(-spread, spread)
        return f"{max(-limit + 0.1, min(limit - 0.1, value)):.4f}"

    # --- profiles and initiatives ---

    def profiles(self, ranked: list[RankedCity], profile_type: int, initiative_type: int):
        rng = self.rng
        themes_by_pk = {theme.pk: theme for theme in self.themes}
        profiles, initiatives, themed = [], [], []
        profile_id = initiative_id = 1
        published_cities = set()
        for rank, city in enumerate(ranked):
            if city.status == CityStatus.ACTIVE:
                if rank == 0 or (rank < 60 and rng.random() < 0.97):
                    state = "published"
                else:
                    state = rng.choices(("published", "draft", None), weights=(85, 7, 8))[0]
            elif city.status == CityStatus.APPLICANT:
                state = None
            else:
                state = "published" if rng.random() < 0.4 else None
            if state is None:
                continue
            language = city.language
            expertise = self.popular_themes.distinct(rng, rng.choice((1, 2, 2, 3, 3, 4)))
            names = [theme.name for theme in expertise]
            has_photo = rng.random() < 0.45
            draft = state == "draft"
            approach = "" if draft and rng.random() < 0.5 else (
                texts.about(rng, language, names, rng.randint(2, 3)) + "\n\n"
                + texts.about(rng, language, names, rng.randint(2, 3))
            )  # fmt: skip
            population = None
            if not (draft and rng.random() < 0.3):
                low, high = (80_000, 3_000_000) if rank < 130 else (8_000, 600_000)
                population = int(round(math.exp(rng.uniform(math.log(low), math.log(high))), -2))
            count = rng.choice((0, 1, 2)) if draft else rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
            for position in range(1, count + 1):
                theme = rng.choice(expertise) if rng.random() < 0.8 else (
                    self.popular_themes.pick(rng))  # fmt: skip
                tags = {theme.pk} | (
                    {self.popular_themes.pick(rng).pk} if rng.random() < 0.3 else set()
                )
                initiatives.append(self.initiative(initiative_id, profile_id, position, city,
                                                   themes_by_pk[theme.pk]))  # fmt: skip
                themed += [(initiative_id, initiative_type, tag) for tag in sorted(tags)]
                initiative_id += 1
            # cityprofiles.services.SECTIONS: challenges, approach, initiatives, population,
            # languages, photo, expertise.
            sections = [True, bool(approach), count > 0, population is not None, True,
                        has_photo, True]  # fmt: skip
            created = random_moment(
                rng, datetime.datetime(2017, 1, 1, tzinfo=datetime.UTC), REFERENCE_TIME
            )
            profiles.append(
                (
                    profile_id, city.pk, texts.about(rng, language, names, rng.randint(3, 5)),
                    approach, population, places.country(city.country).spoken,
                    SAMPLE_PHOTO if has_photo else "", sample_photo_checksum() if has_photo else "",
                    PHOTO_DESCRIPTIONS[language].format(city=city.name) if has_photo else "",
                    not draft, round(100 * sum(sections) / len(sections)), created,
                    random_moment(rng, created, REFERENCE_TIME),
                )
            )  # fmt: skip
            themed += [(profile_id, profile_type, theme.pk) for theme in expertise]
            if not draft:
                published_cities.add(city.pk)
            profile_id += 1
        self.rows["cityprofiles_cityprofile"] = profiles
        self.rows["cityprofiles_initiative"] = initiatives
        self.rows["membership_themeditem"] = themed
        return published_cities

    def initiative(self, pk: int, profile_id: int, position: int, city: RankedCity, theme):
        rng = self.rng
        language = city.language
        theme_name = {"en": theme.name, "fr": theme.name_fr or theme.name,
                      "ar": theme.name_ar or theme.name}[language]  # fmt: skip
        title = rng.choice(INITIATIVE_TITLES[language]).format(
            city=city.name, theme=theme_name, theme_lower=theme_name.lower()
        )
        partners = ", ".join(rng.sample(PARTNERS[language], rng.randint(2, 4)))
        status = rng.choices(
            (InitiativeStatus.ONGOING, InitiativeStatus.COMPLETED, InitiativeStatus.PLANNED,
             InitiativeStatus.PAUSED), weights=(60, 20, 10, 10),
        )[0]  # fmt: skip
        description = texts.about(rng, language, [theme.name], rng.randint(2, 4))
        return (
            pk, profile_id, title[:200], description, partners, rng.randint(2012, 2026), status,
            position,
        )  # fmt: skip

    # --- people ---

    def people(self, ranked: list[RankedCity], published: set[int], first_user_id: int):
        rng = self.rng
        active = [city for city in ranked if city.status == CityStatus.ACTIVE]
        others = [city for city in ranked if city.status != CityStatus.ACTIVE]
        skewed = Skewed(active, exponent=0.7)
        by_city: dict[int, list[RankedCity]] = {}
        cities = {city.pk: city for city in ranked}
        for _ in range(self.scale.members):
            city = skewed.pick(rng) if not others or rng.random() < 0.96 else rng.choice(others)
            by_city.setdefault(city.pk, []).append(city)
        users, members, emails = [], [], []
        user_id, member_id = first_user_id, 1
        for city_id in sorted(by_city):
            city = cities[city_id]
            for index in range(len(by_city[city_id])):
                role, status = self.role_and_status(city, index, len(by_city[city_id]),
                                                    city_id in published)  # fmt: skip
                user, member = self.person(user_id, member_id, city, role, status)
                users.append(user)
                members.append(member)
                emails.append((user_id, user[9], True, True))
                user_id += 1
                member_id += 1
        self.rows["membership_user"] = users
        self.rows["membership_member"] = members
        self.rows["account_emailaddress"] = emails

    def role_and_status(self, city: RankedCity, index: int, size: int, published: bool):
        rng = self.rng
        if city.status == CityStatus.APPLICANT:
            return MemberRole.PRACTITIONER, MemberStatus.PENDING
        if city.status != CityStatus.ACTIVE:
            return MemberRole.PRACTITIONER, MemberStatus.APPROVED
        if index == 0 and published and rng.random() < 0.8:
            return MemberRole.POINT_OF_CONTACT, MemberStatus.APPROVED
        if index in (1, 2) and size >= 4 and rng.random() < 0.7:
            return MemberRole.CITY_EDITOR, MemberStatus.APPROVED
        status = rng.choices(
            (MemberStatus.APPROVED, MemberStatus.PENDING, MemberStatus.MORE_INFORMATION,
             MemberStatus.REJECTED), weights=(90, 5, 2, 3),
        )[0]  # fmt: skip
        return MemberRole.PRACTITIONER, status

    def person(self, user_id: int, member_id: int, city: RankedCity, role: str, status: str):
        rng = self.rng
        language = city.language
        first_names, last_names = people.NAMES[places.country(city.country).people]
        first, last = rng.choice(first_names), rng.choice(last_names)
        local = people.email_local_part(first, last)
        email, number = f"{local}@{city.slug}.example", 2
        while email in self.taken_emails:
            email, number = f"{local}{number}@{city.slug}.example", number + 1
        self.taken_emails.add(email)
        created = random_moment(
            rng, datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC),
            REFERENCE_TIME - datetime.timedelta(days=2),
        )  # fmt: skip
        decided_at = None
        if status != MemberStatus.PENDING:
            decided_at = min(created + datetime.timedelta(days=rng.randint(1, 20)), REFERENCE_TIME)
        last_login = None
        if status == MemberStatus.APPROVED and rng.random() < 0.7:
            recently = REFERENCE_TIME - datetime.timedelta(days=400)
            last_login = random_moment(rng, max(created, recently), REFERENCE_TIME)
        preferred = language if language != "en" and rng.random() < 0.6 else ""
        user = (user_id, GENERATED_PASSWORD, last_login, False, first, last, False, True,
                created, email, preferred)  # fmt: skip
        reason = {MemberStatus.MORE_INFORMATION: people.MORE_INFORMATION_REASON,
                  MemberStatus.REJECTED: people.REJECTION_REASON}.get(status, "")  # fmt: skip
        member = (
            member_id, user_id, city.pk, rng.choice(people.POSITIONS[language]),
            rng.choice(people.ORGANISATIONS[language]).format(city=city.name), role,
            people.ACCESS_REASONS[language] if rng.random() < 0.8 else "", status, reason,
            created, decided_at or created, None, decided_at,
        )  # fmt: skip
        return user, member


COLUMNS = {
    "membership_city": ("id", "name", "slug", "country", "region_id", "status", "date_joined",
                        "latitude", "longitude", "created", "updated"),
    "cityprofiles_cityprofile": ("id", "city_id", "challenges", "approach", "population",
                                 "languages", "photo", "photo_checksum", "photo_description",
                                 "published", "completeness", "created", "updated"),
    "cityprofiles_initiative": ("id", "profile_id", "title", "description", "partners",
                                "start_year", "status", "position"),
    "membership_themeditem": ("object_id", "content_type_id", "tag_id"),
    "membership_user": ("id", "password", "last_login", "is_superuser", "first_name",
                        "last_name", "is_staff", "is_active", "date_joined", "email",
                        "preferred_language"),
    "membership_member": ("id", "user_id", "city_id", "position", "organisation", "role",
                          "access_reason", "status", "decision_reason", "created", "updated",
                          "decided_by_id", "decided_at"),
    "account_emailaddress": ("user_id", "email", "verified", "primary"),
}  # fmt: skip


def build(cursor, scale: Scale, log) -> dict[str, int]:
    """Generate the cities, profiles and people; returns the rows made per table."""
    generator = NetworkGenerator(scale)
    bench_user = ensure_bench_user()
    cities = generator.new_cities(next_id(cursor, "membership_city"))
    counts = {"generated cities": copy_rows(cursor, "membership_city",
                                            COLUMNS["membership_city"], cities)}  # fmt: skip
    sync_sequence(cursor, "membership_city")
    ranked = ranked_cities()
    published = generator.profiles(
        ranked,
        ContentType.objects.get_for_model(CityProfile).pk,
        ContentType.objects.get_for_model(Initiative).pk,
    )
    generator.people(ranked, published, next_id(cursor, "membership_user"))
    log(f"  network generated: {len(ranked):,} cities, {scale.members:,} members")
    tables = ("membership_user", "membership_member", "account_emailaddress",
              "cityprofiles_initiative")  # fmt: skip
    with indexes_dropped(cursor, tables):
        for table in ("cityprofiles_cityprofile", "cityprofiles_initiative",
                      "membership_themeditem", "membership_user", "membership_member",
                      "account_emailaddress"):  # fmt: skip
            counts[table] = copy_rows(cursor, table, COLUMNS[table], generator.rows[table])
    for table in ("cityprofiles_cityprofile", "cityprofiles_initiative", "membership_user",
                  "membership_member"):  # fmt: skip
        sync_sequence(cursor, table)
    ensure_bench_member(bench_user, ranked[0])
    return counts


def ensure_bench_user() -> User:
    """The benchmark's reader, with a password an HTTP benchmark can log in with and a
    verified address (allauth requires one). Kept across rebuilds (the audit log refers
    to it)."""
    user = User.objects.filter(email=BENCH_USER_EMAIL).first()
    if user is None:
        user = User(email=BENCH_USER_EMAIL)
    user.first_name, user.last_name, user.is_active = "Bench", "Reader", True
    # PBKDF2 whatever the hashers of this process (the tests' are MD5 only, which a server
    # in production mode would not accept).
    hasher = PBKDF2PasswordHasher()
    if not (user.password.startswith(f"{hasher.algorithm}$")
            and hasher.verify(BENCH_PASSWORD, user.password)):  # fmt: skip
        user.password = hasher.encode(BENCH_PASSWORD, hasher.salt())
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=BENCH_USER_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user


def ensure_bench_member(user: User, flagship: RankedCity) -> Member:
    """An approved practitioner of the flagship city (published profile, the most
    documents and events)."""
    Member.objects.filter(user=user).delete()
    return Member.objects.create(
        user=user,
        city_id=flagship.pk,
        role=MemberRole.PRACTITIONER,
        status=MemberStatus.APPROVED,
        position="Benchmark reader",
        organisation=f"Municipality of {flagship.name}",
    )


@cache
def sample_photo_checksum() -> str:
    return hashlib.sha256(sample_photo()).hexdigest()
