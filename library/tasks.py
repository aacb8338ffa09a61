"""Background work of the library (Django tasks API; run by `manage.py db_worker`)."""

from django.tasks import task

from library.extraction import extract_and_store


@task
def extract_document_text(document_id: int) -> None:
    """Read a document's text and page count for the search index (library.extraction);
    enqueued after commit by services.schedule_extraction."""
    extract_and_store(document_id)
