"""The hub's own emails: written in the recipient's language, sent once the transaction that
decided them has committed, by the task worker (immediately in tests).

A message is two templates: `<prefix>_subject.txt` (one line) and `<prefix>_body.txt`.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


@task
def deliver_email(
    subject: str, body: str, recipients: list[str], attachments: list | None = None
) -> None:
    """`attachments`: [filename, text content, mimetype] triples (JSON, as task arguments
    must be)."""
    message = EmailMessage(subject, body, None, recipients)
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    message.send()


def absolute_url(path: str) -> str:
    """A link to a page of the hub that works from an email (settings.SITE_URL)."""
    return settings.SITE_URL + path


def render_email(template_prefix: str, context: dict, language: str) -> tuple[str, str]:
    """(subject, body) rendered in `language` (the site default when blank). Templates
    also get `site_url`, to build links with {{ site_url }}{% url ... %}."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body


def send_in_language(
    template_prefix: str,
    context: dict,
    recipients: list[str],
    language: str,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Render now (the context may hold model instances), send after commit: a decision
    that is rolled back must not have been announced. `attachments` are optional
    (filename, text content, mimetype) triples, e.g. an event's .ics."""
    subject, body = render_email(template_prefix, context, language)
    files = [list(attachment) for attachment in attachments or ()]
    transaction.on_commit(
        lambda: deliver_email.enqueue(subject, body, list(recipients), files or None)
    )
