"""`manage.py check_media` (scn_portal/media_integrity.py): every stored file of every
model exists and has its recorded SHA-256; no file in storage without its row."""

import hashlib
import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from cityprofiles import images
from cityprofiles import services as profile_services
from library import services as library_services
from membership.models import CityApplication
from membership.services.applications import submit_application
from scn_portal.media_integrity import file_fields
from tests import samples
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


def check_media(*args) -> tuple[bool, str]:
    out = io.StringIO()
    try:
        call_command("check_media", *args, stdout=out)
    except CommandError:
        return False, out.getvalue()
    return True, out.getvalue()


@pytest.fixture
def stored(media_root, member, django_capture_on_commit_callbacks):
    """A library document, a city profile photo and an application letter, each stored
    through its service."""
    with django_capture_on_commit_callbacks(execute=True):
        document = library_services.create_document(
            upload=ContentFile(samples.PDF, name="plan.pdf"),
            file_kind="pdf",
            uploaded_by=member,
            title="Local action plan",
            document_type="strategy",
        )
        city = CityFactory()
        picture = io.BytesIO()
        Image.new("RGB", (64, 48), "green").save(picture, format="PNG")
        photo = images.clean_photo(SimpleUploadedFile("p.png", picture.getvalue(), "image/png"))
        profile = profile_services.save_profile(
            profile_services.get_or_create_profile(city), None, photo=photo
        )
        application = submit_application(
            CityApplication(
                city_name="Peja",
                country="XK",
                region=city.region,
                applying_authority="Municipal Assembly",
                contact_name="Arta Berisha",
                contact_email="arta@peja.example.org",
                point_of_contact_name="Driton Gashi",
                point_of_contact_email="driton@peja.example.org",
                approval_letter=SimpleUploadedFile("letter.pdf", samples.PDF),
            ),
            language="en",
        )
    return {
        "document": document.file.name,
        "photo": profile.photo.name,
        "letter": application.approval_letter.name,
    }


def test_every_file_field_of_every_app_is_checked():
    checked = {f"{model._meta.label_lower}.{field.name}" for model, field in file_fields()}
    assert {
        "library.document.file",
        "membership.cityapplication.approval_letter",
        "cityprofiles.cityprofile.photo",
    } <= checked


def test_the_services_record_each_files_checksum(stored, media_root):
    from cityprofiles.models import CityProfile
    from library.models import Document

    def digest(name):
        return hashlib.sha256((media_root / name).read_bytes()).hexdigest()

    assert Document.objects.get().checksum == digest(stored["document"])
    assert CityProfile.objects.get().photo_checksum == digest(stored["photo"])
    assert CityApplication.objects.get().letter_checksum == digest(stored["letter"])


def test_intact_files_pass(stored):
    ok, output = check_media()
    assert ok, output
    assert "0 problems" in output


@pytest.mark.parametrize("which", ["document", "photo", "letter"])
def test_a_corrupted_file_is_reported(stored, media_root, which):
    path = media_root / stored[which]
    path.write_bytes(path.read_bytes()[:-1] + b"!")
    ok, output = check_media()
    assert not ok
    assert f"checksum mismatch: {stored[which]}" in output
    assert "1 problems" in output


@pytest.mark.parametrize("which", ["document", "photo", "letter"])
def test_a_deleted_file_is_reported(stored, media_root, which):
    (media_root / stored[which]).unlink()
    ok, output = check_media()
    assert not ok
    assert f"missing: {stored[which]}" in output


def test_a_file_without_a_recorded_checksum_is_reported(stored):
    CityApplication.objects.update(letter_checksum="")
    ok, output = check_media()
    assert not ok
    assert f"no checksum recorded: {stored['letter']}" in output


def test_orphans_are_listed_and_deleted_on_request_when_old_enough(stored, media_root):
    old = media_root / "library" / "orphan-old.pdf"
    new = media_root / "applications" / "letters" / "orphan-new.pdf"
    for path in (old, new):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(samples.PDF)
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))

    ok, output = check_media()
    assert not ok
    assert "orphan: library/orphan-old.pdf" in output
    assert "orphan: applications/letters/orphan-new.pdf" in output

    ok, output = check_media("--delete-orphans")
    assert "deleted orphan library/orphan-old.pdf" in output
    assert not old.exists()
    assert new.exists()  # may be an upload still committing
    assert not ok  # the young orphan is still a problem

    ok, output = check_media("--delete-orphans", "--min-age-hours", "0")
    assert ok, output
    assert not new.exists()
    for name in stored.values():
        assert (media_root / name).exists()


def test_a_failed_upload_leaves_nothing_for_check_media_to_report(
    stored, media_root, member, monkeypatch
):
    """The failure scenario of an upload: the row is rolled back, the file removed."""

    def fail(document):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(library_services, "schedule_extraction", fail)
    with pytest.raises(RuntimeError):
        library_services.create_document(
            upload=ContentFile(samples.PDF, name="second.pdf"),
            file_kind="pdf",
            uploaded_by=member,
            title="Second plan",
            document_type="strategy",
        )
    ok, output = check_media()
    assert ok, output


def test_an_empty_storage_passes(media_root):
    ok, output = check_media()
    assert ok, output
