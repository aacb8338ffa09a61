"""Downloading a document: the only way an uploaded file leaves the server.

Member-only (the gate in scn_portal/middleware.py) and scoped like every page of the
library: a document the user may not see answers 404. The file is always sent as an
attachment with its declared type and `nosniff`, so no browser runs or renders an
upload as part of the hub, and never stored by a shared cache.
"""

import logging
import re
import unicodedata
from urllib.parse import quote

from django.db import transaction
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from audit.choices import AuditAction
from audit.services import record
from library.files import CONTENT_TYPES, EXTENSIONS
from library.models import Document, Download

logger = logging.getLogger(__name__)

# The longest name given to the browser, extension excluded (file systems allow 255
# bytes; an Arabic character takes two, percent-encoding in the header triples that).
MAX_NAME_LENGTH = 100
FALLBACK_NAME = "document"
# Control characters, quotes and backslashes (they end or escape the header's quoted
# string), characters file systems refuse, and the Unicode direction controls that can
# make "evil\u202Efdp.exe" display as "evilexe.pdf".
UNSAFE_CHARACTERS = re.compile(
    '[\x00-\x1f\x7f-\x9f"\\\\/:*?<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
)
# What the plain `filename=` parameter keeps, for clients that ignore `filename*`.
ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()'&,+=~-]")


def download_filename(title: str) -> str:
    """The document's title made into a safe file name (without extension): no control,
    direction or path characters, white space collapsed, at most MAX_NAME_LENGTH
    characters, never empty."""
    name = unicodedata.normalize("NFC", title)
    name = UNSAFE_CHARACTERS.sub(" ", name)
    name = " ".join(name.split())[:MAX_NAME_LENGTH]
    # Windows drops trailing dots and spaces; leading dots hide files elsewhere.
    return name.strip(" .") or FALLBACK_NAME


def ascii_filename(name: str) -> str:
    """An ASCII rendering of `name`: accents dropped ("é" -> "e"), other letters removed."""
    decomposed = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ASCII_UNSAFE.sub("", decomposed).split()).strip(" .") or FALLBACK_NAME


def attachment_header(title: str, extension: str) -> str:
    """A Content-Disposition value (RFC 6266): `filename` in ASCII for every client, and
    `filename*` in UTF-8 (RFC 8187) when the title has other characters."""
    name = download_filename(title) + extension
    fallback = ascii_filename(download_filename(title)) + extension
    header = f'attachment; filename="{fallback}"'
    if name != fallback:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def record_download(document: Document, user) -> None:
    """Count a download: the usage record, and the document's counter (for sorting by
    popularity) and the audit event. Writes only, one commit; F() so simultaneous downloads
    all count, and the counter always equals the number of records."""
    with transaction.atomic():
        Download.objects.create(document=document, user=user)
        record(AuditAction.DOCUMENT_DOWNLOADED, user=user, obj=document)
        Document.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)


class DocumentDownloadView(View):
    """Send a document's file to a member who may see the document, and count it."""

    # HEAD (link checkers, previews) would count as a download: GET only.
    http_method_names = ["get"]

    def get(self, request, pk):
        document = get_object_or_404(
            Document.objects.visible_to(request.user).only("title", "file", "file_kind"),
            pk=pk,
        )
        try:
            handle = document.file.storage.open(document.file.name, "rb")
        except (OSError, ValueError):
            logger.error("The file of document %s is missing: %r", pk, document.file.name)
            raise Http404 from None
        record_download(document, request.user)
        response = FileResponse(handle, content_type=CONTENT_TYPES[document.file_kind])
        response["Content-Disposition"] = attachment_header(
            document.title, EXTENSIONS[document.file_kind]
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
