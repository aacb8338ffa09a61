"""The hub's own emails: in the recipient's language, and only once the decision is kept."""

import pytest
from django.db import transaction

from scn_portal.mail import render_email, send_in_language

TEMPLATES = {
    "test/hello_subject.txt": "{% load i18n %}\n  {% translate 'Log in' %}\n  {{ city }}\n",
    "test/hello_body.txt": (
        "{% load i18n %}{% get_current_language as lang %}{{ lang }}: {{ city }}"
    ),
}


@pytest.fixture
def email_templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
        }
    ]


def test_email_is_rendered_in_the_recipients_language(email_templates):
    subject, body = render_email("test/hello", {"city": "Bihać"}, "fr")
    assert subject == "[SCN Online Hub] Se connecter Bihać"  # one line, prefixed, in French
    assert body == "fr: Bihać"


def test_a_blank_language_falls_back_to_english(email_templates):
    assert render_email("test/hello", {"city": "Aarhus"}, "")[1] == "en: Aarhus"


def test_email_leaves_only_after_the_transaction_commits(
    db, email_templates, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_in_language("test/hello", {"city": "Mombasa"}, ["poc@example.org"], "ar")
    assert [message.to for message in mailoutbox] == [["poc@example.org"]]
    assert mailoutbox[0].body == "ar: Mombasa"


def test_a_rolled_back_decision_sends_nothing(
    db, email_templates, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_in_language("test/hello", {"city": "Mombasa"}, ["poc@example.org"], "en")
        raise RuntimeError("the decision failed")
    assert mailoutbox == []
