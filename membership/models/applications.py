"""A city's application to join the network."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from membership.choices import ApplicationStatus, Language
from membership.models.base import DecisionRecord


def letter_upload_path(application, filename: str) -> str:
    # A random name: nothing about the city or the uploaded file name reaches the disk.
    return f"applications/letters/{uuid.uuid4().hex}.pdf"


class CityApplication(DecisionRecord):
    """A city, municipality or region asking to join, with the letter of approval from its
    mayoral office or local political authority. Reviewed by the SCN team in the admin."""

    city_name = models.CharField(_("city, municipality or region"), max_length=200)
    country = CountryField(_("country"))
    region = models.ForeignKey(
        "membership.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    applying_authority = models.CharField(
        _("applying authority"),
        max_length=300,
        help_text=_("For example: Office of the Mayor, City Council, Governorate."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_position = models.CharField(_("contact's position"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact's email"))
    point_of_contact_name = models.CharField(_("proposed point of contact"), max_length=200)
    point_of_contact_position = models.CharField(
        _("point of contact's position"), max_length=200, blank=True
    )
    point_of_contact_email = models.EmailField(_("point of contact's email"))
    approval_letter = models.FileField(
        _("approval letter"), upload_to=letter_upload_path, max_length=200
    )
    letter_size = models.PositiveIntegerField(_("letter size (bytes)"))
    # Recorded when the letter is stored; `manage.py check_media` compares the file with it.
    letter_checksum = models.CharField(
        _("SHA-256 of the letter"), max_length=64, blank=True, editable=False
    )
    principles_accepted_at = models.DateTimeField(_("principles accepted at"))
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("The language the application was made in; replies are sent in it."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
        db_index=True,
    )
    decision_reason = models.TextField(
        _("reason given"),
        blank=True,
        help_text=_("Sent to the applicant with a rejection or a request for more information."),
    )
    city = models.ForeignKey(
        "membership.City",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("city record"),
        help_text=_(
            "The city this application is about, when it is already known to the network "
            "(a former member re-joining). Left empty, approval creates the city."
        ),
    )
    created = models.DateTimeField(_("received"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("city application")
        verbose_name_plural = _("city applications")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.city_name} ({self.country.name})"
