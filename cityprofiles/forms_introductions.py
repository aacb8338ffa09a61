"""Forms of introductions: a member's request to be put in touch with a counterpart in
another city, and the search of their own requests."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cityprofiles.choices import IntroductionStatus
from cityprofiles.models import CityProfile, IntroductionRequest
from membership.models import Theme
from scn_portal.filtersets import BaseFilterSet


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """The hub's themes, named in the interface language."""

    def label_from_instance(self, theme):
        return theme.localized_name


class InitiativeField(forms.ModelChoiceField):
    """One of the profile's initiatives, carried by the form as its id. Any other id
    (another city's initiative, one that does not exist, not a number) is not a choice:
    the request is never trusted to name the initiative."""

    def __init__(self, profile: CityProfile, **kwargs):
        super().__init__(
            queryset=profile.initiatives.all(),
            required=False,
            widget=forms.HiddenInput,
            error_messages={"invalid_choice": _("This initiative is not one of this city's.")},
            **kwargs,
        )


class InitiativeQueryForm(forms.Form):
    """`?initiative=<pk>` on the link "Ask for an introduction" of an initiative, checked
    against the profile's initiatives."""

    def __init__(self, data, *, profile: CityProfile):
        super().__init__(data)
        self.fields["initiative"] = InitiativeField(profile)

    @property
    def initiative(self):
        """The initiative asked about, or None (none given, or not one of the city's)."""
        return self.cleaned_data.get("initiative") if self.is_valid() else None

    @property
    def refused(self) -> bool:
        """An initiative was named that is not one of the city's."""
        return bool(self.data.get("initiative")) and not self.is_valid()


class IntroductionRequestForm(forms.Form):
    """What a member tells the SCN team when asking to be put in touch with someone in
    another city. The city comes from the page's URL, never from the form; the initiative
    (optional) must be one of that city's."""

    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        help_text=_("In a few words, what you would like to discuss."),
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    message = forms.CharField(
        label=_("Message to the SCN team"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What you are working on, what you hope to learn from this city, and anything "
            "that helps the SCN team find the right person. Only the SCN team reads it."
        ),
    )

    def __init__(self, *args, profile: CityProfile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.fields["initiative"] = InitiativeField(profile)

    def clean(self):
        cleaned_data = super().clean()
        if "initiative" in self.errors:
            # A hidden field's error would be shown nowhere: say it at the top of the form.
            self.add_error(None, self.errors.pop("initiative"))
        return cleaned_data


class MyIntroductionsFilterSet(BaseFilterSet):
    """Search and filter a member's own introduction requests."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=IntroductionStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = IntroductionRequest
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(topic__unaccent__icontains=value) | Q(city__name__unaccent__icontains=value)
        )
