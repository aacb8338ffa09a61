"""Template helpers shared by every app (loaded as a builtin: no {% load %} needed)."""

from html import escape as escape_text

from django import forms, template
from django.utils.safestring import mark_safe

from scn_portal.forms import as_text, options_html

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
    of milliseconds. A field may carry its options already drawn (`options_html`, kept by
    the view, from scn_portal.forms.options_html) after its empty choice; else its own
    choices are drawn."""
    field = bound_field.field
    current = as_text(bound_field.value())
    kept = getattr(field, "options_html", None)
    if kept is None:
        return mark_safe(options_html(field.choices, current))  # noqa: S308 - escaped
    if current:
        value = f'value="{escape_text(current)}"'
        kept = kept.replace(f"{value}>", f"{value} selected>", 1)
    empty_label = getattr(field, "empty_label", None)
    empty = options_html([("", empty_label)], current) if empty_label is not None else ""
    return mark_safe(empty + kept)  # noqa: S308 - escaped by options_html


@register.filter
def checkbox_options(bound_field) -> str:
    """The checkboxes of a several-choice field (the themes of the list filters), each in
    a grid column with its label, the field's values ticked: built here for the same
    reason as select_options, with the ids Django's widget gives (id_theme_0, ...). The
    field's `listed_choices` (a plain list the view kept) are used when set."""
    field = bound_field.field
    choices = getattr(field, "listed_choices", None) or field.choices
    css = field.widget.attrs.get("class", "form-check-input")
    ticked = {as_text(value) for value in (bound_field.value() or [])}
    boxes = []
    for index, (value, label) in enumerate(choices):
        value, box_id = as_text(value), f"{bound_field.auto_id}_{index}"
        checked = " checked" if value in ticked else ""
        boxes.append(
            f'<div class="col"><div class="form-check"><input type="checkbox" '
            f'name="{escape_text(bound_field.html_name)}" value="{escape_text(value)}" '
            f'class="{escape_text(css)}" id="{box_id}"{checked}>'
            f'<label class="form-check-label" for="{box_id}">{escape_text(str(label))}</label>'
            "</div></div>"
        )
    return mark_safe("".join(boxes))  # noqa: S308 - every value and label escaped above
