"""Writes of the library's contributions: a member's changes to their upload, and the SCN
team's review decisions (publish, reject with a reason, archive, re-run text extraction).

Every decision is recorded in the document's admin history (in the site language: it is the
team's record) and, for publishing and rejecting, emailed to the uploader in their own
language once the decision has committed.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from audit.choices import AuditAction
from audit.services import record
from library import services
from library.choices import DocumentStatus, ExtractionStatus
from library.models import Document
from membership.history import record_in_history
from scn_portal.mail import send_in_language

HISTORY_MESSAGES = {
    "edited": _("Changed: %(fields)s."),
    "file_replaced": _("File replaced."),
    DocumentStatus.PUBLISHED: _("Published."),
    DocumentStatus.REJECTED: _("Rejected. Reason: %(reason)s"),
    DocumentStatus.ARCHIVED: _("Archived."),
    "extraction": _("Text extraction started again."),
}


class DocumentNotEditable(Exception):
    """The document was reviewed (or withdrawn from the user's reach) meanwhile."""


def history_message(key, **params) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(HISTORY_MESSAGES[key]) % params


def update_document(document: Document, by, *, upload=None, file_kind=None, themes=None,
                    cities=None, regions=None, record_history=True,
                    **changes) -> Document:  # fmt: skip
    """Change a document's description, relations and optionally its file, as `by` may
    (Document.objects.editable_by: staff any, the uploader while it is pending).

    A new file is written under a random name; the old one is deleted once the change has
    committed, the new one at once if it fails. The themes/cities/regions given replace
    the current ones; the denormalised copies are refreshed and, for a new file, the text
    extracted again. The change is noted in the document's history unless
    `record_history` is False (the admin writes its own). Raises DocumentNotEditable when
    `by` may no longer change it."""
    storage = Document._meta.get_field("file").storage
    new_file = None
    try:
        with transaction.atomic():
            current = (
                Document.objects.editable_by(by).select_for_update(of=("self",))
                .filter(pk=document.pk).first()
            )  # fmt: skip
            if current is None:
                raise DocumentNotEditable(document.pk)
            changed = [name for name, value in changes.items()
                       if getattr(current, name) != value]  # fmt: skip
            for name, value in changes.items():
                setattr(current, name, value)
            if upload is not None:
                old_file = current.file.name
                current.file_kind = file_kind
                current.file_size = upload.size
                current.checksum = services.file_checksum(upload)
                # The old file's text and pages no longer describe the document.
                current.extracted_text = ""
                current.page_count = None
                current.file.save(upload.name, upload, save=False)
                new_file = current.file.name
                services.delete_files_after_commit([old_file])
            current.save()
            for name, values in (("themes", themes), ("cities", cities), ("regions", regions)):
                if values is not None:
                    before = set(getattr(current, name).values_list("pk", flat=True))
                    getattr(current, name).set(list(values))
                    if before != {value.pk for value in values}:
                        changed.append(name)
            services.refresh_denormalised(current)
            if upload is not None:
                services.schedule_extraction(current)
                record(
                    AuditAction.DOCUMENT_UPLOADED,
                    user=by,
                    obj=current,
                    details={"replaced": True, "kind": file_kind, "size": upload.size},
                )
                if record_history:
                    record_in_history(by, current, history_message("file_replaced"))
            if changed and record_history:
                with translation.override(settings.LANGUAGE_CODE):
                    labels = ", ".join(
                        str(Document._meta.get_field(name).verbose_name) for name in changed
                    )
                record_in_history(by, current, history_message("edited", fields=labels))
    except BaseException:
        if new_file:
            storage.delete(new_file)
        raise
    return current


def publish_document(document: Document, by) -> bool:
    """Publish a document (library.services.publish), note it in its history and tell the
    uploader. Returns False if it already was published."""
    with transaction.atomic():
        if not services.publish(document, by):
            return False
        current = Document.objects.select_related("uploaded_by").get(pk=document.pk)
        record_in_history(by, current, history_message(DocumentStatus.PUBLISHED))
        record(AuditAction.DOCUMENT_PUBLISHED, user=by, obj=current)
        _tell_uploader(current, by, "library/email/document_published", reason="")
    _copy_decision(current, document)
    return True


def reject_document(document: Document, by, reason: str) -> bool:
    """Refuse (or withdraw) a document, telling the uploader why. Returns False if it was
    already rejected for the same reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a reason is required to reject a document")
    with transaction.atomic():
        current = _locked(document)
        if current.status == DocumentStatus.REJECTED and current.rejection_reason == reason:
            return False
        _decide(current, by, DocumentStatus.REJECTED, rejection_reason=reason)
        record_in_history(by, current, history_message(DocumentStatus.REJECTED, reason=reason))
        record(AuditAction.DOCUMENT_REJECTED, user=by, obj=current)
        _tell_uploader(current, by, "library/email/document_rejected", reason=reason)
    _copy_decision(current, document)
    return True


def archive_document(document: Document, by) -> bool:
    """Take a document out of the library without deleting it (outdated, superseded).
    Returns False if it already was archived."""
    with transaction.atomic():
        current = _locked(document)
        if current.status == DocumentStatus.ARCHIVED:
            return False
        _decide(current, by, DocumentStatus.ARCHIVED)
        record_in_history(by, current, history_message(DocumentStatus.ARCHIVED))
        record(AuditAction.DOCUMENT_ARCHIVED, user=by, obj=current)
    _copy_decision(current, document)
    return True


def rerun_extraction(document: Document, by) -> None:
    """Extract the document's text again, in the background (after a fix of the
    extractor, or a failure that was temporary)."""
    with transaction.atomic():
        services.schedule_extraction(document)
        record_in_history(by, document, history_message("extraction"))
    document.extraction_status = ExtractionStatus.PENDING
    document.extraction_error = ""


def _locked(document: Document) -> Document:
    # Two staff may review the same document at once: the second sees the first decision.
    return (
        Document.objects.select_for_update(of=("self",))
        .select_related("uploaded_by")
        .get(pk=document.pk)
    )


def _decide(current: Document, by, status: str, *, rejection_reason: str = "") -> None:
    current.status = status
    current.rejection_reason = rejection_reason
    current.decided_by = by
    current.decided_at = timezone.now()
    current.save(
        update_fields=["status", "rejection_reason", "decided_by", "decided_at", "updated"]
    )


def _copy_decision(current: Document, document: Document) -> None:
    for field in ("status", "rejection_reason", "published_at", "decided_by", "decided_at"):
        setattr(document, field, getattr(current, field))


def _tell_uploader(document: Document, by, template_prefix: str, *, reason: str) -> None:
    uploader = document.uploaded_by
    # Nobody to tell: the uploader's account is gone, or they decided on their own upload.
    if uploader is None or uploader.pk == by.pk or not uploader.email:
        return
    send_in_language(
        template_prefix,
        {"document": document, "user": uploader, "reason": reason},
        [uploader.email],
        uploader.preferred_language,
    )
