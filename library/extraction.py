"""Text and page count of a document's file, for the search index.

PDF through pypdf and DOCX through python-docx; XLSX, PPTX and ODT by reading the text
of their XML parts. Bounded: at most MAX_PAGES pages, MAX_CHARS characters and
MAX_SECONDS seconds of work per document. A document whose text cannot be read keeps its
file and metadata and is marked "no searchable text".
"""

import logging
import time
import zipfile

import docx
from defusedxml import ElementTree
from pypdf import PdfReader

from library.choices import ExtractionStatus, FileKind
from library.models import Document

logger = logging.getLogger(__name__)

MAX_PAGES = 2000
MAX_CHARS = 2_000_000
MAX_SECONDS = 60


class ExtractionError(Exception):
    """The file's text cannot be read (damaged, protected, too slow)."""


class _Budget:
    def __init__(self):
        self.deadline = time.monotonic() + MAX_SECONDS
        self.parts: list[str] = []
        self.chars = 0

    def add(self, text: str) -> bool:
        """Keep `text`; False once the character budget is spent."""
        if time.monotonic() > self.deadline:
            raise ExtractionError(f"took longer than {MAX_SECONDS} seconds")
        text = text[: MAX_CHARS - self.chars]
        self.parts.append(text)
        self.chars += len(text)
        return self.chars < MAX_CHARS

    def text(self) -> str:
        return "\n".join(part for part in self.parts if part).strip()


def _pdf(handle) -> tuple[str, int]:
    reader = PdfReader(handle)
    if reader.is_encrypted:
        raise ExtractionError("the PDF is protected by a password")
    budget = _Budget()
    pages = len(reader.pages)
    for page in reader.pages[:MAX_PAGES]:
        if not budget.add(page.extract_text() or ""):
            break
    return budget.text(), pages


def _docx(handle) -> tuple[str, int | None]:
    document = docx.Document(handle)
    budget = _Budget()
    for paragraph in document.paragraphs:
        if not budget.add(paragraph.text):
            break
    return budget.text(), None


def _xml_text(archive: zipfile.ZipFile, names: list[str], tags: set[str]) -> str:
    budget = _Budget()
    for name in names:
        root = ElementTree.fromstring(archive.read(name))
        for element in root.iter():
            wanted = element.tag.rsplit("}", 1)[-1] in tags and element.text
            if wanted and not budget.add(element.text):
                return budget.text()
    return budget.text()


def _xlsx(handle) -> tuple[str, int | None]:
    with zipfile.ZipFile(handle) as archive:
        names = [n for n in archive.namelist() if n == "xl/sharedStrings.xml"]
        return _xml_text(archive, names, {"t"}), None


def _pptx(handle) -> tuple[str, int | None]:
    with zipfile.ZipFile(handle) as archive:
        slides = sorted(
            (
                n
                for n in archive.namelist()
                if n.startswith("ppt/slides/slide") and n.endswith(".xml")
            ),
            key=lambda n: int("".join(filter(str.isdigit, n)) or 0),
        )
        return _xml_text(archive, slides, {"t"}), len(slides)


def _odt(handle) -> tuple[str, int | None]:
    with zipfile.ZipFile(handle) as archive:
        return _xml_text(archive, ["content.xml"], {"p", "h", "span"}), None


READERS = {
    FileKind.PDF: _pdf,
    FileKind.DOCX: _docx,
    FileKind.XLSX: _xlsx,
    FileKind.PPTX: _pptx,
    FileKind.ODT: _odt,
}


def extract(file_kind: str, handle) -> tuple[str, int | None]:
    """(text, page count or None) of an open file; ExtractionError when unreadable."""
    try:
        return READERS[file_kind](handle)
    except ExtractionError:
        raise
    except Exception as error:  # a damaged or hostile file makes parsers raise anything
        raise ExtractionError(f"{type(error).__name__}: {error}"[:300]) from error


def extract_and_store(document_id: int) -> None:
    """Extract a document's text and store it with the outcome; the document (and its
    file) is kept whatever happens."""
    document = Document.objects.filter(pk=document_id).only("file", "file_kind").first()
    if document is None:
        return  # deleted meanwhile
    try:
        with document.file.open("rb") as handle:
            text, pages = extract(document.file_kind, handle)
    except (ExtractionError, OSError) as error:
        logger.warning("No text extracted from document %s: %s", document_id, error)
        Document.objects.filter(pk=document_id).update(
            extraction_status=ExtractionStatus.FAILED, extraction_error=str(error)[:500]
        )
        return
    status = ExtractionStatus.DONE if text else ExtractionStatus.FAILED
    Document.objects.filter(pk=document_id).update(
        extracted_text=text.replace("\x00", ""),
        page_count=pages,
        extraction_status=status,
        extraction_error="" if text else "no text found in the file",
    )
