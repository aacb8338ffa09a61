"""The certificate of a completed module, as a one-page PDF.

Written in the interface language the member reads the hub in (English, French or
Arabic; Arabic laid out right-to-left), with the fonts vendored in training/fonts/
(DejaVu Sans: Latin with accents, Greek, Cyrillic and Arabic) and HarfBuzz text shaping,
so Arabic letters join and run right-to-left, whatever the name's script.

The same enrolment in the same language gives the same bytes: the creation date written
in the file is the completion date, not the time of the download.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.http import urlencode
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from scn_portal.mail import absolute_url
from training.models import Enrolment

# fontTools logs every glyph subset at INFO level: one screenful per certificate.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONTS = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "DejaVuSans"
PAGE_MARGIN = 20  # millimetres; the page is A4 landscape (297 x 210)
BORDER_INSET = 8
ACCENT = (22, 74, 122)  # the hub's dark blue
MUTED = (90, 90, 90)


def verification_url(code: str) -> str:
    """The address where anyone with hub access checks a certificate's code."""
    return absolute_url(reverse("training:verify") + "?" + urlencode({"code": code}))


@dataclass(frozen=True)
class CertificateText:
    """Every line of a certificate, in the active language."""

    heading: str
    certifies: str
    name: str
    completed: str
    module: str
    details: str
    code: str
    verify_at: str
    url: str
    issuer: str


def certificate_text(enrolment: Enrolment) -> CertificateText:
    completed_on = formats.date_format(timezone.localdate(enrolment.completed_at), "DATE_FORMAT")
    return CertificateText(
        heading=_("Certificate of completion"),
        certifies=_("This certifies that"),
        name=enrolment.user.get_full_name() or enrolment.user.email,
        completed=_("has completed the training module"),
        module=enrolment.module.title,
        details=_("Completed on %(date)s with a score of %(score)s%%.")
        % {"date": completed_on, "score": enrolment.score},
        code=_("Verification code: %(code)s") % {"code": enrolment.certificate_code},
        verify_at=_("Check this certificate at:"),
        url=verification_url(enrolment.certificate_code),
        issuer=_("SCN Online Hub"),
    )


def certificate_pdf(enrolment: Enrolment, language: str | None = None) -> bytes:
    """The certificate of a completed enrolment (user and module loaded), in `language`
    (by default the active one)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        text = certificate_text(enrolment)
        right_to_left = get_language_bidi()
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_margins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    pdf.set_auto_page_break(False)
    pdf.add_font(FONT_FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT_FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
    # HarfBuzz shapes each run and the Unicode bidi algorithm orders the runs of a line.
    # No forced direction: each line takes the direction of its first letter, so a Latin
    # name, the address or a sentence not yet translated stay left-to-right on an Arabic
    # certificate, and Arabic lines run right-to-left.
    pdf.set_text_shaping(use_shaping_engine=True)
    pdf.set_lang(language)
    pdf.set_title(f"{text.heading}: {text.module}")
    pdf.set_subject(text.module)
    pdf.set_author(text.issuer)
    pdf.set_creator(text.issuer)
    pdf.set_keywords(enrolment.certificate_code)
    pdf.set_creation_date(enrolment.completed_at)
    pdf.add_page()

    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.2)
    pdf.rect(BORDER_INSET, BORDER_INSET, pdf.w - 2 * BORDER_INSET, pdf.h - 2 * BORDER_INSET)
    pdf.set_line_width(0.3)
    pdf.rect(
        BORDER_INSET + 2,
        BORDER_INSET + 2,
        pdf.w - 2 * BORDER_INSET - 4,
        pdf.h - 2 * BORDER_INSET - 4,
    )

    def centred(line: str, size: float, style: str = "", colour=(0, 0, 0), gap: float = 4):
        pdf.set_font(FONT_FAMILY, style, size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, size * 0.5, line, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    pdf.set_y(PAGE_MARGIN + 8)
    centred(text.issuer, 12, colour=MUTED, gap=8)
    centred(text.heading, 30, "B", ACCENT, gap=10)
    centred(text.certifies, 14)
    centred(text.name, 24, "B", gap=6)
    centred(text.completed, 14)
    centred(text.module, 18, "B", ACCENT, gap=6)
    centred(text.details, 13)

    # The verification block sits at the bottom, on the side where reading starts.
    start = Align.R if right_to_left else Align.L
    pdf.set_y(pdf.h - PAGE_MARGIN - 24)
    pdf.set_text_color(*MUTED)
    for line, style in ((text.code, "B"), (text.verify_at, ""), (text.url, "")):
        pdf.set_font(FONT_FAMILY, style, 10)
        pdf.multi_cell(0, 6, line, align=start, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
