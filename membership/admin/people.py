"""Admin of people: accounts and their membership of the hub."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from membership.admin.decisions import decide_with_reason
from membership.models import Member, User
from membership.services.access import approve_member, reject_member, request_more_information


class MemberInline(admin.StackedInline):
    model = Member
    fk_name = "user"
    can_delete = False
    autocomplete_fields = ["city"]
    extra = 0
    # Decisions are taken with the actions of the member admin, which record them.
    readonly_fields = ["decided_by", "decided_at", "decision_reason"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin, keyed on email (the hub has no usernames)."""

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "member_city", "is_staff", "is_active",
                    "last_login"]  # fmt: skip
    list_filter = ["is_staff", "is_superuser", "is_active", "member__status",
                   "member__city__region", "preferred_language"]  # fmt: skip
    list_select_related = ["member__city"]
    search_fields = ["email", "first_name", "last_name", "member__city__name"]
    inlines = [MemberInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "preferred_language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    @admin.display(description=_("city"), ordering="member__city__name")
    def member_city(self, user):
        member = getattr(user, "member", None)
        return member.city.name if member else "—"


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    """People's membership of the hub, and the SCN team's decisions on their access requests.

    A decision is taken with an action of the list (approve, refuse, ask for more
    information), never by editing the status by hand: the actions record who decided,
    when and why, write the admin history and email the person."""

    list_display = ["user", "city", "role", "status", "created"]
    list_filter = ["status", "role", "city__region"]
    list_select_related = ["user", "city"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "city__name",
                     "organisation"]  # fmt: skip
    autocomplete_fields = ["user", "city"]
    readonly_fields = ["decided_by", "decided_at", "decision_reason", "created", "updated"]
    actions = ["approve", "reject", "ask_for_more_information"]
    fieldsets = (
        (
            None,
            {"fields": ("user", "city", "role", "position", "organisation", "access_reason")},
        ),
        (
            _("Decision"),
            {
                "fields": ("status", "decided_by", "decided_at", "decision_reason"),
                "description": _(
                    "To decide on a request, use the actions of the member list: "
                    "they record the decision and email the person."
                ),
            },
        ),
        (_("Record"), {"fields": ("created", "updated")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # A new member (someone the team adds by hand) is given a status; after that, the
        # status changes only through a decision.
        if obj is None:
            return self.readonly_fields
        return ["status", *self.readonly_fields]

    @admin.action(description=_("Approve the selected requests"), permissions=["change"])
    def approve(self, request, queryset):
        approved = 0
        for member in queryset.select_related("user", "city"):
            try:
                approved += approve_member(member, request.user)
            except ValidationError as error:
                self.message_user(request, f"{member}: {' '.join(error.messages)}", messages.ERROR)
        self.message_user(
            request,
            ngettext("%(count)d person approved.", "%(count)d people approved.", approved)
            % {"count": approved},
            messages.SUCCESS,
        )

    @admin.action(description=_("Refuse the selected requests (with a reason)"),
                  permissions=["change"])  # fmt: skip
    def reject(self, request, queryset):
        return decide_with_reason(
            self,
            request,
            queryset.select_related("user", "city"),
            title=_("Refuse access"),
            decide=lambda member, reason: reject_member(member, request.user, reason),
            done_message=lambda count: (
                ngettext(
                    "Access refused to %(count)d person.",
                    "Access refused to %(count)d people.",
                    count,
                )
                % {"count": count}
            ),
        )

    @admin.action(description=_("Ask the selected people for more information"),
                  permissions=["change"])  # fmt: skip
    def ask_for_more_information(self, request, queryset):
        return decide_with_reason(
            self,
            request,
            queryset.select_related("user", "city"),
            title=_("Ask for more information"),
            decide=lambda member, reason: request_more_information(member, request.user, reason),
            done_message=lambda count: (
                ngettext(
                    "More information asked of %(count)d person.",
                    "More information asked of %(count)d people.",
                    count,
                )
                % {"count": count}
            ),
        )
