"""Admin of the hub's thematic vocabulary."""

from django.contrib import admin
from taggit.models import Tag

from membership.models import Theme, ThemedItem

# The hub's tags are its themes (membership.Theme); taggit's free-form Tag is unused.
admin.site.unregister(Tag)


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
