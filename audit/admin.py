"""The audit log in the admin: SCN staff read, filter, search and export it; nobody,
superusers included, can add, change or delete an event."""

import csv
import json

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent

CSV_COLUMNS = (
    ("when", _("When")),
    ("email", _("Who")),
    ("user_id", _("User id")),
    ("action", _("Action")),
    ("content_type", _("Object type")),
    ("object_id", _("Object id")),
    ("object_repr", _("Object")),
    ("ip_address", _("IP address")),
    ("user_agent", _("User agent")),
    ("details", _("Details")),
)


def spreadsheet_safe(value) -> str:
    """A cell that spreadsheet programs show as text, never run as a formula (emails
    tried at login and user agents are chosen by whoever sent them)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _object_type(event) -> str:
    if event.content_type_id is None:
        return ""
    return f"{event.content_type.app_label}.{event.content_type.model}"


class _Echo:
    """A file-like object whose write() returns the line, for a streamed CSV."""

    def write(self, value):
        return value


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: every has_*_permission but view answers False."""

    list_display = ("when", "email", "action", "object_display", "ip_address")
    list_filter = ("action", ("content_type", admin.RelatedOnlyFieldListFilter))
    date_hierarchy = "when"
    search_fields = ("email", "object_repr", "ip_address")
    list_select_related = ("content_type",)
    list_per_page = 100
    # The whole table is counted only on request: it grows forever.
    show_full_result_count = False
    actions = ["export_csv"]
    fields = ("when", "user", "email", "action", "content_type", "object_id", "object_repr",
              "ip_address", "user_agent", "details")  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_repr")
    def object_display(self, event):
        if not event.object_repr:
            return ""
        if event.content_type_id:
            return f"{event.content_type.name}: {event.object_repr}"
        return event.object_repr

    @admin.action(description=_("Export the selected events as CSV"))
    def export_csv(self, request, queryset):
        writer = csv.writer(_Echo())
        values = queryset.select_related("content_type").order_by("-when", "-pk")

        def rows():
            yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
            yield writer.writerow([str(label) for __, label in CSV_COLUMNS])
            for event in values.iterator(chunk_size=2000):
                yield writer.writerow(
                    [
                        spreadsheet_safe(value)
                        for value in (
                            event.when.isoformat(),
                            event.email,
                            event.user_id,
                            event.action,
                            _object_type(event),
                            event.object_id,
                            event.object_repr,
                            event.ip_address,
                            event.user_agent,
                            json.dumps(event.details, ensure_ascii=False, sort_keys=True),
                        )
                    ]
                )

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        name = f"audit-{timezone.now():%Y%m%d-%H%M%S}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
