"""Pages requested in-process, as a logged-in member, through the handler a production
server calls (django.core.handlers.wsgi.WSGIHandler: the whole middleware stack, sessions
and authentication included; no HTTP socket). Used to time pages
(test_library_search.py) and to list the SQL queries of a page (test_pages.py).
"""

import time

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.internal.userkit import user_id_to_str
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from membership.models import User
from scn_portal.sessions import LAST_SEEN_KEY, LOGIN_AT_KEY


class InProcessBrowser:
    """GET requests through django.core.handlers.wsgi.WSGIHandler, the handler a
    production server calls, with a logged-in member's session cookie.

    The session is the one a password login through allauth leaves: the user, the clock
    of the session limits, and the record of the authentication, without which the
    account pages (/accounts/password/change/) ask for the password again."""

    def __init__(self, user: User):
        now = time.time()
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session[LOGIN_AT_KEY] = now
        session[LAST_SEEN_KEY] = now
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": now, "email": user.email}
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
        session.save()
        self.cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
        self.handler = WSGIHandler()
        self.factory = RequestFactory()

    def get(self, url: str) -> tuple[int, int]:
        """(status, body size) of GET `url`."""
        environ = self.factory.get(url, HTTP_COOKIE=self.cookie).environ
        status = []
        response = self.handler(environ, lambda code, headers, *_: status.append(code))
        try:
            size = sum(len(chunk) for chunk in response)
        finally:
            response.close()
        return int(status[0].split()[0]), size

    def queries(self, url: str) -> tuple[int, list[str]]:
        """(status, the SQL of every query) of GET `url`."""
        with CaptureQueriesContext(connection) as captured:
            status, _size = self.get(url)
        return status, [query["sql"] for query in captured.captured_queries]
