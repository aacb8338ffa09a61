"""Keeps storage and the shared facet counts in step with the documents table: a deleted
document's file goes too, and any saved or deleted document refreshes the counts."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from library import services
from library.models import Document
from library.results import library_changed


@receiver(post_delete, sender=Document, dispatch_uid="library_document_file_cleanup")
def delete_document_file(sender, instance: Document, **kwargs) -> None:
    # After commit only: a deletion that is rolled back keeps its file. Sent for every
    # path that deletes rows (instance.delete(), queryset.delete(), the admin, cascades).
    services.delete_files_after_commit([instance.file.name])


@receiver(post_save, sender=Document, dispatch_uid="library_counts_on_save")
@receiver(post_delete, sender=Document, dispatch_uid="library_counts_on_delete")
def forget_counts(sender, **kwargs) -> None:
    library_changed()
