"""Shared building blocks of the membership models."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TranslatedNameModel(models.Model):
    """A name stored in English with optional French and Arabic versions.

    Reference data (regions, themes) is data, not code, so its translations live in
    the database where staff can edit them, not in the gettext catalogues.
    """

    name_fr = models.CharField(_("name in French"), max_length=200, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The name in the active interface language, falling back to English."""
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name


def coordinate_field(verbose_name, limit: int) -> models.DecimalField:
    """Degrees to 4 decimals (about 10 m): enough to place a city on the network's map."""
    return models.DecimalField(
        verbose_name,
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
    )


class DecisionRecord(models.Model):
    """Who took the latest decision on a request (a city's application, a person's access)
    and when. The earlier decisions are in the admin history (membership.history)."""

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        abstract = True
