"""`make run`'s demo library: real files in three languages, searchable at once,
idempotent, and never loaded in production."""

import csv
from collections import Counter

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from library.choices import DocumentStatus, ExtractionStatus
from library.demo import load_demo_library, render
from library.demo_content import DEMO_DOCUMENTS, THEME_PARAGRAPHS, TYPE_PARAGRAPHS
from library.files import EXTENSIONS, detect_file_kind
from library.models import Document, Download
from library.search import search_documents
from membership.models import City, Theme
from membership.reference import MEMBER_CITIES_CSV, REGIONS, THEMES, load_reference_data


@pytest.fixture
def demo_library(db, settings, media_root, capsys):
    """Reference data, demo accounts and the demo library, loaded by the command."""
    settings.DEBUG = True
    load_reference_data()
    call_command("load_demo_data")
    return capsys.readouterr().out


def test_the_content_names_real_cities_themes_and_regions():
    with MEMBER_CITIES_CSV.open(encoding="utf-8") as handle:
        member_cities = {row["name"] for row in csv.DictReader(handle)}
    for spec in DEMO_DOCUMENTS:
        assert set(spec.cities) <= member_cities, spec.title
        assert set(spec.themes) <= THEMES.keys(), spec.title
        assert set(spec.regions) <= REGIONS.keys(), spec.title
        assert set(spec.themes) <= THEME_PARAGRAPHS.keys()
        assert spec.document_type in TYPE_PARAGRAPHS
    assert len({spec.title for spec in DEMO_DOCUMENTS}) == len(DEMO_DOCUMENTS)


def test_every_demo_file_is_deterministic_and_passes_the_upload_checks():
    for spec in DEMO_DOCUMENTS:
        content = render(spec)
        assert render(spec) == content, spec.title
        upload = ContentFile(content, name=f"demo{EXTENSIONS[spec.file_kind]}")
        assert detect_file_kind(upload) == spec.file_kind, spec.title


def test_the_demo_library_is_published_searchable_and_varied(demo_library):
    documents = Document.objects.all()
    assert "library: 61 documents (61 created)" in demo_library
    assert documents.count() == len(DEMO_DOCUMENTS) >= 60
    assert set(documents.values_list("status", flat=True)) == {DocumentStatus.PUBLISHED}
    assert set(documents.values_list("extraction_status", flat=True)) == {ExtractionStatus.DONE}
    assert all(len(text) > 1000 for text in documents.values_list("extracted_text", flat=True))
    languages = Counter(documents.values_list("language", flat=True))
    assert languages["en"] >= 30 and languages["fr"] >= 15 and languages["ar"] >= 15
    assert len(set(documents.values_list("document_type", flat=True))) >= 6
    assert len(set(documents.values_list("file_kind", flat=True))) >= 3
    assert len(set(documents.values_list("year_published", flat=True))) >= 10
    assert Theme.objects.filter(themed_items__isnull=False).distinct().count() >= 15
    assert City.objects.filter(documents__isnull=False).distinct().count() >= 10
    assert documents.filter(covered_regions__isnull=False).distinct().count() >= 55
    # The Mombasa city editor's own contributions, and something for "most downloaded".
    contributions = documents.filter(contributing_city__isnull=False)
    assert contributions.count() == 2
    assert {d.uploaded_by.email for d in contributions} == {"editor@demo.scn.example"}
    assert Download.objects.count() == sum(spec.downloads for spec in DEMO_DOCUMENTS) > 0
    top = documents.order_by("-download_count").first()
    assert top.download_count == top.downloads.count() > 10


def test_a_pdf_keeps_its_accents_through_extraction(demo_library):
    document = Document.objects.get(title__startswith="Cohésion sociale et polarisation")
    assert document.file_kind == "pdf"
    assert "bâtisseurs de ponts" in document.extracted_text


def test_loading_again_creates_nothing(demo_library, capsys):
    files = set(Document.objects.values_list("file", flat=True))
    call_command("load_demo_data")
    assert "library: 61 documents (0 created)" in capsys.readouterr().out
    assert set(Document.objects.values_list("file", flat=True)) == files
    assert Download.objects.count() == sum(spec.downloads for spec in DEMO_DOCUMENTS)


def test_the_demo_library_is_refused_without_debug(db, settings, media_root):
    load_reference_data()
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")
    with pytest.raises(ImproperlyConfigured):
        load_demo_library()
    assert not Document.objects.exists()
    assert not list(media_root.iterdir())


def _titles(text: str) -> set[str]:
    return set(search_documents(Document.objects.published(), text).values_list("title", flat=True))


def test_french_searches_find_french_demo_documents(demo_library):
    # Accent- and plural-insensitive: "prevention" and "jeune" find "prévention", "jeunes".
    found = _titles("prevention radicalisation jeune")
    assert "Plan local de prévention de la radicalisation de Bordeaux 2021-2025" in found
    assert "Engagement des jeunes et prévention de l'extrémisme violent à Dakar" in _titles(
        "engagement des jeunes Dakar"
    )
    assert "Vilvorde : de l'écoute à l'action, la prévention locale après les départs vers " \
        "la Syrie" in _titles("Vilvoorde")  # fmt: skip


def test_arabic_searches_find_arabic_demo_documents(demo_library):
    found = _titles("التماسك الاجتماعي بيروت")
    assert "التماسك الاجتماعي في أحياء بيروت: دراسة ميدانية" in found
    # Without the article, and with a plain alef for the hamza: "ارشاد" finds "الإرشاد".
    assert "تقييم برنامج الإرشاد للشباب في مدينة الزرقاء" in _titles("ارشاد الزرقاء")


def test_an_english_search_ranks_the_matching_demo_document_first(demo_library):
    results = search_documents(Document.objects.published(), "Aarhus exit mentors")
    assert results.order_by("-rank").first().title.startswith("The Aarhus Model")
