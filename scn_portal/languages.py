"""The language cookie, written the way Django's own language switch writes it."""

from django.conf import settings
from django.http import HttpResponse


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """Make the browser ask for `language` from the next request on (LocaleMiddleware
    reads this cookie before the Accept-Language header)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def language_set_on(response: HttpResponse) -> str | None:
    """The language a response sets the cookie to, if it does."""
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    return cookie.value if cookie is not None and cookie.value else None
