"""Sample files for upload tests, made in memory: real formats, not fixtures on disk."""

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

from pypdf import PdfWriter

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def make_pdf(*, encrypt: bool = False) -> bytes:
    """A valid one-page A4 PDF (optionally password-protected)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if encrypt:
        writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = make_pdf()


# --- Documents of every accepted kind, with text, for upload and extraction tests ---

DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def make_pdf_with_text(*pages: str) -> bytes:
    """A PDF with one page per argument, each holding that text (fpdf2). Text outside
    Latin-1 uses the DejaVu font, which must be installed."""
    from fpdf import FPDF

    pdf = FPDF()
    try:
        "".join(pages).encode("latin-1")
        pdf.set_font("helvetica", size=12)
    except UnicodeEncodeError:
        pdf.add_font("dejavu", fname=DEJAVU_SANS)
        pdf.set_font("dejavu", size=12)
    for text in pages or ("",):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def make_docx(text: str = "", *, paragraphs=(), table=(), pages: int | None = None) -> bytes:
    """A DOCX (python-docx) with `text` and `paragraphs` as paragraphs, then a table of
    `table` rows (lists of cell texts). `pages` writes the page count Word stores in
    docProps/app.xml."""
    import docx

    document = docx.Document()
    for paragraph in ([text] if text else []) + list(paragraphs):
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for row, cells in zip(grid.rows, table, strict=False):
            for cell, value in zip(row.cells, cells, strict=False):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    if pages is None:
        return buffer.getvalue()
    return _replace_parts(
        buffer.getvalue(),
        {
            "docProps/app.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'extended-properties"><Pages>{pages}</Pages></Properties>'
            )
        },
    )


def make_zip(entries: dict, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of {name: str or bytes}, in that order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _replace_parts(package: bytes, replacements: dict) -> bytes:
    """The zip `package` with some parts replaced or added."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    return make_zip({**entries, **replacements})


def _ooxml_content_types(overrides: dict, *, extra_defaults: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + extra_defaults
        + "".join(
            f'<Override PartName="/{part}" ContentType="{content_type}"/>'
            for part, content_type in overrides.items()
        )
        + "</Types>"
    )


def _relationships(targets: list[tuple[str, str]]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{number}" Type="{kind}" Target="{target}"/>'
            for number, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )


OFFICE_DOCUMENT_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PRESENTATION_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def make_xlsx(cells) -> bytes:
    """A minimal valid XLSX, written by hand: one sheet whose column A holds `cells`
    (strings, kept in the shared-strings table as Excel does)."""
    cells = list(cells)
    strings = "".join(f"<si><t>{escape(cell)}</t></si>" for cell in cells)
    rows = "".join(
        f'<row r="{number}"><c r="A{number}" t="s"><v>{number - 1}</v></c></row>'
        for number in range(1, len(cells) + 1)
    )
    return make_zip(
        {
            "[Content_Types].xml": _ooxml_content_types(
                {
                    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet.main+xml",
                    "xl/worksheets/sheet1.xml": "application/vnd.openxmlformats-"
                    "officedocument.spreadsheetml.worksheet+xml",
                    "xl/sharedStrings.xml": "application/vnd.openxmlformats-"
                    "officedocument.spreadsheetml.sharedStrings+xml",
                }
            ),
            "_rels/.rels": _relationships([(OFFICE_DOCUMENT_REL, "xl/workbook.xml")]),
            "xl/workbook.xml": (
                f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SPREADSHEET_NS}" '
                f'xmlns:r="{OFFICE_REL}"><sheets><sheet name="Sheet1" sheetId="1" '
                'r:id="rId1"/></sheets></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": _relationships(
                [
                    (f"{OFFICE_REL}/worksheet", "worksheets/sheet1.xml"),
                    (f"{OFFICE_REL}/sharedStrings", "sharedStrings.xml"),
                ]
            ),
            "xl/worksheets/sheet1.xml": (
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SPREADSHEET_NS}">'
                f"<sheetData>{rows}</sheetData></worksheet>"
            ),
            "xl/sharedStrings.xml": (
                f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{SPREADSHEET_NS}" '
                f'count="{len(cells)}" uniqueCount="{len(cells)}">{strings}</sst>'
            ),
        }
    )


def make_pptx(slides) -> bytes:
    """A minimal PPTX, written by hand: one slide per item of `slides` (a string, or a
    list of strings: one paragraph each)."""
    slides = [[slide] if isinstance(slide, str) else list(slide) for slide in slides]
    numbers = range(1, len(slides) + 1)
    parts = {
        "[Content_Types].xml": _ooxml_content_types(
            {
                "ppt/presentation.xml": "application/vnd.openxmlformats-officedocument."
                "presentationml.presentation.main+xml",
                **{
                    f"ppt/slides/slide{number}.xml": "application/vnd.openxmlformats-"
                    "officedocument.presentationml.slide+xml"
                    for number in numbers
                },
            }
        ),
        "_rels/.rels": _relationships([(OFFICE_DOCUMENT_REL, "ppt/presentation.xml")]),
        "ppt/presentation.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="{PRESENTATION_NS}" '
            f'xmlns:r="{OFFICE_REL}"><p:sldIdLst>'
            + "".join(f'<p:sldId id="{255 + n}" r:id="rId{n}"/>' for n in numbers)
            + "</p:sldIdLst></p:presentation>"
        ),
        "ppt/_rels/presentation.xml.rels": _relationships(
            [(f"{OFFICE_REL}/slide", f"slides/slide{n}.xml") for n in numbers]
        ),
    }
    for number, paragraphs in zip(numbers, slides, strict=True):
        text = "".join(
            f"<a:p><a:r><a:t>{escape(paragraph)}</a:t></a:r></a:p>" for paragraph in paragraphs
        )
        parts[f"ppt/slides/slide{number}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="{PRESENTATION_NS}" '
            f'xmlns:a="{DRAWING_NS}"><p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/>{text}'
            "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    return make_zip(parts)


ODF_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_META_NS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


def make_odt(text: str = "", *, paragraphs=(), pages: int | None = None) -> bytes:
    """A minimal ODT: the `mimetype` entry first and stored uncompressed (as the format
    requires), a manifest, content.xml with one paragraph per text, and meta.xml with
    the page count when `pages` is given."""
    body = "".join(
        f"<text:p>{escape(paragraph)}</text:p>"
        for paragraph in ([text] if text else []) + list(paragraphs)
    )
    parts = {
        "META-INF/manifest.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>'
        ),
        "content.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            f'xmlns:office="{ODF_OFFICE_NS}" xmlns:text="{ODF_TEXT_NS}" office:version="1.2">'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>"
        ),
    }
    if pages is not None:
        parts["meta.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            f'xmlns:office="{ODF_OFFICE_NS}" xmlns:meta="{ODF_META_NS}"><office:meta>'
            f'<meta:document-statistic meta:page-count="{pages}"/></office:meta>'
            "</office:document-meta>"
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def make_macro_docx(*, rename_project: bool = False) -> bytes:
    """A macro-enabled Word document (.docm) saved under a .docx name: the package holds
    a VBA project and declares the macro-enabled content type. `rename_project` hides the
    project under another file name (it is still declared in [Content_Types].xml)."""
    package = make_docx("Quarterly report")
    project = "word/payload.bin" if rename_project else "word/vbaProject.bin"
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        content_types = archive.read("[Content_Types].xml").decode()
    content_types = content_types.replace(
        "wordprocessingml.document.main+xml", "wordprocessingml.document.macroEnabled.main+xml"
    ).replace(
        "</Types>",
        f'<Override PartName="/{project}" ContentType="application/vnd.ms-office.vbaProject"/>'
        "</Types>",
    )
    return _replace_parts(
        package,
        {"[Content_Types].xml": content_types, project: OLE2_HEADER + b"\x00" * 512},
    )


def make_zip_bomb(declared_bytes: int = 4_000_000_000) -> bytes:
    """A tiny DOCX-looking zip whose entry claims to unpack to `declared_bytes` (patched
    into the local and central headers, as a hostile zip would)."""
    package = make_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    data = bytearray(package)
    size = declared_bytes.to_bytes(4, "little")
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:  # central directory entries
        data[start + 24 : start + 28] = size
        start += 4
    start = 0
    while (start := data.find(b"PK\x03\x04", start)) != -1:  # local file headers
        data[start + 22 : start + 26] = size
        start += 4
    return bytes(data)


def make_compressed_bomb(unpacked_bytes: int) -> bytes:
    """An honest DOCX-looking zip whose document part is `unpacked_bytes` of spaces:
    it compresses about a thousand times."""
    return make_zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": b" " * unpacked_bytes,
        }
    )


OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An old Word (.doc) file's start: the OLE2 compound-file signature, then its header.
OLD_WORD_DOC = OLE2_HEADER + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff" + b"\x00" * 482
# A password-protected DOCX as Word saves it: OLE2 with an "EncryptedPackage" stream.
ENCRYPTED_DOCX = OLD_WORD_DOC + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
HTML = b"<!DOCTYPE html>\n<html><head><title>Report</title></head><body>Hi</body></html>"
SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


# --- Hostile files for the upload-hardening tests (tests/test_security_uploads.py) ---
# All made in memory in well under a second, and small: the size they claim or unpack
# to is what makes them hostile.


def deflate_repeating(chunk: bytes, times: int, *, wbits: int = -15) -> bytes:
    """A deflate stream unpacking to `chunk` repeated `times` times, built without ever
    holding the unpacked bytes: the chunk is compressed once, flushed to a byte boundary
    with no back references (a full flush), and that piece is repeated. wbits -15 is raw
    deflate (zip entries), 15 a zlib stream (PDF FlateDecode)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = piece * times + b"\x03\x00"  # an empty final block ends the stream
    if wbits < 0:
        return body
    # zlib framing: header and the Adler-32 of the whole unpacked data.
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + body + adler.to_bytes(4, "big")


def make_zip_entries_raw(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, deflated bytes, unpacked size, crc32) entries written by hand, so
    that an entry can unpack to gigabytes without ever being compressed here, and can
    declare any unpacked size (a lying header)."""
    local = bytearray()
    central = bytearray()
    for name, data, size, crc in entries:
        encoded = name.encode()
        offset = len(local)
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(data), size)
        local += b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data
        central += (
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fields
            + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset)
            + encoded
        )
    end = b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(local), 0
    )
    return bytes(local + central + end)


def inflating_entry(name: str, prefix: bytes, chunk: bytes, times: int, suffix: bytes = b"",
                    *, declared: int | None = None):  # fmt: skip
    """A zip entry (for make_zip_entries_raw) whose content is prefix + chunk * times +
    suffix; `declared` overrides the unpacked size its headers state."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = head.compress(prefix) + head.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = tail.compress(suffix) + tail.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(chunk) * times + len(suffix)
    return (name, start + piece * times + end, size if declared is None else declared, crc)


def make_raw_pdf(objects: list[bytes], *, trailer: bytes = b"/Root 1 0 R") -> bytes:
    """A PDF written by hand from the bodies of objects 1, 2, 3..., with a correct
    cross-reference table: for files no PDF library would write."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d " % (len(objects) + 1) + trailer + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pdf_stream(data: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< /Length %d " % len(data) + dictionary + b" >>\nstream\n" + data + b"\nendstream"


def make_pdf_page_objects(content_ref: bytes = b"4 0 R", count: int = 1,
                          kids: bytes = b"[3 0 R]") -> list[bytes]:  # fmt: skip
    """Catalog (1), page tree (2), one page (3) using the content stream `content_ref`
    and a Helvetica font (5); the caller supplies object 4 (and any more)."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
        + content_ref
        + b" /Resources << /Font << /F1 5 0 R >> >> >>",
    ]


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
