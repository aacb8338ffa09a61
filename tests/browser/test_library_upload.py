"""A member shares a document with the library: the upload form, then "My uploads", where
it waits for the SCN team's review. Both pages checked with axe-core in English and Arabic."""

import re

import pytest
from playwright.sync_api import Page, expect

from library.choices import DocumentStatus, DocumentType
from library.models import Document
from membership.models import Region, Theme
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, switch_language
from tests.samples import make_pdf


@pytest.fixture
def vocabulary(db):
    Theme.objects.create(name="Youth engagement", slug="youth-engagement", name_ar="إشراك الشباب")
    Theme.objects.create(name="Mentoring", slug="mentoring", name_ar="الإرشاد")
    Region.objects.get_or_create(name="Western Balkans", slug="western-balkans")


def choose_file(page: Page, content: bytes, name: str = "Youth strategy.pdf") -> None:
    page.locator("input[name=file]").set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": content}]
    )


def send(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_a_member_uploads_a_pdf_and_finds_it_pending_review(
    page: Page, member, vocabulary, media_root
):
    log_in(page, member.email)
    page.goto("/library/upload/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload a document")
    assert_accessible(page)

    choose_file(page, make_pdf())
    page.get_by_label("Title").fill("Youth engagement strategy")
    page.get_by_label("Summary").fill("How Aarhus works with young people.")
    page.get_by_label("Type of document").select_option(DocumentType.STRATEGY.value)
    page.get_by_label("Youth engagement").check()
    page.get_by_label("Year published").fill("2024")
    send(page)

    expect(page).to_have_url(re.compile(r"/library/my-uploads/$"))
    expect(page.locator(".alert-success")).to_contain_text("Youth engagement strategy")
    row = page.get_by_role("row").filter(has_text="Youth engagement strategy")
    expect(row).to_contain_text("Pending review")
    expect(row.get_by_role("link", name=re.compile("Change"))).to_be_visible()
    assert_accessible(page)

    # Until it is reviewed, the uploader may still change it.
    with page.expect_navigation():
        row.get_by_role("link", name=re.compile("Change")).click()
    expect(page.get_by_label("Title")).to_have_value("Youth engagement strategy")
    expect(page.get_by_label("Youth engagement")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Title").fill("Youth engagement strategy 2024-2027")
    send(page)
    expect(page.get_by_role("row").filter(has_text="2024-2027")).to_contain_text("Pending review")
    document = Document.objects.get()
    assert (document.status, document.uploaded_by) == (DocumentStatus.PENDING, member)
    assert [theme.name for theme in document.themes.all()] == ["Youth engagement"]
    assert [path.read_bytes() for path in media_root.rglob("*.pdf")] == [make_pdf()]


def test_upload_pages_are_accessible_in_arabic_with_errors_shown(
    page: Page, member, vocabulary, media_root
):
    log_in(page, member.email)
    page.goto("/library/upload/")
    switch_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)

    # A web page disguised as a PDF is refused, the reason shown on the field.
    choose_file(page, b"<!DOCTYPE html><html><body>hello</body></html>", "report.pdf")
    page.locator("input[name=title]").fill("تقرير")
    page.locator("select[name=document_type]").select_option(DocumentType.RESEARCH.value)
    send(page)
    expect(page.locator("input[name=file]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_file-errors")).not_to_be_empty()
    assert_accessible(page)
    assert not Document.objects.exists()

    choose_file(page, make_pdf())
    send(page)
    expect(page).to_have_url(re.compile(r"/library/my-uploads/$"))
    expect(page.get_by_role("row").filter(has_text="تقرير")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/library/documents/{Document.objects.get().pk}/edit/")
    expect(page.locator("input[name=title]")).to_have_value("تقرير")
    assert_accessible(page)
