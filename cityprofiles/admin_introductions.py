"""Introductions in the admin: the SCN team's queue of members' requests to be put in
touch with a counterpart in another city.

Staff broker each request with the actions of the list: "introduce" (choosing the
counterpart, the city's point of contact by default; both sides are emailed, each in their
own language) or "decline" (with a reason, emailed to the member). Later they record the
outcome on the request's page. The services record who decided and when and write the
admin history; staff never edit the status by hand.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cityprofiles.choices import IntroductionStatus
from cityprofiles.models import IntroductionRequest
from cityprofiles.services_introductions import (
    PEOPLE_AND_PLACES,
    counterpart_candidates,
    decline_introduction,
    default_counterpart,
    mark_introduced,
    record_outcome,
)
from membership.admin.decisions import decide_with_reason
from membership.models import Member

REQUEST_FIELDS = ("requester", "city", "initiative", "topic", "themes", "message")
REQUEST_DETAILS = ("requester_details", "city", "initiative", "topic", "theme_names", "message")
DECISION = ("status", "counterpart_details", "decline_reason", "decided_by", "decided_at")
OUTCOME = ("outcome", "outcome_notes")
RECORD = ("created", "updated")


def person(member: Member) -> str:
    """ "Name, position, organisation, city <email>" of a member, for staff."""
    user = member.user
    parts = [user.get_full_name() or user.email, member.position, member.organisation,
             member.city.name]  # fmt: skip
    return f"{', '.join(part for part in parts if part)} <{user.email}>"


class CounterpartField(forms.ModelChoiceField):
    """The people of the requested city the member can be introduced to."""

    def label_from_instance(self, member):
        role = member.get_role_display()
        return f"{person(member)} ({role})"


class IntroduceForm(forms.Form):
    """One counterpart per selected request, each among the people with access of that
    request's city; its point of contact (or the current counterpart) chosen already."""

    def __init__(self, data, *, introductions):
        super().__init__(data)
        self.rows = []
        for introduction in introductions:
            name = f"counterpart_{introduction.pk}"
            self.fields[name] = CounterpartField(
                queryset=counterpart_candidates(introduction.city_id),
                label=str(introduction),
                initial=default_counterpart(introduction),
                empty_label=_("Choose the person"),
                error_messages={
                    "required": _("Choose the person of %(city)s to introduce the member to.")
                    % {"city": introduction.city.name}
                },
            )
            self.rows.append((introduction, name))

    def bound_rows(self):
        """(introduction, bound field) per selected request, for the page."""
        return [(introduction, self[name]) for introduction, name in self.rows]

    def choices(self):
        """(introduction, counterpart) once the form is valid."""
        return [(introduction, self.cleaned_data[name]) for introduction, name in self.rows]


class IntroductionRequestAdminForm(forms.ModelForm):
    """A request staff add by hand (one received by email or phone) obeys the rules of the
    hub's own form: another city than the member's, an initiative of that city only."""

    class Meta:
        model = IntroductionRequest
        fields = [*REQUEST_FIELDS, *OUTCOME]

    def clean(self):
        cleaned_data = super().clean()
        requester, city = cleaned_data.get("requester"), cleaned_data.get("city")
        initiative = cleaned_data.get("initiative")
        if requester and city and requester.city_id == city.pk:
            self.add_error("city", _("A member cannot be introduced to their own city."))
        if initiative and city and initiative.profile.city_id != city.pk:
            self.add_error("initiative", _("This initiative is not one of this city's."))
        return cleaned_data


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(admin.ModelAdmin):
    """The queue of introduction requests (filter "Requested"), the actions that broker
    them, and the outcome of the introductions made."""

    form = IntroductionRequestAdminForm
    list_display = ["topic", "requester_name", "requester_city", "city", "status", "outcome",
                    "counterpart_name", "created"]  # fmt: skip
    list_filter = ["status", "outcome", ("city", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["topic", "city__name", "requester__city__name", "requester__user__email",
                     "requester__user__first_name", "requester__user__last_name"]  # fmt: skip
    date_hierarchy = "created"
    autocomplete_fields = ["requester", "city"]
    raw_id_fields = ["initiative"]
    filter_horizontal = ["themes"]
    actions = ["introduce", "decline"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return ((None, {"fields": REQUEST_FIELDS}),)
        outcome_help = (
            _("What came of the introduction. Saving records who noted it and when.")
            if obj.status == IntroductionStatus.INTRODUCED
            else _("An outcome can be recorded once the member has been introduced.")
        )
        return (
            (_("Request"), {"fields": REQUEST_DETAILS}),
            (_("Decision"), {
                "fields": DECISION,
                "description": _("To introduce or decline, use the actions of the list of "
                                 "requests: they record the decision and email the people."),
            }),
            (_("Outcome"), {"fields": OUTCOME, "description": outcome_help}),
            (_("Record"), {"fields": RECORD}),
        )  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        readonly = [*REQUEST_DETAILS, *DECISION, *RECORD]
        if obj.status != IntroductionStatus.INTRODUCED:
            readonly += OUTCOME
        return readonly

    def get_queryset(self, request):
        # For the list (whose own list_select_related Django skips once the queryset has
        # one) and the change page alike.
        return super().get_queryset(request).select_related(*PEOPLE_AND_PLACES, "decided_by")

    # --- saving: a change is the outcome only, written by the service ---

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        if obj.status == IntroductionStatus.INTRODUCED:
            obj._outcome_recorded = record_outcome(
                obj, request.user, form.cleaned_data["outcome"], form.cleaned_data["outcome_notes"]
            )

    def save_related(self, request, form, formsets, change):
        # The themes of a request are the member's: only a new request (added by hand) sets
        # them.
        if not change:
            super().save_related(request, form, formsets, change)

    def log_change(self, request, obj, message):
        # record_outcome has written the history line, saying what the outcome is.
        return None

    # --- read-only details ---

    @admin.display(description=_("requested by"), ordering="requester__user__last_name")
    def requester_name(self, introduction):
        user = introduction.requester.user
        return user.get_full_name() or user.email

    @admin.display(description=_("from"), ordering="requester__city__name")
    def requester_city(self, introduction):
        return introduction.requester.city.name

    @admin.display(description=_("counterpart"), ordering="counterpart__user__last_name")
    def counterpart_name(self, introduction):
        if introduction.counterpart is None:
            return "—"
        user = introduction.counterpart.user
        return user.get_full_name() or user.email

    @admin.display(description=_("requested by"))
    def requester_details(self, introduction):
        return person(introduction.requester)

    @admin.display(description=_("counterpart"))
    def counterpart_details(self, introduction):
        return person(introduction.counterpart) if introduction.counterpart else "—"

    @admin.display(description=_("themes"))
    def theme_names(self, introduction):
        return ", ".join(theme.localized_name for theme in introduction.themes.all()) or "—"

    # --- decisions ---

    @admin.action(description=_("Introduce the selected members (choosing the counterpart)"),
                  permissions=["change"])  # fmt: skip
    def introduce(self, request, queryset):
        """First click: a page choosing the counterpart of each selected request. Its
        submission ("apply") introduces them."""
        introductions = list(queryset.select_related(*PEOPLE_AND_PLACES))
        form = IntroduceForm(
            request.POST if "apply" in request.POST else None, introductions=introductions
        )
        if form.is_valid():
            introduced = 0
            for introduction, counterpart in form.choices():
                try:
                    introduced += mark_introduced(introduction, request.user, counterpart)
                except (ValueError, ValidationError):
                    # The person lost access, or moved city, since the page was shown.
                    self.message_user(
                        request,
                        _("%(request)s: this person can no longer be chosen.")
                        % {"request": introduction},
                        messages.ERROR,
                    )
            self.message_user(
                request,
                ngettext("%(count)d member introduced.", "%(count)d members introduced.",
                         introduced) % {"count": introduced},
                messages.SUCCESS,
            )  # fmt: skip
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Introduce members"),
            "form": form,
            "rows": form.bound_rows(),
            "action": request.POST.get("action", ""),
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "cityprofiles/introduction_admin_counterparts.html", context
        )

    @admin.action(description=_("Decline the selected requests (with a reason)"),
                  permissions=["change"])  # fmt: skip
    def decline(self, request, queryset):
        selected = list(queryset.select_related("requester__user", "requester__city", "city"))
        introduced = [i for i in selected if i.status == IntroductionStatus.INTRODUCED]
        if introduced:
            # Both sides have already been written to: it is too late to decline.
            self.message_user(
                request,
                ngettext(
                    "%(count)d request already led to an introduction and cannot be declined.",
                    "%(count)d requests already led to an introduction and cannot be declined.",
                    len(introduced),
                )
                % {"count": len(introduced)},
                messages.WARNING,
            )
            queryset = queryset.exclude(status=IntroductionStatus.INTRODUCED)
            if not queryset.exists():
                return None
        return decide_with_reason(
            self,
            request,
            queryset.select_related("requester__user", "requester__city", "city"),
            title=_("Decline introductions"),
            decide=lambda introduction, reason: decline_introduction(
                introduction, request.user, reason
            ),
            done_message=lambda count: (
                ngettext("%(count)d request declined.", "%(count)d requests declined.", count)
                % {"count": count}
            ),
        )
