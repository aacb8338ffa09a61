"""Shared base of the hub's FilterSets (one per list page, see ARCHITECTURE.md)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
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


class SlugChoiceField(forms.ModelMultipleChoiceField):
    """Several objects named by their slugs in the URL (?theme=a&theme=b). A value that
    cannot be a slug is refused before the database sees it, and a refused value is shown
    back on the page shortened."""

    def clean(self, value):
        if not value:
            return []
        return super().clean(value)

    def _check_values(self, value):
        for slug in value:
            try:
                validate_unicode_slug(str(slug))
            except ValidationError:
                raise self._unknown(slug) from None
        try:
            return list(super()._check_values(value))
        except ValidationError as error:
            raise self._unknown((getattr(error, "params", None) or {}).get("value", "")) from None

    def _unknown(self, value) -> ValidationError:
        return ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": str(value)[:60]},
        )
