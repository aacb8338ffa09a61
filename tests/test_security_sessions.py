"""Sessions (issue 9): idle and absolute limits, no "remember me", other sessions ended by a
password change or reset, access lost at the next request, logout by POST only, and a
recent password before email, password and two-factor settings (scn_portal/sessions.py)."""

import re
import time

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.reauthentication import STATE_SESSION_KEY
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from membership.choices import CityStatus
from membership.models import User
from scn_portal.sessions import (
    LAST_SEEN_KEY,
    LOGIN_AT_KEY,
    REAUTHENTICATION_URL_NAMES,
    SessionLimitsMiddleware,
)
from tests.conftest import PASSWORD, staff_totp_code

LOGIN = reverse("account_login")
LOGOUT = reverse("account_logout")
HOME = reverse("home")
STATUS = reverse("membership:application_status")
REAUTHENTICATE = reverse("account_reauthenticate")
CHANGE_PASSWORD = reverse("account_change_password")
EMAIL = reverse("account_email")
NEW_PASSWORD = "a brand new passphrase 42"


def log_in(client: Client, email: str, password: str = PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def logged_in(email: str) -> Client:
    """A client that went through the real login form (allauth records the login)."""
    client = Client()
    response = log_in(client, email)
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def logged_in_staff(email: str) -> Client:
    client = Client()
    response = log_in(client, email)
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": staff_totp_code()})
    assert response.status_code == 302
    return client


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def shift_session(client: Client, **seconds_ago) -> None:
    """Move the session's recorded login time / last activity into the past."""
    session = client.session
    now = time.time()
    if "login" in seconds_ago:
        session[LOGIN_AT_KEY] = now - seconds_ago["login"]
    if "activity" in seconds_ago:
        session[LAST_SEEN_KEY] = now - seconds_ago["activity"]
    session.save()


def age_authentications(client: Client, seconds: float) -> None:
    """Pretend every (re)authentication allauth recorded happened `seconds` earlier."""
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    for record in records:
        record["at"] -= seconds
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()


def messages_on(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


# --- idle and absolute limits ---


def test_a_login_starts_both_session_clocks(db, member):
    before = time.time()
    client = logged_in(member.email)
    assert before <= client.session[LOGIN_AT_KEY] <= time.time()
    assert client.session[LAST_SEEN_KEY] == client.session[LOGIN_AT_KEY]


def test_a_session_idle_too_long_is_logged_out_with_a_message(db, member, settings):
    client = logged_in(member.email)
    shift_session(client, activity=settings.SESSION_IDLE_SECONDS + 5)

    response = client.get(reverse("library:index"))

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=%2Flibrary%2F"
    assert not is_logged_in(client)
    login_page = client.get(response["Location"])
    assert "logged out after 30 minutes without activity" in messages_on(login_page)
    assert "logged out after 30 minutes without activity" in login_page.content.decode()


def test_activity_within_the_idle_limit_keeps_the_session_and_moves_its_clock(db, member, settings):
    client = logged_in(member.email)
    shift_session(client, activity=settings.SESSION_IDLE_SECONDS - 60)

    assert client.get(HOME).status_code == 200
    assert time.time() - client.session[LAST_SEEN_KEY] < 5
    # 29 more minutes later the session is still alive, since it was used.
    shift_session(client, activity=settings.SESSION_IDLE_SECONDS - 60)
    assert client.get(HOME).status_code == 200


def test_activity_is_written_at_most_once_a_minute(db, member):
    client = logged_in(member.email)
    shift_session(client, activity=30)
    recorded = client.session[LAST_SEEN_KEY]
    assert client.get(HOME).status_code == 200
    assert client.session[LAST_SEEN_KEY] == recorded  # no session write for 30 seconds


def test_the_absolute_limit_ends_even_a_busy_session(db, member, settings):
    client = logged_in(member.email)
    shift_session(client, login=settings.SESSION_ABSOLUTE_SECONDS + 5, activity=1)

    response = client.get(HOME)

    assert response["Location"].startswith(LOGIN)
    assert not is_logged_in(client)
    assert "logs you out 12 hours after you log in" in messages_on(client.get(LOGIN))


def test_just_inside_the_absolute_limit_the_session_lives(db, member, settings):
    client = logged_in(member.email)
    shift_session(client, login=settings.SESSION_ABSOLUTE_SECONDS - 60, activity=1)
    assert client.get(HOME).status_code == 200


def test_reauthenticating_does_not_extend_the_absolute_limit(db, member, settings):
    client = logged_in(member.email)
    assert client.post(REAUTHENTICATE, {"password": PASSWORD}).status_code == 302
    shift_session(client, login=settings.SESSION_ABSOLUTE_SECONDS + 5, activity=1)
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_limits_come_from_settings(db, member, settings):
    settings.SESSION_IDLE_SECONDS = 120
    client = logged_in(member.email)
    shift_session(client, activity=121)
    client.get(HOME)
    assert "logged out after 2 minutes without activity" in messages_on(client.get(LOGIN))


def test_a_post_after_the_limit_changes_nothing_and_keeps_nothing(db, member, settings):
    client = logged_in(member.email)
    shift_session(client, activity=settings.SESSION_IDLE_SECONDS + 5)

    response = client.post(
        CHANGE_PASSWORD,
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response["Location"] == LOGIN  # no ?next= for a POST
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_a_session_without_clocks_counts_from_the_last_login(client, member, settings):
    # force_login (or a session older than these limits) records no clock: the account's
    # last login bounds it.
    client.force_login(member)
    get_user_model().objects.filter(pk=member.pk).update(
        last_login=timezone.now()
        - timezone.timedelta(seconds=settings.SESSION_ABSOLUTE_SECONDS + 5)
    )
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_health_checks_do_not_look_at_the_session(client, member, settings):
    client.force_login(member)
    shift_session(client, activity=settings.SESSION_IDLE_SECONDS + 5)
    assert client.get(reverse("healthz")).status_code == 200
    assert is_logged_in(client)  # untouched by the probe


def test_the_limits_cost_no_query_on_an_ordinary_request(db, member, settings):
    client = logged_in(member.email)
    client.get(HOME)
    with CaptureQueriesContext(connection) as with_limits:
        client.get(HOME)
    settings.MIDDLEWARE = [
        name
        for name in settings.MIDDLEWARE
        if name != "scn_portal.sessions.SessionLimitsMiddleware"
    ]
    with CaptureQueriesContext(connection) as without_limits:
        client.get(HOME)
    assert len(with_limits.captured_queries) == len(without_limits.captured_queries)


def test_the_middleware_sits_between_messages_and_the_member_gate():
    middleware = django_settings.MIDDLEWARE
    ours = middleware.index("scn_portal.sessions.SessionLimitsMiddleware")
    assert middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") < ours
    assert middleware.index("django.contrib.messages.middleware.MessageMiddleware") < ours
    assert ours < middleware.index("scn_portal.middleware.MemberOnlyMiddleware")
    assert SessionLimitsMiddleware.__doc__


# --- no "remember me" ---


def test_there_is_no_remember_me_and_the_cookie_ends_with_the_browser(client, member):
    assert 'name="remember"' not in client.get(LOGIN).content.decode()

    log_in(client, member.email)

    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.session.get_expire_at_browser_close()


def test_asking_to_be_remembered_changes_nothing(client, member):
    client.post(LOGIN, {"login": member.email, "password": PASSWORD, "remember": "on"})
    assert client.session.get_expire_at_browser_close()
    assert client.cookies[django_settings.SESSION_COOKIE_NAME]["max-age"] == ""


def test_the_server_forgets_a_session_no_later_than_the_absolute_limit(settings):
    assert settings.SESSION_COOKIE_AGE <= settings.SESSION_ABSOLUTE_SECONDS
    assert settings.SESSION_IDLE_SECONDS < settings.SESSION_ABSOLUTE_SECONDS


# --- password change and reset end the other sessions ---


def test_a_password_change_keeps_this_session_and_ends_the_others(db, member):
    laptop, phone = logged_in(member.email), logged_in(member.email)
    assert phone.get(HOME).status_code == 200

    response = laptop.post(
        CHANGE_PASSWORD,
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert laptop.get(HOME).status_code == 200
    assert phone.get(HOME)["Location"].startswith(LOGIN)
    assert not is_logged_in(phone)


def test_a_password_reset_ends_every_session(db, member, mailoutbox):
    phone = logged_in(member.email)
    stranger = Client()

    stranger.post(reverse("account_reset_password"), {"email": member.email})
    key_url = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mailoutbox[-1].body)
    form_url = stranger.get(key_url.group(1))["Location"]
    response = stranger.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response["Location"] == reverse("account_reset_password_from_key_done")
    assert phone.get(HOME)["Location"].startswith(LOGIN)
    assert not is_logged_in(stranger)  # a reset does not log anyone in


# --- access lost at the next request (one client acts, the other notices) ---


def test_a_member_refused_by_staff_loses_access_at_the_next_request(db, member, staff):
    practitioner, team = logged_in(member.email), logged_in_staff(staff.email)
    assert practitioner.get(reverse("library:index")).status_code == 200

    response = team.post(
        reverse("admin:membership_member_changelist"),
        {
            "action": "reject",
            "_selected_action": [str(member.member.pk)],
            "apply": "1",
            "reason": "Not a practitioner of this city.",
        },
    )

    assert response.status_code == 302
    assert practitioner.get(reverse("library:index"))["Location"] == STATUS
    assert is_logged_in(practitioner)  # they may still read their status and account


def test_a_deactivated_user_is_logged_out_at_the_next_request(db, member, staff):
    practitioner = logged_in(member.email)
    assert practitioner.get(HOME).status_code == 200

    User.objects.filter(pk=member.pk).update(is_active=False)

    assert practitioner.get(HOME)["Location"].startswith(LOGIN)
    assert not is_logged_in(practitioner)
    # Reactivating the account does not revive the old session.
    User.objects.filter(pk=member.pk).update(is_active=True)
    assert practitioner.get(HOME)["Location"].startswith(LOGIN)


def test_a_suspended_city_loses_access_at_the_next_request(db, member):
    practitioner = logged_in(member.email)
    assert practitioner.get(HOME).status_code == 200

    city = member.member.city
    city.status = CityStatus.SUSPENDED
    city.save()

    assert practitioner.get(HOME)["Location"] == STATUS


# --- logout is a POST ---


def test_a_get_on_logout_asks_for_confirmation_and_logs_nobody_out(db, member):
    client = logged_in(member.email)

    response = client.get(LOGOUT)

    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'<form[^>]*method="post"[^>]*action="/accounts/logout/"', page)
    assert is_logged_in(client)
    assert client.get(HOME).status_code == 200


def test_the_logout_button_posts_and_logs_out(db, member):
    client = logged_in(member.email)
    header = client.get(HOME).content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/"', header)
    assert f'<a href="{LOGOUT}"' not in header and f"href='{LOGOUT}'" not in header

    client.post(LOGOUT)

    assert not is_logged_in(client)
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_logout_on_get_is_off(settings):
    assert settings.ACCOUNT_LOGOUT_ON_GET is False


# --- recent password before account settings ---


def test_every_account_settings_page_is_guarded():
    assert {
        "account_email",
        "account_change_password",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
    } <= REAUTHENTICATION_URL_NAMES


@pytest.mark.parametrize(
    "url_name", ["account_email", "account_change_password", "mfa_index", "mfa_activate_totp"]
)
def test_member_settings_ask_for_the_password_after_the_timeout(db, member, settings, url_name):
    url = reverse(url_name)
    client = logged_in(member.email)
    age_authentications(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE}?next={url.replace('/', '%2F')}"
    reauthenticate_page = client.get(response["Location"])
    assert reauthenticate_page.status_code == 200

    response = client.post(response["Location"], {"password": PASSWORD})

    assert response["Location"] == url
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url_name",
    ["mfa_index", "mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"],
)
def test_staff_two_factor_settings_ask_for_the_password_after_the_timeout(
    db, staff, settings, url_name
):
    RecoveryCodes.activate(staff)
    url = reverse(url_name)
    client = logged_in_staff(staff.email)
    age_authentications(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)

    response = client.get(url)
    assert response["Location"].split("?")[0] == REAUTHENTICATE

    response = client.post(f"{REAUTHENTICATE}?next={url}", {"password": PASSWORD})
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_a_wrong_password_on_the_reauthenticate_page_opens_nothing(db, member, settings):
    client = logged_in(member.email)
    age_authentications(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)

    response = client.post(f"{REAUTHENTICATE}?next={EMAIL}", {"password": "not it at all"})

    assert response.status_code == 200
    assert client.get(EMAIL)["Location"].startswith(REAUTHENTICATE)


def test_right_after_login_the_settings_pages_open(db, member):
    client = logged_in(member.email)
    for url in (EMAIL, CHANGE_PASSWORD, reverse("mfa_index")):
        assert client.get(url).status_code == 200, url


def test_a_password_change_after_the_timeout_is_refused_and_not_kept(db, member, settings):
    client = logged_in(member.email)
    age_authentications(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)

    response = client.post(
        CHANGE_PASSWORD,
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response["Location"] == REAUTHENTICATE
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
    # The posted passwords were not stashed in the session to be replayed later.
    assert STATE_SESSION_KEY not in client.session
    assert NEW_PASSWORD not in str(dict(client.session))


def test_adding_an_email_address_asks_for_the_password_even_right_after_login(db, member):
    client = logged_in(member.email)

    response = client.post(EMAIL, {"action_add": "", "email": "second@example.org"})

    assert response["Location"].split("?")[0] == REAUTHENTICATE
    assert not EmailAddress.objects.filter(email="second@example.org").exists()
    # After the password, allauth carries out what was asked.
    client.post(response["Location"], {"password": PASSWORD})
    assert EmailAddress.objects.filter(user=member, email="second@example.org").exists()


def test_reauthentication_is_required_by_allauth_for_email_and_two_factor(settings):
    from allauth.account import app_settings as account_settings
    from allauth.mfa import app_settings as mfa_settings

    assert account_settings.REAUTHENTICATION_REQUIRED is True
    assert mfa_settings.REAUTHENTICATION_REQUIRED is True
    assert settings.ACCOUNT_REAUTHENTICATION_TIMEOUT == 300


def test_applicants_are_guarded_too(db, applicant, settings):
    client = logged_in(applicant.email)
    age_authentications(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)
    assert client.get(CHANGE_PASSWORD)["Location"].startswith(REAUTHENTICATE)
