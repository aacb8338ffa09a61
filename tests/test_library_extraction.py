"""Text extraction of library documents (library/extraction.py), and the storage promises of
library/services.py and library/signals.py: no orphan file when a save fails, no file left
behind once a deletion commits."""

import io
import os
import time
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from library import extraction, services
from library.choices import DocumentStatus, DocumentType, ExtractionStatus, FileKind
from library.extraction import extract_and_store
from library.models import Document
from tests import samples


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    # Background tasks run as soon as they are enqueued (after commit).
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def files_in(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.fixture
def add_document(db, media_root, member, django_capture_on_commit_callbacks):
    """add_document(content, kind) -> a document created as an upload is, its text
    extracted (the on-commit task run), reloaded from the database."""

    def add(content: bytes, kind: str = FileKind.PDF, **fields) -> Document:
        fields = {"title": "Local prevention strategy", "document_type": DocumentType.STRATEGY,
                  "summary": "How the city works with schools.", **fields}  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            document = services.create_document(
                upload=ContentFile(content, name=f"upload.{kind}"),
                file_kind=kind,
                uploaded_by=member,
                **fields,
            )
        document.refresh_from_db()
        return document

    return add


EXTRACTED = [
    (FileKind.PDF, samples.make_pdf_with_text("Youth engagement", "Second page"),
     "Youth engagement\nSecond page", 2),
    # python-docx's template stores "1 page" in docProps/app.xml, as Word does.
    (FileKind.DOCX, samples.make_docx("Risk assessment", paragraphs=["Schools"]),
     "Risk assessment\nSchools", 1),
    (FileKind.XLSX, samples.make_xlsx(["Budget", "Mentors & coaches"]),
     "Budget\nMentors & coaches", None),
    (FileKind.PPTX, samples.make_pptx(["Slide one", ["Slide", "two"], "Three"]),
     "Slide one\nSlide\ntwo\nThree", 3),
    (FileKind.ODT, samples.make_odt("Réseaux de prévention", paragraphs=["Jeunes"]),
     "Réseaux de prévention\nJeunes", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "content", "text", "pages"), EXTRACTED, ids=[e[0] for e in EXTRACTED]
)
def test_create_document_ends_with_the_text_and_page_count(add_document, kind, content, text,
                                                           pages):  # fmt: skip
    document = add_document(content, kind)
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extraction_error == ""
    assert document.extracted_text == text
    assert document.page_count == pages


def test_the_extracted_text_is_searchable(add_document):
    document = add_document(samples.make_docx("Mentoring programmes for young people"), "docx")
    assert Document.objects.filter(pk=document.pk, search_vector="mentoring").exists()


def test_docx_tables_are_extracted_once_each_even_with_merged_cells(add_document):
    content = samples.make_docx("Intro", table=[["Budget", "2024"], ["Mentors", "12"]])
    assert add_document(content, "docx").extracted_text == "Intro\nBudget\n2024\nMentors\n12"


def test_docx_and_odt_page_counts_come_from_their_metadata(add_document):
    assert add_document(samples.make_docx("One", pages=7), "docx").page_count == 7
    assert add_document(samples.make_odt("Deux", pages=3), "odt").page_count == 3


def test_odt_words_split_by_tabs_and_spans_stay_apart(add_document):
    content = samples._replace_parts(
        samples.make_odt("x"),
        {
            "content.xml": (
                f'<office:document-content xmlns:office="{samples.ODF_OFFICE_NS}" '
                f'xmlns:text="{samples.ODF_TEXT_NS}"><office:body><office:text>'
                "<text:h>Titre</text:h><text:p>Un<text:tab/>deux <text:span>trois</text:span>"
                " quatre</text:p></office:text></office:body></office:document-content>"
            )
        },
    )
    assert add_document(content, "odt").extracted_text == "Titre\nUn deux trois quatre"


def test_xlsx_inline_strings_in_sheets_are_read(add_document):
    sheet = (
        f'<worksheet xmlns="{samples.SPREADSHEET_NS}"><sheetData><row r="1">'
        '<c r="B1" t="inlineStr"><is><t>Inline words</t></is></c><c r="C1"><v>42</v></c>'
        "</row></sheetData></worksheet>"
    )
    content = samples._replace_parts(
        samples.make_xlsx(["Shared"]), {"xl/worksheets/sheet1.xml": sheet}
    )
    assert add_document(content, "xlsx").extracted_text == "Shared\nInline words"


def test_pptx_slides_are_read_in_their_numeric_order(add_document):
    content = samples.make_pptx([f"Slide {n}" for n in range(1, 12)])
    text = add_document(content, "pptx").extracted_text
    assert text.split("\n") == [f"Slide {n}" for n in range(1, 12)]


def test_a_pdf_encrypted_without_a_user_password_is_read(add_document):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(samples.make_pdf_with_text("Printing restricted")))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    document = add_document(buffer.getvalue())
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extracted_text == "Printing restricted"


# --- Failures: the document and its file are kept, marked "no searchable text" ---


def assert_failed_but_kept(document: Document, media_root, problem: str):
    assert document.extraction_status == ExtractionStatus.FAILED
    assert problem in document.extraction_error
    assert document.extracted_text == ""
    assert document.title == "Local prevention strategy"
    assert document.summary == "How the city works with schools."
    assert document.status == DocumentStatus.PENDING
    assert files_in(media_root) == [document.file.name]


def test_a_password_protected_pdf_fails_and_keeps_its_file(add_document, media_root):
    document = add_document(samples.make_pdf(encrypt=True))
    assert_failed_but_kept(document, media_root, "protected by a password")


@pytest.mark.parametrize(
    ("kind", "content", "problem"),
    [
        (FileKind.PDF, b"%PDF-1.7\n garbage without any structure", "PdfStreamError"),
        (FileKind.DOCX, samples.make_docx("x")[:500], "BadZipFile"),
        (FileKind.XLSX, samples.make_zip({"xl/sharedStrings.xml": "<sst><si><t>unclosed"}),
         "ParseError"),
        (FileKind.ODT, samples.make_zip({"mimetype": "x"}), "KeyError"),  # no content.xml
    ],
    ids=["pdf", "docx", "xlsx", "odt"],
)  # fmt: skip
def test_a_damaged_file_fails_and_keeps_its_file(add_document, media_root, kind, content,
                                                 problem):  # fmt: skip
    assert_failed_but_kept(add_document(content, kind), media_root, problem)


def test_an_xml_entity_bomb_is_not_expanded(add_document, media_root):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<office:document-content xmlns:office="{samples.ODF_OFFICE_NS}" '
        f'xmlns:text="{samples.ODF_TEXT_NS}"><text:p>&lol2;</text:p></office:document-content>'
    )
    content = samples._replace_parts(samples.make_odt("x"), {"content.xml": laughs})
    assert_failed_but_kept(add_document(content, "odt"), media_root, "EntitiesForbidden")


def test_a_missing_file_fails_without_losing_the_document(add_document, media_root):
    document = add_document(samples.make_docx("x"), "docx")
    (media_root / document.file.name).unlink()
    extract_and_store(document.pk)
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert "No such file" in document.extraction_error


def test_a_file_without_text_is_marked_as_having_none(add_document):
    document = add_document(samples.PDF)  # a blank page
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extraction_error == "no text found in the file"
    assert document.page_count == 1


def test_a_document_deleted_before_its_extraction_is_skipped(db):
    extract_and_store(123456789)  # nothing to do, nothing raised


# --- Limits ---


def test_text_beyond_max_chars_is_cut(add_document, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_CHARS", 12)
    document = add_document(samples.make_docx("Prevention networks", paragraphs=["More"]), "docx")
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extracted_text == "Prevention n"


def test_pages_beyond_max_pages_are_not_read_but_counted(add_document, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PAGES", 2)
    document = add_document(samples.make_pdf_with_text("One", "Two", "Three"))
    assert document.extracted_text == "One\nTwo"
    assert document.page_count == 3


def test_the_time_budget_stops_extraction(add_document, media_root, monkeypatch):
    monkeypatch.setattr(extraction, "MAX_SECONDS", 0)
    document = add_document(samples.make_pdf_with_text("Slow"))
    assert_failed_but_kept(document, media_root, "took longer than 0 seconds")


def test_a_clock_past_the_deadline_between_paragraphs_stops_extraction(add_document, monkeypatch):
    # The budget is checked as text is read: a clock jumping past the deadline after
    # the first paragraph stops the extraction there.
    clock = iter([0.0, 1.0, 10_000.0])
    fake_time = SimpleNamespace(monotonic=lambda: next(clock, 10_000.0))
    monkeypatch.setattr(extraction, "time", fake_time)
    monkeypatch.setattr(extraction, "MAX_SECONDS", 60)
    document = add_document(samples.make_docx("First", paragraphs=["Second"]), "docx")
    assert document.extraction_status == ExtractionStatus.FAILED
    assert "took longer than 60 seconds" in document.extraction_error


def test_a_parser_stuck_inside_one_page_is_stopped_by_the_hard_limit(
    add_document, media_root, monkeypatch
):
    def stuck(handle, budget):
        # A hostile file sending a parser round in circles (bounded here, so that a
        # broken hard limit fails the test instead of hanging it).
        give_up = time.monotonic() + 5
        while time.monotonic() < give_up:
            time.sleep(0.01)
        return 1

    monkeypatch.setitem(extraction.READERS, FileKind.PDF, stuck)
    monkeypatch.setattr(extraction, "MAX_SECONDS", 0)
    monkeypatch.setattr(extraction, "HARD_LIMIT_GRACE_SECONDS", 0.2)
    started = time.monotonic()
    document = add_document(samples.PDF)
    assert time.monotonic() - started < 5
    assert_failed_but_kept(document, media_root, "took longer than 0 seconds")


def test_nul_characters_and_lone_surrogates_are_dropped(add_document, monkeypatch):
    def reader(handle, budget):
        budget.add("Youth\x00 work \ud800here")
        return 1

    monkeypatch.setitem(extraction.READERS, FileKind.PDF, reader)
    document = add_document(samples.PDF)
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extracted_text == "Youth work ?here"


def test_an_error_message_with_nul_characters_is_stored(add_document, monkeypatch):
    def reader(handle, budget):
        raise ValueError("bad byte \x00 in stream")

    monkeypatch.setitem(extraction.READERS, FileKind.PDF, reader)
    document = add_document(samples.PDF)
    assert document.extraction_error == "ValueError: bad byte  in stream"


# --- Re-running ---


def test_staff_can_re_run_extraction(add_document, monkeypatch, django_capture_on_commit_callbacks):
    def broken(handle, budget):
        raise OSError("disk hiccup")

    monkeypatch.setitem(extraction.READERS, FileKind.DOCX, broken)
    document = add_document(samples.make_docx("Second chance"), "docx")
    assert document.extraction_status == ExtractionStatus.FAILED
    monkeypatch.undo()

    with django_capture_on_commit_callbacks(execute=True):
        services.schedule_extraction(document)
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extraction_error == ""
    assert document.extracted_text == "Second chance"


def test_scheduled_extraction_waits_for_the_commit(
    add_document, django_capture_on_commit_callbacks
):
    document = add_document(samples.make_docx("Text"), "docx")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.schedule_extraction(document)
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.PENDING
    assert len(callbacks) == 1


# --- Storage: no orphan files, no files left behind ---


def test_a_failed_save_leaves_no_orphan_file(db, media_root, member, monkeypatch):
    def fail(document):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "refresh_denormalised", fail)
    with pytest.raises(RuntimeError):
        services.create_document(
            upload=ContentFile(samples.PDF, name="report.pdf"),
            file_kind=FileKind.PDF,
            uploaded_by=member,
            title="Lost",
            document_type=DocumentType.RESEARCH,
        )
    assert not Document.objects.exists()
    assert files_in(media_root) == []


def test_a_save_refused_by_the_database_leaves_no_orphan_file(db, media_root, member):
    with pytest.raises(Exception):  # noqa: B017  (a DataError: the title is too long)
        services.create_document(
            upload=ContentFile(samples.PDF, name="report.pdf"),
            file_kind=FileKind.PDF,
            uploaded_by=member,
            title="x" * 301,
            document_type=DocumentType.RESEARCH,
        )
    assert files_in(media_root) == []


def test_the_file_is_stored_under_a_random_name(add_document, media_root):
    document = add_document(samples.PDF, title="../../etc/passwd")
    assert document.file.name.startswith("library/")
    assert document.file.name.endswith(".pdf")
    assert "passwd" not in document.file.name
    assert files_in(media_root) == [document.file.name]


def test_deleting_a_document_deletes_its_file_after_commit(
    add_document, media_root, django_capture_on_commit_callbacks
):
    document = add_document(samples.PDF)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.delete()
    assert files_in(media_root) == [document.file.name]  # not before the commit
    for callback in callbacks:
        callback()
    assert files_in(media_root) == []


def test_deleting_documents_in_bulk_deletes_their_files(
    add_document, media_root, django_capture_on_commit_callbacks
):
    add_document(samples.PDF)
    add_document(samples.make_docx("x"), "docx")
    assert len(files_in(media_root)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        Document.objects.all().delete()
    assert files_in(media_root) == []


def test_a_rolled_back_deletion_keeps_the_file(
    add_document, media_root, django_capture_on_commit_callbacks
):
    document = add_document(samples.PDF)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Document.objects.filter(pk=document.pk).delete()
        raise RuntimeError("changed my mind")
    assert callbacks == []
    assert Document.objects.filter(pk=document.pk).exists()
    assert files_in(media_root) == [document.file.name]


def test_deleting_the_uploader_keeps_the_document_and_its_file(
    add_document, media_root, member, django_capture_on_commit_callbacks
):
    document = add_document(samples.PDF)
    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert Document.objects.filter(pk=document.pk, uploaded_by=None).exists()
    assert files_in(media_root) == [document.file.name]


def test_orphan_files_left_by_an_outer_rollback_are_swept_up(add_document, media_root):
    kept = add_document(samples.PDF)
    (media_root / "library" / "orphan-old.pdf").write_bytes(samples.PDF)
    (media_root / "library" / "orphan-new.pdf").write_bytes(samples.PDF)
    two_days_ago = time.time() - 48 * 3600
    for name in (kept.file.name, "library/orphan-old.pdf"):
        os.utime(media_root / name, (two_days_ago, two_days_ago))
    out = io.StringIO()
    call_command("delete_orphan_files", stdout=out)
    assert "deleting library/orphan-old.pdf" in out.getvalue()
    assert files_in(media_root) == sorted([kept.file.name, "library/orphan-new.pdf"])
