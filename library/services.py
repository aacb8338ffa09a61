"""Writes of the library. Views and the admin validate input, then call one of these."""

import hashlib

from django.db import transaction
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import record
from library.choices import DocumentStatus, ExtractionStatus
from library.models import Document
from library.results import library_changed
from membership.models import Region


def file_checksum(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def refresh_denormalised(document: Document) -> None:
    """Recompute what the document stores for search and facets: its themes in every
    interface language (`themes_text`, in the search vector) and the regions it covers
    (its own and its cities'). Call after changing its themes, cities or regions."""
    names = []
    for theme in document.themes.all():
        names += [theme.name, theme.name_fr, theme.name_ar]
    Document.objects.filter(pk=document.pk).update(themes_text=" ".join(filter(None, names)))
    covered = Region.objects.filter(pk__in=document.regions.values("pk")) | Region.objects.filter(
        pk__in=document.cities.values("region")
    )
    document.covered_regions.set(covered.distinct())
    library_changed()  # themes, cities or regions changed


def create_document(*, upload, file_kind, uploaded_by, themes=(), cities=(), regions=(),
                    status=DocumentStatus.PENDING, **fields) -> Document:  # fmt: skip
    """Store a new document and its file, then extract its text in the background.

    The file is written to storage inside the transaction, under a random name; if
    anything fails after that, the row is rolled back and the file deleted."""
    document = Document(
        **fields,
        file_kind=file_kind,
        file_size=upload.size,
        checksum=file_checksum(upload),
        uploaded_by=uploaded_by,
        status=status,
        published_at=timezone.now() if status == DocumentStatus.PUBLISHED else None,
    )
    document.file.save(upload.name, upload, save=False)
    try:
        with transaction.atomic():
            document.save()
            document.themes.set(list(themes))
            document.cities.set(list(cities))
            document.regions.set(list(regions))
            refresh_denormalised(document)
            schedule_extraction(document)
            record(
                AuditAction.DOCUMENT_UPLOADED,
                user=uploaded_by,
                obj=document,
                details={"status": status, "kind": file_kind, "size": upload.size},
            )
    except BaseException:
        document.file.storage.delete(document.file.name)
        raise
    return document


def schedule_extraction(document: Document) -> None:
    """Extract the document's text in the background once the current transaction
    commits (again, when staff re-run it)."""
    from library.tasks import extract_document_text  # the task module imports this one

    Document.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.PENDING, extraction_error=""
    )
    transaction.on_commit(lambda: extract_document_text.enqueue(document.pk))


def delete_files_after_commit(names) -> None:
    """Remove the files of deleted documents, once the deletion has committed."""
    storage = Document._meta.get_field("file").storage
    names = [name for name in names if name]
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def publish(document: Document, by) -> bool:
    """Make a document visible to every member. Returns False if it already was."""
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        if current.status == DocumentStatus.PUBLISHED:
            return False
        now = timezone.now()
        Document.objects.filter(pk=document.pk).update(
            status=DocumentStatus.PUBLISHED,
            published_at=current.published_at or now,
            rejection_reason="",
            decided_by=by,
            decided_at=now,
        )
    library_changed()
    return True
