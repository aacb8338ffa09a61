"""Forms shared by the hub's apps."""

from html import escape as escape_text

from django import forms
from django.utils.translation import gettext_lazy as _


class YearChoiceForm(forms.Form):
    """One year to count, among `years` (those that have data); all years when empty."""

    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].label = label
        self.fields["year"].choices = [("", _("All years"))] + [(year, str(year)) for year in years]


def as_text(value) -> str:
    """A choice's value as HTML forms send it back ("" for None)."""
    return "" if value is None else str(value)


def options_html(choices, current: str = "") -> str:
    """<option>s of `choices` ((value, label) pairs), each value and label escaped; the
    one whose value is `current` selected."""
    options = []
    for value, label in choices:
        value = as_text(value)
        selected = " selected" if value == current else ""
        options.append(
            f'<option value="{escape_text(value)}"{selected}>{escape_text(str(label))}</option>'
        )
    return "".join(options)
