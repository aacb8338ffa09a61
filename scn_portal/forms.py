"""Forms shared by the hub's apps."""

from django import forms
from django.utils.translation import gettext_lazy as _


class YearChoiceForm(forms.Form):
    """One year to count, among `years` (those that have data); all years when empty."""

    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].label = label
        self.fields["year"].choices = [("", _("All years"))] + [(year, str(year)) for year in years]
