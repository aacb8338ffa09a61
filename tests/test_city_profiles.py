"""City profiles: who may read, write and publish them (every view x every role), their
completeness, their history, the "city profile completed" expectation, the photo's checks
and cleaning, and the profile page's constant query count."""

import io
import itertools
import struct
import zlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from cityprofiles import images, services
from cityprofiles.choices import InitiativeStatus
from cityprofiles.models import CityProfile, Initiative
from library.choices import DocumentStatus, DocumentType, FileKind
from library.models import Document
from membership.choices import CityStatus, MemberRole, SeatRole
from membership.expectations import city_expectations
from membership.models import SteeringCommitteeSeat, Theme
from tests.conftest import ROLES
from tests.factories import CityFactory, MemberFactory

MEMBERS = {"member", "editor_a", "editor_b", "staff"}
EDITORS_OF_A = {"editor_a", "staff"}
_numbers = itertools.count(1)


# --- builders ---


def theme(name: str) -> Theme:
    return Theme.objects.get_or_create(
        name=name, defaults={"slug": name.lower().replace(" ", "-")}
    )[0]


def make_document(*, cities=(), status=DocumentStatus.PUBLISHED, **fields) -> Document:
    """A library document row without a file on disk (the profile page never opens it)."""
    number = next(_numbers)
    fields.setdefault("title", f"Local action plan {number}")
    document = Document.objects.create(
        document_type=DocumentType.LOCAL_ACTION_PLAN,
        file=f"library/profile-test-{number}.pdf",
        file_kind=FileKind.PDF,
        file_size=1000,
        checksum=f"{number:064x}",
        status=status,
        published_at=timezone.now() if status == DocumentStatus.PUBLISHED else None,
        **fields,
    )
    document.cities.set(list(cities))
    return document


def image_bytes(fmt="PNG", size=(2400, 1600), mode="RGB", **save_options) -> bytes:
    image = Image.new(mode, size, (180, 40, 40) if mode == "RGB" else None)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def jpeg_with_gps(size=(1600, 800), orientation=6) -> bytes:
    """A phone-like JPEG: camera make, GPS position and an orientation tag (6: the
    picture must be turned 90° clockwise to be upright)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (56.0, 9.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (10.0, 12.0, 0.0)
    return image_bytes("JPEG", size, exif=exif, comment=b"taken at home")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int, *, pixel_data: bool = True) -> bytes:
    """A PNG declaring `width` x `height` RGB pixels. With `pixel_data`, its (all black)
    rows really are there, compressed about a thousand times: a decompression bomb."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    if pixel_data:
        rows = [compressor.compress(row * 64) for __ in range(height // 64)]
        pixels = b"".join(rows) + compressor.flush()
    else:
        pixels = zlib.compress(row)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def upload(content: bytes, name="photo.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def full_profile(city, *, published=True, photo=True) -> CityProfile:
    """A profile with every section filled in, through the services."""
    profile = services.get_or_create_profile(city)
    services.save_profile(
        profile,
        None,
        challenges="Polarisation among young people.",
        approach="A prevention network of schools, police and social services.",
        population=350_000,
        languages="Danish, Arabic",
        expertise=[theme("Mentoring")],
        photo=images.clean_photo(upload(image_bytes())) if photo else None,
    )
    services.save_initiative(profile, None, title="Mentors for young people", themes=[])
    if published:
        services.publish(profile, None)
    profile.refresh_from_db()
    return profile


def profile_row(profile) -> dict:
    """Everything an attacker might try to change, to compare before and after."""
    profile.refresh_from_db()
    return {
        "fields": {name: getattr(profile, name) for name in services.PROFILE_FIELDS},
        "published": profile.published,
        "photo": profile.photo.name,
        "expertise": sorted(profile.expertise.names()),
        "initiatives": sorted(profile.initiatives.values_list("pk", "title")),
        "changes": profile.changes.count(),
    }


# --- fixtures ---


@pytest.fixture
def mentoring(db):
    return theme("Mentoring")


@pytest.fixture
def profile_a(city_a, media_root):
    """City A's profile, published, with a photo and one initiative."""
    return full_profile(city_a)


@pytest.fixture
def draft_a(city_a, media_root):
    return full_profile(city_a, published=False)


@pytest.fixture
def initiative_a(profile_a):
    return profile_a.initiatives.get()


@pytest.fixture
def profile_b(city_b, media_root):
    return full_profile(city_b)


# --- the permission matrix ---


def gate(role: str):
    """Where the hub's gate sends people without member access, or None for members."""
    if role == "anonymous":
        return reverse("account_login")
    if role == "applicant":
        return reverse("membership:application_status")
    return None


def assert_answer(response, role, allowed: set, success: int):
    target = gate(role)
    if target:
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == target
    elif role in allowed:
        assert response.status_code == success, response.status_code
    else:
        assert response.status_code == 404, response.status_code


def profile_url(name, city, *args):
    return reverse(f"cityprofiles:{name}", args=[city.slug, *args])


@pytest.mark.parametrize("role", ROLES)
def test_published_profile_is_read_by_every_member(client_as, role, profile_a, city_a):
    response = client_as(role).get(profile_url("profile", city_a))
    assert_answer(response, role, MEMBERS, 200)


@pytest.mark.parametrize("role", ROLES)
def test_draft_profile_is_seen_only_by_its_editors_and_staff(client_as, role, draft_a, city_a):
    response = client_as(role).get(profile_url("profile", city_a))
    assert_answer(response, role, EDITORS_OF_A, 200)


@pytest.mark.parametrize("role", ROLES)
def test_city_without_profile_is_a_404_except_for_its_editors(client_as, role, city_a):
    response = client_as(role).get(profile_url("profile", city_a))
    assert_answer(response, role, EDITORS_OF_A, 200)
    if role in EDITORS_OF_A:
        assert "cityprofiles/profile_missing.html" in [t.name for t in response.templates]
        assert profile_url("edit", city_a) in response.content.decode()


def test_unknown_city_is_a_404(client_as, db):
    assert client_as("staff").get("/cities/no-such-city/").status_code == 404


def test_city_that_is_not_an_active_member_has_no_profile_to_create(client_as, city_a):
    applicant_city = CityFactory(status=CityStatus.APPLICANT)
    assert client_as("staff").get(profile_url("profile", applicant_city)).status_code == 404
    assert client_as("staff").get(profile_url("edit", applicant_city)).status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
def test_photo_is_served_to_those_who_may_read_the_profile(client_as, role, city_a, media_root,
                                                          published):  # fmt: skip
    full_profile(city_a, published=published)
    response = client_as(role).get(profile_url("photo", city_a))
    assert_answer(response, role, MEMBERS if published else EDITORS_OF_A, 200)


EDITING_PAGES = ["edit", "initiative_add", "initiative_edit", "initiative_delete"]


def editing_url(name, city, initiative):
    if name in ("initiative_edit", "initiative_delete"):
        return profile_url(name, city, initiative.pk)
    return profile_url(name, city)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", EDITING_PAGES)
def test_editing_pages_open_only_for_the_citys_editors_and_staff(client_as, role, name, city_a,
                                                                initiative_a):  # fmt: skip
    response = client_as(role).get(editing_url(name, city_a, initiative_a))
    assert_answer(response, role, EDITORS_OF_A, 200)


def posted_data(name, mentoring) -> dict:
    if name == "edit":
        return {"challenges": "Changed by a POST", "approach": "", "population": "",
                "languages": "", "photo_description": "", "expertise": [mentoring.pk]}  # fmt: skip
    if name in ("initiative_add", "initiative_edit"):
        return {"title": "Changed by a POST", "status": InitiativeStatus.ONGOING}
    if name == "publish":
        return {"action": "unpublish"}
    return {}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", [*EDITING_PAGES, "publish"])
def test_only_the_citys_editors_and_staff_change_the_profile(client_as, role, name, city_a,
                                                             initiative_a, mentoring):  # fmt: skip
    profile = initiative_a.profile
    before = profile_row(profile)
    response = client_as(role).post(
        editing_url(name, city_a, initiative_a), posted_data(name, mentoring)
    )
    assert_answer(response, role, EDITORS_OF_A, 302)
    if role in EDITORS_OF_A:
        assert profile_row(profile) != before
    else:
        assert profile_row(profile) == before


def test_editor_of_b_cannot_edit_a(client_as, initiative_a, city_a, mentoring):
    profile = initiative_a.profile
    before = profile_row(profile)
    client = client_as("editor_b")
    for name in [*EDITING_PAGES, "publish"]:
        url = editing_url(name, city_a, initiative_a)
        assert client.get(url).status_code in (404, 405)
        assert client.post(url, posted_data(name, mentoring)).status_code == 404
    assert profile_row(profile) == before


def test_initiative_of_another_city_is_a_404_under_ones_own_city(client_as, profile_a, profile_b,
                                                                 city_a):  # fmt: skip
    initiative_b = profile_b.initiatives.get()
    before = profile_row(profile_b)
    client = client_as("editor_a")
    for name in ("initiative_edit", "initiative_delete"):
        url = profile_url(name, city_a, initiative_b.pk)
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "Hijacked", "status": "ongoing"}).status_code == 404
    assert profile_row(profile_b) == before


def test_a_forged_city_in_the_post_is_ignored(client_as, profile_a, city_a, city_b, mentoring):
    client = client_as("editor_a")
    data = {**posted_data("edit", mentoring), "city": city_b.pk, "city_id": city_b.pk,
            "profile": "999", "published": "on", "completeness": "100"}  # fmt: skip
    assert client.post(profile_url("edit", city_a), data).status_code == 302
    profile_a.refresh_from_db()
    assert profile_a.city == city_a
    assert profile_a.challenges == "Changed by a POST"
    assert not CityProfile.objects.filter(city=city_b).exists()

    initiative = {"title": "Forged", "status": "ongoing", "profile": "12345", "city": city_b.pk}
    assert client.post(profile_url("initiative_add", city_a), initiative).status_code == 302
    assert Initiative.objects.get(title="Forged").profile == profile_a


def test_publish_needs_a_post(client_as, profile_a, city_a):
    assert client_as("editor_a").get(profile_url("publish", city_a)).status_code == 405


# --- creating, editing, publishing ---


def test_editor_creates_the_profile_as_a_draft(client_as, city_a, editor_a, mentoring):
    client = client_as("editor_a")
    assert client.get(profile_url("edit", city_a)).status_code == 200
    assert not CityProfile.objects.exists()  # opening the form creates nothing
    response = client.post(profile_url("edit", city_a), posted_data("edit", mentoring))
    assert response.status_code == 302
    profile = CityProfile.objects.get(city=city_a)
    assert not profile.published
    assert list(profile.expertise.all()) == [mentoring]
    assert [change.summary for change in profile.changes.order_by("at", "pk")] == [
        "Profile created.",
        "Changed: core challenges, thematic areas of expertise.",
    ]
    assert profile.changes.first().user == editor_a
    # a member still cannot see the draft
    assert client_as("member").get(profile_url("profile", city_a)).status_code == 404


def test_publishing_shows_the_profile_to_members(client_as, draft_a, city_a):
    editor = client_as("editor_a")
    editor.post(profile_url("publish", city_a), {"action": "publish"})
    assert client_as("member").get(profile_url("profile", city_a)).status_code == 200
    editor.post(profile_url("publish", city_a), {"action": "unpublish"})
    assert client_as("member").get(profile_url("profile", city_a)).status_code == 404
    summaries = list(draft_a.changes.values_list("summary", flat=True)[:2])
    assert summaries == ["Unpublished: back to draft.", "Published."]


def test_publishing_twice_is_recorded_once(client_as, draft_a, city_a):
    editor = client_as("editor_a")
    for __ in range(2):
        editor.post(profile_url("publish", city_a), {"action": "publish"})
    assert draft_a.changes.filter(summary="Published.").count() == 1


def test_adding_editing_and_deleting_an_initiative(client_as, profile_a, city_a, mentoring):
    document = make_document(cities=[city_a], title="Mentoring evaluation")
    client = client_as("editor_a")
    data = {"title": "Youth mentoring", "description": "Pairs mentors with young people.",
            "partners": "Schools", "start_year": "2017", "status": "ongoing",
            "themes": [mentoring.pk], "documents": [document.pk]}  # fmt: skip
    response = client.post(profile_url("initiative_add", city_a), data)
    initiative = Initiative.objects.get(title="Youth mentoring")
    assert response["Location"].endswith(f"#initiative-{initiative.pk}")
    assert initiative.profile == profile_a and initiative.position == 1
    assert list(initiative.documents.all()) == [document]
    assert list(initiative.themes.names()) == ["Mentoring"]

    client.post(profile_url("initiative_edit", city_a, initiative.pk),
                {**data, "status": "completed", "documents": []})  # fmt: skip
    change = profile_a.changes.first()
    assert change.summary == "Initiative changed: Youth mentoring (status, library documents)."
    assert change.changes == {
        "status": ["ongoing", "completed"],
        "documents": [["Mentoring evaluation"], []],
    }

    client.post(profile_url("initiative_delete", city_a, initiative.pk))
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    assert profile_a.changes.first().summary == "Initiative deleted: Youth mentoring."


def test_only_published_documents_about_the_city_can_be_linked(client_as, profile_a, city_a,
                                                               city_b):  # fmt: skip
    about_a = make_document(cities=[city_a])
    pending = make_document(cities=[city_a], status=DocumentStatus.PENDING)
    about_b = make_document(cities=[city_b])
    client = client_as("editor_a")
    form = client.get(profile_url("initiative_add", city_a)).context["form"]
    assert list(form.fields["documents"].queryset) == [about_a]
    response = client.post(
        profile_url("initiative_add", city_a),
        {"title": "Sneaky", "status": "ongoing", "documents": [pending.pk, about_b.pk]},
    )
    assert response.status_code == 200  # invalid choices
    assert not Initiative.objects.filter(title="Sneaky").exists()


# --- completeness ---

SECTION_KEYS = [section.key for section in services.SECTIONS]


def test_a_full_profile_is_100_percent(profile_a):
    percent, checklist = services.completeness(profile_a)
    assert percent == 100 == profile_a.completeness
    assert all(done for __, done in checklist)
    assert len(checklist) == 7


def test_an_empty_profile_is_0_percent(city_a):
    profile = services.get_or_create_profile(city_a)
    percent, checklist = services.completeness(profile)
    assert percent == 0 == profile.completeness
    assert [str(label) for label, __ in checklist] == [
        "Core challenges", "Approach and strategy", "At least one initiative", "Population",
        "Languages", "Photo or logo", "At least one theme of expertise",
    ]  # fmt: skip


def empty_section(profile, key):
    """Empty one section of `profile`, through the services."""
    if key == "initiatives":
        for initiative in profile.initiatives.all():
            services.delete_initiative(initiative, None)
    elif key == "photo":
        services.save_profile(profile, None, remove_photo=True)
    elif key == "expertise":
        services.save_profile(profile, None, expertise=[])
    elif key == "population":
        services.save_profile(profile, None, population=None)
    else:
        services.save_profile(profile, None, **{key: "   "})


@pytest.mark.parametrize("key", SECTION_KEYS)
def test_each_section_counts_for_one_seventh(profile_a, key):
    empty_section(profile_a, key)
    profile_a.refresh_from_db()
    percent, checklist = services.completeness(profile_a)
    assert percent == profile_a.completeness == 86  # 6 of 7
    missing = [label for label, done in checklist if not done]
    section = next(section for section in services.SECTIONS if section.key == key)
    assert missing == [section.label]


def test_completeness_uses_the_rows_the_page_prefetched(profile_a, django_assert_num_queries):
    profile = CityProfile.objects.prefetch_related("initiatives", "expertise").get(pk=profile_a.pk)
    with django_assert_num_queries(0):
        assert services.completeness(profile)[0] == 100


# --- history ---


def test_every_change_is_recorded_with_before_and_after(profile_a, editor_a, mentoring):
    youth = theme("Youth engagement")
    services.save_profile(profile_a, editor_a, population=400_000, languages="Danish",
                          expertise=[mentoring, youth])  # fmt: skip
    change = profile_a.changes.first()
    assert change.user == editor_a
    assert change.summary == "Changed: population, languages, thematic areas of expertise."
    assert change.changes == {
        "population": [350_000, 400_000],
        "languages": ["Danish, Arabic", "Danish"],
        "expertise": [["Mentoring"], ["Mentoring", "Youth engagement"]],
    }


def test_saving_without_a_change_records_nothing(profile_a, editor_a, mentoring):
    before = profile_a.changes.count()
    services.save_profile(profile_a, editor_a, population=350_000, expertise=[mentoring])
    assert profile_a.changes.count() == before


def test_history_is_written_in_the_site_language(client_as, draft_a, city_a):
    client_as("editor_a").post(
        profile_url("publish", city_a), {"action": "publish"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert draft_a.changes.first().summary == "Published."


def test_editors_see_who_changed_the_profile_last(client_as, profile_a, city_a, editor_a):
    services.save_profile(profile_a, editor_a, population=1)
    editor_a.first_name, editor_a.last_name = "Astrid", "Editor"
    editor_a.save()
    page = client_as("editor_a").get(profile_url("profile", city_a)).content.decode()
    assert "Last updated by Astrid Editor on" in page
    assert (
        "Last updated by"
        not in client_as("member").get(profile_url("profile", city_a)).content.decode()
    )


class FormData(HTMLParser):
    """The values a browser would submit from the page's main form (the admin's)."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def admin_form(response) -> dict:
    parser = FormData()
    parser.feed(response.content.decode())
    return parser.data


def test_staff_changes_in_the_admin_are_recorded(client_as, profile_a, staff, mentoring):
    client = client_as("staff")
    url = reverse("admin:cityprofiles_cityprofile_change", args=[profile_a.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = admin_form(page)
    data.update(approach="Changed in the admin.", published=[])  # unticked: back to draft
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    profile_a.refresh_from_db()
    assert profile_a.approach == "Changed in the admin." and not profile_a.published
    latest = list(profile_a.changes.all()[:2])
    assert [change.summary for change in latest] == [
        "Unpublished: back to draft.",
        "Changed: approach and strategy.",
    ]
    assert latest[1].user == staff
    assert latest[1].changes["approach"][1] == "Changed in the admin."
    # the history is listed on the profile's admin page
    assert "Changed: approach and strategy." in client.get(url).content.decode()


def test_staff_initiative_changes_in_the_admin_are_recorded(client_as, initiative_a, staff):
    client = client_as("staff")
    url = reverse("admin:cityprofiles_initiative_change", args=[initiative_a.pk])
    data = admin_form(client.get(url))
    data.update(title="Renamed by staff")
    assert client.post(url, data).status_code == 302
    change = initiative_a.profile.changes.first()
    assert change.user == staff
    assert change.changes["title"] == ["Mentors for young people", "Renamed by staff"]


def test_staff_add_a_profile_in_the_admin(client_as, city_a, mentoring, media_root):
    client = client_as("staff")
    url = reverse("admin:cityprofiles_cityprofile_add")
    data = admin_form(client.get(url))
    data.update(city=str(city_a.pk), challenges="Written by staff", expertise=[str(mentoring.pk)])
    response = client.post(url, data)
    assert response.status_code == 302
    profile = CityProfile.objects.get(city=city_a)
    assert profile.challenges == "Written by staff" and not profile.published
    assert profile.completeness == 29  # 2 of 7


# --- the member expectation ---


def profile_completed(city) -> bool | None:
    return {status.expectation.key: status.met for status in city_expectations(city)}[
        "profile_completed"
    ]


def test_profile_completed_is_met_only_when_published_and_complete(city_a, city_b, media_root):
    assert profile_completed(city_a) is False  # no profile
    profile = full_profile(city_a, published=False)
    assert profile_completed(city_a) is False  # complete draft
    services.publish(profile, None)
    assert profile_completed(city_a) is True
    services.save_profile(profile, None, languages="")
    assert profile_completed(city_a) is False  # published, 86%
    incomplete = full_profile(city_b, photo=False)
    assert incomplete.published and incomplete.completeness == 86
    assert profile_completed(city_b) is False


def test_editors_see_their_expectations_and_checklist(client_as, profile_a, city_a):
    page = client_as("editor_a").get(profile_url("profile", city_a)).content.decode()
    assert "What the network expects of member cities" in page
    assert "100% complete" in page
    for role in ("member", "editor_b"):
        other = client_as(role).get(profile_url("profile", city_a)).content.decode()
        assert "What the network expects" not in other
        assert "% complete" not in other
        assert profile_url("edit", city_a) not in other


# --- the profile page ---


def test_profile_page_shows_the_city(client_as, profile_a, city_a, mentoring):
    contact = MemberFactory(city=city_a, role=MemberRole.POINT_OF_CONTACT,
                            position="Prevention coordinator",
                            user__email="contact@aarhus.example")  # fmt: skip
    SteeringCommitteeSeat.objects.create(
        city=city_a, role=SeatRole.MEMBER, term_start=timezone.localdate()
    )
    document = make_document(cities=[city_a], title="Aarhus model evaluation")
    make_document(cities=[city_a], title="Pending plan", status=DocumentStatus.PENDING)
    response = client_as("member").get(profile_url("profile", city_a))
    page = response.content.decode()
    assert "Polarisation among young people." in page
    assert "Mentors for young people" in page
    assert "350,000" in page
    assert f'href="/cities/?theme={mentoring.slug}"' in page
    assert contact.user.email in page and "Prevention coordinator" in page
    assert reverse("library:document", args=[document.pk]) in page
    assert "Pending plan" not in page
    assert f"/library/search/?city={city_a.slug}" in page
    assert "Steering Committee" in page
    assert profile_url("photo", city_a) in page
    assert response.context["events"] == []


def test_only_ten_documents_are_listed(client_as, profile_a, city_a):
    for __ in range(12):
        make_document(cities=[city_a])
    response = client_as("member").get(profile_url("profile", city_a))
    assert len(response.context["documents"]) == 10


def page_queries(client, url) -> int:
    """The queries of the page once what it keeps is kept (the first view after a change
    draws and keeps it: scn_portal.kept, library.results)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["member", "editor_a", "editor_b"])
def test_profile_page_query_count_is_constant(client_as, role, profile_a, city_a, mentoring,
                                              django_assert_max_num_queries):  # fmt: skip
    client = client_as(role)
    url = profile_url("profile", city_a)
    initiative = profile_a.initiatives.get()
    services.save_initiative(profile_a, None, initiative, themes=[mentoring],
                             documents=[make_document(cities=[city_a])])  # fmt: skip
    few = page_queries(client, url)
    for number in range(14):
        services.save_initiative(
            profile_a, None, title=f"Initiative {number}", themes=[mentoring, theme(f"T{number}")],
            documents=[make_document(cities=[city_a]), make_document()],
        )  # fmt: skip
    for __ in range(20):
        make_document(cities=[city_a])
    assert profile_a.initiatives.count() == 15
    many = page_queries(client, url)
    assert many == few
    # measured: 10 for a member, 11 for a point of contact of another city, 18 for an editor
    # (checklist, five expectations, last change); the city's events, its newest documents
    # and who represents it are one read each (kept)
    with django_assert_max_num_queries(18 if role == "editor_a" else 11):
        client.get(url)


# --- the photo ---


def test_a_png_is_resized_to_1200_pixels_and_stored_as_jpeg(city_a, media_root):
    profile = services.get_or_create_profile(city_a)
    cleaned = images.clean_photo(upload(image_bytes("PNG", (2400, 1600))))
    services.save_profile(profile, None, photo=cleaned)
    profile.refresh_from_db()
    with Image.open(profile.photo.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (1200, 800)
    assert profile.photo.name.startswith("profiles/") and profile.photo.name.endswith(".jpg")


def test_a_small_image_is_not_enlarged(db):
    cleaned = images.clean_photo(upload(image_bytes("WEBP", (300, 200)), "logo.webp"))
    with Image.open(cleaned) as image:
        assert image.size == (300, 200)


def test_a_transparent_logo_gets_a_white_background(db):
    cleaned = images.clean_photo(upload(image_bytes("PNG", (50, 50), mode="RGBA")))
    with Image.open(cleaned) as image:
        assert image.mode == "RGB"
        assert image.getpixel((10, 10)) == (255, 255, 255)


def test_a_phone_photo_loses_its_metadata_and_is_turned_upright(db):
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the sample does carry GPS
    cleaned = images.clean_photo(upload(original, "phone.jpg", "image/jpeg")).read()
    assert b"Exif" not in cleaned and b"PhoneMaker" not in cleaned
    assert b"taken at home" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert dict(image.getexif()) == {}
        assert "comment" not in image.info
        assert image.size == (600, 1200)  # 1600 x 800 turned a quarter, then resized


REFUSED = [
    ("empty", b"", "photo.png"),
    ("svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>'
            b"alert(1)</script></svg>", "logo.svg"),
    ("html", b"<!doctype html><html><body><script>alert(1)</script></body></html>",
     "photo.jpg"),
    ("gif", image_bytes("GIF", (20, 20)), "photo.gif"),
    ("not_accepted", image_bytes("BMP", (20, 20)), "photo.bmp"),
    ("not_accepted", b"%PDF-1.7 a document, not an image", "photo.jpg"),
    ("damaged", image_bytes("JPEG", (400, 400))[:300], "photo.jpg"),
    ("damaged", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 40, "photo.png"),
    ("too_many_pixels", png_bomb(100_000, 100_000, pixel_data=False), "bomb.png"),
    ("animated", image_bytes("WEBP", (20, 20), save_all=True,
                             append_images=[Image.new("RGB", (20, 20), "blue")]), "a.webp"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "content", "name"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_images_say_why(db, code, content, name):
    with pytest.raises(ValidationError) as refused:
        images.clean_photo(upload(content, name))
    assert refused.value.code == code
    assert str(refused.value.message)


def test_a_real_decompression_bomb_is_refused_before_decoding(db):
    # 6400 x 6400 black pixels: 123 MB decoded, about 120 kB on disk; over the hub's cap
    # (40 megapixels) though below Pillow's own limit, so the hub's check is what stops it.
    bomb = png_bomb(6400, 6400)
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ValidationError) as refused:
        images.clean_photo(upload(bomb, "bomb.png"))
    assert refused.value.code == "too_many_pixels"
    assert "40 megapixels" in str(refused.value.message)


def test_an_image_over_5_mb_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        images.clean_photo(upload(b"\x89PNG\r\n\x1a\n" + b"\x00" * (5 * 1024 * 1024), "big.png"))
    assert refused.value.code == "too_large"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (png_bomb(100_000, 100_000, pixel_data=False), "bomb.png", "too large in pixels"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "logo.svg", "SVG images"),
        (b"<html><body>hello</body></html>", "photo.jpg", "web page"),
        (image_bytes("JPEG", (400, 400))[:300], "photo.jpg", "damaged"),
    ],
)
def test_a_refused_upload_is_explained_and_stores_nothing(client_as, draft_a, city_a, media_root,
                                                          content, name, message):  # fmt: skip
    before = profile_row(draft_a)
    files_before = stored_files(media_root)
    data = {"challenges": "New text", "approach": "", "population": "", "languages": "",
            "photo_description": "", "photo": upload(content, name)}  # fmt: skip
    response = client_as("editor_a").post(profile_url("edit", city_a), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["photo"])
    assert stored_files(media_root) == files_before
    assert profile_row(draft_a) == before


def test_a_new_photo_replaces_the_old_file(client_as, draft_a, city_a, media_root,
                                           django_capture_on_commit_callbacks):  # fmt: skip
    old = draft_a.photo.path
    data = {"challenges": draft_a.challenges, "approach": draft_a.approach,
            "population": "350000", "languages": draft_a.languages,
            "photo_description": "The town hall", "expertise": [theme("Mentoring").pk],
            "photo": upload(jpeg_with_gps(), "phone.jpg", "image/jpeg")}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("editor_a").post(profile_url("edit", city_a), data)
    assert response.status_code == 302
    draft_a.refresh_from_db()
    assert draft_a.photo.path != old
    assert stored_files(media_root) == [media_root / draft_a.photo.name]
    assert set(draft_a.changes.first().changes) == {"photo", "photo_description"}


def test_photo_response_headers(client_as, profile_a, city_a):
    response = client_as("member").get(profile_url("photo", city_a))
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_a_profile_without_photo_has_no_photo_url(client_as, city_a, media_root):
    full_profile(city_a, photo=False)
    assert client_as("member").get(profile_url("photo", city_a)).status_code == 404


def test_a_deleted_profile_leaves_no_photo_behind(profile_a, media_root,
                                                  django_capture_on_commit_callbacks):  # fmt: skip
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        profile_a.delete()
    assert stored_files(media_root) == []


def test_staff_cannot_add_a_profile_for_a_city_that_is_not_a_member(client_as, db):
    applicant_city = CityFactory(status=CityStatus.APPLICANT)
    client = client_as("staff")
    url = reverse("admin:cityprofiles_cityprofile_add")
    data = {**admin_form(client.get(url)), "city": str(applicant_city.pk)}
    assert client.post(url, data).status_code == 200  # the form's error
    assert not CityProfile.objects.exists()
