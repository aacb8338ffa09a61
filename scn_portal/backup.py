"""Backups of the hub: the database and the private uploads, together.

    python -m scn_portal.backup backup [--to FOLDER]     # `make backup`
    python -m scn_portal.backup restore BACKUP_FOLDER    # `make restore BACKUP=...`

A backup is a timestamped folder under BACKUP_DIR (default `backups/` of the checkout):
`database.dump` (pg_dump custom format), `media.tar.gz` (everything under MEDIA_ROOT) and
`manifest.json` with the SHA-256 of both. Both commands use the app's own settings, so
they reach the same database as the app: DATABASE_URL, or the project-local cluster.

A restore first checks both files against the manifest and refuses a backup that does
not match; then it replaces the configured database's contents (pg_restore --clean
--if-exists --no-owner) and the files under MEDIA_ROOT. Stop the app (and the task
worker) while restoring.
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = 1
CHUNK_BYTES = 1024 * 1024


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pg_binary(name: str) -> str:
    """pg_dump or pg_restore of the newest PostgreSQL installed (as scn_portal/localdb.py
    finds initdb): a client older than the server cannot dump it."""
    from scn_portal.localdb import find_bindir

    return str(find_bindir() / name)


def _conninfo_value(value: str) -> str:
    escaped = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def connection_arguments(database: dict) -> tuple[str, dict]:
    """A libpq connection string for `-d` and the environment with the password (kept off
    the command line, where `ps` would show it) for a Django DATABASES entry."""
    keywords = {
        "dbname": database["NAME"],
        "host": database.get("HOST"),
        "port": database.get("PORT"),
        "user": database.get("USER"),
        **{key: value for key, value in database.get("OPTIONS", {}).items() if key.islower()},
    }
    conninfo = " ".join(
        f"{key}={_conninfo_value(value)}" for key, value in keywords.items() if value
    )
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return conninfo, environment


def _run(args: list[str], environment: dict) -> None:
    result = subprocess.run(args, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed:\n{result.stderr.strip()}")


def make_backup(database: dict, media_root: Path, backup_dir: Path) -> Path:
    """Dump the database and pack the media into a new timestamped folder of `backup_dir`;
    returns the folder. A failed backup leaves no folder behind."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = Path(backup_dir) / f"scn-{stamp}"
    target.mkdir(parents=True, mode=0o700)
    try:
        conninfo, environment = connection_arguments(database)
        _run(
            [pg_binary("pg_dump"), "--format=custom", f"--file={target / DATABASE_FILE}",
             "--dbname", conninfo],
            environment,
        )  # fmt: skip
        with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
            if Path(media_root).is_dir():
                for entry in sorted(Path(media_root).iterdir()):
                    archive.add(entry, arcname=entry.name)
        manifest = {
            "format": MANIFEST_FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": database["NAME"],
            "files": {name: file_sha256(target / name) for name in (DATABASE_FILE, MEDIA_FILE)},
        }
        (target / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


def verify_backup(folder: Path) -> dict:
    """The backup's manifest, once both its files match the checksums it records."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
        recorded = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{folder} has no readable {MANIFEST_FILE}: {error}") from error
    for name in (DATABASE_FILE, MEDIA_FILE):
        path = folder / name
        if not path.is_file():
            raise BackupError(f"{path} is missing")
        if recorded.get(name) != file_sha256(path):
            raise BackupError(f"{path} does not match the checksum in {MANIFEST_FILE}")
    return manifest


def _replace_media(archive_path: Path, media_root: Path) -> None:
    """Unpack into a fresh folder next to MEDIA_ROOT first, so that a damaged archive
    leaves the current files alone; then swap the contents over."""
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, `..`, links out of the folder, devices.
            archive.extractall(unpacked, filter="data")
        for entry in media_root.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in unpacked.iterdir():
            shutil.move(entry, media_root / entry.name)
    finally:
        shutil.rmtree(unpacked, ignore_errors=True)


def _restore_database(dump: Path, database: dict) -> None:
    """pg_restore --clean --if-exists --no-owner of `dump` into `database`, as one
    transaction that stops at the first error. (The library's search functions carry their
    own search_path, library migration 0002, so the stored search vectors are computed
    while pg_restore loads the rows with its empty path.)"""
    conninfo, environment = connection_arguments(database)
    result = subprocess.run(  # noqa: S603
        [pg_binary("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", "--exit-on-error", "--dbname", conninfo, str(dump)],
        capture_output=True, env=environment, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise BackupError(f"restoring the database failed:\n{result.stderr.strip()}")


def restore_backup(folder: Path, database: dict, media_root: Path) -> dict:
    """Replace the database's contents and the media with the backup in `folder`; refuses
    (BackupError, nothing changed) a backup whose files do not match its manifest."""
    folder = Path(folder)
    manifest = verify_backup(folder)
    _restore_database(folder / DATABASE_FILE, database)
    _replace_media(folder / MEDIA_FILE, media_root)
    return manifest


def main(argv=None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
    import django
    from django.conf import settings

    django.setup()
    from django.db import connections

    parser = argparse.ArgumentParser(
        prog="python -m scn_portal.backup",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    backup = commands.add_parser("backup", help="back up the database and the media")
    backup.add_argument(
        "--to",
        type=Path,
        default=Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups"),
        help="the folder that receives the timestamped backup (BACKUP_DIR, default backups/)",
    )
    restore = commands.add_parser("restore", help="restore a backup folder")
    restore.add_argument("folder", type=Path)
    arguments = parser.parse_args(argv)
    database, media_root = connections["default"].settings_dict, Path(settings.MEDIA_ROOT)
    try:
        if arguments.command == "backup":
            folder = make_backup(database, media_root, arguments.to)
            print(f"Backed up database {database['NAME']} and {media_root} to {folder}")
        else:
            restore_backup(arguments.folder, database, media_root)
            print(f"Restored {arguments.folder} into database {database['NAME']} and {media_root}")
    except BackupError as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
