"""Forms of the library's contributions: a member's upload, its edit until reviewed, the
list of their own uploads, and the staff's admin form.

The forms validate; the writes are library.services.create_document and
library.contributions.update_document, which take `DocumentForm.document_fields()`.
"""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from library.choices import (
    CITY_CONTRIBUTION_TYPES,
    DOCUMENT_LANGUAGE_CODES,
    DocumentStatus,
    DocumentType,
)
from library.files import ACCEPTED, EXTENSIONS, detect_file_kind
from library.models import Document
from membership.models import City, Region, Theme
from scn_portal.filtersets import BaseFilterSet

# What a contributor describes; the file, the status and the review are set elsewhere.
DESCRIPTION_FIELDS = ["title", "summary", "language", "document_type", "themes", "cities",
                      "regions", "year_published", "author", "source_url"]  # fmt: skip
RELATION_FIELDS = ("themes", "cities", "regions")
ACCEPT_ATTRIBUTE = ",".join(EXTENSIONS.values())


def earliest_year() -> int:
    return 1900


def latest_year() -> int:
    # A document may be dated next year (a plan for it, a report published early).
    return timezone.localdate().year + 1


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """The hub's themes, named in the interface language."""

    def label_from_instance(self, theme):
        return theme.localized_name


class RegionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, region):
        return region.localized_name


class DocumentForm(forms.ModelForm):
    """A document described by a member: the upload form, and (with `instance`) the form
    to edit it until it is reviewed, where a new file is optional.

    `user` is who fills it in. A city editor or point of contact also gets the
    `city_contribution` box, which can only ever mean their own city: the form has no
    field naming a city, so a crafted request cannot name another one."""

    file = forms.FileField(
        label=_("File"),
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        error_messages={
            "required": _("Please choose the file to upload."),
            "empty": _("The file is empty."),
        },
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    cities = forms.ModelMultipleChoiceField(
        label=_("Cities"),
        queryset=City.objects.none(),  # set in __init__
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Member cities the document is about or comes from. Hold Ctrl (or Cmd) "
                    "to choose more than one."),
    )  # fmt: skip
    regions = RegionChoiceField(
        label=_("Regions"),
        queryset=Region.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Only for regional documents: the regions of the cities above are added."),
    )

    # (legend, field names): the form's sections, in order.
    sections = (
        (_("The file"), ("file",)),
        (
            _("About the document"),
            ("title", "summary", "language", "document_type", "year_published", "author",
             "source_url"),
        ),
        (_("Themes and places"), ("themes", "cities", "regions")),
    )  # fmt: skip
    # Shown as a group of checkboxes under their own legend.
    checkbox_groups = ("themes", "regions")

    class Meta:
        model = Document
        fields = DESCRIPTION_FIELDS
        labels = {
            "title": _("Title"),
            "summary": _("Summary"),
            "language": _("Language of the document"),
            "document_type": _("Type of document"),
            "year_published": _("Year published"),
            "author": _("Author or publisher"),
            "source_url": _("Source link"),
        }
        help_texts = {
            "summary": _(
                "A few sentences on what the document is and who it is for. "
                "It is searched with the title."
            ),
            "source_url": _("Where the document is published, if it is public."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "year_published": forms.NumberInput(),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.file_kind = None
        editing = self.instance.pk is not None
        upload = self.fields["file"]
        upload.help_text = _("%(accepted)s At most %(limit)s.") % {
            "accepted": ACCEPTED,
            "limit": filesizeformat(settings.LIBRARY_MAX_UPLOAD_BYTES),
        }
        if editing:
            upload.required = False
            upload.label = _("Replace the file (optional)")
        elif not self.is_bound:
            # The model's default is English; suggest the language the member works in.
            self.initial["language"] = interface_language()
        self.fields["document_type"].choices = [
            ("", _("Choose a type")),
            *DocumentType.choices,
        ]
        # Active member cities; a city the document already names stays choosable.
        cities = City.objects.active()
        if editing:
            cities = cities | City.objects.filter(documents=self.instance)
        self.fields["cities"].queryset = cities.distinct().order_by("name")
        year = self.fields["year_published"]
        year.validators += [MinValueValidator(earliest_year()), MaxValueValidator(latest_year())]
        year.widget.attrs.update(min=earliest_year(), max=latest_year())
        self.contributor_city = contributor_city(user)
        if self.contributor_city is not None:
            self.fields["city_contribution"] = forms.BooleanField(
                label=_("This is a contribution of %(city)s")
                % {"city": self.contributor_city.name},
                required=False,
                initial=editing and self.instance.contributing_city_id == self.contributor_city.pk,
                help_text=_(
                    "For your city's own local action plans, evaluations and strategies: "
                    "the library shows them as your city's contribution."
                ),
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.file_kind = detect_file_kind(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("city_contribution") and (
            cleaned.get("document_type") not in CITY_CONTRIBUTION_TYPES
        ):
            self.add_error(
                "city_contribution",
                ValidationError(
                    _("Only local action plans, evaluations and strategies can be marked as "
                      "a city's contribution."),
                    code="not_a_city_contribution",
                ),
            )  # fmt: skip
        return cleaned

    def document_fields(self) -> dict:
        """What the services write: the description, the relations and (when the form has
        the box) the contributing city — the user's own city or none."""
        fields = {name: self.cleaned_data[name] for name in DESCRIPTION_FIELDS}
        if "city_contribution" in self.fields:
            contributing = self.cleaned_data["city_contribution"]
            fields["contributing_city"] = self.contributor_city if contributing else None
        return fields

    def grouped_fields(self):
        """[(legend, [bound fields])] for the template, one fieldset per section; the city
        contribution box, when the user has it, comes last in its own section."""
        groups = [(legend, [self[name] for name in names]) for legend, names in self.sections]
        if "city_contribution" in self.fields:
            groups.append((_("Your city's contribution"), [self["city_contribution"]]))
        return groups


def interface_language() -> str:
    """The document language to suggest: the interface language when documents can be
    written in it (they can in English, French and Arabic)."""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    return language if language in DOCUMENT_LANGUAGE_CODES else settings.LANGUAGE_CODE


def contributor_city(user) -> City | None:
    """The city `user` may mark documents as a contribution of: their own, when they are
    its approved city editor or point of contact; None for anyone else."""
    member = getattr(user, "member", None)
    if member is None or not member.approved or not member.is_city_editor:
        return None
    return member.city


class DocumentAdminForm(forms.ModelForm):
    """The staff's form in the admin: a new document (its file required, checked like a
    member's upload) or changes to one, where a new file is optional. Themes are chosen
    from the hub's vocabulary, never typed (which would create new ones)."""

    new_file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=FilteredSelectMultiple(_("themes"), is_stacked=False),
    )

    class Meta:
        model = Document
        fields = [*DESCRIPTION_FIELDS, "contributing_city"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_kind = None
        upload = self.fields["new_file"]
        upload.help_text = _("%(accepted)s At most %(limit)s.") % {
            "accepted": ACCEPTED,
            "limit": filesizeformat(settings.LIBRARY_MAX_UPLOAD_BYTES),
        }
        if self.instance.pk is None:
            upload.required = True
        else:
            upload.label = _("Replace the file")
        if "year_published" in self.fields:
            self.fields["year_published"].validators += [
                MinValueValidator(earliest_year()),
                MaxValueValidator(latest_year()),
            ]

    def clean_new_file(self):
        upload = self.cleaned_data.get("new_file")
        if upload:
            self.file_kind = detect_file_kind(upload)
        return upload

    def document_fields(self) -> dict:
        """The description, relations and contributing city, for the services."""
        names = [*DESCRIPTION_FIELDS, "contributing_city"]
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class MyUploadsFilterSet(BaseFilterSet):
    """A member's own uploads, by title and by review status."""

    status = django_filters.ChoiceFilter(
        choices=DocumentStatus.choices, label=_("Status"), empty_label=_("Any status")
    )

    class Meta:
        model = Document
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(title__unaccent__icontains=value)
