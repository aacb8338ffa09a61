"""Template helpers shared by every app (loaded as a builtin: no {% load %} needed)."""

from django import forms, template

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
