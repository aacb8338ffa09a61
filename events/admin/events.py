"""Admin for events, where the SCN team runs them: what, when, where, registration
settings and the published figures; publish and cancel actions; a read-only summary of
the registrations (the registrations admin, events/admin/registrations.py, is where they
are decided and checked in).

Raising (or removing) an event's capacity here gives the freed seats to the waiting list
(events.services.capacity_changed)."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events import services
from events.choices import EventStatus, RegistrationStatus
from events.models import Event, Registration
from membership.history import record_in_history


def registration_count(**conditions):
    """How many registrations (matching `conditions`) each event has, as a subquery."""
    rows = (
        Registration.objects.filter(event=OuterRef("pk"), **conditions)
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def registrations_changelist_url(event: Event) -> str:
    """The registrations admin filtered to `event` ("" while it is not registered)."""
    try:
        url = reverse("admin:events_registration_changelist")
    except NoReverseMatch:
        return ""
    return f"{url}?event__id__exact={event.pk}"


@transaction.atomic
def set_status(events, status: str, actor, message: str) -> int:
    """Move the selected events to `status`; returns how many changed."""
    changed = 0
    for event in Event.objects.filter(pk__in=events.values("pk")).select_for_update():
        if event.status == status:
            continue
        event.status = status
        event.save(update_fields=["status", "updated"])
        record_in_history(actor, event, message)
        changed += 1
    return changed


class RegistrationInline(admin.TabularInline):
    """Who registered, read-only: decisions and check-in happen in the registrations
    admin."""

    model = Registration
    fields = ["user", "city", "status", "created", "attended_at"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("registrations (read-only)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "city")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "start_date",
        "city_name",
        "status",
        "capacity",
        "registrations",
        "attended",
    ]
    list_filter = ["kind", "status", "region", "date_precision"]
    date_hierarchy = "start_date"
    search_fields = ["title", "summary", "city_name", "venue", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "region",
        "host_city",
        "visiting_city",
        "participating_cities",
        "agenda",
        "report",
    ]
    readonly_fields = ["registrations_link", "created", "updated"]
    list_select_related = ["region"]
    actions = ["publish", "cancel"]
    inlines = [RegistrationInline]
    fieldsets = [
        (
            _("What"),
            {"fields": ["title", "slug", "kind", "status", "summary", "themes", "languages"]},
        ),
        (
            _("When"),
            {
                "fields": [
                    ("start_date", "end_date", "date_precision"),
                    ("start_time", "end_time", "time_zone"),
                ]
            },
        ),
        (
            _("Where and who"),
            {
                "fields": [
                    "venue",
                    ("city_name", "country"),
                    "region",
                    ("host_city", "visiting_city"),
                    "participating_cities",
                    "other_participants",
                    "online_link",
                ]
            },
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    ("registration_opens", "registration_closes"),
                    "requires_approval",
                    "registrations_link",
                ]
            },
        ),
        (_("Documents"), {"fields": ["agenda", "report"]}),
        (
            _("Published figures"),
            {"fields": ["delegates", "cities_represented", "countries_represented"]},
        ),
        (_("Record"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                registration_total=registration_count(status__in=self.COUNTED),
                attended_total=registration_count(attended_at__isnull=False),
            )
        )

    # Registrations that count in the list: everyone who is (or was) taking part, not
    # those who cancelled or were turned down.
    COUNTED = [
        RegistrationStatus.INTERESTED,
        RegistrationStatus.PENDING,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]

    @admin.display(description=_("registrations"), ordering="registration_total")
    def registrations(self, event):
        return event.registration_total

    @admin.display(description=_("attended"), ordering="attended_total")
    def attended(self, event):
        return event.attended_total

    @admin.display(description=_("all registrations"))
    def registrations_link(self, event):
        url = registrations_changelist_url(event) if event.pk else ""
        if not url:
            return "—"
        return format_html('<a href="{}">{}</a>', url, gettext("Decide, check in, export"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            # Seats freed by a larger (or no) capacity go to the waiting list, in order.
            promoted = services.capacity_changed(obj)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d person on the waiting list got a seat.",
                        "%(count)d people on the waiting list got a seat.",
                        len(promoted),
                    )
                    % {"count": len(promoted)},
                    messages.SUCCESS,
                )

    @admin.action(description=_("Publish the selected events"))
    def publish(self, request, queryset):
        changed = set_status(queryset, EventStatus.PUBLISHED, request.user, gettext("Published."))
        self.message_user(
            request,
            ngettext("%(count)d event published.", "%(count)d events published.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Cancel the selected events"))
    def cancel(self, request, queryset):
        changed = set_status(queryset, EventStatus.CANCELLED, request.user, gettext("Cancelled."))
        self.message_user(
            request,
            ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )
