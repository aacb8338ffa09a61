"""Forms of practitioners' access: the questions of the signup form, a point of contact's
decision on a person of their city, and the search of that city's people."""

from django import forms
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from membership.models import City, Member
from membership.services.access import request_access
from scn_portal.filtersets import BaseFilterSet


class MemberCityField(forms.ModelChoiceField):
    """The active member cities, shown as "City (country)" (country named in the reader's
    language). A city that is not active is not a valid choice, even in a forged POST."""

    def __init__(self, **kwargs):
        super().__init__(queryset=City.objects.active().order_by("name"), **kwargs)

    def label_from_instance(self, city):
        return str(city)


class AccessRequestForm(forms.Form):
    """What allauth's signup form asks on top of email and password
    (ACCOUNT_SIGNUP_FORM_CLASS): who the person is, for which city they work, and why
    they want access. allauth's own form inherits from this one and calls `signup()`."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    city = MemberCityField(
        label=_("Member city"),
        empty_label=_("Choose your city"),
        help_text=_("The member city you work for or with. Only active member cities are listed."),
    )
    position = forms.CharField(
        label=_("Position"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    access_reason = forms.CharField(
        label=_("Why do you want access to the hub?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences on your work and how the hub would help it."),
    )

    # allauth orders the fields of the signup form with this list.
    field_order = ["first_name", "last_name", "email", "password1", "password2", "city",
                   "position", "organisation", "access_reason"]  # fmt: skip

    def signup(self, request, user):
        """Called by allauth once the user is saved (first and last name included)."""
        request_access(
            user,
            city=self.cleaned_data["city"],
            position=self.cleaned_data["position"],
            organisation=self.cleaned_data["organisation"],
            reason=self.cleaned_data["access_reason"],
            language=translation.get_language(),
        )


class MemberDecision:
    APPROVE = "approve"
    REJECT = "reject"


class MemberDecisionForm(forms.Form):
    """A point of contact's decision on a person of their city: approve, or refuse with a
    reason (the reason is emailed to the person)."""

    decision = forms.ChoiceField(
        choices=[(MemberDecision.APPROVE, _("Approve")), (MemberDecision.REJECT, _("Refuse"))],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Reason for refusing"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") == MemberDecision.REJECT:
            cleaned_data["reason"] = cleaned_data.get("reason", "").strip()
            if not cleaned_data["reason"]:
                self.add_error("reason", _("Say why you refuse: the person will read it."))
        return cleaned_data


class CityPeopleFilterSet(BaseFilterSet):
    """Search among the approved people of a city (on "people of my city")."""

    class Meta:
        model = Member
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__first_name__unaccent__icontains=value)
            | Q(user__last_name__unaccent__icontains=value)
            | Q(user__email__icontains=value)
            | Q(organisation__unaccent__icontains=value)
            | Q(position__unaccent__icontains=value)
        )
