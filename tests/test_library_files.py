"""What the library accepts as a file: the rejection corpus of issue 5, each case with its
own message, and every accepted format (library/files.py)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from library.choices import FileKind
from library.files import CONTENT_TYPES, EXTENSIONS, MESSAGES, detect_file_kind
from tests import samples


def refusal(content: bytes, name: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        detect_file_kind(SimpleUploadedFile(name, content))
    return caught.value


ACCEPTED = [
    ("report.pdf", samples.PDF, FileKind.PDF),
    ("text.pdf", samples.make_pdf_with_text("Prevention of violent extremism"), FileKind.PDF),
    ("plan.docx", samples.make_docx("Local action plan"), FileKind.DOCX),
    ("figures.xlsx", samples.make_xlsx(["City", "Budget"]), FileKind.XLSX),
    ("slides.pptx", samples.make_pptx(["Youth engagement", "Next steps"]), FileKind.PPTX),
    ("note.odt", samples.make_odt("Réseaux de prévention"), FileKind.ODT),
    ("UPPER.PDF", samples.PDF, FileKind.PDF),  # extensions are compared case-insensitively
]


@pytest.mark.parametrize(("name", "content", "kind"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_accepted_formats_are_recognised_by_their_content(name, content, kind):
    assert detect_file_kind(SimpleUploadedFile(name, content)) == kind


def test_every_kind_has_an_extension_and_a_content_type():
    assert set(EXTENSIONS) == set(CONTENT_TYPES) == set(FileKind)


def test_the_upload_is_rewound_after_the_checks():
    upload = SimpleUploadedFile("plan.docx", samples.make_docx("Local action plan"))
    upload.read(10)
    detect_file_kind(upload)
    assert upload.tell() == 0


def test_a_rewound_upload_after_a_refusal_too():
    upload = SimpleUploadedFile("page.pdf", samples.HTML)
    with pytest.raises(ValidationError):
        detect_file_kind(upload)
    assert upload.tell() == 0


def test_a_django_content_file_works_as_well_as_an_upload():
    assert detect_file_kind(ContentFile(samples.PDF, name="a.pdf")) == FileKind.PDF


# (id, file name, content, error code, words of the message)
REFUSED = [
    ("html", "page.pdf", samples.HTML, "html", "Web pages (HTML) cannot be uploaded"),
    ("html-with-bom", "page.pdf", b"\xef\xbb\xbf  <html><body>x</body></html>", "html",
     "Save the page as a PDF"),
    ("html-utf16", "page.pdf", "<!DOCTYPE html><html></html>".encode("utf-16"), "html",
     "Web pages (HTML)"),
    ("html-fragment", "page.docx", b"<script>alert(1)</script>", "html", "Web pages (HTML)"),
    ("svg", "logo.pdf", samples.SVG, "svg", "SVG images cannot be uploaded"),
    ("bare-svg", "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "svg", "SVG images"),
    ("windows-exe", "setup.pdf", samples.EXE, "executable", "Programs cannot be uploaded"),
    ("elf", "tool.docx", samples.ELF, "executable", "Programs cannot be uploaded"),
    ("mach-o", "app.pdf", b"\xcf\xfa\xed\xfe" + b"\x00" * 60, "executable", "Programs"),
    ("script", "run.pdf", b"#!/bin/sh\nrm -rf /\n", "executable", "Programs"),
    ("docm-renamed-docx", "report.docx", samples.make_macro_docx(), "macros",
     "Files with macros are not accepted"),
    ("hidden-vba-project", "report.docx", samples.make_macro_docx(rename_project=True),
     "macros", "Files with macros"),
    ("xlsm-renamed-xlsx", "sheet.xlsx",
     samples._replace_parts(samples.make_xlsx(["a"]), {"xl/vbaProject.bin": b"x"}), "macros",
     "without macros"),
    ("excel4-macro-sheet", "sheet.xlsx",
     samples._replace_parts(samples.make_xlsx(["a"]), {"xl/macrosheets/sheet1.xml": "<x/>"}),
     "macros", "without macros"),
    ("odt-basic-macros", "note.odt",
     samples._replace_parts(samples.make_odt("x"), {"Basic/Standard/Module1.xml": "<x/>"}),
     "macros", "without macros"),
    ("pdf-named-docx", "report.docx", samples.PDF, "extension_mismatch",
     "it is a PDF file. Rename it with the extension .pdf"),
    ("docx-named-pdf", "report.pdf", samples.make_docx("x"), "extension_mismatch",
     "it is a Word (DOCX) file. Rename it with the extension .docx"),
    ("xlsx-named-docx", "report.docx", samples.make_xlsx(["x"]), "extension_mismatch",
     "extension .xlsx"),
    ("no-extension", "report", samples.PDF, "extension_mismatch", "extension .pdf"),
    ("png-named-pdf", "photo.pdf", samples.PNG, "not_accepted",
     "This file is not a document the library accepts"),
    ("plain-text", "notes.pdf", b"Just some notes", "not_accepted", "Accepted formats: PDF"),
    ("other-zip", "archive.docx", samples.make_zip({"a.txt": "hello"}), "not_accepted",
     "Accepted formats"),
    ("odt-template", "note.odt",
     samples._replace_parts(samples.make_odt("x"),
                            {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
     "not_accepted", "Accepted formats"),
    ("truncated-zip", "report.docx", samples.make_docx("x")[:400], "damaged",
     "This file is damaged"),
    ("zip-header-only", "report.docx", b"PK\x03\x04" + b"\x00" * 100, "damaged", "damaged"),
    ("truncated-pdf", "report.pdf", samples.PDF[: len(samples.PDF) // 2], "damaged", "damaged"),
    ("bzip2-zip", "report.docx",
     samples.make_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"},
                      compression=zipfile.ZIP_BZIP2), "damaged", "damaged"),
    ("zip-bomb-declared", "report.docx", samples.make_zip_bomb(), "archive_bomb",
     "unpacks to far more than its size"),
    ("old-word", "report.doc", samples.OLD_WORD_DOC, "old_office",
     "Old Office files (.doc, .xls, .ppt) are not accepted"),
    ("old-word-renamed", "report.docx", samples.OLD_WORD_DOC, "old_office", "Old Office"),
    ("password-docx", "report.docx", samples.ENCRYPTED_DOCX, "encrypted",
     "Password-protected files cannot be uploaded"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "code", "words"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_refused_files_say_why(name, content, code, words):
    error = refusal(content, name)
    assert error.code == code
    assert words in error.messages[0]


def test_every_refusal_code_of_the_corpus_has_a_message():
    assert {r[3] for r in REFUSED} - {"extension_mismatch", "not_accepted"} <= set(MESSAGES)


def test_an_empty_file_is_refused():
    error = refusal(b"", "empty.pdf")
    assert error.code == "empty"
    assert error.messages == ["The file is empty."]


def test_a_file_over_the_size_cap_is_refused_with_both_sizes(settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = 1000
    with translation.override("en"):
        error = refusal(samples.PDF + b"\n" * 1000, "big.pdf")
    assert error.code == "too_large"
    assert "The file is too large" in error.messages[0]
    assert "The limit is 1000\xa0bytes" in error.messages[0]


def test_a_file_at_the_size_cap_is_accepted(settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = len(samples.PDF)
    assert detect_file_kind(SimpleUploadedFile("a.pdf", samples.PDF)) == FileKind.PDF


def test_an_archive_unpacking_beyond_the_limit_is_a_zip_bomb(settings):
    # An honest bomb: 2 MB of spaces compress to a few KB.
    settings.LIBRARY_MAX_UNPACKED_BYTES = 1024 * 1024
    bomb = samples.make_compressed_bomb(2 * 1024 * 1024)
    assert len(bomb) < 20_000
    assert refusal(bomb, "report.docx").code == "archive_bomb"


def test_an_archive_just_under_the_unpacked_limit_is_fine(settings):
    settings.LIBRARY_MAX_UNPACKED_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("r.docx", samples.make_compressed_bomb(512 * 1024))
    assert detect_file_kind(upload) == FileKind.DOCX


def test_an_archive_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr("library.files.MAX_ARCHIVE_ENTRIES", 5)
    package = samples._replace_parts(
        samples.make_docx("x"), {f"word/media/image{n}.png": b"x" for n in range(5)}
    )
    assert refusal(package, "report.docx").code == "archive_bomb"


def test_an_archive_with_two_entries_of_the_same_name_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<a/>")
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("word/document.xml", "<b/>")
    assert refusal(buffer.getvalue(), "report.docx").code == "damaged"


def test_an_encrypted_zip_entry_is_refused():
    data = bytearray(samples.make_docx("x"))
    # Set the "encrypted" flag of every entry, in the local and central headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 0x1
            start += 4
    assert refusal(bytes(data), "report.docx").code == "encrypted"


def test_a_pdf_with_trailing_bytes_after_its_end_marker_is_accepted():
    content = samples.PDF + b"\x00" * 4096  # some tools pad files; readers cope
    assert detect_file_kind(SimpleUploadedFile("a.pdf", content)) == FileKind.PDF


def test_a_password_protected_pdf_is_accepted_and_extraction_reports_it():
    # Refusing it would lose documents people can open with the password; the library
    # keeps it, with "no searchable text" (tests/test_library_extraction.py).
    upload = SimpleUploadedFile("secret.pdf", samples.make_pdf(encrypt=True))
    assert detect_file_kind(upload) == FileKind.PDF
