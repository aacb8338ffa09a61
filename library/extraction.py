"""Text and page count of a document's file, for the search index.

PDF through pypdf and DOCX through python-docx (paragraphs and tables); XLSX, PPTX and
ODT by streaming the text of their XML parts. Bounded: at most MAX_PAGES pages,
MAX_CHARS characters and MAX_SECONDS seconds of work per document, and XML parts are
read as a stream (memory stays flat whatever their size). A document whose text cannot
be read keeps its file and metadata and is marked "no searchable text".

Hostile files (tests/test_security_uploads.py) meet further limits, each keeping memory
in the low hundreds of megabytes: at most MAX_XML_BYTES of unpacked XML read per
document, XML nested at most MAX_XML_DEPTH deep and at most MAX_PARAGRAPH_ELEMENTS
elements in one paragraph; a DOCX too large for python-docx's in-memory tree is streamed
like the other formats; PDFs are read under tighter pypdf limits (PDF_LIMITS). A limit
that only cuts the text short keeps what was read and says so in extraction_error.
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
from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

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
# Unpacked XML read per document (all parts together): a 300-page report's DOCX holds
# about 10 MB; beyond this the rest of the document is left unread.
MAX_XML_BYTES = 64 * 1024 * 1024
# Real documents nest a few dozen elements deep; a part nested millions deep (a few KB
# zipped) would hold millions of open elements in memory.
MAX_XML_DEPTH = 200
# Elements of one paragraph are kept until it ends: a "paragraph" of millions of runs
# would hold them all.
MAX_PARAGRAPH_ELEMENTS = 100_000
# python-docx parses every XML part into an lxml tree (about 20 times the XML's size)
# and reads every part into memory: only packages below these sizes go that way, larger
# ones are streamed.
DOCX_TREE_MAX_XML_BYTES = 8 * 1024 * 1024
DOCX_TREE_MAX_PACKAGE_BYTES = 100 * 1024 * 1024
# Metadata parts (docProps/app.xml, meta.xml) weigh a few KB.
MAX_METADATA_PART_BYTES = 1024 * 1024
# The most pages a stored page count may claim; beyond, it is not believed (None).
MAX_PLAUSIBLE_PAGES = 100_000
# pypdf's own limits, tightened: a page's content stream unpacks to at most 25 MB and is
# parsed in at most 500,000 tokens (a dense text page has a few thousand), so one hostile
# page costs seconds and about 100 MB instead of a minute and a gigabyte.
PDF_LIMITS = {
    "zlib_maximum_output_length": 25_000_000,
    "lzw_maximum_output_length": 25_000_000,
    "run_length_maximum_output_length": 25_000_000,
    "brotli_maximum_output_length": 25_000_000,
    "array_based_stream_maximum_output_length": 25_000_000,
    "stream_decoding_work_maximum_length": 100_000_000,
    "stream_parsing_work_maximum_count": 500_000,
}


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
        self.xml_bytes_left = MAX_XML_BYTES
        # Why the text is incomplete, when a limit cut it short ("" when complete).
        self.cut_short = ""

    def cut(self, reason: str) -> None:
        self.cut_short = self.cut_short or reason

    def check_time(self) -> None:
        if time.monotonic() >= self.deadline:
            raise ExtractionError(f"took longer than {MAX_SECONDS} seconds")

    def add(self, text: str) -> bool:
        """Keep `text`; False once the character budget is spent."""
        self.check_time()
        if len(text) > MAX_CHARS - self.chars:
            text = text[: max(MAX_CHARS - self.chars, 0)]
            self.cut(f"only the first {MAX_CHARS} characters were kept")
        self.parts.append(text)
        self.chars += len(text)
        if self.chars >= MAX_CHARS:
            self.cut(f"only the first {MAX_CHARS} characters were kept")
            return False
        return True

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
# subtrees that repeat text or are not text (XLSX phonetic guides, and Word's deleted
# text, field codes and the fallback copy of alternate content).
SPACING_TAGS = {"s", "tab", "line-break", "br"}
SKIPPED_TAGS = {"rPh", "delText", "instrText", "Fallback"}


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


class _XmlBytesSpent(Exception):
    pass


class _LimitedPart:
    """An archive part read through the document's budget of unpacked XML bytes."""

    def __init__(self, part, budget):
        self.part = part
        self.budget = budget

    def read(self, size=-1):
        if self.budget.xml_bytes_left <= 0:
            raise _XmlBytesSpent
        allowed = self.budget.xml_bytes_left
        data = self.part.read(allowed if size is None or size < 0 else min(size, allowed))
        self.budget.xml_bytes_left -= len(data)
        if not data and self.budget.xml_bytes_left <= 0:
            raise _XmlBytesSpent
        return data


def _xml_paragraphs(archive: zipfile.ZipFile, name: str, tags: set[str], budget) -> bool:
    """Add the text of each outermost `tags` element of an XML part, streamed; False once
    the character budget (or the document's budget of XML bytes) is spent. Elements are
    dropped as soon as they are read."""
    try:
        return _stream_paragraphs(archive, name, tags, budget)
    except _XmlBytesSpent:
        budget.cut(f"only the first {MAX_XML_BYTES} bytes of the file's XML were read")
        return False


def _stream_paragraphs(archive: zipfile.ZipFile, name: str, tags: set[str], budget) -> bool:
    stack = []
    inside = 0  # depth of nested paragraph elements
    kept = 0  # elements of the current paragraph, kept until it ends
    with archive.open(name) as part:
        events = ElementTree.iterparse(_LimitedPart(part, budget), events=("start", "end"))
        for count, (event, element) in enumerate(events):
            if count % TIME_CHECK_EVERY == 0:
                budget.check_time()
            is_paragraph = _local_name(element) in tags
            if event == "start":
                stack.append(element)
                inside += is_paragraph
                kept += bool(inside)
                if len(stack) > MAX_XML_DEPTH:
                    raise ExtractionError(f"{name} is nested more than {MAX_XML_DEPTH} deep")
                if kept > MAX_PARAGRAPH_ELEMENTS:
                    raise ExtractionError(
                        f"{name} has a paragraph of more than {MAX_PARAGRAPH_ELEMENTS} elements"
                    )
                continue
            stack.pop()
            inside -= is_paragraph
            if inside:
                continue  # part of a paragraph: read with it
            kept = 0
            if is_paragraph and not budget.add("".join(_element_text(element))):
                return False
            element.clear()
            if stack:
                stack[-1].remove(element)
    return True


def _pdf(handle, budget) -> int:
    with apply_configuration(**PDF_LIMITS):
        reader = PdfReader(handle)
        if reader.is_encrypted and not reader.decrypt(""):
            # Many PDFs are encrypted with an empty password only to restrict printing or
            # copying: they open for everyone. The others need a password nobody gave us.
            raise ExtractionError("the PDF is protected by a password")
        # The pages actually in the page tree, not the count the file claims.
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            budget.cut(f"only the first {MAX_PAGES} of {pages} pages were read")
        for number in range(min(pages, MAX_PAGES)):
            budget.check_time()
            try:
                text = reader.pages[number].extract_text() or ""
            except LimitReachedError:
                # One page beyond the limits (a content-stream bomb): the others are read.
                budget.cut(f"page {number + 1} is beyond the reading limits and was skipped")
                continue
            if not budget.add(text):
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
    """The page count an editor stored in a metadata part (None when absent, invalid,
    implausible, or the part is far larger than metadata ever is)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_METADATA_PART_BYTES:
        return None
    with archive.open(info) as part:
        for count, (_event, element) in enumerate(ElementTree.iterparse(part)):
            if count > MAX_PARAGRAPH_ELEMENTS:
                return None
            if _local_name(element) == tag:
                value = (element.text if attribute is None else element.get(attribute)) or ""
                value = value.strip()
                # ASCII digits only: "²" is a digit to isdigit() but not to int().
                if value.isascii() and value.isdigit() and int(value) <= MAX_PLAUSIBLE_PAGES:
                    return int(value)
                return None
    return None


def _docx_fits_in_memory(archive: zipfile.ZipFile) -> bool:
    """Whether python-docx may load the package (it holds every part in memory and
    parses the XML ones into lxml trees)."""
    entries = archive.infolist()
    xml_bytes = sum(e.file_size for e in entries if e.filename.endswith((".xml", ".rels")))
    total_bytes = sum(e.file_size for e in entries)
    return xml_bytes <= DOCX_TREE_MAX_XML_BYTES and total_bytes <= DOCX_TREE_MAX_PACKAGE_BYTES


def _docx(handle, budget) -> int | None:
    with zipfile.ZipFile(handle) as archive:
        in_memory = _docx_fits_in_memory(archive)
        # python-docx reads each part whole, and zipfile only holds a part to its
        # declared size after unpacking all of it: a part declaring 2 KB and unpacking
        # to gigabytes would fill the memory. testzip() unpacks in bounded chunks and
        # names the first part whose size or checksum is not what it declares.
        if in_memory and (damaged := archive.testzip()) is not None:
            raise ExtractionError(f"BadZipFile: the part {damaged} is not what it declares")
        if not in_memory:
            # Paragraphs (table cells' too) streamed in reading order.
            _xml_paragraphs(archive, "word/document.xml", {"p"}, budget)
    if in_memory:
        handle.seek(0)
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
    text, pages, _cut_short = extract_with_limits(file_kind, handle)
    return text, pages


def extract_with_limits(file_kind: str, handle) -> tuple[str, int | None, str]:
    """(text, page count or None, why the text is incomplete or "") of an open file;
    ExtractionError when unreadable. Whatever the file, only ExtractionError leaves."""
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
    return budget.text(), pages, budget.cut_short


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
            text, pages, cut_short = extract_with_limits(document.file_kind, handle)
    except (ExtractionError, OSError, ValueError) as error:
        _store_failure(document_id, error)
        return
    except Exception as error:
        # Storage trouble of another kind: the task must not die, the document stays.
        logger.exception("Extraction of document %s failed", document_id)
        _store_failure(document_id, f"{type(error).__name__}: {error}")
        return
    text = storable(text)
    if not text:
        problem = storable(cut_short) if cut_short else "no text found in the file"
    else:
        # A partial text is searchable: kept, with why the rest is missing.
        problem = storable(f"partial text: {cut_short}" if cut_short else "")
    try:
        with transaction.atomic():
            Document.objects.filter(pk=document_id).update(
                extracted_text=text,
                page_count=pages,
                extraction_status=ExtractionStatus.DONE if text else ExtractionStatus.FAILED,
                extraction_error=problem[:ERROR_MAX_LENGTH],
            )
    except DataError as error:
        # PostgreSQL refuses to index some texts (a search vector over 1 MB): the
        # document stays, without searchable text.
        _store_failure(document_id, f"the text cannot be indexed: {error}")
