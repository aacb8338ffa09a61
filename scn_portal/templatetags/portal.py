"""Template helpers shared by every app (loaded as a builtin: no {% load %} needed)."""

from html import escape as escape_text

from django import forms, template
from django.utils.safestring import mark_safe

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
    with the standard library's escaping rather than in a template loop or with
    format_html: the events list's city menu has 2,000 of them, which those draw in tens
    of milliseconds. The field's `listed_choices` (a plain list the view kept) are used
    when set, else its own choices."""
    field = bound_field.field
    choices = getattr(field, "listed_choices", None) or field.choices
    current = _as_text(bound_field.value())
    options = []
    for value, label in choices:
        value = _as_text(value)
        selected = " selected" if value == current else ""
        options.append(
            f'<option value="{escape_text(value)}"{selected}>{escape_text(str(label))}</option>'
        )
    return mark_safe("".join(options))  # noqa: S308 - every value and label escaped above


@register.filter
def checkbox_options(bound_field) -> str:
    """The checkboxes of a several-choice field (the themes of the list filters), each in
    a grid column with its label, the field's values ticked: built here for the same
    reason as select_options, with the ids Django's widget gives (id_theme_0, ...)."""
    field = bound_field.field
    css = field.widget.attrs.get("class", "form-check-input")
    ticked = {_as_text(value) for value in (bound_field.value() or [])}
    boxes = []
    for index, (value, label) in enumerate(field.choices):
        value, box_id = _as_text(value), f"{bound_field.auto_id}_{index}"
        checked = " checked" if value in ticked else ""
        boxes.append(
            f'<div class="col"><div class="form-check"><input type="checkbox" '
            f'name="{escape_text(bound_field.html_name)}" value="{escape_text(value)}" '
            f'class="{escape_text(css)}" id="{box_id}"{checked}>'
            f'<label class="form-check-label" for="{box_id}">{escape_text(str(label))}</label>'
            "</div></div>"
        )
    return mark_safe("".join(boxes))  # noqa: S308 - every value and label escaped above


def _as_text(value) -> str:
    return "" if value is None else str(value)
