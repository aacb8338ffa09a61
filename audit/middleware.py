"""Makes the current request available to audit.services.record().

Why a context variable rather than a `request` argument: the writes worth auditing live in
the apps' services (approve_member, publish_document, record_download...), which take the
acting user but not the request, and are also called from the admin, management commands
and background tasks. Threading a request through every service signature for one
cross-cutting concern would widen all those APIs; a ContextVar is per thread (and per
asyncio task), set for the duration of one request and reset afterwards, so a record
written outside a request (a task, a command) simply has no IP address or user agent.
"""

from contextvars import ContextVar

from audit.choices import AuditAction
from audit.services import record

current_request: ContextVar = ContextVar("audit_current_request", default=None)


class AuditRequestMiddleware:
    """Holds the request for record(); logs requests refused by a rate limit (429)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            response = self.get_response(request)
            if response.status_code == 429:
                record(
                    AuditAction.RATE_LIMITED,
                    request=request,
                    details={"path": request.path, "method": request.method},
                )
            return response
        finally:
            current_request.reset(token)
