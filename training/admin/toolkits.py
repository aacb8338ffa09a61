"""Admin for working-group toolkits: a toolkit with its sections, a section with its items.

Every working group gets its toolkit when it is created (training.signals), so toolkits are
not deleted here, and one can only be added for a group that has none. Documents and
initiatives are chosen with autocomplete (the library holds up to 100,000 documents); each
kind of item is checked for what it needs, with the same messages as the curators' pages.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from training.forms_toolkits import check_item_kind
from training.models import Toolkit, ToolkitItem, ToolkitSection


class ToolkitItemAdminForm(forms.ModelForm):
    class Meta:
        model = ToolkitItem
        fields = ["kind", "position", "title", "document", "initiative", "url", "text"]

    def clean(self):
        return check_item_kind(self, super().clean())


class ToolkitSectionInline(admin.TabularInline):
    model = ToolkitSection
    fields = ["position", "kind", "title", "introduction"]
    extra = 0
    show_change_link = True
    ordering = ["position", "pk"]


class ToolkitItemInline(admin.StackedInline):
    model = ToolkitItem
    form = ToolkitItemAdminForm
    fields = [("kind", "position"), "title", "document", "initiative", "url", "text"]
    autocomplete_fields = ["document", "initiative"]
    extra = 0
    ordering = ["position", "pk"]


def _note_curator(request, toolkit: Toolkit) -> None:
    toolkit.updated_by = request.user
    toolkit.save(update_fields=["updated_by", "updated"])


@admin.register(Toolkit)
class ToolkitAdmin(admin.ModelAdmin):
    """A working group's toolkit: its introduction and its sections (open a section to
    change its items)."""

    list_display = ["working_group", "section_count", "item_count", "updated", "updated_by"]
    list_select_related = ["working_group", "updated_by"]
    list_filter = ["working_group__themes"]
    search_fields = ["working_group__name", "introduction"]
    fields = ["working_group", "introduction", "updated", "updated_by"]
    readonly_fields = ["updated", "updated_by"]
    inlines = [ToolkitSectionInline]

    def get_readonly_fields(self, request, obj=None):
        # A toolkit stays with its group.
        return [*self.readonly_fields, "working_group"]

    def has_add_permission(self, request):
        # Every working group gets its toolkit when it is created (training.signals).
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                section_count=Count("sections", distinct=True),
                item_count=Count("sections__items", distinct=True),
            )
        )

    @admin.display(description=_("sections"), ordering="section_count")
    def section_count(self, toolkit):
        return toolkit.section_count

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, toolkit):
        return toolkit.item_count

    def has_delete_permission(self, request, obj=None):
        # Deleting the working group deletes its toolkit.
        return False

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ToolkitSection)
class ToolkitSectionAdmin(admin.ModelAdmin):
    """A toolkit section and its ordered items."""

    list_display = ["__str__", "toolkit", "kind", "position", "item_count"]
    list_filter = ["kind", ("toolkit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["toolkit__working_group"]
    search_fields = ["title", "introduction", "toolkit__working_group__name"]
    fields = ["toolkit", "kind", "title", "introduction", "position"]
    autocomplete_fields = ["toolkit"]
    ordering = ["toolkit__working_group__name", "position", "pk"]
    inlines = [ToolkitItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, section):
        return section.item_count

    def view_on_site(self, section):
        return f"{section.toolkit.get_absolute_url()}#section-{section.pk}"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        _note_curator(request, form.instance.toolkit)
