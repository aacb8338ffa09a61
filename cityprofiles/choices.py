from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    PAUSED = "paused", _("Paused")


class IntroductionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    INTRODUCED = "introduced", _("Introduced")
    DECLINED = "declined", _("Declined")


class IntroductionOutcome(models.TextChoices):
    UNKNOWN = "", _("Not recorded yet")
    MET = "met", _("They met")
    EXCHANGE_HELD = "exchange_held", _("An exchange was held")
    PRACTICE_ADOPTED = "practice_adopted", _("A practice was adopted")
