"""The public "Join the network" form: a city's application, its letter of approval and
its acceptance of the network's principles."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from membership.models import CityApplication, Region
from membership.principles import PRINCIPLES

PDF_MAGIC = b"%PDF-"


def check_pdf_letter(upload) -> None:
    """Refuse anything but a readable, unprotected PDF within the size cap, judged by the
    file's content: its name and the browser's content type are the sender's to choose."""
    limit = settings.CITY_APPLICATION_LETTER_MAX_BYTES
    if not upload.size:
        raise ValidationError(_("The letter file is empty."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("The letter is too large (%(size)s). The limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    upload.seek(0)
    if upload.read(len(PDF_MAGIC)) != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF. Please upload the letter as a PDF document."),
            code="not_pdf",
        )
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        encrypted = reader.is_encrypted
        page_count = 0 if encrypted else len(reader.pages)
    except Exception:
        # A damaged or hostile file makes a PDF parser raise all sorts of errors (its own,
        # but also KeyError, ValueError, RecursionError...): each means "not readable".
        encrypted, page_count = False, 0
    finally:
        upload.seek(0)
    if encrypted:
        raise ValidationError(
            _("This PDF is protected by a password. Please upload it without protection."),
            code="encrypted",
        )
    if page_count < 1:
        raise ValidationError(
            _("This PDF cannot be read: it may be damaged. Please save it again and upload it."),
            code="unreadable",
        )


class CityApplicationForm(forms.ModelForm):
    """A city, municipality or region applying to join the network, without an account."""

    # (legend, field names): the form's sections, in order. The principles come last.
    sections = (
        (_("Your city"), ("city_name", "country", "region", "population", "applying_authority")),
        (_("Contact person"), ("contact_name", "contact_position", "contact_email")),
        (
            _("Proposed point of contact"),
            ("point_of_contact_name", "point_of_contact_position", "point_of_contact_email"),
        ),
        (_("Letter of approval"), ("approval_letter",)),
    )

    class Meta:
        model = CityApplication
        fields = [
            "city_name",
            "country",
            "region",
            "population",
            "applying_authority",
            "contact_name",
            "contact_position",
            "contact_email",
            "point_of_contact_name",
            "point_of_contact_position",
            "point_of_contact_email",
            "approval_letter",
        ]
        labels = {
            "city_name": _("City, municipality or region"),
            "country": _("Country"),
            "region": _("Region of the network"),
            "population": _("Population (optional)"),
            "applying_authority": _("Applying authority"),
            "contact_name": _("Name"),
            "contact_position": _("Position (optional)"),
            "contact_email": _("Email"),
            "point_of_contact_name": _("Name"),
            "point_of_contact_position": _("Position (optional)"),
            "point_of_contact_email": _("Email"),
            "approval_letter": _("Letter of approval (PDF)"),
        }
        help_texts = {
            "contact_email": _("We send the confirmation and our decision to this address."),
            "point_of_contact_name": _(
                "The person in your local government who will be the network's contact."
            ),
        }
        widgets = {
            # The contact person is the one filling in the form: let the browser help them.
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "approval_letter": forms.FileInput(attrs={"accept": ".pdf,application/pdf"}),
        }
        error_messages = {
            "approval_letter": {
                "required": _("Please attach the letter of approval as a PDF."),
                "empty": _("The letter file is empty."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.order_by("name")
        self.fields["region"].empty_label = _("Choose a region")
        country = self.fields["country"]
        country.choices = [("", _("Choose a country")), *(c for c in country.choices if c[0])]
        population = self.fields["population"]
        population.validators.append(MinValueValidator(1))
        population.widget.attrs["min"] = 1
        letter = self.fields["approval_letter"]
        # The file is stored under a random name: the length of the sender's name is no limit.
        letter.max_length = None
        letter.help_text = _(
            "The letter from the mayoral office or local political authority approving the "
            "application, as a PDF of at most %(limit)s."
        ) % {"limit": filesizeformat(settings.CITY_APPLICATION_LETTER_MAX_BYTES)}
        for principle in PRINCIPLES:
            self.fields[principle.field_name] = forms.BooleanField(
                label=principle.text,
                required=True,
                error_messages={"required": _("Your city must accept this principle to join.")},
            )

    def clean_approval_letter(self):
        letter = self.cleaned_data["approval_letter"]
        check_pdf_letter(letter)
        return letter

    def grouped_fields(self):
        """[(legend, [bound fields])] for the template, one fieldset per section."""
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]

    def principle_fields(self):
        return [self[principle.field_name] for principle in PRINCIPLES]
