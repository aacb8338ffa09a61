"""Shared base of the hub's FilterSets (one per list page, see ARCHITECTURE.md)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _


class BaseFilterSet(django_filters.FilterSet):
    """Adds the free-text `q` filter every list has; subclasses say what it searches."""

    q = django_filters.CharFilter(label=_("Search"), method="search")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def search(self, queryset, name, value):
        raise NotImplementedError("FilterSets define how `q` searches their objects")
