"""Writing the audit log: record(), the one way an AuditEvent is created.

Transactions (decided on purpose): record() writes in the caller's transaction, inside a
savepoint of its own. So
- an action that rolls back leaves no audit event (the log says what happened, and an
  approval that failed did not happen);
- an audit write that fails (a database error, an unexpected value) rolls back to the
  savepoint only, is logged as an error, and the action goes on and commits: auditing never
  breaks the hub's work. Outside a transaction the write is simply its own.

What is never stored: passwords, one-time or recovery codes, tokens, keys, secrets, file
contents. Callers pass only harmless details; `details` keys that look like secrets are
dropped anyway, values are cut short, and a failed login keeps the attempted email only
when it looks like an email (people type their password in the email field).
"""

import ipaddress
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from audit.models import OBJECT_REPR_MAX_LENGTH, USER_AGENT_MAX_LENGTH, AuditEvent

logger = logging.getLogger(__name__)

# Parts of a details key that mark it as something the log must never hold.
SECRET_KEY_PARTS = ("password", "passwd", "code", "token", "secret", "key", "otp", "credential",
                    "session", "cookie", "signature", "contents", "file_data")  # fmt: skip
MAX_DETAIL_LENGTH = 200
MAX_DETAIL_ITEMS = 20


def record(action, *, user=None, obj=None, object_repr=None, email=None, details=None,
           request=None):  # fmt: skip
    """Write one audit event; returns it, or None if writing it failed (logged).

    `user`: who acted (default: the request's logged-in user); `email`: the email to keep
    (default: the user's); `obj`: the object acted on (its type, id and text are kept);
    `request`: where from (default: the current request, see audit.middleware).
    """
    try:
        if request is None:
            from audit.middleware import current_request

            request = current_request.get()
        if user is None and request is not None:
            request_user = getattr(request, "user", None)
            if request_user is not None and request_user.is_authenticated:
                user = request_user
        if user is not None and getattr(user, "pk", None) is None:
            user = None
        event = AuditEvent(
            action=action,
            user=user,
            email=(email if email is not None else getattr(user, "email", "") or "")[:254],
            details=clean_details(details or {}),
        )
        if obj is not None:
            event.content_type = ContentType.objects.get_for_model(obj)
            event.object_id = str(obj.pk)[:64]
            event.object_repr = str(obj if object_repr is None else object_repr)
        elif object_repr is not None:
            event.object_repr = str(object_repr)
        event.object_repr = event.object_repr[:OBJECT_REPR_MAX_LENGTH]
        if request is not None:
            event.ip_address = client_ip(request)
            event.user_agent = request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH]
        with transaction.atomic():
            event.save()
        return event
    except Exception:
        logger.exception("Could not write the audit event %r", action)
        return None


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """Where the request came from: REMOTE_ADDR, or, behind the TLS proxy the settings
    trust (SECURE_PROXY_SSL_HEADER is set only then, see BEHIND_TLS_PROXY), the address
    that proxy saw: the hop it appended, the last of X-Forwarded-For. Entries further left
    were sent by the client itself and could be anything, so they are never used."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop for hop in forwarded.split(",") if hop.strip()]
        if hops:
            nearest = _valid_ip(hops[-1])
            if nearest:
                return nearest
    return _valid_ip(request.META.get("REMOTE_ADDR", "") or "")


def attempted_email(value) -> str:
    """The email a failed login tried, if it is one; "" otherwise (it may be a password
    typed in the wrong field)."""
    value = str(value or "").strip()
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


def _is_secret(key: str) -> bool:
    lowered = key.lower()
    return any(part in lowered for part in SECRET_KEY_PARTS)


def _clean_value(value, depth: int):
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value[:MAX_DETAIL_LENGTH]
    if isinstance(value, list | tuple | set | frozenset):
        return [_clean_value(item, depth) for item in list(value)[:MAX_DETAIL_ITEMS]]
    if isinstance(value, dict) and depth < 2:
        return clean_details(value, depth + 1)
    return str(value)[:MAX_DETAIL_LENGTH]


def clean_details(details: dict, depth: int = 0) -> dict:
    """`details` made safe to store: secret-looking keys dropped, JSON-ready, short."""
    cleaned = {}
    for key, value in list(details.items())[:MAX_DETAIL_ITEMS]:
        key = str(key)[:50]
        if not _is_secret(key):
            cleaned[key] = _clean_value(value, depth)
    return cleaned
