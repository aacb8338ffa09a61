"""Admin for registrations: the SCN team's decisions (approve, reject with a reason) and
attendance, all through events.services, so that seats, the waiting list and the emails
follow the same rules as on the member pages.

Statuses are never edited by hand: a seat given or taken outside the services would skip
the lock on the event, the promotion of the waiting list and the member's email. Members
register themselves (or at the door, on the check-in page), so there is no "add" here.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import services
from events.choices import RegistrationStatus
from events.models import Registration
from membership.admin.decisions import decide_with_reason
from membership.history import record_in_history


class AttendedFilter(admin.SimpleListFilter):
    title = _("attended")
    parameter_name = "attended"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(attended_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(attended_at__isnull=True)
        return queryset


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Registrations for events. Decisions and attendance are actions of the list."""

    list_display = [
        "user",
        "event",
        "city",
        "status",
        "created",
        "attended_at",
        "survey_answered",
    ]
    list_filter = [
        "status",
        ("event", admin.RelatedOnlyFieldListFilter),
        AttendedFilter,
        "listed",
    ]
    list_select_related = ["user", "event", "city", "survey_response"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "event__title"]
    date_hierarchy = "created"
    actions = ["approve", "reject", "mark_attended", "mark_not_attended"]
    readonly_fields = [
        "event",
        "user",
        "city",
        "status",
        "reason",
        "decided_by",
        "decided_at",
        "created",
        "updated",
        "cancelled_at",
        "attended_at",
        "checked_in_by",
        "survey_sent_at",
        "survey_reminded_at",
    ]
    fieldsets = (
        (None, {"fields": ("event", "user", "city", "listed", "note")}),
        (
            _("Status"),
            {
                "fields": ("status", "reason", "decided_by", "decided_at", "cancelled_at"),
                "description": _(
                    "To approve or reject, use the actions of the registration list: they "
                    "give free seats to the waiting list and email the member."
                ),
            },
        ),
        (
            _("Attendance and survey"),
            {"fields": ("attended_at", "checked_in_by", "survey_sent_at", "survey_reminded_at")},
        ),
        (_("Record"), {"fields": ("created", "updated")}),
    )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("survey answered"), boolean=True)
    def survey_answered(self, registration):
        return hasattr(registration, "survey_response")

    def _selected(self, queryset):
        return queryset.select_related("user", "event")

    @admin.action(description=_("Approve the selected registrations"), permissions=["change"])
    def approve(self, request, queryset):
        approved = 0
        for registration in self._selected(queryset).filter(status=RegistrationStatus.PENDING):
            registration = services.approve(registration, request.user)
            record_in_history(
                request.user, registration, f"Approved: {registration.get_status_display()}"
            )
            approved += 1
        skipped = queryset.count() - approved
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d registration was not awaiting approval: left as it was.",
                    "%(count)d registrations were not awaiting approval: left as they were.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
        self.message_user(
            request,
            ngettext(
                "%(count)d registration approved.", "%(count)d registrations approved.", approved
            )
            % {"count": approved},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Reject the selected registrations (with a reason)"),
        permissions=["change"],
    )
    def reject(self, request, queryset):
        def decide(registration, reason):
            services.reject(registration, request.user, reason)
            record_in_history(request.user, registration, f"Rejected: {reason}")

        return decide_with_reason(
            self,
            request,
            self._selected(queryset.active()),
            title=_("Reject registrations"),
            decide=decide,
            done_message=lambda count: (
                ngettext(
                    "%(count)d registration rejected.", "%(count)d registrations rejected.", count
                )
                % {"count": count}
            ),
        )

    def _mark(self, request, queryset, attended: bool):
        marked = 0
        for registration in self._selected(queryset):
            try:
                services.mark_attendance(registration, request.user, attended=attended)
            except services.RegistrationRefused as refusal:
                self.message_user(request, f"{registration}: {refusal.message}", messages.ERROR)
            else:
                marked += 1
        return marked

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        marked = self._mark(request, queryset, attended=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d participant marked as attended.",
                "%(count)d participants marked as attended.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as not attended"), permissions=["change"])
    def mark_not_attended(self, request, queryset):
        marked = self._mark(request, queryset, attended=False)
        self.message_user(
            request,
            ngettext(
                "%(count)d participant marked as not attended.",
                "%(count)d participants marked as not attended.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )
