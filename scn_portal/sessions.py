"""How long a login lasts, and when the hub asks for the password again.

Two limits end every session (settings SESSION_IDLE_SECONDS and SESSION_ABSOLUTE_SECONDS):
- idle: no request for that long (a computer left unlocked in a city hall office);
- absolute: that long since the login, however active (a stolen session cookie stops
  working the same day).
There is no "remember me": the session cookie ends when the browser closes
(ACCOUNT_SESSION_REMEMBER = False) and neither limit can be extended. Members work on
shared office computers, so a login that outlives the browser helps an attacker more
than it saves a practitioner typing their password.

Account settings (email addresses, password, two-factor authentication) answer only to
someone who proved who they are in the last few minutes (ACCOUNT_REAUTHENTICATION_TIMEOUT):
the login itself counts for looking at those pages. allauth's own checks stay on top of this
one: every change of an email address or of a second factor asks for the password again
unless it was confirmed on the reauthenticate page within that time.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, SESSION_KEY, logout
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext

from scn_portal.middleware import ACCOUNT_SECURITY_URL_NAMES

# Seconds since the epoch (time.time(), as allauth records authentications).
LOGIN_AT_KEY = "scn_session_login_at"
LAST_SEEN_KEY = "scn_session_last_seen"
# Activity is written to the session at most once a minute: a session save on every
# request would double the writes of a busy page for a precision nobody needs.
ACTIVITY_RESOLUTION_SECONDS = 60

# Health checks must answer without the database (MemberOnlyMiddleware keeps the same rule).
UNCHECKED_URL_NAMES = frozenset({"healthz", "readyz"})

# Pages where someone changes how they log in or which second factor protects them.
REAUTHENTICATION_URL_NAMES = ACCOUNT_SECURITY_URL_NAMES


def start_session_clock(request) -> None:
    """Called right after a login (AccountAdapter.post_login): both limits count from now."""
    now = time.time()
    request.session[LOGIN_AT_KEY] = now
    request.session[LAST_SEEN_KEY] = now


def _login_time(request) -> float:
    recorded = request.session.get(LOGIN_AT_KEY)
    if recorded is not None:
        return recorded
    # A session opened without allauth (Django's test client force_login) or before these
    # limits existed: the account's last login is the best known bound. It is written
    # into the session at the next activity tick, so it cannot move later.
    last_login = request.user.last_login
    return last_login.timestamp() if last_login else time.time()


def expired_limit(request, now: float) -> str | None:
    """ "absolute" or "idle" when the session has outlived a limit, else None."""
    login_at = _login_time(request)
    last_seen = request.session.get(LAST_SEEN_KEY, login_at)
    if now - login_at > settings.SESSION_ABSOLUTE_SECONDS:
        return "absolute"
    if now - last_seen > settings.SESSION_IDLE_SECONDS:
        return "idle"
    return None


def _ended_message(limit: str) -> str:
    if limit == "absolute":
        hours = max(1, round(settings.SESSION_ABSOLUTE_SECONDS / 3600))
        return ngettext(
            "For your security, the hub logs you out %(count)d hour after you log in. "
            "Please log in again.",
            "For your security, the hub logs you out %(count)d hours after you log in. "
            "Please log in again.",
            hours,
        ) % {"count": hours}
    minutes = max(1, round(settings.SESSION_IDLE_SECONDS / 60))
    return ngettext(
        "You were logged out after %(count)d minute without activity. Please log in again.",
        "You were logged out after %(count)d minutes without activity. Please log in again.",
        minutes,
    ) % {"count": minutes}


def _redirect_with_next(request, url: str):
    if request.method != "GET":
        # What was posted is not kept anywhere: it may hold a password.
        return redirect(url)
    return redirect(f"{url}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")


def recently_authenticated(request, now: float) -> bool:
    """True when a login or a reauthentication of this user in this session happened
    within ACCOUNT_REAUTHENTICATION_TIMEOUT."""
    records = get_authentication_records(request, request.user)
    times = [record["at"] for record in records if isinstance(record.get("at"), int | float)]
    return bool(times) and now - max(times) < account_settings.REAUTHENTICATION_TIMEOUT


def reauthentication_url(request) -> str:
    methods = get_adapter(request).get_reauthentication_methods(request.user)
    return methods[0]["url"] if methods else reverse("account_login")


class SessionLimitsMiddleware:
    """Ends sessions past the idle or absolute limit (with a message on the login page)
    and sends people to confirm their password before account settings.

    Goes after AuthenticationMiddleware and MessageMiddleware and before
    MemberOnlyMiddleware, so an ended session meets the gate as an anonymous visitor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name
        if view_name in UNCHECKED_URL_NAMES or request.session.session_key is None:
            return None
        if not request.user.is_authenticated:
            if SESSION_KEY in request.session:
                # The account was deactivated (or deleted) since the login: end the session
                # for good, so reactivating the account does not bring it back.
                request.session.flush()
            return None
        now = time.time()
        limit = expired_limit(request, now)
        if limit:
            logout(request)
            messages.info(request, _ended_message(limit))
            return _redirect_with_next(request, resolve_url(settings.LOGIN_URL))
        self._record_activity(request, now)
        if view_name in REAUTHENTICATION_URL_NAMES and not recently_authenticated(request, now):
            return _redirect_with_next(request, reauthentication_url(request))
        return None

    @staticmethod
    def _record_activity(request, now: float) -> None:
        session = request.session
        last_seen = session.get(LAST_SEEN_KEY, _login_time(request))
        if now - last_seen >= ACTIVITY_RESOLUTION_SECONDS:
            session[LOGIN_AT_KEY] = _login_time(request)
            session[LAST_SEEN_KEY] = now
