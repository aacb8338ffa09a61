"""The integrity of the stored files (uploads are private: never served by URL).

Every file field of every model is checked: its file exists and, where the model records
a SHA-256 of it (CHECKSUM_FIELDS), still has that checksum; and every file in storage
belongs to a row. `manage.py check_media` reports what `find_problems` finds.
"""

import datetime
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils import timezone

CHUNK_BYTES = 1024 * 1024

# The field that records the SHA-256 of a file field, by model label and file field name.
# A file field missing here is still checked for existence and counted against orphans.
CHECKSUM_FIELDS = {
    ("library.document", "file"): "checksum",
    ("membership.cityapplication", "approval_letter"): "letter_checksum",
    ("cityprofiles.cityprofile", "photo"): "photo_checksum",
}

MISSING = "missing"
CORRUPT = "checksum mismatch"
UNRECORDED = "no checksum recorded"
ORPHAN = "orphan"


@dataclass(frozen=True)
class Problem:
    """One stored file that is not as the database says it should be."""

    kind: str
    name: str
    where: str = ""  # the row that refers to the file ("library.document 12 file")

    def __str__(self):
        return f"{self.kind}: {self.name}" + (f" ({self.where})" if self.where else "")


def sha256_of(file) -> str:
    """The SHA-256 of an open file, an upload or a FieldFile, read in chunks; the file is
    left at its start, for whoever stores it next."""
    if hasattr(file, "seek"):
        file.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(CHUNK_BYTES), b""):
        digest.update(chunk)
    if hasattr(file, "seek"):
        file.seek(0)
    return digest.hexdigest()


def sha256_of_stored(storage, name: str) -> str:
    with storage.open(name, "rb") as handle:
        return sha256_of(handle)


def file_fields() -> Iterator[tuple[type[models.Model], models.FileField]]:
    """Every concrete FileField (ImageField included) of every installed model."""
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def _storage_key(storage) -> str:
    return str(getattr(storage, "location", id(storage)))


def _stored_names(storage, folder: str = "") -> Iterator[str]:
    if folder and not storage.exists(folder):
        return
    folders, names = storage.listdir(folder)
    for name in names:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _stored_names(storage, f"{folder}/{sub}" if folder else sub)


def find_problems() -> list[Problem]:
    """Missing and altered files of every row, then the files no row refers to."""
    problems = []
    storages, referenced = {}, {}
    for model, field in file_fields():
        storage = field.storage
        key = _storage_key(storage)
        storages[key] = storage
        names = referenced.setdefault(key, set())
        checksum_field = CHECKSUM_FIELDS.get((model._meta.label_lower, field.name))
        columns = ["pk", field.attname] + ([checksum_field] if checksum_field else [])
        rows = model._base_manager.exclude(**{field.attname: ""}).exclude(
            **{f"{field.attname}__isnull": True}
        )
        for pk, name, *recorded in rows.values_list(*columns).iterator():
            names.add(name)
            where = f"{model._meta.label_lower} {pk} {field.name}"
            if not storage.exists(name):
                problems.append(Problem(MISSING, name, where))
            elif checksum_field and not recorded[0]:
                problems.append(Problem(UNRECORDED, name, where))
            elif checksum_field and sha256_of_stored(storage, name) != recorded[0]:
                problems.append(Problem(CORRUPT, name, where))
    for key, storage in storages.items():
        for name in sorted(set(_stored_names(storage)) - referenced[key]):
            problems.append(Problem(ORPHAN, name))
    return problems


def delete_orphans(problems: list[Problem], min_age_hours: float) -> list[str]:
    """Delete the orphan files among `problems` older than `min_age_hours` (a younger one
    may be an upload whose transaction has not committed yet). Returns their names."""
    cutoff = timezone.now() - datetime.timedelta(hours=min_age_hours)
    storages = {}
    for _model, field in file_fields():
        storages.setdefault(_storage_key(field.storage), field.storage)
    deleted = []
    for problem in problems:
        if problem.kind != ORPHAN:
            continue
        for storage in storages.values():
            if storage.exists(problem.name) and storage.get_modified_time(problem.name) < cutoff:
                storage.delete(problem.name)
                deleted.append(problem.name)
                break
    return deleted
