"""English, French and Arabic: translated pages, right-to-left Arabic, a sticky choice."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from tests.conftest import PASSWORD

CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"))


def translated(language: str, text: str) -> str:
    with translation.override(language):
        result = translation.gettext(text)
    assert result != text, f"{text!r} has no {language} translation"
    return result


def in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("fr", "ltr"), ("ar", "rtl")])
def test_pages_declare_their_language_and_direction(client_as, language, direction):
    page = in_language(client_as("member"), language).get(reverse("home")).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page


def test_arabic_pages_use_the_right_to_left_stylesheet_and_translated_navigation(client_as):
    page = in_language(client_as("member"), "ar").get(reverse("home")).content.decode()
    assert "bootstrap.rtl.min.css" in page
    for area in ("Library", "Cities", "Training", "Events", "Network"):
        assert f">{translated('ar', area)}</a>" in page


def test_french_pages_have_translated_navigation(client_as):
    page = in_language(client_as("member"), "fr").get(reverse("home")).content.decode()
    assert "bootstrap.rtl" not in page
    assert f">{translated('fr', 'Library')}</a>" in page
    assert translated("fr", "Log out") in page


def test_login_page_is_translated_for_anonymous_visitors(client):
    page = in_language(client, "ar").get(reverse("account_login")).content.decode()
    assert 'dir="rtl"' in page
    assert translated("ar", "SCN Online Hub") in page


def test_language_choice_sticks_across_pages_and_logins(client, member):
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    response = client.post(reverse("set_language"), {"language": "ar", "next": "/library/"})
    assert response["Location"] == "/library/"
    assert 'lang="ar"' in client.get("/library/").content.decode()
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert 'lang="ar"' in client.get(reverse("home")).content.decode()


def test_a_logged_in_choice_is_kept_on_the_account(client_as, member):
    client_as("member").post(reverse("set_language"), {"language": "fr", "next": "/"})
    member.refresh_from_db()
    assert member.preferred_language == "fr"


def test_an_anonymous_choice_sets_only_the_cookie(client, member):
    response = client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # A year, not the browser session: tomorrow's visit opens in Arabic too.
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["max-age"] == 365 * 24 * 60 * 60
    member.refresh_from_db()
    assert member.preferred_language == ""


@pytest.mark.parametrize("code", ["de", "", "ar<script>", "x" * 300])
def test_an_unknown_language_changes_nothing(client_as, member, code):
    client = client_as("member")
    response = client.post(reverse("set_language"), {"language": code, "next": "/"})
    assert response.status_code == 302
    assert 'lang="en"' in client.get(reverse("home")).content.decode()
    member.refresh_from_db()
    assert member.preferred_language == ""


def test_login_switches_to_the_language_chosen_on_another_device(client, member):
    member.preferred_language = "ar"
    member.save()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert 'lang="ar"' in client.get(reverse("home")).content.decode()


def test_login_without_a_chosen_language_keeps_the_browsers(client, member):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert 'lang="fr"' in client.get(reverse("home")).content.decode()


def test_a_failed_login_does_not_switch_language(client, member):
    member.preferred_language = "ar"
    member.save()
    response = client.post(reverse("account_login"), {"login": member.email, "password": "wrong"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert 'lang="en"' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_not_found_page_speaks_the_visitors_language(client_as, language):
    response = in_language(client_as("member"), language).get("/no-such-page/")
    assert response.status_code == 404
    heading = "Page not found" if language == "en" else translated(language, "Page not found")
    assert heading in response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_forbidden_page_speaks_the_visitors_language(client_as, language):
    response = in_language(client_as("member"), language).get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
    heading = "Access denied" if language == "en" else translated(language, "Access denied")
    assert heading in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_server_error_page_speaks_the_visitors_language(language):
    with translation.override(language):
        page = server_error(RequestFactory().get("/")).content.decode()
    assert translated(language, "Something went wrong") in page
    assert ('dir="rtl"' in page) == (language == "ar")


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parent.parent.name)
def test_catalogues_are_complete(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_both_languages_have_a_catalogue():
    assert {path.parent.parent.name for path in CATALOGUES} == {"fr", "ar"}
