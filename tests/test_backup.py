"""Backup and restore (scn_portal/backup.py, `make backup` / `make restore`).

The round trip is real: pg_dump of the test database with documents, profile photos,
application letters and registrations in it; pg_restore into a database created fresh on
the same server and a new media folder; then every row of every table and every file
compared.
"""

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from PIL import Image

from cityprofiles import images
from cityprofiles import services as profile_services
from cityprofiles.models import CityProfile
from library import services as library_services
from library.choices import DocumentStatus
from library.models import Document
from membership.models import CityApplication
from membership.services.applications import submit_application
from scn_portal import backup
from tests import samples
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import CityFactory, MemberFactory, RegionFactory

# pg_dump sees committed rows only: the round trip commits its data (transaction=True);
# the other tests need the schema alone.
pytestmark = pytest.mark.django_db


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def png(colour: str) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(output, format="PNG")
    return output.getvalue()


def fill_the_hub(django_capture_on_commit_callbacks):
    """Documents, profiles with photos, applications with letters, registrations."""
    region = RegionFactory()
    cities = [CityFactory(region=region) for _ in range(2)]
    member = MemberFactory(city=cities[0])
    with django_capture_on_commit_callbacks(execute=True):
        for number, content in enumerate([samples.PDF, samples.make_pdf_with_text("Plan")]):
            library_services.create_document(
                upload=ContentFile(content, name=f"plan-{number}.pdf"),
                file_kind="pdf",
                uploaded_by=member.user,
                title=f"Local action plan {number}",
                document_type="strategy",
                status=DocumentStatus.PUBLISHED,
            )
        for city, colour in zip(cities, ["red", "blue"], strict=True):
            profile = profile_services.get_or_create_profile(city)
            photo = images.clean_photo(SimpleUploadedFile("p.png", png(colour), "image/png"))
            profile_services.save_profile(profile, None, challenges="Polarisation", photo=photo)
        for name in ["Peja", "Tetovo"]:
            submit_application(
                CityApplication(
                    city_name=name,
                    country="XK",
                    region=region,
                    applying_authority="Municipal Assembly",
                    contact_name="Arta Berisha",
                    contact_email=f"arta@{name.lower()}.example.org",
                    point_of_contact_name="Driton Gashi",
                    point_of_contact_email=f"driton@{name.lower()}.example.org",
                    approval_letter=SimpleUploadedFile(f"{name}.pdf", samples.PDF),
                ),
                language="en",
            )
    event = EventFactory()
    for city in cities:
        attendee = MemberFactory(city=city)
        RegistrationFactory(event=event, user=attendee.user, city=city)


def table_rows(database: dict) -> dict[str, list]:
    """Every row of every table of the public schema, in a stable order."""
    conninfo, environment = backup.connection_arguments(database)
    with psycopg.connect(conninfo, password=environment.get("PGPASSWORD")) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: db.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608
            for table in tables
        }


@pytest.fixture
def fresh_database():
    """A database created empty on the same server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def backup_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("backups")


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_byte_for_byte(
    media_root,
    backup_dir,
    fresh_database,
    tmp_path_factory,
    django_capture_on_commit_callbacks,
    settings,
):
    fill_the_hub(django_capture_on_commit_callbacks)
    folder = backup.make_backup(connection.settings_dict, media_root, backup_dir)

    assert folder.parent == backup_dir and folder.name.startswith("scn-")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["files"] == {
        "database.dump": sha256(folder / "database.dump"),
        "media.tar.gz": sha256(folder / "media.tar.gz"),
    }
    assert (folder / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump custom format

    new_media = tmp_path_factory.mktemp("restored-media")
    backup.restore_backup(folder, fresh_database, new_media)

    # Every row of every table came back.
    original = table_rows(connection.settings_dict)
    assert table_rows(fresh_database) == original
    for table in ["library_document", "cityprofiles_cityprofile", "events_registration",
                  "membership_cityapplication"]:  # fmt: skip
        assert len(original[table]) >= 2, table
    # Every stored file came back, byte for byte, as its row recorded it.
    restored = {
        path.relative_to(new_media).as_posix(): sha256(path)
        for path in new_media.rglob("*")
        if path.is_file()
    }
    originals = {
        path.relative_to(media_root).as_posix(): sha256(path)
        for path in media_root.rglob("*")
        if path.is_file()
    }
    assert restored == originals
    for document in Document.objects.all():
        assert restored[document.file.name] == document.checksum
    for profile in CityProfile.objects.all():
        assert restored[profile.photo.name] == profile.photo_checksum
    for application in CityApplication.objects.all():
        assert restored[application.approval_letter.name] == application.letter_checksum
    assert len(restored) == 6

    # check_media finds nothing wrong in the restored copy either.
    connection.close()
    original_name = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = fresh_database["NAME"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": new_media}},
    }
    try:
        out = io.StringIO()
        call_command("check_media", stdout=out)
        assert "0 problems" in out.getvalue()
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original_name


def test_a_restore_replaces_what_was_there(media_root, backup_dir, fresh_database, tmp_path):
    (media_root / "library").mkdir()
    (media_root / "library" / "kept.pdf").write_bytes(samples.PDF)
    folder = backup.make_backup(connection.settings_dict, media_root, backup_dir)
    target = tmp_path / "target-media"
    (target / "library").mkdir(parents=True)
    (target / "library" / "stale.pdf").write_bytes(b"stale")

    backup.restore_backup(folder, fresh_database, target)

    files = sorted(path.relative_to(target).as_posix() for path in target.rglob("*"))
    assert files == ["library", "library/kept.pdf"]
    assert not list(tmp_path.glob(".restore-*"))  # the unpacking folder is gone


@pytest.mark.parametrize("damaged", ["database.dump", "media.tar.gz", "manifest.json"])
def test_a_restore_refuses_a_backup_that_does_not_match_its_manifest(
    media_root, backup_dir, fresh_database, tmp_path_factory, damaged
):
    folder = backup.make_backup(connection.settings_dict, media_root, backup_dir)
    with (folder / damaged).open("ab") as handle:
        handle.write(b"\0")
    target = tmp_path_factory.mktemp("target-media")
    (target / "current.pdf").write_bytes(b"current")

    with pytest.raises(backup.BackupError):
        backup.restore_backup(folder, fresh_database, target)

    # Nothing was touched: the database is still empty, the media still as it was.
    assert table_rows(fresh_database) == {}
    assert [path.name for path in target.iterdir()] == ["current.pdf"]
    call_command("check_media", stdout=io.StringIO())  # the hub's own files are intact


def test_a_missing_backup_file_is_refused(media_root, backup_dir, fresh_database, tmp_path):
    folder = backup.make_backup(connection.settings_dict, media_root, backup_dir)
    (folder / "media.tar.gz").unlink()
    with pytest.raises(backup.BackupError, match="missing"):
        backup.restore_backup(folder, fresh_database, tmp_path / "m")


def test_a_failed_dump_leaves_no_backup_folder(media_root, backup_dir):
    unreachable = {**connection.settings_dict, "PORT": "1"}
    with pytest.raises(backup.BackupError, match="pg_dump failed"):
        backup.make_backup(unreachable, media_root, backup_dir)
    assert list(backup_dir.iterdir()) == []


def test_the_command_line_backs_up_to_backup_dir(media_root, backup_dir, tmp_path, settings):
    """`make backup` runs `python -m scn_portal.backup backup` with the app's settings."""
    environment = {
        "DATABASE_URL": (
            f"postgresql://{connection.settings_dict['USER']}:"
            f"{connection.settings_dict['PASSWORD']}@{connection.settings_dict['HOST']}:"
            f"{connection.settings_dict['PORT']}/{connection.settings_dict['NAME']}"
        ),
        "MEDIA_ROOT": str(media_root),
        "BACKUP_DIR": str(backup_dir),
        "DEBUG": "1",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "scn_portal.backup", "backup"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (folder,) = backup_dir.iterdir()
    backup.verify_backup(folder)
    result = subprocess.run(
        [sys.executable, "-m", "scn_portal.backup", "restore", str(tmp_path / "nothing")],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "manifest.json" in result.stderr
