from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from membership.models import City, Member, Region, Theme, ThemedItem, User

# The hub's tags are its themes (membership.Theme); taggit's free-form Tag is unused.
admin.site.unregister(Tag)


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


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "name_ar", "city_count"]
    search_fields = ["name", "name_fr", "name_ar"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("cities"))

    @admin.display(description=_("cities"), ordering="city_count")
    def city_count(self, region):
        return region.city_count


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "region", "status", "date_joined"]
    list_filter = ["status", "region", "country"]
    list_select_related = ["region"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["user", "city", "role", "status", "organisation"]
    list_filter = ["status", "role", "city__region"]
    list_select_related = ["user", "city"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "city__name",
                     "organisation"]  # fmt: skip
    autocomplete_fields = ["user", "city"]
    readonly_fields = ["created", "updated"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_fr", "name_ar", "slug"]
    search_fields = ["name", "name_fr", "name_ar"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ThemedItem)
class ThemedItemAdmin(admin.ModelAdmin):
    list_display = ["tag", "content_type", "object_id"]
    list_filter = ["tag", "content_type"]
    list_select_related = ["tag", "content_type"]
