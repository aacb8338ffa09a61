"""The forms members post about their registrations and their calendar feed."""

from django import forms
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 2000


class RegisterForm(forms.Form):
    """Register (or register interest). Showing one's name to the other participants is an
    explicit choice, off unless ticked."""

    listed = forms.BooleanField(
        label=_("Show my name, position and city to the other registered participants"),
        required=False,
    )
    note = forms.CharField(
        label=_("Note to the organisers (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: dietary needs or accessibility requirements."),
    )


class CancelForm(forms.Form):
    """Cancelling needs the confirmation button, not just any POST."""

    confirm = forms.BooleanField(required=True, widget=forms.HiddenInput)


class CalendarFeedForm(forms.Form):
    """Create, replace or stop the member's personal calendar address."""

    CREATE = "create"
    REPLACE = "replace"
    REVOKE = "revoke"

    action = forms.ChoiceField(
        choices=[
            (CREATE, _("Create my calendar address")),
            (REPLACE, _("Replace it")),
            (REVOKE, _("Stop it")),
        ]
    )
