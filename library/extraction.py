"""Text and page count of a document's file, for the search index.

PDF through pypdf and DOCX through python-docx (paragraphs and tables); XLSX, PPTX and
ODT by streaming the text of their XML parts. Bounded: at most MAX_PAGES pages,
MAX_CHARS characters and MAX_SECONDS seconds of work per document, and XML parts are
read as a stream (memory stays flat whatever their size). A document whose text cannot
be read keeps its file and metadata and is marked "no searchable text".
"""

import logging
import signal
import threading
import time
import zipfile
from contextlib import contextmanager

import docx
from defusedxml import ElementTree
from django.db import DataError, transaction
from docx.table import Table
from pypdf import PdfReader

from library.choices import ExtractionStatus, FileKind
from library.models import Document

logger = logging.getLogger(__name__)

MAX_PAGES = 2000
MAX_CHARS = 2_000_000
MAX_SECONDS = 60
# The time budget is checked between pages and paragraphs; a parser stuck inside one page
# of a hostile file is stopped by an alarm this much later (where signals can be used:
# in the main thread, as the task worker runs tasks).
HARD_LIMIT_GRACE_SECONDS = 10
# How often (in XML elements) a streamed part checks the clock.
TIME_CHECK_EVERY = 1000
ERROR_MAX_LENGTH = 500


class ExtractionError(Exception):
    """The file's text cannot be read (damaged, protected, too slow)."""


class _HardTimeLimit(BaseException):
    # A BaseException, so that parsers catching every Exception cannot swallow it.
    pass


class _Budget:
    """The text read so far, and what is left of the time and character budgets."""

    def __init__(self):
        self.deadline = time.monotonic() + MAX_SECONDS
        self.parts: list[str] = []
        self.chars = 0

    def check_time(self) -> None:
        if time.monotonic() >= self.deadline:
            raise ExtractionError(f"took longer than {MAX_SECONDS} seconds")

    def add(self, text: str) -> bool:
        """Keep `text`; False once the character budget is spent."""
        self.check_time()
        text = text[: max(MAX_CHARS - self.chars, 0)]
        self.parts.append(text)
        self.chars += len(text)
        return self.chars < MAX_CHARS

    def text(self) -> str:
        return "\n".join(part for part in self.parts if part).strip()


@contextmanager
def _hard_time_limit(seconds: float):
    """Interrupt the block after `seconds` with SIGALRM, when this thread may use signals
    and nobody else uses that one; otherwise rely on the cooperative budget alone."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    )
    if not usable:
        yield
        return

    def stop(signum, frame):
        raise _HardTimeLimit

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _local_name(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


# Empty elements standing for white space (ODT spaces and tabs, line breaks), and
# subtrees that repeat text (XLSX phonetic guides).
SPACING_TAGS = {"s", "tab", "line-break", "br"}
SKIPPED_TAGS = {"rPh"}


def _element_text(element):
    if _local_name(element) in SPACING_TAGS:
        yield " "
    if element.text:
        yield element.text
    for child in element:
        if _local_name(child) not in SKIPPED_TAGS:
            yield from _element_text(child)
        if child.tail:
            yield child.tail


def _xml_paragraphs(archive: zipfile.ZipFile, name: str, tags: set[str], budget) -> bool:
    """Add the text of each outermost `tags` element of an XML part, streamed; False once
    the character budget is spent. Elements are dropped as soon as they are read."""
    stack = []
    inside = 0  # depth of nested paragraph elements
    with archive.open(name) as part:
        events = ElementTree.iterparse(part, events=("start", "end"))
        for count, (event, element) in enumerate(events):
            if count % TIME_CHECK_EVERY == 0:
                budget.check_time()
            is_paragraph = _local_name(element) in tags
            if event == "start":
                stack.append(element)
                inside += is_paragraph
                continue
            stack.pop()
            inside -= is_paragraph
            if inside:
                continue  # part of a paragraph: read with it
            if is_paragraph and not budget.add("".join(_element_text(element))):
                return False
            element.clear()
            if stack:
                stack[-1].remove(element)
    return True


def _pdf(handle, budget) -> int:
    reader = PdfReader(handle)
    if reader.is_encrypted and not reader.decrypt(""):
        # Many PDFs are encrypted with an empty password only to restrict printing or
        # copying: they open for everyone. The others need a password nobody gave us.
        raise ExtractionError("the PDF is protected by a password")
    pages = len(reader.pages)
    for number in range(min(pages, MAX_PAGES)):
        budget.check_time()
        if not budget.add(reader.pages[number].extract_text() or ""):
            break
    return pages


def _docx_blocks(container):
    """Paragraph texts of a document or table cell, tables included, in reading order."""
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()  # a merged cell appears once per grid column it spans
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _docx_blocks(cell)
        else:
            yield block.text


def _stored_page_count(archive: zipfile.ZipFile, name: str, tag: str, attribute=None):
    """The page count an editor stored in a metadata part (None when absent or invalid)."""
    if name not in archive.namelist():
        return None
    with archive.open(name) as part:
        for _event, element in ElementTree.iterparse(part):
            if _local_name(element) == tag:
                value = element.text if attribute is None else element.get(attribute)
                return int(value) if value and value.strip().isdigit() else None
    return None


def _docx(handle, budget) -> int | None:
    for text in _docx_blocks(docx.Document(handle)):
        if not budget.add(text):
            break
    handle.seek(0)
    with zipfile.ZipFile(handle) as archive:
        # What Word counted when it last saved the file (python-docx does not paginate).
        return _stored_page_count(archive, "docProps/app.xml", "Pages")


def _numbered(names, prefix: str) -> list[str]:
    """Parts named prefixN.xml, in the order of N (slide2 before slide10)."""
    parts = [n for n in names if n.startswith(prefix) and n.endswith(".xml")]
    return sorted(parts, key=lambda n: int("".join(filter(str.isdigit, n[len(prefix) :])) or 0))


def _xlsx(handle, budget) -> int | None:
    with zipfile.ZipFile(handle) as archive:
        names = archive.namelist()
        # Text cells live in the shared-strings table; some writers put them in the
        # sheets themselves (inline strings).
        parts = [("xl/sharedStrings.xml", {"si"})] if "xl/sharedStrings.xml" in names else []
        parts += [(name, {"is"}) for name in _numbered(names, "xl/worksheets/sheet")]
        for name, tags in parts:
            if not _xml_paragraphs(archive, name, tags, budget):
                break
    return None


def _pptx(handle, budget) -> int | None:
    with zipfile.ZipFile(handle) as archive:
        slides = _numbered(archive.namelist(), "ppt/slides/slide")
        for name in slides:
            if not _xml_paragraphs(archive, name, {"p"}, budget):
                break
        return len(slides)


ODF_META_NS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


def _odt(handle, budget) -> int | None:
    with zipfile.ZipFile(handle) as archive:
        _xml_paragraphs(archive, "content.xml", {"p", "h"}, budget)
        return _stored_page_count(
            archive, "meta.xml", "document-statistic", f"{{{ODF_META_NS}}}page-count"
        )


READERS = {
    FileKind.PDF: _pdf,
    FileKind.DOCX: _docx,
    FileKind.XLSX: _xlsx,
    FileKind.PPTX: _pptx,
    FileKind.ODT: _odt,
}


def extract(file_kind: str, handle) -> tuple[str, int | None]:
    """(text, page count or None) of an open file; ExtractionError when unreadable."""
    budget = _Budget()
    try:
        with _hard_time_limit(MAX_SECONDS + HARD_LIMIT_GRACE_SECONDS):
            pages = READERS[file_kind](handle, budget)
    except _HardTimeLimit:
        raise ExtractionError(f"took longer than {MAX_SECONDS} seconds") from None
    except ExtractionError:
        raise
    except Exception as error:  # a damaged or hostile file makes parsers raise anything
        raise ExtractionError(f"{type(error).__name__}: {error}"[:300]) from error
    return budget.text(), pages


def storable(text: str) -> str:
    """`text` as PostgreSQL stores it: no NUL characters, no lone surrogates."""
    return text.replace("\x00", "").encode("utf-8", errors="replace").decode("utf-8")


def _store_failure(document_id: int, problem) -> None:
    logger.warning("No text extracted from document %s: %s", document_id, problem)
    Document.objects.filter(pk=document_id).update(
        extracted_text="",
        extraction_status=ExtractionStatus.FAILED,
        extraction_error=storable(str(problem))[:ERROR_MAX_LENGTH],
    )


def extract_and_store(document_id: int) -> None:
    """Extract a document's text and store it with the outcome; the document (and its
    file) is kept whatever happens."""
    document = Document.objects.filter(pk=document_id).only("file", "file_kind").first()
    if document is None:
        return  # deleted meanwhile
    try:
        with document.file.open("rb") as handle:
            text, pages = extract(document.file_kind, handle)
    except (ExtractionError, OSError, ValueError) as error:
        _store_failure(document_id, error)
        return
    text = storable(text)
    try:
        with transaction.atomic():
            Document.objects.filter(pk=document_id).update(
                extracted_text=text,
                page_count=pages,
                extraction_status=ExtractionStatus.DONE if text else ExtractionStatus.FAILED,
                extraction_error="" if text else "no text found in the file",
            )
    except DataError as error:
        # PostgreSQL refuses to index some texts (a search vector over 1 MB): the
        # document stays, without searchable text.
        _store_failure(document_id, f"the text cannot be indexed: {error}")
