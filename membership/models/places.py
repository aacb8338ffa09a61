"""Places: the regions of the network and its cities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from membership.choices import CityStatus
from membership.models.base import TranslatedNameModel, coordinate_field


class Region(TranslatedNameModel):
    """A region of the network (Europe, Western Balkans...): its own hub and advisory group."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]


class CityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=CityStatus.ACTIVE)


class City(models.Model):
    """A city, municipality or sub-national region: a member of the network or applying to be."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    country = CountryField(_("country"))
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="cities", verbose_name=_("region")
    )
    status = models.CharField(
        _("membership status"),
        max_length=20,
        choices=CityStatus.choices,
        default=CityStatus.APPLICANT,
        db_index=True,
    )
    date_joined = models.DateField(_("date joined"), null=True, blank=True)
    latitude = coordinate_field(_("latitude"), limit=90)
    longitude = coordinate_field(_("longitude"), limit=180)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="city_unique_name_country"),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90),
                name="city_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180),
                name="city_longitude_range",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.country.name})"
