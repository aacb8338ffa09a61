"""What the library accepts as a document file, judged by the file's content.

Accepted: PDF, DOCX, XLSX, PPTX and ODT, whose content must also match the extension.
Refused with a message saying why: empty files, files over the size cap, HTML, SVG,
executables, old binary Office files, macro-enabled Office files, damaged archives and
archives that would unpack to far more than they weigh (zip bombs).
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

ACCEPTED = _(
    "Accepted formats: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT)."
)


def _refuse(message, code: str):
    raise ValidationError(message, code=code)


def _sniff_refused_formats(head: bytes) -> None:
    """Clear messages for the formats people most often try."""
    text = head.lstrip().lower()
    if (
        head.startswith(b"MZ")
        or head.startswith(b"\x7fELF")
        or head[:4]
        in (
            b"\xcf\xfa\xed\xfe",
            b"\xfe\xed\xfa\xcf",
        )
    ):
        _refuse(_("Programs cannot be uploaded to the library."), "executable")
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        _refuse(_("Web pages (HTML) cannot be uploaded. Save the page as a PDF first."), "html")
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        _refuse(_("SVG images cannot be uploaded to the library."), "svg")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        _refuse(
            _("Old Office files (.doc, .xls, .ppt) are not accepted. Save the file in the "
              "newer format (DOCX, XLSX, PPTX) or as a PDF."),
            "old_office",
        )  # fmt: skip


def _archive_kind(upload) -> FileKind:
    """DOCX, XLSX, PPTX or ODT, from the package's own parts; refuses macros and bombs."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(_("This file is damaged and cannot be opened."), "damaged")
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        unpacked = sum(entry.file_size for entry in entries)
        if len(entries) > MAX_ARCHIVE_ENTRIES or unpacked > settings.LIBRARY_MAX_UNPACKED_BYTES:
            _refuse(_("This file unpacks to far more than its size and cannot be accepted."),
                    "archive_bomb")  # fmt: skip
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            _refuse(
                _("Files with macros are not accepted. Save the file without macros "
                  "(DOCX, XLSX, PPTX) and upload it again."),
                "macros",
            )  # fmt: skip
        if "[Content_Types].xml" in names:
            for part, kind in OOXML_MAIN_PARTS.items():
                if part in names:
                    return kind
        elif "mimetype" in names:
            try:
                mimetype = archive.read("mimetype")[:100].strip()
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
                _refuse(_("This file is damaged and cannot be opened."), "damaged")
            if mimetype == ODT_MIMETYPE:
                return FileKind.ODT
    _refuse(
        _("This file is not a document the library accepts. %(accepted)s") % {"accepted": ACCEPTED},
        "not_accepted",
    )


def detect_file_kind(upload) -> FileKind:
    """The kind of document `upload` (a Django UploadedFile or File) is, by its content and
    then its extension; ValidationError with a message for the uploader otherwise."""
    limit = settings.LIBRARY_MAX_UPLOAD_BYTES
    if not upload.size:
        _refuse(_("The file is empty."), "empty")
    if upload.size > limit:
        _refuse(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            "too_large",
        )
    upload.seek(0)
    head = upload.read(512)
    upload.seek(0)
    _sniff_refused_formats(head)
    if head.startswith(b"%PDF-"):
        kind = FileKind.PDF
    elif head.startswith(b"PK\x03\x04"):
        try:
            kind = _archive_kind(upload)
        finally:
            upload.seek(0)
    else:
        _refuse(
            _("This file is not a document the library accepts. %(accepted)s")
            % {"accepted": ACCEPTED},
            "not_accepted",
        )
    name = (getattr(upload, "name", "") or "").lower()
    if not name.endswith(EXTENSIONS[kind]):
        _refuse(
            _("The file's content (%(kind)s) does not match its name. Rename it with the "
              "extension %(extension)s, or upload the right file.")
            % {"kind": FileKind(kind).label, "extension": EXTENSIONS[kind]},
            "extension_mismatch",
        )  # fmt: skip
    return kind
