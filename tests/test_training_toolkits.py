"""Working-group toolkits: who may read and curate them, what a reader sees, the whole-
toolkit ZIP, the curators' forms and their validation, and query counts."""

import io
import itertools
import zipfile
from urllib.parse import urlsplit

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from cityprofiles.models import CityProfile, Initiative
from library.choices import DocumentStatus, DocumentType, FileKind
from library.models import Document
from membership.choices import WorkingGroupRole
from membership.models import WorkingGroupMembership
from tests.conftest import ROLES
from tests.factories import MemberFactory
from tests.samples import make_docx, make_pdf
from tests.training_factories import (
    ModuleFactory,
    ToolkitItemFactory,
    ToolkitSectionFactory,
    WorkingGroupFactory,
)
from training.choices import ItemKind, ModuleStatus, SectionKind
from training.forms_toolkits import document_number
from training.models import Toolkit, ToolkitItem, ToolkitSection
from training.toolkit_zip import safe_name_part

_numbers = itertools.count(1)


def library_document(*, status=DocumentStatus.PUBLISHED, content=None, kind=FileKind.PDF,
                     **fields) -> Document:  # fmt: skip
    """A library document; with `content`, its file is written to the storage."""
    number = next(_numbers)
    fields.setdefault("title", f"Toolkit document {number}")
    path = f"library/toolkit-test-{number}.{kind}"
    if content is not None:
        path = default_storage.save(path, ContentFile(content))
    return Document.objects.create(
        document_type=DocumentType.RESEARCH,
        file=path,
        file_kind=kind,
        file_size=len(content) if content is not None else 1000,
        checksum=f"{number:064x}",
        status=status,
        published_at=timezone.now() if status == DocumentStatus.PUBLISHED else None,
        year_published=2019,
        **fields,
    )


def coordinate(group, user_or_member=None):
    """Make a member (a new one by default) coordinator of `group`; returns the user."""
    member = getattr(user_or_member, "member", user_or_member) or MemberFactory()
    WorkingGroupMembership.objects.create(
        group=group, member=member, role=WorkingGroupRole.COORDINATOR
    )
    return member.user


def initiative_of(city, title="Mentors for young people", published=True) -> Initiative:
    profile, _ = CityProfile.objects.get_or_create(city=city, defaults={"published": published})
    return Initiative.objects.create(profile=profile, title=title)


@pytest.fixture
def group(db):
    return WorkingGroupFactory(name="Youth engagement", description="Young people first.")


@pytest.fixture
def toolkit(group):
    return group.toolkit


@pytest.fixture
def section(toolkit):
    return ToolkitSectionFactory(toolkit=toolkit, kind=SectionKind.BACKGROUND, title="")


@pytest.fixture
def coordinator(group):
    return coordinate(group)


@pytest.fixture
def client_for(client_as, coordinator, client):
    """client_for(role): client_as, plus "coordinator" (of the toolkit's group)."""

    def make(role):
        if role == "coordinator":
            client.force_login(coordinator)
            return client
        return client_as(role)

    return make


# The permission matrix ---------------------------------------------------------------

READ_PAGES = ["training:toolkits", "training:toolkit", "training:toolkit_download"]
CURATION_PAGES = ["training:toolkit_edit", "training:section_edit"]
CURATORS = {"staff", "coordinator"}


def url_of(url_name, group, section):
    if url_name == "training:toolkits":
        return reverse(url_name)
    if url_name == "training:section_edit":
        return reverse(url_name, args=[group.slug, section.pk])
    return reverse(url_name, args=[group.slug])


def expected(role, url_name):
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if url_name in CURATION_PAGES and role not in CURATORS:
        return 404, None
    return 200, None


@pytest.mark.parametrize("role", [*ROLES, "coordinator"])
@pytest.mark.parametrize("url_name", READ_PAGES + CURATION_PAGES)
def test_permission_matrix(client_for, role, url_name, group, section):
    status, target = expected(role, url_name)
    response = client_for(role).get(url_of(url_name, group, section))
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target


@pytest.mark.parametrize("url_name", CURATION_PAGES)
@pytest.mark.parametrize("role", ["anonymous", "applicant", "member", "editor_a"])
def test_nobody_but_curators_can_post_to_the_curation_pages(
    client_for, role, url_name, group, section
):
    response = client_for(role).post(url_of(url_name, group, section), {})
    assert response.status_code in (302, 404)
    assert response.status_code == expected(role, url_name)[0]
    section.refresh_from_db()
    assert ToolkitSection.objects.count() == 1


def test_a_coordinator_of_another_group_cannot_curate_this_toolkit(client, group, section):
    other_group = WorkingGroupFactory()
    client.force_login(coordinate(other_group))
    for url_name in CURATION_PAGES:
        assert client.get(url_of(url_name, group, section)).status_code == 404
    # ...not even a section of this toolkit through their own group's address.
    response = client.get(reverse("training:section_edit", args=[other_group.slug, section.pk]))
    assert response.status_code == 404
    assert client.get(url_of("training:toolkit_edit", other_group, section)).status_code == 200


def test_a_plain_member_of_the_group_cannot_curate(client, group, section, member):
    WorkingGroupMembership.objects.create(
        group=group, member=member.member, role=WorkingGroupRole.MEMBER
    )
    client.force_login(member)
    assert client.get(url_of("training:toolkit_edit", group, section)).status_code == 404


def test_a_coordinator_no_longer_approved_cannot_curate(client, group, section, coordinator):
    coordinator.member.status = "rejected"
    coordinator.member.save()
    client.force_login(coordinator)
    response = client.get(url_of("training:toolkit_edit", group, section))
    assert response.status_code in (302, 404)


@pytest.mark.parametrize(
    "url_name", ["training:toolkit", "training:toolkit_download", "training:toolkit_edit"]
)
def test_an_unknown_group_is_a_404(client_as, url_name):
    assert client_as("staff").get(reverse(url_name, args=["no-such-group"])).status_code == 404


def test_a_section_of_another_toolkit_is_a_404(client_as, group, section):
    other = ToolkitSectionFactory(toolkit=WorkingGroupFactory().toolkit)
    response = client_as("staff").get(reverse("training:section_edit", args=[group.slug, other.pk]))
    assert response.status_code == 404


def test_the_download_answers_get_only(client_as, group):
    assert (
        client_as("member").head(url_of("training:toolkit_download", group, None)).status_code
        == 405
    )


# The list ------------------------------------------------------------------------------


def test_the_list_shows_each_toolkit_with_its_counts_and_curation(
    client_for, group, section, coordinator
):
    ToolkitItemFactory(section=section)
    ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=library_document())
    # Another member's upload awaiting review is not counted for readers.
    pending = library_document(status=DocumentStatus.PENDING)
    ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=pending)
    WorkingGroupFactory(name="Prevention networks")

    page = client_for("member").get(reverse("training:toolkits"))
    toolkits = {t.working_group.name: t for t in page.context["toolkits"]}
    assert set(toolkits) == {"Youth engagement", "Prevention networks"}
    assert (
        toolkits["Youth engagement"].item_count,
        toolkits["Youth engagement"].document_count,
    ) == (2, 1)
    assert page.context["curated_ids"] == set()
    html = page.content.decode()
    assert "2 items" in html and "1 document" in html and "Being prepared" in html
    assert "You curate this toolkit" not in html

    page = client_for("coordinator").get(reverse("training:toolkits"))
    assert page.context["curated_ids"] == {group.toolkit.pk}
    assert "You curate this toolkit" in page.content.decode()


def test_the_list_filters_by_text_and_theme(client_as, group):
    from membership.models import Theme

    theme = Theme.objects.create(name="Mentoring", slug="mentoring")
    group.themes.add(theme)
    WorkingGroupFactory(name="Prevention networks")
    client = client_as("member")
    names = lambda response: [t.working_group.name for t in response.context["toolkits"]]  # noqa: E731
    assert names(client.get(reverse("training:toolkits"), {"q": "youth"})) == ["Youth engagement"]
    assert names(client.get(reverse("training:toolkits"), {"theme": "mentoring"})) == [
        "Youth engagement"
    ]
    response = client.get(reverse("training:toolkits"), {"q": "nothing like it"})
    assert "No toolkit matches these filters." in response.content.decode()


def test_the_list_query_count_does_not_grow_with_toolkits(client_as, django_assert_max_num_queries):
    client = client_as("member")
    for _ in range(2):
        WorkingGroupFactory()
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("training:toolkits"))
    for _ in range(10):
        group = WorkingGroupFactory()
        section = ToolkitSectionFactory(toolkit=group.toolkit)
        ToolkitItemFactory(section=section)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("training:toolkits"))
    assert len(response.context["toolkits"]) == 12


# The toolkit page ----------------------------------------------------------------------


def test_the_page_shows_sections_and_items_in_order(client_as, group, toolkit, city_b):
    toolkit.introduction = "Why **this** toolkit."
    toolkit.save()
    later = ToolkitSectionFactory(
        toolkit=toolkit, kind=SectionKind.CASE_STUDIES, title="", position=5
    )
    first = ToolkitSectionFactory(toolkit=toolkit, title="Start here", position=1)
    document = library_document(title="Mapping youth services", language="fr")
    ToolkitItemFactory(section=first, kind=ItemKind.DOCUMENT, document=document, position=2,
                       text="Read *pages 4-9*.")  # fmt: skip
    ToolkitItemFactory(section=first, kind=ItemKind.LINK, url="https://example.org/guide",
                       title="The guide", text="", position=1)  # fmt: skip
    ToolkitItemFactory(section=later, kind=ItemKind.INITIATIVE,
                       initiative=initiative_of(city_b), text="")  # fmt: skip
    ToolkitItemFactory(section=later, kind=ItemKind.TEXT, text="Ask the *coordinators*.")

    html = client_as("member").get(reverse("training:toolkit", args=[group.slug])).content.decode()
    assert "<strong>this</strong>" in html
    assert html.index("Start here") < html.index("Case studies from around the world")
    assert html.index("The guide") < html.index("Mapping youth services")
    assert f'href="{reverse("library:document", args=[document.pk])}"' in html
    assert "Research · 2019 · French" in html
    assert "<em>pages 4-9</em>" in html
    assert '<a href="https://example.org/guide" rel="noopener noreferrer"' in html
    assert 'target="_blank"' not in html
    assert f'href="{reverse("cityprofiles:profile", args=[city_b.slug])}#initiative-' in html
    assert "An initiative of Mombasa Test" in html
    assert "<em>coordinators</em>" in html
    assert "Download the whole toolkit" in html
    assert "1 document, 1000\xa0bytes" in html
    assert "Edit toolkit" not in html
    assert "being prepared" not in html


def test_an_empty_toolkit_says_it_is_being_prepared(client_as, group):
    html = client_as("member").get(reverse("training:toolkit", args=[group.slug])).content.decode()
    assert "This toolkit is being prepared" in html
    assert "Download the whole toolkit" not in html


def test_curators_see_the_edit_links_and_empty_sections(client_for, group, section):
    html = client_for("coordinator").get(reverse("training:toolkit", args=[group.slug]))
    html = html.content.decode()
    assert reverse("training:toolkit_edit", args=[group.slug]) in html
    assert reverse("training:section_edit", args=[group.slug, section.pk]) in html
    assert "Nothing in this section yet." in html
    # A reader does not see the empty section.
    html = client_for("member").get(reverse("training:toolkit", args=[group.slug])).content.decode()
    assert "Background research" not in html


def test_documents_and_initiatives_the_reader_may_not_see_are_skipped(
    client_as, group, section, member, city_b
):
    someone_elses = library_document(title="Someone else's pending upload",
                                     status=DocumentStatus.PENDING)  # fmt: skip
    rejected = library_document(title="A rejected upload", status=DocumentStatus.REJECTED)
    own = library_document(title="My own pending upload", status=DocumentStatus.PENDING,
                           uploaded_by=member)  # fmt: skip
    for document in (someone_elses, rejected, own):
        ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=document)
    draft_city = initiative_of(city_b, "A draft profile's initiative", published=False)
    ToolkitItemFactory(section=section, kind=ItemKind.INITIATIVE, initiative=draft_city)

    html = client_as("member").get(reverse("training:toolkit", args=[group.slug])).content.decode()
    assert "My own pending upload" in html
    assert "Someone else's pending upload" not in html
    assert "A rejected upload" not in html
    assert "A draft profile's initiative" not in html

    staff_html = client_as("staff").get(reverse("training:toolkit", args=[group.slug]))
    assert "Someone else&#x27;s pending upload" in staff_html.content.decode()


def test_the_group_modules_are_listed_and_drafts_hidden_from_members(client_as, group):
    ModuleFactory(title="Counter-narrative campaigns", working_group=group)
    ModuleFactory(title="A draft module", working_group=group, status=ModuleStatus.DRAFT)
    ModuleFactory(title="Another group's module", working_group=WorkingGroupFactory())
    html = client_as("member").get(reverse("training:toolkit", args=[group.slug])).content.decode()
    assert "Counter-narrative campaigns" in html
    assert reverse("training:module", args=["counter-narrative-campaigns"]) in html
    assert "A draft module" not in html
    assert "Another group" not in html


def test_markdown_is_sanitised_on_the_toolkit_page(client_as, group, toolkit, section):
    toolkit.introduction = (
        "<script>alert('intro')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>"
    )
    toolkit.save()
    section.introduction = "<iframe src='https://evil.example'></iframe>"
    section.save()
    ToolkitItemFactory(section=section, text="[x](javascript:alert(3)) <b onclick=alert(4)>b</b>")
    html = client_as("member").get(reverse("training:toolkit", args=[group.slug])).content.decode()
    assert "<script>alert" not in html
    assert 'href="javascript' not in html  # left as plain text, not a link
    assert "<img src=x" not in html and "<iframe" not in html and "<b onclick" not in html
    assert "&lt;script&gt;" in html and "&lt;iframe" in html  # shown as text, never run


def fill_toolkit(toolkit, sections, items_per_section, city):
    initiative = initiative_of(city)
    for number in range(sections):
        section = ToolkitSectionFactory(toolkit=toolkit)
        for _ in range(items_per_section):
            ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=library_document())
            ToolkitItemFactory(section=section, kind=ItemKind.INITIATIVE, initiative=initiative)
            ToolkitItemFactory(section=section, kind=ItemKind.LINK, url="https://example.org",
                               title=f"Link {number}")  # fmt: skip
            ToolkitItemFactory(section=section)


@pytest.mark.parametrize("role", ["member", "coordinator", "staff"])
def test_the_page_query_count_does_not_grow_with_sections_and_items(
    client_for, role, group, toolkit, city_b, django_assert_max_num_queries
):
    ModuleFactory(working_group=group)
    fill_toolkit(toolkit, 1, 1, city_b)
    client = client_for(role)
    url = reverse("training:toolkit", args=[group.slug])
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    fill_toolkit(toolkit, 6, 5, city_b)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(url)
    assert response.context["documents"].count == 31
    assert len(many.captured_queries) == len(few.captured_queries)


# The ZIP ---------------------------------------------------------------------------------


def open_zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_every_visible_document_and_an_index(
    client_as, group, toolkit, media_root, city_b
):
    toolkit.introduction = "Read this **first**."
    toolkit.save()
    first = ToolkitSectionFactory(toolkit=toolkit, title="Background / research", position=1)
    second = ToolkitSectionFactory(toolkit=toolkit, title="../../etc", position=2)
    pdf, docx = make_pdf(), make_docx("Case study text")
    report = library_document(title="Évaluation: «Jeunes» / 2019?", content=pdf)
    study = library_document(title="..\\..\\passwd", content=docx, kind=FileKind.DOCX)
    arabic = library_document(title="دراسة حالة", content=pdf)
    hidden = library_document(title="Someone's pending upload", content=pdf,
                              status=DocumentStatus.PENDING)  # fmt: skip
    for document in (report, hidden, arabic):
        ToolkitItemFactory(section=first, kind=ItemKind.DOCUMENT, document=document)
    ToolkitItemFactory(section=second, kind=ItemKind.DOCUMENT, document=study)
    ToolkitItemFactory(section=second, kind=ItemKind.DOCUMENT, document=report)  # twice
    ToolkitItemFactory(section=second, kind=ItemKind.LINK, url="https://example.org/a?b=1&c=2",
                       title="A useful link")  # fmt: skip
    ToolkitItemFactory(section=second, kind=ItemKind.INITIATIVE, initiative=initiative_of(city_b))
    ToolkitItemFactory(section=second, text="A *short* text.")

    response = client_as("member").get(reverse("training:toolkit_download", args=[group.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="Youth engagement toolkit.zip"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"

    archive = open_zip(response)
    names = archive.namelist()
    assert names == [
        "01-Background-research/01-Evaluation-Jeunes-2019.pdf",
        f"01-Background-research/02-document-{arabic.pk}.pdf",
        "02-etc/01-passwd.docx",
        "index.html",
    ]
    assert archive.read(names[0]) == pdf
    assert archive.read(names[1]) == pdf
    assert archive.read(names[2]) == docx
    for name in names:
        assert not name.startswith(("/", ".")) and ".." not in name and "\\" not in name
        assert name.isascii()

    index = archive.read("index.html").decode("utf-8")
    assert '<html lang="en" dir="ltr">' in index
    assert "<strong>first</strong>" in index
    assert f'href="{names[0]}"' in index
    assert index.count(f'href="{names[0]}"') == 2  # the document listed twice, one file
    assert "Someone&#x27;s pending upload" not in index
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer"' in index
    assert "Mentors for young people" in index and "An initiative of Mombasa Test" in index
    assert "<em>short</em>" in index
    assert "<link" not in index and "<script" not in index  # self-contained


def test_the_zip_index_is_right_to_left_in_arabic(client_as, group, section, media_root):
    ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT,
                       document=library_document(content=make_pdf()))  # fmt: skip
    client = client_as("member")
    response = client.get(
        reverse("training:toolkit_download", args=[group.slug]), HTTP_ACCEPT_LANGUAGE="ar"
    )
    index = open_zip(response).read("index.html").decode("utf-8")
    assert '<html lang="ar" dir="rtl">' in index


def test_a_missing_file_is_skipped_and_named_in_the_index(client_as, group, section, media_root):
    present = library_document(title="Present", content=make_pdf())
    lost = library_document(title="Lost file")  # no file on disk
    for document in (lost, present):
        ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=document)
    response = client_as("member").get(reverse("training:toolkit_download", args=[group.slug]))
    assert response.status_code == 200
    archive = open_zip(response)
    assert archive.namelist() == ["01-Background-research/02-Present.pdf", "index.html"]
    index = archive.read("index.html").decode()
    assert "could not be included" in index
    assert f"http://testserver{reverse('library:document', args=[lost.pk])}" in index


def test_an_empty_toolkit_downloads_as_an_index_only(client_as, group):
    response = client_as("member").get(reverse("training:toolkit_download", args=[group.slug]))
    archive = open_zip(response)
    assert archive.namelist() == ["index.html"]
    assert "being prepared" in archive.read("index.html").decode()


@pytest.mark.parametrize("role", ["anonymous", "applicant"])
def test_the_zip_is_for_members_only(client_as, role, group, section, media_root):
    ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT,
                       document=library_document(content=make_pdf()))  # fmt: skip
    response = client_as(role).get(reverse("training:toolkit_download", args=[group.slug]))
    assert response.status_code == 302
    assert response["Content-Type"] != "application/zip"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Évaluation finale", "Evaluation-finale"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "fallback"),
        ("دراسة", "fallback"),
        ("a" * 200, "a" * 60),
        ("con\x00trol\u202etxt.exe", "con-troltxt.exe"),
    ],
)
def test_zip_names_are_ascii_and_safe(text, name):
    assert safe_name_part(text, "fallback") == name


# Curation: the toolkit and its sections ---------------------------------------------------


def management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_coordinator_edits_the_introduction_and_sections(client_for, group, toolkit, section,
                                                          coordinator):  # fmt: skip
    doomed = ToolkitSectionFactory(toolkit=toolkit, title="Old section")
    data = {
        "introduction": "A **new** introduction.",
        **management("sections", 3, 2),
        "sections-0-id": section.pk, "sections-0-kind": SectionKind.BACKGROUND,
        "sections-0-title": "Renamed", "sections-0-introduction": "", "sections-0-position": "3",
        "sections-1-id": doomed.pk, "sections-1-kind": SectionKind.OTHER,
        "sections-1-title": "Old section", "sections-1-introduction": "",
        "sections-1-position": "1", "sections-1-DELETE": "on",
        "sections-2-kind": SectionKind.CASE_STUDIES, "sections-2-title": "",
        "sections-2-introduction": "From around the world.", "sections-2-position": "1",
    }  # fmt: skip
    client = client_for("coordinator")
    response = client.post(reverse("training:toolkit_edit", args=[group.slug]), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("training:toolkit", args=[group.slug])

    toolkit.refresh_from_db()
    assert toolkit.introduction == "A **new** introduction."
    assert toolkit.updated_by == coordinator
    sections = list(toolkit.sections.order_by("position"))
    assert [(s.kind, s.heading) for s in sections] == [
        (SectionKind.CASE_STUDIES, "Case studies from around the world"),
        (SectionKind.BACKGROUND, "Renamed"),
    ]
    entry = LogEntry.objects.get(object_id=str(toolkit.pk))
    assert entry.user == coordinator
    assert "introduction" in entry.change_message and "1 added" in entry.change_message
    page = client.get(response["Location"]).content.decode()
    assert "The toolkit is saved." in page


def test_bad_section_input_changes_nothing(client_for, group, toolkit, section):
    data = {
        "introduction": "Changed.",
        **management("sections", 2, 1),
        "sections-0-id": section.pk, "sections-0-kind": "no-such-kind",
        "sections-0-title": "Renamed", "sections-0-introduction": "", "sections-0-position": "1",
        "sections-1-kind": SectionKind.OTHER, "sections-1-title": "New",
        "sections-1-introduction": "", "sections-1-position": "-4",
    }  # fmt: skip
    response = client_for("staff").post(reverse("training:toolkit_edit", args=[group.slug]), data)
    assert response.status_code == 200
    assert "Please correct the errors below" in response.content.decode()
    toolkit.refresh_from_db()
    section.refresh_from_db()
    assert toolkit.introduction == "" and section.title == ""
    assert toolkit.sections.count() == 1
    assert not LogEntry.objects.exists()


def test_a_curator_cannot_edit_a_section_of_another_toolkit_through_the_formset(
    client_for, group, toolkit
):
    other_toolkit = WorkingGroupFactory().toolkit
    foreign = ToolkitSectionFactory(toolkit=other_toolkit, title="Foreign")
    data = {
        "introduction": "",
        **management("sections", 1, 1),
        "sections-0-id": foreign.pk, "sections-0-kind": SectionKind.OTHER,
        "sections-0-title": "Hijacked", "sections-0-introduction": "", "sections-0-position": "1",
    }  # fmt: skip
    client_for("coordinator").post(reverse("training:toolkit_edit", args=[group.slug]), data)
    # Django's formset ignores a row naming an object outside the formset's queryset.
    foreign.refresh_from_db()
    assert (foreign.title, foreign.toolkit) == ("Foreign", other_toolkit)
    assert toolkit.sections.count() == 0


# Curation: a section's items -------------------------------------------------------------


def item_row(index, **fields):
    row = {"kind": "", "title": "", "document": "", "initiative": "", "url": "", "text": "",
           "position": "0"}  # fmt: skip
    row.update({key: str(value) for key, value in fields.items()})
    return {f"items-{index}-{key}": value for key, value in row.items()}


def post_items(client, group, section, *rows, initial=0):
    data = management("items", len(rows), initial)
    for index, row in enumerate(rows):
        data.update(item_row(index, **row))
    return client.post(reverse("training:section_edit", args=[group.slug, section.pk]), data)


def test_a_coordinator_adds_items_of_every_kind(client_for, group, section, coordinator, city_b):
    document = library_document(title="Mapping youth services")
    other = library_document(title="Second")
    initiative = initiative_of(city_b)
    response = post_items(
        client_for("coordinator"), group, section,
        {"kind": ItemKind.DOCUMENT, "document": str(document.pk), "position": 1,
         "text": "Start here.", "url": "https://left.over", "initiative": initiative.pk},
        {"kind": ItemKind.DOCUMENT, "position": 2,
         "document": f"https://hub.example/fr/library/documents/{other.pk}/"},
        {"kind": ItemKind.LINK, "url": "https://example.org", "title": "A guide", "position": 3},
        {"kind": ItemKind.INITIATIVE, "initiative": initiative.pk, "position": 4},
        {"kind": ItemKind.TEXT, "text": "Ask the *coordinators*.", "position": 5},
        {},  # an empty extra row is ignored
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == reverse("training:toolkit", args=[group.slug]) + (
        f"#section-{section.pk}"
    )
    items = list(section.items.order_by("position"))
    assert [item.kind for item in items] == ["document", "document", "link", "initiative", "text"]
    assert items[0].document == document and items[0].text == "Start here."
    assert items[0].url == "" and items[0].initiative is None  # other kinds' targets dropped
    assert items[1].document == other
    assert items[3].initiative == initiative
    section.toolkit.refresh_from_db()
    assert section.toolkit.updated_by == coordinator
    assert "5 added" in LogEntry.objects.get().change_message


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({"kind": ItemKind.DOCUMENT}, "document", "Choose the library document of this item."),
        ({"kind": ItemKind.DOCUMENT, "document": "a report"}, "document",
         "Type the document's number or paste its address"),
        ({"kind": ItemKind.DOCUMENT, "document": "/library/search/?q=1"}, "document",
         "Type the document's number or paste its address"),
        ({"kind": ItemKind.DOCUMENT, "document": "999999"}, "document",
         "There is no library document number 999999 that you can see."),
        ({"kind": ItemKind.INITIATIVE}, "initiative", "Choose the city initiative of this item."),
        ({"kind": ItemKind.INITIATIVE, "initiative": "999999"}, "initiative",
         "Select a valid choice."),
        ({"kind": ItemKind.LINK, "title": "No address"}, "url", "Enter the address of the link."),
        ({"kind": ItemKind.LINK, "url": "https://example.org"}, "title", "Give the link a title."),
        ({"kind": ItemKind.LINK, "url": "javascript:alert(1)", "title": "x"}, "url",
         "Enter a valid URL."),
        ({"kind": ItemKind.TEXT, "text": "   "}, "text", "Write the text of this item."),
        ({"kind": "video", "text": "x"}, "kind", "Select a valid choice."),
        ({"kind": ItemKind.TEXT, "text": "x", "position": "-1"}, "position",
         "greater than or equal to 0"),
    ],
)  # fmt: skip
def test_each_kind_of_item_is_checked(client_for, group, section, row, field, message):
    existing = ToolkitItemFactory(section=section, text="Kept as it is.")
    response = post_items(
        client_for("coordinator"), group, section,
        {"id": existing.pk, "kind": ItemKind.TEXT, "text": "Changed"}, row, initial=1,
    )  # fmt: skip
    assert response.status_code == 200
    form = response.context["formset"].forms[1]
    assert any(message in error for error in form.errors[field]), form.errors
    assert list(section.items.values_list("text", flat=True)) == ["Kept as it is."]
    assert not LogEntry.objects.exists()


def test_a_document_the_curator_cannot_see_cannot_be_chosen(client_for, group, section):
    hidden = library_document(status=DocumentStatus.PENDING)
    response = post_items(
        client_for("coordinator"), group, section,
        {"kind": ItemKind.DOCUMENT, "document": hidden.pk},
    )  # fmt: skip
    assert response.status_code == 200
    assert section.items.count() == 0


def test_an_initiative_of_an_unpublished_profile_cannot_be_chosen(
    client_for, group, section, city_b
):
    draft = initiative_of(city_b, published=False)
    response = post_items(
        client_for("coordinator"), group, section,
        {"kind": ItemKind.INITIATIVE, "initiative": draft.pk},
    )  # fmt: skip
    assert response.status_code == 200
    assert section.items.count() == 0


def test_items_are_changed_and_deleted(client_for, group, section):
    keep = ToolkitItemFactory(section=section, text="Keep")
    drop = ToolkitItemFactory(section=section, text="Drop")
    response = post_items(
        client_for("staff"), group, section,
        {"id": keep.pk, "kind": ItemKind.LINK, "url": "https://example.org", "title": "Now a link",
         "text": "Keep"},
        {"id": drop.pk, "kind": ItemKind.TEXT, "text": "Drop", "DELETE": "on"},
        initial=2,
    )  # fmt: skip
    assert response.status_code == 302
    assert list(section.items.values_list("kind", "title", "text")) == [
        ("link", "Now a link", "Keep")
    ]
    assert "1 changed, 1 deleted" in LogEntry.objects.get().change_message


def test_items_of_another_section_cannot_be_changed_through_the_formset(
    client_for, group, toolkit, section
):
    other_section = ToolkitSectionFactory(toolkit=toolkit)
    foreign = ToolkitItemFactory(section=other_section, text="Foreign")
    post_items(
        client_for("coordinator"), group, section,
        {"id": foreign.pk, "kind": ItemKind.TEXT, "text": "Hijacked"}, initial=1,
    )  # fmt: skip
    assert section.items.count() == 0
    foreign.refresh_from_db()
    assert foreign.text == "Foreign" and foreign.section == other_section


def test_an_item_keeps_a_document_another_curator_chose(client_for, group, section):
    # Staff put another member's pending upload in the toolkit; the coordinator cannot see
    # it, yet can still save the section's other changes.
    hidden = library_document(status=DocumentStatus.PENDING)
    item = ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=hidden, text="")
    response = post_items(
        client_for("coordinator"), group, section,
        {"id": item.pk, "kind": ItemKind.DOCUMENT, "document": hidden.pk, "text": "A note"},
        initial=1,
    )  # fmt: skip
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.document == hidden and item.text == "A note"


def test_the_section_page_lists_initiatives_as_city_and_title(client_for, group, section, city_b):
    initiative_of(city_b, "Mentors for young people")
    initiative_of(city_b, "Hidden draft", published=False)  # same profile: published
    html = (
        client_for("coordinator")
        .get(reverse("training:section_edit", args=[group.slug, section.pk]))
        .content.decode()
    )
    assert "Mombasa Test — Mentors for young people" in html


def test_the_section_page_query_count_does_not_grow_with_rows(
    client_for, group, section, city_b, django_assert_max_num_queries
):
    for number in range(3):
        initiative_of(city_b, f"Initiative {number}")
    ToolkitItemFactory(section=section)
    client = client_for("coordinator")
    url = reverse("training:section_edit", args=[group.slug, section.pk])
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for _ in range(10):
        ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT, document=library_document())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


@pytest.mark.parametrize(
    ("text", "number"),
    [("42", 42), ("#42", 42), (" 42 ", 42), ("/library/documents/42/", 42),
     ("https://hub.example/library/documents/42/download/", 42),
     ("https://hub.example/library/documents/42", 42), ("/library/documents/", None),
     ("42abc", None), ("", None), ("/cities/42/", None)],
)  # fmt: skip
def test_document_numbers_are_read_from_numbers_and_addresses(text, number):
    assert document_number(text) == number


def test_the_database_refuses_an_item_without_its_target(section):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ToolkitItem.objects.create(section=section, kind=ItemKind.LINK, url="https://x.org")


# Admin ----------------------------------------------------------------------------------


def test_the_admin_pages_open(client_as, group, toolkit, section):
    ToolkitItemFactory(section=section)
    client = client_as("staff")
    for url in (
        reverse("admin:training_toolkit_changelist"),
        reverse("admin:training_toolkit_change", args=[toolkit.pk]),
        reverse("admin:training_toolkitsection_changelist"),
        reverse("admin:training_toolkitsection_change", args=[section.pk]),
    ):
        assert client.get(url).status_code == 200, url
    # Every group gets its toolkit when it is created: none is added by hand.
    assert client.get(reverse("admin:training_toolkit_add")).status_code == 403


def test_the_admin_checks_each_kind_of_item(client_as, group, toolkit, section):
    data = {
        "toolkit": toolkit.pk, "kind": SectionKind.OTHER, "title": "T", "introduction": "",
        "position": "0",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-kind": ItemKind.LINK, "items-0-position": "0", "items-0-title": "",
        "items-0-url": "https://example.org", "items-0-text": "",
    }  # fmt: skip
    client = client_as("staff")
    url = reverse("admin:training_toolkitsection_change", args=[section.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give the link a title." in response.content.decode()
    data["items-0-title"] = "Now titled"
    assert client.post(url, data).status_code == 302
    assert section.items.get().title == "Now titled"
    toolkit.refresh_from_db()
    assert toolkit.updated_by is not None


def test_toolkits_exist_for_every_group(db):
    group = WorkingGroupFactory()
    assert Toolkit.objects.filter(working_group=group).exists()


def test_new_rows_are_offered_the_next_positions(client_for, group, toolkit, section):
    section.position = 2
    section.save()
    ToolkitSectionFactory(toolkit=toolkit, position=7)
    ToolkitItemFactory(section=section, position=4)
    client = client_for("coordinator")
    sections = client.get(reverse("training:toolkit_edit", args=[group.slug])).context["formset"]
    assert sections.forms[-1].initial["position"] == 8
    items = client.get(reverse("training:section_edit", args=[group.slug, section.pk]))
    assert [form.initial["position"] for form in items.context["formset"].extra_forms] == [5, 6]


def test_a_large_toolkit_spills_to_disk_and_stays_whole(
    client_as, group, section, media_root, monkeypatch
):
    monkeypatch.setattr("training.toolkit_zip.SPOOL_IN_MEMORY", 1024)
    contents = [make_pdf() + bytes(range(256)) * 40 * (n + 1) for n in range(3)]
    for content in contents:
        ToolkitItemFactory(section=section, kind=ItemKind.DOCUMENT,
                           document=library_document(content=content))  # fmt: skip
    response = client_as("member").get(reverse("training:toolkit_download", args=[group.slug]))
    archive = open_zip(response)
    assert archive.testzip() is None
    assert [archive.read(name) for name in archive.namelist()[:3]] == contents
