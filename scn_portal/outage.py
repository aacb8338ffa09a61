"""A database outage answers a short "try again in a minute" page (503), never a 500.

DatabaseOutageMiddleware is the outermost middleware. Django converts an exception in
any middleware or view into a response at that level (a 500 from the technical or the
500 page), so a wrapper cannot simply catch it: a view's database error is caught in
process_exception, and one raised by another middleware (the session, the user, the
cache-backed rate limits) is noticed through the got_request_exception signal, which
marks the request; the outermost middleware then swaps the 500 for the 503 page.

The page is rendered without a request context (no user, no session, no context
processors): nothing on it touches the database. When PostgreSQL is back, the next
request opens a fresh connection (settings CONN_HEALTH_CHECKS), with no restart.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)
OUTAGE_MARK = "_scn_database_outage"

logger = logging.getLogger(__name__)


def is_database_outage(exception: BaseException | None) -> bool:
    """Whether `exception` (or what caused it) says the database cannot be reached."""
    while exception is not None:
        if isinstance(exception, DATABASE_ERRORS):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def outage_response(request) -> HttpResponse:
    """The 503 page in the visitor's language (from the language cookie or the browser:
    the account's preference would need the database)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        try:
            body = render_to_string("503.html", {"request_path": request.path})
            content_type = "text/html; charset=utf-8"
        except Exception:  # the page must not fail in turn: plain text then
            logger.exception("The 503 page could not be rendered")
            body = gettext("The hub is briefly unavailable. Please try again in a minute.")
            content_type = "text/plain; charset=utf-8"
        response = HttpResponse(body, status=503, content_type=content_type)
        response["Content-Language"] = language
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@receiver(got_request_exception, dispatch_uid="scn_portal.outage.mark_outage")
def mark_outage(sender, request=None, **kwargs):
    """Called by Django while it handles an exception that escaped a middleware or a
    view (the exception is the one being handled)."""
    if request is not None and is_database_outage(sys.exception()):
        setattr(request, OUTAGE_MARK, True)


class DatabaseOutageMiddleware:
    """Turns every response to a request that failed on an unreachable database into the
    503 page with Retry-After. Must come first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except DATABASE_ERRORS:  # only when nothing inside converted it (a test client)
            return self._outage(request)
        if getattr(request, OUTAGE_MARK, False):
            return self._outage(request)
        return response

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return self._outage(request)
        return None

    def _outage(self, request):
        logger.warning("Database unavailable: %s %s answered 503", request.method, request.path)
        return outage_response(request)
