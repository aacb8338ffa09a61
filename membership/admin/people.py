"""Admin of people: accounts and their membership of the hub."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from membership.models import Member, User


class MemberInline(admin.StackedInline):
    model = Member
    fk_name = "user"
    can_delete = False
    autocomplete_fields = ["city"]
    extra = 0


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
    list_display = ["user", "city", "role", "status", "organisation"]
    list_filter = ["status", "role", "city__region"]
    list_select_related = ["user", "city"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "city__name",
                     "organisation"]  # fmt: skip
    autocomplete_fields = ["user", "city"]
    readonly_fields = ["created", "updated"]
