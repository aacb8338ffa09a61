from django.db import models
from django.utils.translation import gettext_lazy as _


class CityStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    ACTIVE = "active", _("Active member")
    SUSPENDED = "suspended", _("Suspended")
    FORMER = "former", _("Former member")


class MemberRole(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    CITY_EDITOR = "city_editor", _("City editor")
    POINT_OF_CONTACT = "point_of_contact", _("Point of contact")


class Language(models.TextChoices):
    """The languages of the hub's interface."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
