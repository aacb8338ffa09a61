from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from django.views.i18n import set_language as django_set_language

from audit.choices import AuditAction
from audit.services import record
from events.dashboard import dashboard_events
from membership.services.languages import remember_language
from scn_portal.languages import language_set_on
from scn_portal.navigation import AREAS
from training.progress import dashboard_training


class StaffOnlyMixin:
    """Pages of the SCN team: a 404 for anyone else (ARCHITECTURE: never a 403), noted in
    the audit log as a refusal."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            record(
                AuditAction.PERMISSION_DENIED,
                request=request,
                details={"reason": "staff_only", "path": request.path},
            )
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class HomeView(TemplateView):
    """The member's dashboard: a greeting and the way into each area of the hub."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # The modules the member has in progress ("continue where you left off"), and the
        # surveys of events they attended still to answer.
        return super().get_context_data(
            **dashboard_training(self.request.user),
            # "Your next events" and the surveys to answer: one query
            **dashboard_events(self.request.user),
            **kwargs,
        )


class AreaIndexView(TemplateView):
    """The landing page of an area of the hub, before it has content of its own."""

    template_name = "generic/area_index.html"
    area_url_name = ""
    empty_message = ""

    def get_context_data(self, **kwargs):
        area = next(area for area in AREAS if area.url_name == self.area_url_name)
        return super().get_context_data(area=area, empty_message=self.empty_message, **kwargs)


def set_language(request):
    """Django's language switch; for a logged-in person the choice is also kept on their
    account, so that it follows them to their next login on any device."""
    response = django_set_language(request)
    # Django accepts any language it has a catalogue for (German, say) for the cookie,
    # which LocaleMiddleware then ignores; the account keeps only the hub's languages.
    language = language_set_on(response)
    if language in dict(settings.LANGUAGES) and request.user.is_authenticated:
        remember_language(request.user, language)
    return response


def _plain(status: int, body: str) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers. Touches no database, reveals nothing."""
    return _plain(200, "ok\n")


@never_cache
@require_GET
def readyz(request):
    """Readiness: the database answers `SELECT 1`. The error itself is never shown."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return _plain(503, "unavailable\n")
    return _plain(200, "ok\n")
