"""What the library accepts as a document file, judged by the file's content.

Accepted: PDF, DOCX, XLSX, PPTX and ODT, whose content must also match the extension.
Refused with a message saying why: empty files, files over the size cap, HTML, SVG,
executables, old binary Office files, password-protected Office files, macro-enabled
Office files, damaged files, archives that would unpack to far more than they weigh
(zip bombs), polyglots (a file that is also another format: a PDF that is a ZIP too, a
package that a PDF reader would open, web page markup at the start a browser could
sniff) and packages carrying web pages or scripts (a DOCX with an HTML "alternative
chunk", a JavaScript file).

Every check is cheap and bounded: the uploaded bytes are read at most once more, and
an archive's entries are never unpacked beyond a few small XML parts.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from library.choices import FileKind

EXTENSIONS = {
    FileKind.PDF: ".pdf",
    FileKind.DOCX: ".docx",
    FileKind.XLSX: ".xlsx",
    FileKind.PPTX: ".pptx",
    FileKind.ODT: ".odt",
}
CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    FileKind.ODT: "application/vnd.oasis.opendocument.text",
}
# The part that makes an Office Open XML package a document of each kind.
OOXML_MAIN_PARTS = {
    "word/document.xml": FileKind.DOCX,
    "xl/workbook.xml": FileKind.XLSX,
    "ppt/presentation.xml": FileKind.PPTX,
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_ARCHIVE_ENTRIES = 5000
# How much of the file's start is sniffed for refused formats.
HEAD_BYTES = 1024

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXECUTABLE_MAGICS = (
    b"MZ",  # Windows (PE) and DOS programs
    b"\x7fELF",  # Linux and other Unix programs
    b"\xcf\xfa\xed\xfe",  # macOS (Mach-O, both byte orders, 32 and 64 bits)
    b"\xce\xfa\xed\xfe",
    b"\xfe\xed\xfa\xcf",
    b"\xfe\xed\xfa\xce",
    b"\xca\xfe\xba\xbe",  # macOS universal binaries and Java classes
    b"#!",  # scripts
)
# Markup that makes a text file a web page (HTML is what browsers would run).
HTML_MARKERS = (
    b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<meta",
    b"<title", b"<style", b"<link", b"<div", b"<form", b"<img", b"<a ", b"<p>",
)  # fmt: skip
# An encrypted Office document is an OLE2 file holding this stream (name in UTF-16).
ENCRYPTED_OFFICE_STREAM = "EncryptedPackage".encode("utf-16-le")
# Parts and content types that carry macros: VBA projects (Office), Excel 4.0 macro
# sheets, and OpenDocument's Basic and script folders.
MACRO_PART_SUFFIXES = ("vbaproject.bin", "vbadata.xml")
MACRO_PART_PREFIXES = ("xl/macrosheets/", "basic/", "scripts/")
MACRO_CONTENT_TYPE_MARKERS = (b"macroenabled", b"vbaproject", b"macrosheet")
# Parts and content types of web pages and scripts, which no document needs: Word
# renders an HTML or MHT "alternative chunk"; the others run when opened on their own.
ACTIVE_PART_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".mht", ".mhtml", ".js", ".mjs", ".vbs", ".vbe", ".jse",
    ".wsf", ".wsh", ".hta", ".ps1", ".bat", ".cmd", ".exe", ".dll", ".scr", ".jar",
)  # fmt: skip
ACTIVE_CONTENT_TYPE_MARKERS = (
    b'"text/html"', b"application/xhtml+xml", b"javascript", b"ecmascript",
    b"message/rfc822", b"application/hta", b"text/vbscript",
)  # fmt: skip
# Markup that a content-sniffing client reading the start of a file would take for a
# web page, wherever it is in the first HEAD_BYTES (no PDF or package has it there).
POLYGLOT_HTML_MARKERS = (b"<!doctype html", b"<html", b"<script", b"<body", b"<iframe", b"<svg")
CONTENT_TYPES_PART = "[Content_Types].xml"
# Enough of [Content_Types].xml to see every declared type (real ones weigh a few KB).
CONTENT_TYPES_READ_LIMIT = 1024 * 1024
# The only compression methods Office and OpenDocument use; others (bzip2, LZMA) could
# expand without bound before zipfile caps them.
ZIP_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

ACCEPTED = _(
    "Accepted formats: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT)."
)
MESSAGES = {
    "empty": _("The file is empty."),
    "executable": _("Programs cannot be uploaded to the library."),
    "html": _("Web pages (HTML) cannot be uploaded. Save the page as a PDF first."),
    "svg": _("SVG images cannot be uploaded to the library."),
    "old_office": _(
        "Old Office files (.doc, .xls, .ppt) are not accepted. Save the file in the "
        "newer format (DOCX, XLSX, PPTX) or as a PDF."
    ),
    "encrypted": _(
        "Password-protected files cannot be uploaded. Remove the password and upload the "
        "file again."
    ),
    "macros": _(
        "Files with macros are not accepted. Save the file without macros "
        "(DOCX, XLSX, PPTX) and upload it again."
    ),
    "archive_bomb": _("This file unpacks to far more than its size and cannot be accepted."),
    "polyglot": _(
        "This file is also a file of another kind (a web page or an archive) and cannot be "
        "accepted. Save it again from the program that made it."
    ),
    "active_content": _(
        "Files containing web pages or scripts cannot be uploaded. Save the document "
        "without them and upload it again."
    ),
    "damaged": _("This file is damaged and cannot be opened."),
}


def _refuse(code: str, message=None):
    raise ValidationError(message or MESSAGES[code], code=code)


def _refuse_not_accepted():
    _refuse(
        "not_accepted",
        _("This file is not a document the library accepts. %(accepted)s") % {"accepted": ACCEPTED},
    )


def _as_text(head: bytes) -> bytes:
    """The start of a text file in lowercase ASCII-compatible bytes, whatever its encoding
    marker (UTF-8 or UTF-16 byte order mark), without leading whitespace."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()


def _sniff_refused_formats(head: bytes) -> None:
    """Clear messages for the formats people most often try."""
    if head.startswith(EXECUTABLE_MAGICS):
        _refuse("executable")
    text = _as_text(head)
    if text.startswith(b"<"):
        if b"<html" in text or b"<!doctype html" in text:
            _refuse("html")
        if b"<svg" in text:
            _refuse("svg")
        if any(marker in text for marker in HTML_MARKERS):
            _refuse("html")


def _contains(upload, needle: bytes, start: int = 0, chunk_size: int = 1024 * 1024) -> bool:
    """Whether the file holds `needle` from byte `start` on, read in chunks."""
    upload.seek(start)
    tail = b""
    for chunk in iter(lambda: upload.read(chunk_size), b""):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle) :]
    return False


def _check_pdf(upload) -> None:
    """A PDF ends with an end-of-file marker (in its last 1024 bytes for most readers);
    a file without any was cut off, and no reader opens it."""
    start = max(upload.size - 1024, 0)
    if not _contains(upload, b"%%EOF", start) and not _contains(upload, b"%%EOF"):
        _refuse("damaged")


def _check_old_office(upload) -> None:
    # Word and Excel save a password-protected DOCX or XLSX as an OLE2 file: say why
    # it is refused, rather than calling it an old Office file.
    if _contains(upload, ENCRYPTED_OFFICE_STREAM):
        _refuse("encrypted")
    _refuse("old_office")


def _has_macros(archive: zipfile.ZipFile, names: set[str]) -> bool:
    lowered = [name.lower() for name in names]
    if any(name.endswith(MACRO_PART_SUFFIXES) for name in lowered):
        return True
    if any(name.startswith(MACRO_PART_PREFIXES) for name in lowered):
        return True
    if CONTENT_TYPES_PART in names:
        # A .docm/.xlsm/.pptm renamed .docx still declares its macro parts here, whatever
        # their file name inside the package.
        with archive.open(CONTENT_TYPES_PART) as part:
            declared = part.read(CONTENT_TYPES_READ_LIMIT).lower()
        return any(marker in declared for marker in MACRO_CONTENT_TYPE_MARKERS)
    return False


def _has_active_content(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if any(name.lower().endswith(ACTIVE_PART_SUFFIXES) for name in names):
        return True
    if CONTENT_TYPES_PART in names:
        with archive.open(CONTENT_TYPES_PART) as part:
            declared = part.read(CONTENT_TYPES_READ_LIMIT).lower()
        return any(marker in declared for marker in ACTIVE_CONTENT_TYPE_MARKERS)
    return False


def _check_not_polyglot(upload, head: bytes, kind: FileKind) -> None:
    """Refuse a file that other programs would read as another format."""
    lowered = head.lower()
    if any(marker in lowered for marker in POLYGLOT_HTML_MARKERS):
        _refuse("polyglot")
    if kind == FileKind.PDF:
        # A ZIP is read from its end: a PDF with a ZIP directory there is both.
        upload.seek(0)
        if zipfile.is_zipfile(upload):
            _refuse("polyglot")
    elif PDF_MAGIC in head:
        # PDF readers look for the PDF header anywhere in the first kilobyte.
        _refuse("polyglot")


def _archive_kind(upload) -> FileKind:
    """DOCX, XLSX, PPTX or ODT, from the package's own parts; refuses macros and bombs."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        _refuse("damaged")
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        unpacked = sum(entry.file_size for entry in entries)
        if len(entries) > MAX_ARCHIVE_ENTRIES or unpacked > settings.LIBRARY_MAX_UNPACKED_BYTES:
            _refuse("archive_bomb")
        if len(names) < len(entries) or any(
            entry.compress_type not in ZIP_COMPRESSIONS for entry in entries
        ):
            # Two entries of the same name are read differently by different programs
            # (a way to smuggle content past checks); other compressions are not Office's.
            _refuse("damaged")
        if any(entry.flag_bits & 0x1 for entry in entries):
            _refuse("encrypted")
        try:
            if _has_macros(archive, names):
                _refuse("macros")
            if _has_active_content(archive, names):
                _refuse("active_content")
            if CONTENT_TYPES_PART in names:
                for part, kind in OOXML_MAIN_PARTS.items():
                    if part in names:
                        return kind
            elif "mimetype" in names:
                with archive.open("mimetype") as part:
                    if part.read(100).strip() == ODT_MIMETYPE:
                        return FileKind.ODT
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
            _refuse("damaged")
    _refuse_not_accepted()


def detect_file_kind(upload) -> FileKind:
    """The kind of document `upload` (a Django UploadedFile or File) is, by its content and
    then its extension; ValidationError with a message for the uploader otherwise.

    The error's `code` says which check refused it: empty, too_large, executable, html,
    svg, old_office, encrypted, macros, active_content, archive_bomb, polyglot, damaged,
    not_accepted or extension_mismatch."""
    limit = settings.LIBRARY_MAX_UPLOAD_BYTES
    if not upload.size:
        _refuse("empty")
    if upload.size > limit:
        _refuse(
            "too_large",
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    try:
        upload.seek(0)
        head = upload.read(HEAD_BYTES)
        _sniff_refused_formats(head)
        if head.startswith(PDF_MAGIC):
            _check_pdf(upload)
            kind = FileKind.PDF
        elif head.startswith(ZIP_MAGIC):
            kind = _archive_kind(upload)
        elif head.startswith(OLE2_MAGIC):
            _check_old_office(upload)
        else:
            _refuse_not_accepted()
        _check_not_polyglot(upload, head, kind)
    finally:
        upload.seek(0)
    name = (getattr(upload, "name", "") or "").lower()
    if not name.endswith(EXTENSIONS[kind]):
        _refuse(
            "extension_mismatch",
            _("The file's content does not match its name: it is a %(kind)s file. Rename "
              "it with the extension %(extension)s, or upload the right file.")
            % {"kind": FileKind(kind).label, "extension": EXTENSIONS[kind]},
        )  # fmt: skip
    return kind
