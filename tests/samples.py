"""Sample files for upload tests, made in memory: real formats, not fixtures on disk."""

import io

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
