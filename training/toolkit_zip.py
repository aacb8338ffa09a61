"""A whole toolkit as one ZIP, for practitioners on slow or intermittent connections: every
document file the reader may see, and an index.html to read offline that lists the
introduction, the sections and every item, linking each document to its file in the ZIP.

The archive is written to a SpooledTemporaryFile (in memory while small, on disk beyond
that) one document at a time, read through the storage, so a large document is never
held in memory twice. A document whose file is missing is left out and named in the
index instead of failing the download.
"""

import logging
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from library.files import EXTENSIONS
from training.choices import ItemKind
from training.models import Toolkit

logger = logging.getLogger(__name__)

# Kept in memory up to this size, then spilled to a temporary file on disk.
SPOOL_IN_MEMORY = 8 * 1024 * 1024
MAX_NAME_PART = 60
# Everything but ASCII letters, digits, dots, underscores and hyphens becomes a hyphen.
UNSAFE_NAME_RUN = re.compile(r"[^A-Za-z0-9._-]+")
INDEX_NAME = "index.html"


def safe_name_part(text: str, fallback: str) -> str:
    """`text` as part of a file name inside the ZIP: ASCII letters, digits, ".", "_" and
    "-" only (accents dropped, other scripts and every path separator removed), at most
    MAX_NAME_PART characters, never starting or ending with a dot or hyphen (so never
    "." or ".."), and `fallback` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = UNSAFE_NAME_RUN.sub("-", ascii_text)[:MAX_NAME_PART].strip("-._")
    return name or fallback


@dataclass
class IndexEntry:
    """One item as the offline index shows it."""

    item: object
    path: str = ""  # the document's file inside the ZIP
    missing: bool = False
    hub_url: str = ""  # the document's page in the hub, for a file left out


@dataclass
class IndexSection:
    section: object
    entries: list = field(default_factory=list)


def _unique(path: str, taken: set[str]) -> str:
    stem, dot, extension = path.rpartition(".")
    candidate, number = path, 2
    while candidate.lower() in taken:
        candidate = f"{stem}-{number}{dot}{extension}"
        number += 1
    taken.add(candidate.lower())
    return candidate


def _copy_document(archive: zipfile.ZipFile, document, path: str) -> bool:
    """Copy the document's file into the archive as `path`; False if it cannot be read."""
    try:
        source = document.file.storage.open(document.file.name, "rb")
    except (OSError, ValueError):
        logger.error("Toolkit ZIP: the file of document %s is missing", document.pk)
        return False
    # PDFs and Office files are compressed already: storing them is as small and faster.
    with source, archive.open(_entry(path), "w", force_zip64=True) as target:
        shutil.copyfileobj(source, target, 1024 * 1024)
    return True


def _entry(path: str, compress_type=zipfile.ZIP_STORED) -> zipfile.ZipInfo:
    """A ZIP entry dated now, readable by everyone once unpacked (rw-r--r--)."""
    info = zipfile.ZipInfo(path, timezone.localtime().timetuple()[:6])
    info.external_attr = 0o644 << 16
    info.compress_type = compress_type
    return info


def build_toolkit_zip(toolkit: Toolkit, *, modules=(), absolute_url=lambda path: path):
    """The ZIP of a toolkit read with toolkit_services.readable_toolkit (only the items its
    reader may see), as a SpooledTemporaryFile at position 0. `absolute_url` turns a path
    of the hub into an address to print in the index."""
    # Not a context manager: the response streams it, then closes it.
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    sections, documents_written, missing = [], {}, []
    taken = {INDEX_NAME}
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
        for section_number, section in enumerate(toolkit.sections.all(), start=1):
            entries = []
            folder = f"{section_number:02d}-{safe_name_part(section.heading, 'section')}"
            document_number = 0
            for item in section.visible_items:
                entry = IndexEntry(item)
                if item.kind == ItemKind.DOCUMENT:
                    document = item.document
                    entry.hub_url = absolute_url(reverse("library:document", args=[document.pk]))
                    if document.pk in documents_written:
                        # The same document in two places: one file, linked from both.
                        entry.path, entry.missing = documents_written[document.pk]
                    else:
                        document_number += 1
                        title = safe_name_part(item.label, f"document-{document.pk}")
                        extension = EXTENSIONS.get(document.file_kind, "")
                        path = _unique(f"{folder}/{document_number:02d}-{title}{extension}", taken)
                        entry.path = path
                        entry.missing = not _copy_document(archive, document, path)
                        documents_written[document.pk] = (path, entry.missing)
                        if entry.missing:
                            missing.append(entry)
                entries.append(entry)
            if entries or section.introduction:
                sections.append(IndexSection(section, entries))
        index = render_to_string(
            "training/toolkit_zip_index.html",
            {
                "toolkit": toolkit,
                "group": toolkit.working_group,
                "sections": sections,
                "missing": missing,
                "modules": [
                    (module, absolute_url(reverse("training:module", args=[module.slug])))
                    for module in modules
                ],
                "toolkit_url": absolute_url(toolkit.get_absolute_url()),
                "generated": timezone.now(),
                "language_bidi": translation.get_language_bidi(),
            },
        )
        archive.writestr(_entry(INDEX_NAME, zipfile.ZIP_DEFLATED), index.encode("utf-8"))
    spool.seek(0)
    return spool
