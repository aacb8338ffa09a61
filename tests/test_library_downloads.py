"""Downloading library documents (library/views/downloads.py): who may, what the response
says about the file, how downloads are counted, and that no other URL serves an upload."""

from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse
from django.views.static import serve

from library import services
from library.choices import DocumentStatus, DocumentType, FileKind
from library.files import CONTENT_TYPES
from library.models import Document, Download
from library.views.downloads import MAX_NAME_LENGTH, attachment_header
from tests import samples
from tests.conftest import ROLES
from tests.urlsweep import all_routes

DOCX = samples.make_docx("Mentoring programmes")


def add_document(uploader, status, *, title="Youth engagement toolkit", content=samples.PDF,
                 kind=FileKind.PDF) -> Document:  # fmt: skip
    return services.create_document(
        upload=ContentFile(content, name=f"upload.{kind}"),
        file_kind=kind,
        uploaded_by=uploader,
        status=status,
        title=title,
        document_type=DocumentType.TOOLKIT,
    )


@pytest.fixture
def published(media_root, staff):
    return add_document(staff, DocumentStatus.PUBLISHED)


@pytest.fixture
def pending_of_member(media_root, member):
    return add_document(member, DocumentStatus.PENDING, title="My draft", content=DOCX,
                        kind=FileKind.DOCX)  # fmt: skip


def download(client, document):
    response = client.get(reverse("library:download", args=[document.pk]))
    # Reading the whole stream makes the test client close the response (and the file).
    body = b"".join(response.streaming_content) if response.status_code == 200 else None
    return response, body


# --- Who may download ---


def expected(role: str, status_for_members: int) -> tuple[int, str | None]:
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    return status_for_members, None


@pytest.mark.parametrize("role", ROLES)
def test_published_documents_are_downloaded_by_every_member(client_as, role, published):
    status, target = expected(role, 200)
    response, body = download(client_as(role), published)
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target
    else:
        assert body == samples.PDF


# A pending upload: its uploader and staff only. Everyone else gets 404, never 403.
PENDING_MATRIX = {"member": 200, "staff": 200, "editor_a": 404, "editor_b": 404}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", [DocumentStatus.PENDING, DocumentStatus.REJECTED])
def test_unpublished_documents_only_reach_their_uploader_and_staff(
    client_as, role, status, pending_of_member
):
    Document.objects.filter(pk=pending_of_member.pk).update(status=status)
    code, target = expected(role, PENDING_MATRIX.get(role, 0))
    response, body = download(client_as(role), pending_of_member)
    assert response.status_code == code
    if target:
        assert urlsplit(response["Location"]).path == target
    if code == 200:
        assert body == DOCX
    assert Download.objects.count() == (1 if code == 200 else 0)


def test_an_archived_document_is_not_downloaded_by_another_member(client_as, published):
    Document.objects.filter(pk=published.pk).update(status=DocumentStatus.ARCHIVED)
    assert download(client_as("member"), published)[0].status_code == 404
    assert download(client_as("staff"), published)[0].status_code == 200


def test_an_unknown_document_is_not_found(client_as, db):
    response = client_as("member").get(reverse("library:download", args=[999999]))
    assert response.status_code == 404


def test_a_document_whose_file_is_missing_is_not_found_and_not_counted(
    client_as, published, media_root
):
    (media_root / published.file.name).unlink()
    assert download(client_as("member"), published)[0].status_code == 404
    published.refresh_from_db()
    assert published.download_count == 0
    assert not Download.objects.exists()


def test_head_requests_are_not_answered_nor_counted(client_as, published):
    response = client_as("member").head(reverse("library:download", args=[published.pk]))
    assert response.status_code == 405
    assert not Download.objects.exists()


# --- The response ---


def test_the_response_is_a_safe_attachment(client_as, published):
    response, body = download(client_as("member"), published)
    assert response.streaming
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Youth engagement toolkit.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert int(response["Content-Length"]) == len(samples.PDF) == len(body)


@pytest.mark.parametrize(
    ("kind", "content"),
    [
        (FileKind.DOCX, DOCX),
        (FileKind.XLSX, samples.make_xlsx(["a"])),
        (FileKind.PPTX, samples.make_pptx(["a"])),
        (FileKind.ODT, samples.make_odt("a")),
    ],
)
def test_each_kind_has_its_content_type_and_extension(client_as, media_root, staff, kind, content):
    document = add_document(staff, DocumentStatus.PUBLISHED, title="Plan", content=content,
                            kind=kind)  # fmt: skip
    response, body = download(client_as("member"), document)
    assert response["Content-Type"] == CONTENT_TYPES[kind]
    assert response["Content-Disposition"] == f'attachment; filename="Plan.{kind}"'
    assert body == content


def test_a_tricky_title_reaches_the_response_header_safely(client_as, media_root, staff):
    title = 'Plan "final"\r\nSet-Cookie: x=1 \u202egnp.exe'
    document = add_document(staff, DocumentStatus.PUBLISHED, title=title)
    response, _ = download(client_as("member"), document)
    header = response["Content-Disposition"]
    assert "\r" not in header and "\n" not in header and "\u202e" not in header
    assert header.startswith('attachment; filename="Plan final Set-Cookie x=1 gnp.exe.pdf"')
    assert "x" not in response.cookies


HEADERS = [
    ("plain", "Annual report 2024", 'attachment; filename="Annual report 2024.pdf"'),
    ("quotes-and-backslashes", 'The "best" \\ worst', 'attachment; filename="The best worst.pdf"'),
    ("cr-lf", "Line one\r\nLine two\ttab", 'attachment; filename="Line one Line two tab.pdf"'),
    ("path", "../../etc/passwd", 'attachment; filename="etc passwd.pdf"'),
    ("accents", "Prévention à l'école",
     "attachment; filename=\"Prevention a l'ecole.pdf\"; "
     "filename*=UTF-8''Pr%C3%A9vention%20%C3%A0%20l%27%C3%A9cole.pdf"),
    ("arabic", "الوقاية من التطرف",
     'attachment; filename="document.pdf"; filename*=UTF-8\'\''
     + quote("الوقاية من التطرف.pdf", safe="")),
    ("rtl-override", "report\u202efdp.exe",
     'attachment; filename="report fdp.exe.pdf"'),
    ("isolates-and-marks", "a\u2066b\u2069c\u200fd\u061ce",
     'attachment; filename="a b c d e.pdf"'),
    ("only-unsafe", '"\\\r\n\u202e', 'attachment; filename="document.pdf"'),
    ("dots", "...", 'attachment; filename="document.pdf"'),
    ("control-characters", "a\x00b\x1bc\x7fd\x85e", 'attachment; filename="a b c d e.pdf"'),
]  # fmt: skip


@pytest.mark.parametrize(("title", "header"), [h[1:] for h in HEADERS], ids=[h[0] for h in HEADERS])
def test_attachment_header_for_tricky_titles(title, header):
    assert attachment_header(title, ".pdf") == header


def test_a_very_long_title_is_shortened_keeping_the_extension():
    header = attachment_header("Évaluation " * 100, ".docx")
    fallback = header.split('filename="')[1].split('"')[0]
    assert fallback.endswith(".docx")
    assert len(fallback) <= MAX_NAME_LENGTH + len(".docx")
    encoded = header.split("filename*=UTF-8''")[1]
    assert encoded.endswith(".docx")
    assert len(encoded) < 1000  # well within what servers and proxies accept


@pytest.mark.parametrize(("title", "header"), [h[1:] for h in HEADERS], ids=[h[0] for h in HEADERS])
def test_every_header_is_ascii_and_single_line(title, header):
    value = attachment_header(title, ".pdf")
    assert value.isascii()
    assert not any(character in value for character in "\r\n\x00")
    assert value.count('"') == 2  # the fallback name's quotes, nothing escaping them


# --- Counting ---


def test_each_download_is_counted_once_with_who_and_when(client_as, published, member):
    client = client_as("member")
    download(client, published)
    download(client, published)
    published.refresh_from_db()
    assert published.download_count == 2
    assert Download.objects.filter(document=published, user=member).count() == 2
    assert all(record.at for record in Download.objects.all())


def test_counting_costs_three_writes_and_no_extra_reads(client_as, published):
    client = client_as("editor_a")
    download(client, published)  # warm up: session, sites, etc.
    with CaptureQueriesContext(connection) as queries:
        response, _ = download(client, published)
    assert response.status_code == 200
    # (The test's own transaction turns the writes' transaction into a savepoint.)
    statements = [
        sql for query in queries.captured_queries
        if (sql := query["sql"].split()[0].upper()) not in {"SAVEPOINT", "RELEASE"}
    ]  # fmt: skip
    writes = [sql for sql in statements if sql in {"INSERT", "UPDATE", "DELETE"}]
    # the Download record, the audit event (audit.services.record), the counter
    assert writes == ["INSERT", "INSERT", "UPDATE"]
    # session, user with member and city (the gate), the document, the three writes
    assert len(statements) <= 6, [q["sql"] for q in queries.captured_queries]


def test_a_download_by_a_deleted_user_keeps_its_record(client_as, published, member):
    download(client_as("member"), published)
    member.delete()
    assert Download.objects.get().user is None


# --- No other way to the files ---


def test_no_url_pattern_serves_files_from_storage():
    assert all(
        getattr(pattern.callback, "__wrapped__", pattern.callback) is not serve
        for pattern in _patterns(get_resolver().url_patterns)
    )
    assert not any(route.url.startswith("/media") for route in all_routes())


def _patterns(patterns):
    for entry in patterns:
        if hasattr(entry, "url_patterns"):
            yield from _patterns(entry.url_patterns)
        else:
            yield entry


@pytest.mark.parametrize("role", ["anonymous", "member", "staff"])
def test_the_stored_file_is_not_reachable_by_its_path(client_as, published, role):
    name = published.file.name  # library/<random>.pdf
    client = client_as(role)
    for path in {f"/{settings.MEDIA_URL.strip('/')}/{name}".replace("//", "/"),
                 f"/media/{name}", f"/{name}", f"/static/{name}"}:  # fmt: skip
        response = client.get(path)
        assert response.status_code in (302, 404), path
        assert samples.PDF not in b"".join(getattr(response, "streaming_content", [])) + (
            b"" if response.streaming else response.content
        )
