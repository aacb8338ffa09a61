"""Certificates of completed modules: the member's PDF, and the verification page."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.factories import MemberFactory
from tests.training_factories import (
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
    right_answers,
)
from training import services
from training.certificates import certificate_pdf
from training.views.certificates import FAILED_CHECKS_PER_MINUTE

COMPLETED = timezone.make_aware(datetime.datetime(2025, 3, 4, 12, 0))
CODE = "ABCD-EFGH-JKMN"
VERIFY = reverse("training:verify")


@pytest.fixture
def module(db):
    return ModuleFactory(title="Prévenir la radicalisation", slug="prevenir")


@pytest.fixture
def completed(member, module):
    """The member's completed enrolment, with an accented name."""
    member.first_name, member.last_name = "Hélène", "Łukasz-Dupont"
    member.save()
    return EnrolmentFactory(
        user=member,
        module=module,
        city=member.member.city,
        completed_at=COMPLETED,
        score=85,
        certificate_code=CODE,
    )


def certificate_url(module) -> str:
    return reverse("training:certificate", args=[module.slug])


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def in_language(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


# --- The PDF ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "date_text", "file_word", "score_text"),
    [("en", "March", "Certificate", "85%"), ("fr", "mars", "Certificat", "85 %")],
)
def test_member_downloads_their_certificate(
    client_as, completed, module, language, date_text, file_word, score_text
):
    client = in_language(client_as("member"), language)
    response = client.get(certificate_url(module))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    # The file is named in the interface language, in ASCII (and in full as filename*).
    assert (
        f'filename="{file_word} Prevenir la radicalisation.pdf"'
        in (response["Content-Disposition"])
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    text = pdf_text(response.content)
    assert "Hélène Łukasz-Dupont" in text
    assert "Prévenir la radicalisation" in text
    assert CODE in text
    assert score_text in " ".join(text.split())  # French spaces the % sign (no-break)
    assert date_text in text  # the completion date in the interface language
    assert f"/training/certificates/verify/?code={CODE}" in text


def test_arabic_certificate_is_a_valid_pdf_with_arabic_metadata(client_as, completed, module):
    completed.user.first_name, completed.user.last_name = "فاطمة", "الزهراء"
    completed.user.save()
    response = in_language(client_as("member"), "ar").get(certificate_url(module))

    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert "فاطمة الزهراء" in reader.pages[0].extract_text()
    # Shaped by HarfBuzz: the name is drawn with the joined (contextual) forms of its
    # letters, e.g. initial FEH, final ALEF, initial TAH, medial MEEM, final TEH MARBUTA.
    glyphs = set(embedded_glyph_names(reader, bold=True))
    assert {"uniFED3", "uniFE8E", "uniFEC3", "uniFEE4", "uniFE94"} <= glyphs


def embedded_glyph_names(reader: PdfReader, bold: bool) -> list[str]:
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if font["/BaseFont"].endswith("Bold") == bold:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            data = descriptor.get_object()["/FontFile2"].get_object().get_data()
            return TTFont(io.BytesIO(data)).getGlyphOrder()
    return []


def test_certificate_metadata_is_deterministic(completed):
    first, second = certificate_pdf(completed, "en"), certificate_pdf(completed, "en")
    assert first == second
    info = PdfReader(io.BytesIO(first)).metadata
    assert info.title == "Certificate of completion: Prévenir la radicalisation"
    assert info.creation_date.date() == COMPLETED.date()


def test_another_member_cannot_download_someone_elses_certificate(client_as, completed, module):
    assert client_as("editor_a").get(certificate_url(module)).status_code == 404
    assert client_as("staff").get(certificate_url(module)).status_code == 404


def test_an_incomplete_enrolment_has_no_certificate(client_as, member, module):
    EnrolmentFactory(user=member, module=module)
    assert client_as("member").get(certificate_url(module)).status_code == 404


def test_an_unknown_module_has_no_certificate(client_as, completed):
    assert client_as("member").get(certificate_url(completed.module) + "x/").status_code == 404
    response = client_as("member").get(reverse("training:certificate", args=["nothing"]))
    assert response.status_code == 404


def test_non_members_are_kept_out_of_certificates(client_as, completed, module):
    assert client_as("anonymous").get(certificate_url(module)).status_code == 302
    assert client_as("applicant").get(certificate_url(module)).status_code in (302, 404)


def test_completing_a_module_through_the_quiz_gives_a_downloadable_certificate(
    client_as, member, module
):
    lesson = LessonFactory(module=module)
    QuestionFactory(lesson=lesson)
    enrolment = services.enrol(member, module)
    _attempt, _results, done = services.submit_quiz(enrolment, lesson, right_answers(lesson))
    assert done
    enrolment.refresh_from_db()

    response = client_as("member").get(certificate_url(module))
    assert response.status_code == 200
    assert enrolment.certificate_code in pdf_text(response.content)


def test_certificate_download_query_count(
    client_as, completed, module, django_assert_max_num_queries
):
    client = client_as("member")
    # Session, user (with member and city, for the gate), the enrolment.
    with django_assert_max_num_queries(4):
        assert client.get(certificate_url(module)).status_code == 200


# --- Verification -----------------------------------------------------------------------


@pytest.mark.parametrize("typed", [CODE, "abcd-efgh-jkmn", " abcd efgh jkmn ", "ABCDEFGHJKMN"])
def test_a_valid_code_shows_the_certificate(client_as, completed, typed):
    response = client_as("editor_b").get(VERIFY, {"code": typed})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Valid certificate" in page
    assert "Hélène Łukasz-Dupont" in page
    assert completed.city.name in page
    assert "Prévenir la radicalisation" in page
    assert "85%" in page
    assert "March 4, 2025" in page or "4 March 2025" in page


def test_staff_verify_codes_too(client_as, completed):
    response = client_as("staff").get(VERIFY, {"code": CODE})
    assert "Valid certificate" in response.content.decode()


def test_an_unknown_code_is_not_a_certificate(client_as, completed):
    response = client_as("member").get(VERIFY, {"code": "ABCD-EFGH-JKMP"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "No certificate has this code" in page
    assert "Valid certificate" not in page


def test_an_incomplete_enrolment_code_is_not_a_certificate(client_as, member, module):
    # A code only exists once completed; a stray one on an open enrolment does not count.
    EnrolmentFactory(user=member, module=module, certificate_code=CODE)
    page = client_as("member").get(VERIFY, {"code": CODE}).content.decode()
    assert "No certificate has this code" in page


@pytest.mark.parametrize(
    "junk",
    [
        "hello",
        "ABCD-EFGH-JKM0",  # 0 is not in the alphabet
        "ABCD-EFGH-JKMN-PQRS",
        "x" * 5000,
        "ABCD\x00EFGH\x00JKMN",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "",
        "\uff21\uff22\uff23\uff24-\uff25\uff26\uff27\uff28-\uff2a\uff2b\uff2d\uff2e",  # full width
    ],
)
def test_malformed_codes_are_answered_plainly(client_as, completed, junk):
    response = client_as("member").get(VERIFY, {"code": junk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "No certificate has this code" in page
    assert "Valid certificate" not in page
    assert "<script>alert(1)</script>" not in page


def test_a_malformed_code_is_explained_with_an_example(client_as, db):
    page = client_as("member").get(VERIFY, {"code": "hello"}).content.decode()
    assert "not in the right format" in page
    assert "ABCD-EFGH-JKMN" in page


def test_the_empty_form_shows_no_result(client_as, db):
    response = client_as("member").get(VERIFY)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="code"' in page
    assert "No certificate has this code" not in page


def test_verification_is_for_members_and_staff_only(client_as, completed):
    assert client_as("anonymous").get(VERIFY, {"code": CODE}).status_code == 302
    response = client_as("applicant").get(VERIFY, {"code": CODE})
    assert "Hélène" not in response.content.decode()


def test_verification_is_rate_limited_per_user(client_as, completed):
    cache.clear()
    client = client_as("member")
    for _ in range(FAILED_CHECKS_PER_MINUTE):
        client.get(VERIFY, {"code": "ABCD-EFGH-JKMP"})
    page = client.get(VERIFY, {"code": CODE}).content.decode()
    assert "Too many checks" in page
    assert "Hélène" not in page
    # Another member has their own allowance.
    assert "Valid certificate" in client_as("editor_a").get(VERIFY, {"code": CODE}).content.decode()


def test_verification_query_count(client_as, completed, django_assert_max_num_queries):
    client = client_as("member")
    # Session, user, the rate limit's counter, the enrolment with all it shows.
    with django_assert_max_num_queries(5):
        assert client.get(VERIFY, {"code": CODE}).status_code == 200


def test_another_members_certificate_verifies_for_everyone(client_as, completed, city_b):
    other = MemberFactory(city=city_b).user
    enrolment = EnrolmentFactory(
        user=other, module=completed.module, completed_at=COMPLETED, score=100,
        certificate_code="PQRS-TUVW-XYZ2", city=city_b,
    )  # fmt: skip
    page = client_as("member").get(VERIFY, {"code": enrolment.certificate_code}).content
    assert city_b.name in page.decode()
