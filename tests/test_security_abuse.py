"""Abuse (issue 9): rate limits that hold across web workers (they count in the shared
database cache) and no account enumeration on login, password reset, signup and the
city application form."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client
from django.urls import reverse

from membership.models import CityApplication, User
from tests.conftest import PASSWORD
from tests.factories import RegionFactory
from tests.test_access_requests import signup_data
from tests.test_city_applications import application_data

LOGIN = reverse("account_login")
SIGNUP = reverse("account_signup")
RESET = reverse("account_reset_password")
JOIN = reverse("membership:join")
ROOT = Path(__file__).resolve().parent.parent


def limit(settings, **rates) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, **rates}


def rows_in_the_cache_table() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM scn_cache")  # CACHES["default"]["LOCATION"]
        return cursor.fetchone()[0]


def normalised(response, *typed: str) -> str:
    """The page without what legitimately differs between two answers: CSRF tokens, CSP
    nonces, and what the visitor typed (echoed back in the form)."""
    page = response.content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "CSRF", page)
    page = re.sub(r'nonce="[^"]*"', "NONCE", page)
    for text in typed:
        page = page.replace(text, "TYPED")
    return page


# --- the counters live where every worker sees them ---


def test_rate_limits_count_in_the_shared_database_cache():
    assert django_settings.CACHES["default"]["BACKEND"] == "scn_portal.cache.PostgreSQLCache"
    assert isinstance(caches["default"], DatabaseCache)  # not a per-process locmem cache
    assert caches["default"]._max_entries >= 10_000  # counters are not culled by a flood


def test_made_up_forwarded_addresses_do_not_escape_the_address_limit(db, member, settings):
    limit(settings, login_failed="3/m/ip")
    client = Client()
    for attempt in range(3):
        client.post(
            LOGIN,
            {"login": member.email, "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )
    response = client.post(
        LOGIN, {"login": member.email, "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_failed_logins_on_two_workers_add_up(db, member, settings):
    limit(settings, login_failed="10/m/ip,4/5m/key")
    first, second = Client(), Client()
    for attempt in range(4):
        worker = first if attempt % 2 else second
        worker.post(LOGIN, {"login": member.email, "password": f"wrong {attempt}"})
    assert rows_in_the_cache_table() > 0

    response = second.post(LOGIN, {"login": member.email, "password": PASSWORD})

    assert "_auth_user_id" not in second.session  # even the right password
    assert "Too many failed login attempts" in response.content.decode()
    # A fresh "worker" (no cookies, no process memory of its own) is refused as well.
    third = Client()
    third.post(LOGIN, {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in third.session


def test_signups_on_two_workers_add_up(db, city_a, settings):
    limit(settings, signup="2/m/ip")
    first, second = Client(), Client()
    assert first.post(SIGNUP, signup_data(city_a, email="one@example.org")).status_code == 302
    assert second.post(SIGNUP, signup_data(city_a, email="two@example.org")).status_code == 302

    response = first.post(SIGNUP, signup_data(city_a, email="three@example.org"))

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not User.objects.filter(email="three@example.org").exists()


def test_password_resets_on_two_workers_add_up(db, member, settings, mailoutbox):
    limit(settings, reset_password="20/m/ip,2/m/key")
    first, second = Client(), Client()
    assert first.post(RESET, {"email": member.email}).status_code == 302
    assert second.post(RESET, {"email": member.email}).status_code == 302

    response = second.post(RESET, {"email": member.email})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert len(mailoutbox) == 2  # no third email to flood the member's inbox


def test_city_applications_on_two_workers_add_up(db, settings, media_root):
    limit(settings, city_application="2/h/ip")
    region = RegionFactory()
    first, second = Client(), Client()
    assert first.post(JOIN, application_data(region)).status_code == 302
    assert second.post(JOIN, application_data(region, city_name="")).status_code == 200

    response = first.post(JOIN, application_data(region, city_name="Tetovo"))

    assert response.status_code == 429
    assert CityApplication.objects.count() == 1


def database_url_of_the_test_database() -> str:
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return (
        f"postgresql://{database['USER']}{password}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


# Run by a separate Python process: it uses up the "city_application" limit (2 an hour
# here) for 127.0.0.1, the address of Django's test client.
CONSUME_IN_ANOTHER_PROCESS = """
import django
django.setup()
from allauth.core import ratelimit
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "city_application": "2/h/ip"}
request = RequestFactory().post("/network/join/", REMOTE_ADDR="127.0.0.1")
request.user = AnonymousUser()
print(sum(ratelimit.consume(request, action="city_application") for _ in range(3)))
"""


@pytest.fixture
def committed_cache(transactional_db):
    """The other process sees only committed rows, and leaves some behind: start and end
    with an empty cache table."""
    cache.clear()
    yield
    cache.clear()


def test_a_limit_reached_in_another_process_refuses_this_one(committed_cache, settings, media_root):
    # Another OS process, as a second gunicorn worker is, with its own memory.
    limit(settings, city_application="2/h/ip")
    other = subprocess.run(
        [sys.executable, "-c", CONSUME_IN_ANOTHER_PROCESS],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url_of_the_test_database(),
            "DJANGO_SETTINGS_MODULE": "scn_portal.settings",
            "DEBUG": "1",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == "2"  # two allowed, the third refused, over there

    response = Client().post(JOIN, application_data(RegionFactory()))

    assert response.status_code == 429
    assert CityApplication.objects.count() == 0


# --- no account enumeration ---


def test_login_answers_the_same_for_an_unknown_email_and_a_wrong_password(db, member):
    known = Client().post(LOGIN, {"login": member.email, "password": "wrong password 1"})
    unknown = Client().post(LOGIN, {"login": "nobody@example.org", "password": "wrong password 1"})

    assert known.status_code == unknown.status_code == 200
    assert normalised(known, member.email) == normalised(unknown, "nobody@example.org")


def test_login_of_an_unverified_account_reveals_nothing_without_the_password(db, city_a):
    from tests.factories import MemberFactory

    MemberFactory(city=city_a, user__email="new@example.org", user__verified=False)
    known = Client().post(LOGIN, {"login": "new@example.org", "password": "wrong password 1"})
    unknown = Client().post(LOGIN, {"login": "nobody@example.org", "password": "wrong password 1"})
    assert normalised(known, "new@example.org") == normalised(unknown, "nobody@example.org")


def test_password_reset_answers_the_same_for_known_and_unknown_emails(db, member, mailoutbox):
    known_client, unknown_client = Client(), Client()
    known = known_client.post(RESET, {"email": member.email})
    unknown = unknown_client.post(RESET, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert normalised(known_client.get(known["Location"])) == normalised(
        unknown_client.get(unknown["Location"])
    )
    # Only the owner of the address learns which it was, in their own inbox.
    assert sorted(mail.to[0] for mail in mailoutbox) == [member.email, "nobody@example.org"]


def test_signup_answers_the_same_for_a_taken_and_a_new_email(db, member, city_a, mailoutbox):
    taken_client, new_client = Client(), Client()
    taken = taken_client.post(SIGNUP, signup_data(city_a, email=member.email))
    new = new_client.post(SIGNUP, signup_data(city_a, email="fresh@example.org"))

    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"]
    assert normalised(taken_client.get(taken["Location"]), member.email) == normalised(
        new_client.get(new["Location"]), "fresh@example.org"
    )
    # The existing account is untouched, with no second one; its owner is told by email.
    assert User.objects.filter(email__iexact=member.email).count() == 1
    assert EmailAddress.objects.filter(email__iexact=member.email).count() == 1
    assert member.email in [mail.to[0] for mail in mailoutbox]
    assert "_auth_user_id" not in taken_client.session


def test_the_city_application_form_does_not_reveal_registered_emails(
    db, member, settings, media_root
):
    # Its only emails are contacts of the applying city; a registered member's address is
    # accepted like any other, so the form says nothing about who has an account.
    region = RegionFactory()
    known = Client().post(JOIN, application_data(region, contact_email=member.email))
    unknown = Client().post(JOIN, application_data(region, contact_email="nobody@example.org"))
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
