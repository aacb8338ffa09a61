"""Staff review of cities' applications to join: read, download the letter, decide."""

from django.contrib import admin, messages
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from membership.admin.decisions import decide_with_reason
from membership.forms.applications import check_pdf_letter
from membership.models import CityApplication
from membership.services.applications import (
    approve_application,
    delete_letters_after_commit,
    reject_application,
    request_more_information,
)
from scn_portal.media_integrity import sha256_of

DECISION_FIELDS = ["status", "decided_by", "decided_at", "decision_reason"]


@admin.register(CityApplication)
class CityApplicationAdmin(admin.ModelAdmin):
    """Applications are decided with the actions (approve, reject, ask for more
    information), never by editing the status: a decision also activates the city, is
    recorded in the history and emails the applicant."""

    list_display = ["city_name", "country", "region", "status", "contact_name", "created",
                    "decided_at"]  # fmt: skip
    list_filter = ["status", "region", "country"]
    list_select_related = ["region"]
    search_fields = ["city_name", "applying_authority", "contact_name", "contact_email",
                     "point_of_contact_name", "point_of_contact_email"]  # fmt: skip
    date_hierarchy = "created"
    autocomplete_fields = ["city"]
    actions = ["approve", "reject", "ask_for_more_information"]
    fieldsets = (
        (_("City"), {"fields": ("city_name", "country", "region", "population", "city")}),
        (
            _("Applicant"),
            {
                "fields": (
                    "applying_authority",
                    ("contact_name", "contact_position", "contact_email"),
                    (
                        "point_of_contact_name",
                        "point_of_contact_position",
                        "point_of_contact_email",
                    ),
                    "language",
                )
            },
        ),
        (
            _("Letter and principles"),
            {"fields": ("letter", "letter_size", "principles_accepted_at")},
        ),
        (_("Decision"), {"fields": (*DECISION_FIELDS, "created", "updated")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # What the applicant sent stays as sent; staff may correct names and the region.
        received = ["letter", "letter_size", "principles_accepted_at"]
        if obj is not None:
            received.append("language")  # replies go out in it
        return [*received, *DECISION_FIELDS, "created", "updated"]

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return self.fieldsets
        # Adding an application received by post: staff attach the letter themselves.
        adding = (
            _("Letter"),
            {"fields": ("approval_letter",), "description": _(
                "Adding an application received outside the hub records that the city "
                "accepted the network's principles in its letter."
            )},
        )  # fmt: skip
        return (*self.fieldsets[:2], adding)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "approval_letter" in form.base_fields:
            form.base_fields["approval_letter"].validators.append(check_pdf_letter)
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.letter_size = obj.approval_letter.size
            obj.principles_accepted_at = timezone.now()
        if not change or "approval_letter" in form.changed_data:
            # The letter as stored, for `manage.py check_media`.
            obj.letter_checksum = sha256_of(obj.approval_letter)
        super().save_model(request, obj, form, change)

    # A deleted application leaves no letter behind.
    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        delete_letters_after_commit([obj.approval_letter.name])

    def delete_queryset(self, request, queryset):
        names = list(queryset.values_list("approval_letter", flat=True))
        super().delete_queryset(request, queryset)
        delete_letters_after_commit(names)

    # --- the letter, downloaded through the admin only ---

    def get_urls(self):
        opts = self.model._meta
        letter = path(
            "<int:application_id>/letter/",
            # cacheable: the view sets its own, stricter Cache-Control (private, no-store).
            self.admin_site.admin_view(self.letter_view, cacheable=True),
            name=f"{opts.app_label}_{opts.model_name}_letter",
        )
        return [letter, *super().get_urls()]

    def letter_view(self, request, application_id):
        """The letter as an attachment (never shown inline: it is the sender's file)."""
        application = self.get_object(request, str(application_id))
        if application is None or not self.has_view_permission(request, application):
            raise Http404
        try:
            letter = application.approval_letter.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        filename = (
            f"approval-letter-{slugify(application.city_name) or 'city'}-{application.pk}.pdf"
        )
        response = FileResponse(
            letter, as_attachment=True, filename=filename, content_type="application/pdf"
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.display(description=_("approval letter"))
    def letter(self, application):
        if not application.pk or not application.approval_letter:
            return "—"
        url = reverse(
            f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_letter",
            args=[application.pk],
        )
        return format_html('<a href="{}">{}</a>', url, _("Download the letter (PDF)"))

    # --- decisions ---

    @admin.action(description=_("Approve the selected applications"))
    def approve(self, request, queryset):
        selected = list(queryset)
        approved = sum(approve_application(application, request.user) for application in selected)
        self.message_user(
            request,
            ngettext("%(count)d application approved.", "%(count)d applications approved.",
                     approved) % {"count": approved},
            messages.SUCCESS,
        )  # fmt: skip
        self._warn_unchanged(request, len(selected) - approved)

    @admin.action(description=_("Reject the selected applications (with a reason)"))
    def reject(self, request, queryset):
        return self._decide_with_reason(
            request, queryset, reject_application, _("Reject applications")
        )

    @admin.action(description=_("Ask for more information (with a reason)"))
    def ask_for_more_information(self, request, queryset):
        return self._decide_with_reason(
            request, queryset, request_more_information, _("Ask for more information")
        )

    def _decide_with_reason(self, request, queryset, decide, title):
        outcomes = []
        response = decide_with_reason(
            self,
            request,
            queryset,
            title=title,
            decide=lambda application, reason: outcomes.append(
                decide(application, request.user, reason)
            ),
            done_message=lambda count: (
                ngettext("%(count)d application handled.", "%(count)d applications handled.", count)
                % {"count": count}
            ),
        )
        self._warn_unchanged(request, outcomes.count(False))
        return response

    def _warn_unchanged(self, request, unchanged: int) -> None:
        if unchanged:
            self.message_user(
                request,
                ngettext(
                    "%(count)d application was already approved and was left as it is.",
                    "%(count)d applications were already approved and were left as they are.",
                    unchanged,
                )
                % {"count": unchanged},
                messages.WARNING,
            )
