"""Template helpers shared by every app (loaded as a builtin: no {% load %} needed)."""

from django import forms, template
from django.utils.html import format_html_join

register = template.Library()

CHECKABLE = (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.filter
def is_checkable(bound_field) -> bool:
    return isinstance(bound_field.field.widget, CHECKABLE)


@register.filter
def bootstrap_widget(bound_field):
    """The field's widget with Bootstrap's class, and its errors wired for screen readers."""
    widget = bound_field.field.widget
    if isinstance(widget, CHECKABLE):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{css} is-invalid" if bound_field.errors else css}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{bound_field.auto_id}-errors"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def select_options(bound_field) -> str:
    """The <option>s of a single-choice select, the field's value selected. Built here
    rather than in a template loop: the events list's city menu has 2,000 of them, which
    a loop of template tags draws in tens of milliseconds. The field's `listed_choices`
    (a plain list the view kept) are used when set, else its own choices."""
    field = bound_field.field
    choices = getattr(field, "listed_choices", None) or field.choices
    current = _as_text(bound_field.value())
    options = ((_as_text(key), label) for key, label in choices)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((key, " selected" if key == current else "", label) for key, label in options),
    )


def _as_text(value) -> str:
    return "" if value is None else str(value)
