"""Shared base of the hub's FilterSets (one per list page, see ARCHITECTURE.md): the `q`
search, themes chosen by slug, and the helpers every app's text and theme filters use."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import models
from django.db.models import Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from membership.models import Theme, ThemedItem

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8


def query_words(text: str) -> list[str]:
    """The words of a search, without control characters (NUL included), at most eight."""
    text = "".join(char if char.isprintable() else " " for char in text or "")
    return text[:MAX_QUERY_LENGTH].split()[:MAX_QUERY_WORDS]


def matching_every_word(queryset, text: str, fields: list[str]):
    """The rows where every word of `text` occurs, accent- and case-insensitively, in at
    least one of `fields`."""
    for word in query_words(text):
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__unaccent__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def themed_items(model) -> QuerySet:
    """The theme links of `model`'s objects. The content type is looked up inside the
    query that needs it, so it costs no query of its own (cached or not)."""
    content_type = ContentType.objects.filter(
        app_label=model._meta.app_label, model=model._meta.model_name
    ).values("pk")[:1]
    return ThemedItem.objects.filter(content_type=Subquery(content_type))


def tagged_with_every(model, queryset, themes, pk_path: str = "pk"):
    """The objects of `queryset` tagged with every one of `themes` (AND). `pk_path` leads
    from the queryset's rows to the tagged `model`'s id (e.g. "working_group")."""
    for theme in themes:
        object_ids = themed_items(model).filter(tag=theme).values("object_id")
        queryset = queryset.filter(**{f"{pk_path}__in": object_ids})
    return queryset


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

    def state(self) -> dict:
        """What the list is asked for, as plain values: the valid fields (objects by
        primary key, several values sorted). Lists with equal states find the same rows,
        so their results can be kept (scn_portal.kept, library.results)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        state = {}
        for name, value in self.form.cleaned_data.items():
            if value is None or value == "" or value == []:
                continue
            if isinstance(value, models.Model):
                value = value.pk
            elif isinstance(value, (list, tuple, QuerySet)):
                value = sorted(
                    item.pk if isinstance(item, models.Model) else item for item in value
                )
            state[name] = value
        return state


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


class ThemesFilter(django_filters.ModelMultipleChoiceFilter):
    """Themes named by their slugs (?theme=a&theme=b), applied by the FilterSet's
    `filter_themes` method."""

    field_class = SlugChoiceField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Themes"))
        kwargs.setdefault("queryset", Theme.objects.all())
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("method", "filter_themes")
        super().__init__(**kwargs)
