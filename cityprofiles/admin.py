"""City profiles in the admin: the SCN team reads each profile's history of changes and
may edit profiles and initiatives themselves.

Saving goes through cityprofiles.services, like an editor's change on the site: the
photo is checked and cleaned, the completeness kept, and every change recorded in the
profile's history (shown read-only under the profile) as well as in the admin's own log.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cityprofiles import services
from cityprofiles.forms import CityProfileAdminForm, InitiativeAdminForm
from cityprofiles.models import CityProfile, Initiative, ProfileChange

CHANGES_SHOWN = 50


def adopt(obj, saved) -> None:
    """Make the admin's in-memory object the row a service saved (the admin goes on with
    it: its log entry, its redirect)."""
    for field in type(saved)._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding = False
    obj._state.db = saved._state.db


class ProfileChangeInline(admin.TabularInline):
    """The profile's history, newest first: read-only, written by the services only."""

    model = ProfileChange
    fields = ["at", "user", "summary", "what_changed"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = _("history of changes")
    ordering = ["-at", "-pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    @admin.display(description=_("before → after"))
    def what_changed(self, change):
        if not change.changes:
            return "—"
        return format_html(
            "<dl>{}</dl>",
            format_html_join(
                "",
                "<dt>{}</dt><dd>{} → {}</dd>",
                (
                    (name, _shown(values[0]), _shown(values[1]))
                    for name, values in change.changes.items()
                    if isinstance(values, list) and len(values) == 2
                ),
            ),
        )


def _shown(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    text = str(value)
    return text if len(text) <= 300 else text[:300] + "…"


class InitiativeInline(admin.TabularInline):
    """The profile's initiatives, listed; each is edited on its own page (the history
    needs the services, which the inline's formset would bypass)."""

    model = Initiative
    fields = ["title", "status", "start_year", "edit_link"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("change"))
    def edit_link(self, initiative):
        url = reverse("admin:cityprofiles_initiative_change", args=[initiative.pk])
        return format_html('<a href="{}">{}</a>', url, _("Change"))


@admin.register(CityProfile)
class CityProfileAdmin(admin.ModelAdmin):
    """Profiles: published or draft, how complete, when last changed, and their history."""

    form = CityProfileAdminForm
    list_display = ["city", "published", "completeness", "updated"]
    list_filter = ["published", ("city__region", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["city"]
    search_fields = ["city__name"]
    autocomplete_fields = ["city"]
    readonly_fields = ["current_photo", "completeness", "created", "updated", "page_link"]
    inlines = [InitiativeInline, ProfileChangeInline]
    actions = ["publish", "unpublish"]

    def get_fieldsets(self, request, obj=None):
        return (
            (None, {"fields": ("city", "published") if obj is None else
                    ("city", "page_link", "published", "completeness", "updated")}),
            (_("Profile"), {"fields": ("challenges", "approach", "population", "languages",
                                       "expertise")}),
            (_("Photo or logo"), {"fields": ("current_photo", "new_photo", "remove_photo",
                                             "photo_description")}),
        )  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        # The city of an existing profile is fixed: a profile never moves to another city.
        return [*self.readonly_fields, "city"] if obj else self.readonly_fields

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ProfileChangeInline):
            # The latest changes only: an old profile's history would make a long page.
            ids = obj.changes.order_by("-at", "-pk").values("pk")[:CHANGES_SHOWN] if obj else []
            kwargs["queryset"] = inline.get_queryset(request).filter(pk__in=ids)
        return kwargs

    @admin.display(description=_("photo or logo"))
    def current_photo(self, profile):
        if not profile.photo:
            return "—"
        url = reverse("cityprofiles:photo", args=[profile.city.slug])
        return format_html('<img src="{}" alt="" width="240">', url)

    @admin.display(description=_("page on the hub"))
    def page_link(self, profile):
        url = reverse("cityprofiles:profile", args=[profile.city.slug])
        return format_html('<a href="{}">{}</a>', url, url)

    # --- saving: through the services, so that history and completeness stay right ---

    def save_model(self, request, obj, form, change):
        profile = obj if change else CityProfile(city=form.cleaned_data["city"])
        saved = services.save_profile(profile, request.user, **form.profile_changes())
        if "published" in form.cleaned_data:
            if form.cleaned_data["published"]:
                services.publish(saved, request.user)
            else:
                services.unpublish(saved, request.user)
        saved.refresh_from_db()
        adopt(obj, saved)

    def save_related(self, request, form, formsets, change):
        # The themes of expertise were written by save_model's service; the inlines are
        # read-only. Nothing is left to save here.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # --- publishing ---

    @admin.action(description=_("Publish the selected profiles"), permissions=["change"])
    def publish(self, request, queryset):
        count = sum(services.publish(profile, request.user) for profile in queryset)
        self.message_user(
            request,
            ngettext("%(count)d profile published.", "%(count)d profiles published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected profiles (back to draft)"),
                  permissions=["change"])  # fmt: skip
    def unpublish(self, request, queryset):
        count = sum(services.unpublish(profile, request.user) for profile in queryset)
        self.message_user(
            request,
            ngettext("%(count)d profile unpublished.", "%(count)d profiles unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    """Initiatives of every profile. Changes are recorded in their profile's history."""

    form = InitiativeAdminForm
    list_display = ["title", "profile", "status", "start_year"]
    list_filter = ["status"]
    list_select_related = ["profile__city"]
    search_fields = ["title", "profile__city__name"]
    autocomplete_fields = ["profile", "documents"]

    def get_readonly_fields(self, request, obj=None):
        # An initiative stays with its city.
        return ["profile"] if obj else []

    def save_model(self, request, obj, form, change):
        profile = obj.profile
        saved = services.save_initiative(
            profile, request.user, obj if change else None, **form.initiative_changes()
        )
        adopt(obj, saved)

    def save_related(self, request, form, formsets, change):
        # Themes and documents were written by save_model's service.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        services.delete_initiative(obj, request.user)

    def delete_queryset(self, request, queryset):
        for initiative in queryset:
            services.delete_initiative(initiative, request.user)


# The introductions' admin (another module, registered by importing it).
from cityprofiles import admin_introductions  # noqa: E402, F401
