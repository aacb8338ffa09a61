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


class MemberStatus(models.TextChoices):
    """Where a practitioner's request for access stands."""

    PENDING = "pending", _("Under review")
    MORE_INFORMATION = "more_information", _("More information needed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ApplicationStatus(models.TextChoices):
    """Where a city's application to join the network stands."""

    SUBMITTED = "submitted", _("Submitted")
    MORE_INFORMATION = "more_information", _("More information needed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")


class WorkingGroupRole(models.TextChoices):
    MEMBER = "member", _("Member")
    COORDINATOR = "coordinator", _("Coordinator")
