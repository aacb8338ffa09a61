"""The library: 100,000 published documents (at full size).

The documents read like the demo library's (library/demo_content.py): their bodies are
150 to 400 words of sentences drawn, with a fixed seed, from the demo texts of their
language and themes; a third each in English, French and Arabic; with themes, member
cities, regions, types and years spread as in a real library: French and Arabic documents
mostly come from French- and Arabic-speaking reference cities, the others from the whole
network with Zipf-like weights over its ranking (network.ranked_cities), so the most active
cities have thousands of documents and most have a few. Local action plans, evaluations,
case studies and strategies are their first city's contribution. Rows go in with COPY (the
search vector is computed by PostgreSQL as they arrive, since it is a generated column),
with the document table's indexes dropped during the load. All documents point at the same
file (samples.SAMPLE_DOCUMENT; samples.write_sample_file writes it).
"""

import datetime
import hashlib
import random
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from library.demo_content import TYPE_PARAGRAPHS
from library.models import Document
from membership.choices import CityStatus
from membership.models import Region, Theme
from tests.benchmarks.dataset import network
from tests.benchmarks.dataset.copying import copy_rows, indexes_dropped, sync_sequence
from tests.benchmarks.dataset.samples import SAMPLE_DOCUMENT
from tests.benchmarks.dataset.shared import REFERENCE_TIME, SEED, Scale, Skewed
from tests.benchmarks.dataset.texts import LANGUAGES, vocabularies

# Change it when the generated rows change, so that the next run rebuilds them.
VERSION = "2"
APPS = ("library",)
BATCH = 5_000
TABLES = ("library_document", "membership_themeditem", "library_document_cities",
          "library_document_regions", "library_document_covered_regions")  # fmt: skip
# The kinds of documents that are a city's own work (Document.contributing_city).
CONTRIBUTIONS = {"local_action_plan", "evaluation", "case_study", "strategy"}

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


@dataclass
class Reference:
    """What the generated rows point at: themes, regions and the network's cities (those
    that are or were members: an applicant has published nothing yet), in ranking order."""

    themes: list[Theme]
    cities: list[network.RankedCity]
    regions: list[Region]

    @classmethod
    def load(cls) -> "Reference":
        return cls(
            themes=list(Theme.objects.order_by("pk")),
            cities=[
                city for city in network.ranked_cities() if city.status != CityStatus.APPLICANT
            ],
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
    "published_at", "download_count", "created", "updated", "contributing_city_id",
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
        self.network = Skewed(reference.cities, exponent=0.8)
        self.now = REFERENCE_TIME

    def _cities(self, language: str) -> list[network.RankedCity]:
        rng = self.rng
        count = 1 if rng.random() < 0.85 else 2
        preferred = self.preferred_cities.get(language)
        if preferred and rng.random() < 0.7:
            return rng.sample(preferred, count)
        return self.network.distinct(rng, count)

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
                rng.choice(AUTHORS[language]).format(city=city_name), "", SAMPLE_DOCUMENT, "pdf",
                rng.randint(80_000, 4_000_000), hashlib.sha256(str(pk).encode()).hexdigest(),
                rng.randint(2, 120), body, "done", "",
                " ".join(self.themes_text[theme.pk] for theme in themes), "published", "",
                published, downloads, published, published,
                cities[0].pk if document_type in CONTRIBUTIONS else None,
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


# --- clearing and building ---


def clear(cursor) -> None:
    """Remove every document (and, by CASCADE, every row that refers to one: the parts
    built after this one are cleared before it)."""
    content_type = ContentType.objects.get_for_model(Document).pk
    cursor.execute("DELETE FROM membership_themeditem WHERE content_type_id = %s", [content_type])
    cursor.execute("TRUNCATE library_document RESTART IDENTITY CASCADE")


def build(cursor, scale: Scale, log) -> dict[str, int]:
    """`scale.documents` generated documents; returns the rows made per table."""
    started = time.monotonic()
    size = scale.documents
    generator = Generator(Reference.load(), ContentType.objects.get_for_model(Document).pk)
    counts = dict.fromkeys(TABLES, 0)
    with indexes_dropped(cursor, ["library_document"]):
        for number, generated in enumerate(generator.batches(size), start=1):
            for table, columns, rows in (
                ("library_document", DOCUMENT_COLUMNS, generated.documents),
                ("membership_themeditem", ("object_id", "content_type_id", "tag_id"),
                 generated.themes),
                ("library_document_cities", ("document_id", "city_id"), generated.cities),
                ("library_document_regions", ("document_id", "region_id"), generated.regions),
                ("library_document_covered_regions", ("document_id", "region_id"),
                 generated.covered_regions),
            ):  # fmt: skip
                counts[table] += copy_rows(cursor, table, columns, rows)
            if number % 4 == 0:
                log(f"  {number * BATCH:,} documents ({time.monotonic() - started:.0f} s)")
        log(f"  documents in ({time.monotonic() - started:.0f} s); building the indexes")
    sync_sequence(cursor, "library_document")
    return {"documents": counts.pop("library_document"), **counts}
