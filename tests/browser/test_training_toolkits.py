"""Working-group toolkits in the browser: a coordinator adds a section and a link; a member
reads the toolkit and downloads it as a ZIP. The list, toolkit and edit pages are checked
with axe-core in English and Arabic, and the toolkit page on a phone-sized screen."""

import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from playwright.sync_api import Page, expect

from library.choices import DocumentStatus, DocumentType, FileKind
from library.models import Document
from membership.choices import WorkingGroupRole
from membership.models import WorkingGroupMembership
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import horizontal_overflow, log_in, switch_language
from tests.factories import MemberFactory
from tests.samples import make_pdf
from tests.training_factories import (
    ModuleFactory,
    ToolkitItemFactory,
    ToolkitSectionFactory,
    WorkingGroupFactory,
)
from training.choices import ItemKind, SectionKind


@pytest.fixture
def group(db):
    return WorkingGroupFactory(
        name="Youth engagement", description="Practitioners working with young people."
    )


@pytest.fixture
def coordinator(group):
    member = MemberFactory(user__email="coordinator@example.org")
    WorkingGroupMembership.objects.create(
        group=group, member=member, role=WorkingGroupRole.COORDINATOR
    )
    return member.user


@pytest.fixture
def pdf_document(media_root):
    content = make_pdf()
    return Document.objects.create(
        title="Mapping youth services in member cities",
        document_type=DocumentType.RESEARCH,
        file=default_storage.save("library/toolkit-browser.pdf", ContentFile(content)),
        file_kind=FileKind.PDF,
        file_size=len(content),
        checksum="0" * 64,
        status=DocumentStatus.PUBLISHED,
        published_at=timezone.now(),
        year_published=2018,
    )


@pytest.fixture
def filled_toolkit(group, pdf_document):
    toolkit = group.toolkit
    toolkit.introduction = "What this toolkit offers, and **where to start**."
    toolkit.save()
    background = ToolkitSectionFactory(toolkit=toolkit, kind=SectionKind.BACKGROUND, title="")
    ToolkitItemFactory(
        section=background,
        kind=ItemKind.DOCUMENT,
        document=pdf_document,
        text="Start with the summary on page 2.",
    )
    ToolkitItemFactory(
        section=background,
        kind=ItemKind.LINK,
        title="A very long link title that must wrap on a phone rather than scroll sideways",
        url="https://example.org/" + "a-long-path-segment-" * 8,
    )
    ToolkitItemFactory(section=background, text="Ask the coordinators for *local contacts*.")
    ModuleFactory(title="Counter-narrative campaigns", working_group=group)
    return toolkit


def submit(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_a_coordinator_adds_a_section_and_a_link(page: Page, coordinator, group):
    log_in(page, coordinator.email)
    page.goto(f"/training/toolkits/{group.slug}/")
    expect(page.get_by_text("This toolkit is being prepared")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Edit toolkit").click()

    page.get_by_label("Introduction to the toolkit").fill(
        "Resources chosen by the group's coordinators."
    )
    new_section = page.locator("fieldset", has_text="New section")
    new_section.get_by_label("Kind").select_option(label="Case studies from around the world")
    new_section.get_by_label("Order").fill("1")
    submit(page, "Save the toolkit")

    expect(page).to_have_url(re.compile(rf"/training/toolkits/{group.slug}/$"))
    expect(page.locator(".alert-success")).to_contain_text("The toolkit is saved.")
    expect(page.get_by_text("Resources chosen by the group's coordinators.")).to_be_visible()
    heading = page.get_by_role("heading", name="Case studies from around the world")
    expect(heading).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Edit the items")).click()
    assert_accessible(page)
    first_row = page.locator("fieldset", has_text="New item").first
    first_row.get_by_label("Kind").select_option(label="External link")
    first_row.get_by_label("Title").fill("Strong Cities guide to counter-narratives")
    first_row.get_by_label("Link").fill("https://strongcitiesnetwork.org/")
    submit(page, "Save the items")

    expect(page.locator(".alert-success")).to_contain_text("are saved")
    link = page.get_by_role("link", name="Strong Cities guide to counter-narratives")
    expect(link).to_have_attribute("href", "https://strongcitiesnetwork.org/")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(page.get_by_text("This toolkit is being prepared")).to_have_count(0)


def test_a_member_opens_a_toolkit_and_downloads_it(page: Page, member, group, filled_toolkit,
                                                   pdf_document):  # fmt: skip
    log_in(page, member.email)
    page.goto("/training/toolkits/")
    with page.expect_navigation():
        page.get_by_role("link", name="Youth engagement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Youth engagement")
    expect(page.get_by_role("link", name=pdf_document.title)).to_be_visible()
    expect(page.get_by_role("link", name="Counter-narrative campaigns")).to_be_visible()
    expect(page.get_by_role("link", name="Edit toolkit")).to_have_count(0)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the whole toolkit").click()
    download = download_info.value
    assert download.suggested_filename == "Youth engagement toolkit.zip"
    archive = zipfile.ZipFile(io.BytesIO(download.path().read_bytes()))
    names = archive.namelist()
    assert "index.html" in names
    document_name = next(name for name in names if name.endswith(".pdf"))
    assert archive.read(document_name) == pdf_document.file.open("rb").read()
    assert document_name in archive.read("index.html").decode()


def test_the_toolkit_pages_are_accessible_in_english_and_arabic(
    page: Page, coordinator, group, filled_toolkit
):
    log_in(page, coordinator.email)
    pages = ["/training/toolkits/", f"/training/toolkits/{group.slug}/",
             f"/training/toolkits/{group.slug}/edit/"]  # fmt: skip
    for path in pages:
        page.goto(path)
        assert_accessible(page)
    switch_language(page, "ar")
    for path in pages:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        assert_accessible(page)


def test_the_toolkit_page_fits_a_phone(page: Page, member, group, filled_toolkit):
    log_in(page, member.email)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"/training/toolkits/{group.slug}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert horizontal_overflow(page) == 0
    switch_language(page, "ar")
    assert horizontal_overflow(page) == 0
