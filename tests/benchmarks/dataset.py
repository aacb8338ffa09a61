"""The benchmark library: 100,000 published documents in a database of their own.

The documents read like the demo library's (library/demo_content.py): their bodies are
150 to 400 words of sentences drawn, with a fixed seed, from the demo texts of their
language and themes; a third each in English, French and Arabic; with themes, member
cities, regions, types and years spread as in a real library. Rows go in with COPY (the
search vector is computed by PostgreSQL as they arrive, since it is a generated column);
the indexes of the document table are dropped during the load and built again after it,
which is several times faster than updating them row by row. All documents point at the
same (absent) file name: the benchmark never downloads.

A row of `bench_dataset` records what was built (version, size, build time); the dataset
is rebuilt only when that row is missing or differs from DATASET_VERSION / the size asked
for / the newest library migration.
"""

import datetime
import hashlib
import random
import re
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader

from library.demo_content import (
    DEMO_DOCUMENTS,
    THEME_PARAGRAPHS,
    TYPE_PARAGRAPHS,
)
from library.models import Document
from membership.models import City, Region, Theme

# Change it when the generated rows change, so that the next run rebuilds them.
DATASET_VERSION = "1"
SEED = 20_260_501
LANGUAGES = ("en", "fr", "ar")
SHARED_FILE = "library/benchmark-sample.pdf"
BATCH = 5_000

TYPE_NAMES = {
    "en": {
        "research": "Research report", "strategy": "Strategy", "analysis": "Analysis",
        "case_study": "Case study", "toolkit": "Toolkit", "local_action_plan": "Local action plan",
        "evaluation": "Evaluation", "good_practice": "Good-practice guide",
        "training": "Training material",
    },
    "fr": {
        "research": "Rapport de recherche", "strategy": "Stratégie", "analysis": "Analyse",
        "case_study": "Étude de cas", "toolkit": "Boîte à outils",
        "local_action_plan": "Plan d'action local", "evaluation": "Évaluation",
        "good_practice": "Guide de bonnes pratiques", "training": "Support de formation",
    },
    "ar": {
        "research": "تقرير بحثي", "strategy": "استراتيجية", "analysis": "تحليل",
        "case_study": "دراسة حالة", "toolkit": "مجموعة أدوات",
        "local_action_plan": "خطة عمل محلية", "evaluation": "تقييم",
        "good_practice": "دليل ممارسات جيدة", "training": "مادة تدريبية",
    },
}  # fmt: skip
TITLE_PATTERNS = {
    "en": ("{type}: {theme} in {city}", "{theme} in {city} ({year})",
           "{city}: {type} on {theme_lower}", "Lessons from {city} on {theme_lower}"),
    "fr": ("{type} : {theme_lower} à {city}", "{theme} à {city} ({year})",
           "{city} : {type_lower} sur {theme_lower}"),
    "ar": ("{type}: {theme} في {city}", "{theme} في مدينة {city} ({year})",
           "{city}: {type} حول {theme}"),
}  # fmt: skip
AUTHORS = {
    "en": ("City of {city}", "Municipality of {city}", "Strong Cities Network",
           "{city} Prevention Network"),
    "fr": ("Ville de {city}", "Commune de {city}", "Strong Cities Network"),
    "ar": ("بلدية {city}", "شبكة المدن القوية"),
}  # fmt: skip
# Cities documents in French and Arabic mostly come from, with their Arabic names.
FRENCH_CITIES = ("Montréal", "Dakar", "Paris", "Bordeaux", "Sarcelles", "Montreuil", "Tunis",
                 "Kiffa", "Diffa", "Yaoundé", "Kousseri", "Mokolo", "Kolofata", "Biel/Bienne",
                 "Vilvoorde", "Beirut", "Tripoli", "Meri/Diamaré")  # fmt: skip
ARABIC_CITY_NAMES = {
    "Beirut": "بيروت", "Tripoli": "طرابلس", "Saida": "صيدا", "Majdal Anjar": "مجدل عنجر",
    "Tunis": "تونس", "Zarqa": "الزرقاء", "Irbid": "إربد", "Al-Karak": "الكرك",
    "Kiffa": "كيفة",
}  # fmt: skip

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [sentence for sentence in _SENTENCE_END.split(text.strip()) if sentence]


@dataclass
class Vocabulary:
    """The sentences of one language: all of them, and those about each theme."""

    general: list[str] = field(default_factory=list)
    by_theme: dict[str, list[str]] = field(default_factory=dict)


def vocabularies() -> dict[str, Vocabulary]:
    words = {language: Vocabulary() for language in LANGUAGES}
    for theme, texts in THEME_PARAGRAPHS.items():
        for language, text in texts.items():
            words[language].by_theme[theme] = sentences(text)
            words[language].general += sentences(text)
    for texts in TYPE_PARAGRAPHS.values():
        for language, text in texts.items():
            words[language].general += sentences(text)
    for spec in DEMO_DOCUMENTS:
        words[spec.language].general += sentences(spec.body) + sentences(spec.summary)
    return words


@dataclass
class Reference:
    """What the generated rows point at: themes, cities and regions of the reference data."""

    themes: list[Theme]
    cities: list[City]
    regions: list[Region]

    @classmethod
    def load(cls) -> "Reference":
        return cls(
            themes=list(Theme.objects.order_by("pk")),
            cities=list(City.objects.order_by("pk")),
            regions=list(Region.objects.order_by("pk")),
        )


@dataclass
class Generated:
    """One batch of rows for the COPY statements."""

    documents: list[tuple] = field(default_factory=list)
    themes: list[tuple] = field(default_factory=list)
    cities: list[tuple] = field(default_factory=list)
    regions: list[tuple] = field(default_factory=list)
    covered_regions: list[tuple] = field(default_factory=list)


DOCUMENT_COLUMNS = (
    "id", "title", "summary", "language", "document_type", "year_published", "author",
    "source_url", "file", "file_kind", "file_size", "checksum", "page_count", "extracted_text",
    "extraction_status", "extraction_error", "themes_text", "status", "rejection_reason",
    "published_at", "download_count", "created", "updated",
)  # fmt: skip


class Generator:
    """Deterministic documents: the same seed and size give the same rows."""

    def __init__(self, reference: Reference, document_content_type: int):
        self.rng = random.Random(SEED)  # noqa: S311 - reproducible data, no secret
        self.words = vocabularies()
        self.reference = reference
        self.content_type = document_content_type
        self.types = list(TYPE_PARAGRAPHS)
        self.theme_names = {
            theme.pk: {"en": theme.name, "fr": theme.name_fr or theme.name,
                       "ar": theme.name_ar or theme.name}
            for theme in reference.themes
        }  # fmt: skip
        self.themes_text = {
            theme.pk: " ".join(filter(None, (theme.name, theme.name_fr, theme.name_ar)))
            for theme in reference.themes
        }
        by_name = {city.name: city for city in reference.cities}
        self.preferred_cities = {
            "fr": [by_name[name] for name in FRENCH_CITIES if name in by_name],
            "ar": [by_name[name] for name in ARABIC_CITY_NAMES if name in by_name],
        }
        self.now = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)

    def _cities(self, language: str) -> list[City]:
        rng = self.rng
        count = 1 if rng.random() < 0.85 else 2
        preferred = self.preferred_cities.get(language)
        pool = preferred if preferred and rng.random() < 0.7 else self.reference.cities
        return rng.sample(pool, count)

    def _body(self, language: str, themes: list[Theme]) -> str:
        rng = self.rng
        vocabulary = self.words[language]
        target = rng.randint(150, 400)
        words, parts = 0, []
        while words < target:
            if rng.random() < 0.6:
                pool = vocabulary.by_theme[rng.choice(themes).name]
            else:
                pool = vocabulary.general
            sentence = rng.choice(pool)
            parts.append(sentence)
            words += sentence.count(" ") + 1
            if len(parts) % 5 == 0:
                parts.append("\n\n")
        return " ".join(parts).replace(" \n\n ", "\n\n")

    def document(self, pk: int, generated: Generated) -> None:
        rng = self.rng
        language = LANGUAGES[pk % 3]
        document_type = rng.choice(self.types)
        themes = rng.sample(self.reference.themes, rng.choice((1, 2, 2, 3)))
        cities = self._cities(language)
        year = rng.randint(2015, 2026)
        city_name = cities[0].name
        if language == "ar":
            city_name = ARABIC_CITY_NAMES.get(city_name, city_name)
        theme_name = self.theme_names[themes[0].pk][language]
        type_name = TYPE_NAMES[language][document_type]
        title = rng.choice(TITLE_PATTERNS[language]).format(
            type=type_name,
            type_lower=type_name.lower(),
            theme=theme_name,
            theme_lower=theme_name.lower(),
            city=city_name,
            year=year,
        )
        summary = " ".join(
            rng.choice(self.words[language].by_theme[rng.choice(themes).name]) for _ in range(2)
        )
        published = self.now - datetime.timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        downloads = min(int(rng.paretovariate(1.2)) - 1, 5000)
        body = self._body(language, themes)
        generated.documents.append(
            (
                pk, title[:300], summary, language, document_type, year,
                rng.choice(AUTHORS[language]).format(city=city_name), "", SHARED_FILE, "pdf",
                rng.randint(80_000, 4_000_000), hashlib.sha256(str(pk).encode()).hexdigest(),
                rng.randint(2, 120), body, "done", "",
                " ".join(self.themes_text[theme.pk] for theme in themes), "published", "",
                published, downloads, published, published,
            )
        )  # fmt: skip
        generated.themes += [(pk, self.content_type, theme.pk) for theme in themes]
        generated.cities += [(pk, city.pk) for city in cities]
        explicit = [rng.choice(self.reference.regions)] if rng.random() < 0.05 else []
        generated.regions += [(pk, region.pk) for region in explicit]
        covered = {city.region_id for city in cities} | {region.pk for region in explicit}
        generated.covered_regions += [(pk, region) for region in sorted(covered)]

    def batches(self, size: int):
        for start in range(1, size + 1, BATCH):
            generated = Generated()
            for pk in range(start, min(start + BATCH, size + 1)):
                self.document(pk, generated)
            yield generated


# --- the marker row ---


def wanted_version(size: int) -> str:
    """The dataset version, the size and the newest library migration: a new migration
    (a changed search vector, say) rebuilds the dataset."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    newest = max(name for app, name in loader.disk_migrations if app == "library")
    return f"{DATASET_VERSION}/{size}/{newest}"


def built_version() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_dataset (name text PRIMARY KEY, version text, "
            "documents integer, build_seconds double precision, built_at timestamptz)"
        )
        cursor.execute("SELECT version FROM bench_dataset WHERE name = 'library'")
        row = cursor.fetchone()
    return row[0] if row else None


def build_info() -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version, documents, build_seconds, built_at FROM bench_dataset "
            "WHERE name = 'library'"
        )
        version, documents, seconds, built_at = cursor.fetchone()
    return {
        "version": version,
        "documents": documents,
        "build_seconds": round(seconds, 1),
        "built_at": built_at.isoformat(),
    }


# --- the build ---


def _copy(cursor, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of `table` that back no constraint."""
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(i.oid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        """,
        [table],
    )
    return cursor.fetchall()


def build(size: int, log=print) -> None:
    """Replace the library's documents with `size` generated ones and record it."""
    started = time.monotonic()
    version = wanted_version(size)
    reference = Reference.load()
    content_type = ContentType.objects.get_for_model(Document).pk
    generator = Generator(reference, content_type)
    raw = connection.connection  # psycopg's own connection, for COPY
    with transaction.atomic(), raw.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        # Foreign keys are checked as each COPY ends, not at commit: PostgreSQL refuses to
        # build an index on a table with checks still pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "DELETE FROM membership_themeditem WHERE content_type_id = %s", [content_type]
        )
        cursor.execute("TRUNCATE library_document RESTART IDENTITY CASCADE")
        indexes = _secondary_indexes(cursor, "library_document")
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        for number, generated in enumerate(generator.batches(size), start=1):
            _copy(cursor, "library_document", DOCUMENT_COLUMNS, generated.documents)
            _copy(cursor, "membership_themeditem", ("object_id", "content_type_id", "tag_id"),
                  generated.themes)  # fmt: skip
            _copy(cursor, "library_document_cities", ("document_id", "city_id"), generated.cities)
            _copy(cursor, "library_document_regions", ("document_id", "region_id"),
                  generated.regions)  # fmt: skip
            _copy(cursor, "library_document_covered_regions", ("document_id", "region_id"),
                  generated.covered_regions)  # fmt: skip
            if number % 4 == 0:
                log(f"  {number * BATCH:,} documents ({time.monotonic() - started:.0f} s)")
        log(f"  rows in ({time.monotonic() - started:.0f} s); building the indexes")
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('library_document', 'id'), %s)", [size]
        )
        cursor.execute(
            "INSERT INTO bench_dataset (name, version, documents, build_seconds, built_at) "
            "VALUES ('library', %s, %s, %s, now()) ON CONFLICT (name) DO UPDATE SET "
            "version = excluded.version, documents = excluded.documents, "
            "build_seconds = excluded.build_seconds, built_at = excluded.built_at",
            [version, size, time.monotonic() - started],
        )
    # Statistics for the planner and a visibility map for index-only scans, as a
    # long-lived production table would have.
    with connection.cursor() as cursor:
        for table in ("library_document", "membership_themeditem", "library_document_cities",
                      "library_document_regions", "library_document_covered_regions"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
        seconds = time.monotonic() - started
        cursor.execute(
            "UPDATE bench_dataset SET build_seconds = %s WHERE name = 'library'", [seconds]
        )
    log(f"  done in {seconds:.0f} s")
