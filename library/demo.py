"""The demo library for local development (`make run`). Never loaded in production.

Every document of library/demo_content.py becomes a real file, made here at load time
(PDF with fpdf2, DOCX with python-docx, and one ODT and one XLSX written by hand), then a
published document through library.services.create_document, with its text extracted at
once so that search works before the background worker has run.

The files are deterministic (fixed dates inside them and in their zip entries), so a
document's checksum is the same at every load; a document is skipped when one with the
same checksum or title exists. Loading twice creates nothing new.
"""

import datetime
import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import docx
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FPDF

from library.choices import DocumentStatus, FileKind
from library.demo_content import (
    DEMO_DOCUMENTS,
    HEADINGS,
    INDICATOR_HEADER,
    INDICATORS,
    THEME_PARAGRAPHS,
    TYPE_PARAGRAPHS,
    DemoDocument,
)
from library.extraction import extract_and_store
from library.files import EXTENSIONS
from library.models import Document, Download
from library.services import create_document
from membership.choices import MemberRole
from membership.demo import DEMO_ACCOUNTS
from membership.models import City, Region, Theme, User
from membership.reference import THEMES

# The date written inside every generated file: a fixed one keeps checksums stable.
FILE_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
PRODUCER = "SCN Online Hub demo library"


@dataclass(frozen=True)
class DemoLibraryReport:
    total: int
    created: int


@dataclass(frozen=True)
class Block:
    """A piece of a document's text: kind is title, meta, heading, paragraph or note."""

    kind: str
    text: str


def theme_name(theme: str, language: str) -> str:
    french, arabic = THEMES[theme]
    return {"fr": french, "ar": arabic}.get(language, theme)


def document_blocks(spec: DemoDocument) -> list[Block]:
    """The text of a demo document, in reading order."""
    words = HEADINGS[spec.language]
    blocks = [
        Block("title", spec.title),
        Block("meta", words["published"].format(author=spec.author, year=spec.year)),
        Block("heading", words["summary"]),
        Block("paragraph", spec.summary),
        Block("heading", words["background"]),
        Block("paragraph", spec.body),
    ]
    for theme in spec.themes:
        blocks.append(Block("heading", theme_name(theme, spec.language)))
        blocks.append(Block("paragraph", THEME_PARAGRAPHS[theme][spec.language]))
    blocks.append(Block("heading", words["about"]))
    blocks.append(Block("paragraph", TYPE_PARAGRAPHS[spec.document_type][spec.language]))
    blocks.append(Block("note", words["note"]))
    return blocks


# --- PDF (English and French) ---


def pdf_text(text: str) -> str:
    """`text` in the Windows-1252 character set of the PDF core fonts: accents, œ, curly
    quotes and dashes are kept; other letters lose their marks (Bihać -> Bihac)."""
    safe = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            stripped = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            char = stripped if stripped.isascii() and stripped else "?"
        safe.append(char)
    return "".join(safe)


def render_pdf(spec: DemoDocument, blocks: list[Block]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(FILE_DATE)
    pdf.set_producer(PRODUCER)
    pdf.set_creator(PRODUCER)
    pdf.set_title(pdf_text(spec.title))
    pdf.set_author(pdf_text(spec.author))
    pdf.set_lang(spec.language)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    styles = {
        "title": ("B", 17, 8, 4),
        "meta": ("I", 10, 5, 6),
        "heading": ("B", 12, 6, 1),
        "paragraph": ("", 11, 5.5, 4),
        "note": ("I", 8, 4, 0),
    }
    for block in blocks:
        style, size, line_height, space_after = styles[block.kind]
        if block.kind == "note":
            pdf.ln(6)
        pdf.set_font("helvetica", style=style, size=size)
        pdf.multi_cell(0, line_height, pdf_text(block.text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space_after)
    return bytes(pdf.output())


# --- Zip-based formats: fixed dates in every entry keep the bytes the same at each load ---


def zip_parts(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            entry = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            # ODF wants its `mimetype` first and uncompressed.
            entry.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return buffer.getvalue()


def rezip(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return zip_parts([(entry.filename, archive.read(entry)) for entry in archive.infolist()])


# --- DOCX (Arabic, and some English and French) ---


def _right_to_left(paragraph) -> None:
    """Mark a Word paragraph and its runs as right-to-left (Arabic)."""
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def render_docx(spec: DemoDocument, blocks: list[Block]) -> bytes:
    document = docx.Document()
    if spec.language == "ar":
        language = OxmlElement("w:lang")
        language.set(qn("w:bidi"), "ar-SA")
        document.styles["Normal"].element.get_or_add_rPr().append(language)
    for block in blocks:
        if block.kind == "title":
            paragraph = document.add_heading(block.text, level=0)
        elif block.kind == "heading":
            paragraph = document.add_heading(block.text, level=1)
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.italic = block.kind in ("meta", "note")
        if spec.language == "ar":
            _right_to_left(paragraph)
    properties = document.core_properties
    properties.title = spec.title
    properties.author = spec.author
    properties.language = spec.language
    properties.comments = PRODUCER
    properties.last_modified_by = PRODUCER
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = FILE_DATE.replace(
        tzinfo=None
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return rezip(buffer.getvalue())


# --- ODT and XLSX: the few XML parts those formats need ---

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
ODT_MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{ODT_MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""  # noqa: E501


def render_odt(spec: DemoDocument, blocks: list[Block]) -> bytes:
    body = []
    for block in blocks:
        if block.kind in ("title", "heading"):
            level = 1 if block.kind == "title" else 2
            body.append(f'<text:h text:outline-level="{level}">{escape(block.text)}</text:h>')
        else:
            body.append(f"<text:p>{escape(block.text)}</text:p>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document-content>\n"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
        f"<dc:title>{escape(spec.title)}</dc:title><dc:creator>{escape(spec.author)}</dc:creator>"
        f"<dc:language>{spec.language}</dc:language>"
        f"<dc:date>{FILE_DATE:%Y-%m-%dT%H:%M:%S}</dc:date>"
        "</office:meta></office:document-meta>\n"
    )
    return zip_parts(
        [
            ("mimetype", ODT_MIMETYPE.encode()),
            ("META-INF/manifest.xml", ODT_MANIFEST.encode()),
            ("content.xml", content.encode()),
            ("meta.xml", meta.encode()),
        ]
    )


SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XLSX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>
"""  # noqa: E501


def render_xlsx(spec: DemoDocument, blocks: list[Block]) -> bytes:
    """A one-sheet workbook: the document's text down column A, then the indicator table."""
    rows = [[block.text] for block in blocks if block.kind != "note"]
    rows += [[], list(INDICATOR_HEADER), *[list(row) for row in INDICATORS], []]
    rows.append([HEADINGS[spec.language]["note"]])
    strings: list[str] = []
    sheet_rows = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, text in zip("ABCD", row, strict=False):
            strings.append(text)
            cells.append(f'<c r="{column}{number}" t="s"><v>{len(strings) - 1}</v></c>')
        sheet_rows.append(f'<row r="{number}">{"".join(cells)}</row>')
    shared = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in strings)
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": XLSX_CONTENT_TYPES,
        "_rels/.rels": (
            f'{declaration}<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
            f'Type="{OFFICE_RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'{declaration}<workbook xmlns="{SPREADSHEET}" xmlns:r="{OFFICE_RELATIONSHIP}">'
            '<sheets><sheet name="Indicators" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{declaration}<Relationships xmlns="{RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{OFFICE_RELATIONSHIP}/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{OFFICE_RELATIONSHIP}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'{declaration}<worksheet xmlns="{SPREADSHEET}"><sheetData>'
            f"{''.join(sheet_rows)}</sheetData></worksheet>"
        ),
        "xl/sharedStrings.xml": (
            f'{declaration}<sst xmlns="{SPREADSHEET}" count={quoteattr(str(len(strings)))} '
            f"uniqueCount={quoteattr(str(len(strings)))}>{shared}</sst>"
        ),
    }
    return zip_parts([(name, text.encode()) for name, text in parts.items()])


RENDERERS = {
    FileKind.PDF: render_pdf,
    FileKind.DOCX: render_docx,
    FileKind.ODT: render_odt,
    FileKind.XLSX: render_xlsx,
}


def render(spec: DemoDocument) -> bytes:
    """The demo document's file, the same bytes at every call."""
    return RENDERERS[spec.file_kind](spec, document_blocks(spec))


# --- Loading ---


def _demo_user(**account_filter) -> User | None:
    account = next(
        (a for a in DEMO_ACCOUNTS if all(getattr(a, k) == v for k, v in account_filter.items())),
        None,
    )
    return account and User.objects.filter(email=account.email).first()


def _by_name(model, names: set[str], kind: str) -> dict:
    found = {row.name: row for row in model.objects.filter(name__in=names)}
    missing = names - found.keys()
    if missing:
        raise ImproperlyConfigured(
            f"The demo library needs the reference data ({kind} missing: "
            f"{', '.join(sorted(missing))}); run `manage.py load_reference_data` first."
        )
    return found


def _publication_dates(now: datetime.datetime) -> dict[str, datetime.datetime]:
    """When each demo document was 'added': newest publications most recently, two days
    apart, so that the library's recent additions are the most recent documents."""
    by_year = sorted(DEMO_DOCUMENTS, key=lambda spec: (-spec.year, spec.title))
    return {
        spec.title: now - datetime.timedelta(days=2 * rank, hours=rank)
        for rank, spec in enumerate(by_year)
    }


def load_demo_library() -> DemoLibraryReport:
    """Create the demo documents that are missing. Needs DEBUG, the reference data and the
    demo accounts (membership.demo.load_demo_data)."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("The demo library is only loaded with DEBUG on.")
    staff = _demo_user(is_staff=True)
    if staff is None:
        raise ImproperlyConfigured("The demo library needs the demo accounts; load them first.")
    city_editor = _demo_user(role=MemberRole.CITY_EDITOR) or staff
    readers = [
        user
        for user in (_demo_user(is_staff=False, approved=True, role=role) for role in MemberRole)
        if user is not None
    ] or [staff]
    themes = _by_name(Theme, {t for spec in DEMO_DOCUMENTS for t in spec.themes}, "themes")
    cities = _by_name(City, {c for spec in DEMO_DOCUMENTS for c in spec.cities}, "cities")
    regions = _by_name(Region, {r for spec in DEMO_DOCUMENTS for r in spec.regions}, "regions")
    published = _publication_dates(timezone.now())

    created = 0
    for index, spec in enumerate(DEMO_DOCUMENTS):
        if Document.objects.filter(title=spec.title).exists():
            continue
        content = render(spec)
        if Document.objects.filter(checksum=hashlib.sha256(content).hexdigest()).exists():
            continue  # already there under a title staff have changed
        contribution = spec.city_contribution and city_editor != staff
        with transaction.atomic():
            document = create_document(
                upload=ContentFile(content, name=f"demo-{index + 1}{EXTENSIONS[spec.file_kind]}"),
                file_kind=spec.file_kind,
                uploaded_by=city_editor if contribution else staff,
                themes=[themes[name] for name in spec.themes],
                cities=[cities[name] for name in spec.cities],
                regions=[regions[name] for name in spec.regions],
                status=DocumentStatus.PUBLISHED,
                title=spec.title,
                summary=spec.summary,
                language=spec.language,
                document_type=spec.document_type,
                year_published=spec.year,
                author=spec.author,
                contributing_city=city_editor.member.city if contribution else None,
            )
            # At once, so that search works before the background worker runs (it will
            # extract the same text again when it picks up the task create_document queued).
            extract_and_store(document.pk)
            added = published[spec.title]
            Download.objects.bulk_create(
                Download(
                    document=document,
                    user=readers[number % len(readers)],
                    at=min(added + datetime.timedelta(hours=5 * (number + 1)), timezone.now()),
                )
                for number in range(spec.downloads)
            )
            Document.objects.filter(pk=document.pk).update(
                published_at=added,
                decided_by=staff,
                decided_at=added,
                download_count=spec.downloads,
            )
        created += 1
    return DemoLibraryReport(total=len(DEMO_DOCUMENTS), created=created)
