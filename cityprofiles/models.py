"""City profiles: each member city's challenges, approach and initiatives, tagged with its
areas of expertise; and the introductions members ask the SCN team to broker."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from cityprofiles.choices import InitiativeStatus, IntroductionOutcome, IntroductionStatus
from membership.models import City, Member, Theme, ThemedItem
from membership.models.base import DecisionRecord
from scn_portal.choice_labels import ChoiceLabelsMixin


def photo_upload_path(profile, filename: str) -> str:
    # A random name; the image is re-encoded as JPEG when stored (cityprofiles.images).
    return f"profiles/{uuid.uuid4().hex}.jpg"


class CityProfileQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def editable_by(self, user):
        """Staff edit every profile; a city's editors and point of contact edit their own."""
        if user.is_staff:
            return self
        member = getattr(user, "member", None)
        if member is None or not member.approved or not member.is_city_editor:
            return self.none()
        return self.filter(city_id=member.city_id)

    def visible_to(self, user):
        """Members read published profiles; editors also their own draft; staff all."""
        if user.is_staff:
            return self
        return self.filter(models.Q(published=True) | models.Q(pk__in=self.editable_by(user)))


class CityProfile(models.Model):
    """One member city's profile. A draft until its editors publish it."""

    city = models.OneToOneField(
        City, on_delete=models.CASCADE, related_name="profile", verbose_name=_("city")
    )
    challenges = models.TextField(_("core challenges"), blank=True)
    approach = models.TextField(_("approach and strategy"), blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("Languages spoken in the city.")
    )
    photo = models.ImageField(
        _("photo or logo"), upload_to=photo_upload_path, max_length=200, blank=True
    )
    # Recorded when the photo is stored; `manage.py check_media` compares the file with it.
    photo_checksum = models.CharField(
        _("SHA-256 of the photo"), max_length=64, blank=True, editable=False
    )
    photo_description = models.CharField(
        _("description of the photo"),
        max_length=200,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    expertise = TaggableManager(
        through=ThemedItem, blank=True, verbose_name=_("thematic areas of expertise")
    )
    published = models.BooleanField(_("published"), default=False, db_index=True)
    # Kept by cityprofiles.services after every change, for sorting the directory.
    completeness = models.PositiveSmallIntegerField(_("completeness (%)"), default=0)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("last updated"), auto_now=True)

    objects = CityProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("city profile")
        verbose_name_plural = _("city profiles")
        ordering = ["city__name"]

    def __str__(self):
        return self.city.name


class Initiative(ChoiceLabelsMixin, models.Model):
    """One of a city's key initiatives, shown on its profile."""

    profile = models.ForeignKey(
        CityProfile,
        on_delete=models.CASCADE,
        related_name="initiatives",
        verbose_name=_("city profile"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    themes = TaggableManager(through=ThemedItem, blank=True, verbose_name=_("themes"))
    partners = models.TextField(_("partners"), blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.ONGOING,
    )
    documents = models.ManyToManyField(
        "library.Document",
        blank=True,
        related_name="initiatives",
        verbose_name=_("library documents"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["profile", "position", "pk"]

    def __str__(self):
        return self.title


class ProfileChange(models.Model):
    """One saved change to a profile or its initiatives: who, when, and what changed
    (`changes`: {field: [before, after]}, or a short description for initiatives)."""

    profile = models.ForeignKey(
        CityProfile, on_delete=models.CASCADE, related_name="changes", verbose_name=_("profile")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    summary = models.CharField(_("summary"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.profile}: {self.summary}"


class IntroductionRequest(DecisionRecord):
    """A member asking the SCN team to put them in touch with a counterpart in another
    city. Brokered by staff; the other city never receives it directly."""

    requester = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        related_name="introduction_requests",
        verbose_name=_("requested by"),
    )
    city = models.ForeignKey(
        City,
        on_delete=models.CASCADE,
        related_name="introduction_requests",
        verbose_name=_("city to be introduced to"),
    )
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduction_requests",
        verbose_name=_("about the initiative"),
    )
    topic = models.CharField(_("topic"), max_length=200)
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=IntroductionStatus.choices,
        default=IntroductionStatus.REQUESTED,
        db_index=True,
    )
    counterpart = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions_received",
        verbose_name=_("counterpart"),
        help_text=_("The person in the other city the member was introduced to."),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=IntroductionOutcome.choices, blank=True, default=""
    )
    outcome_notes = models.TextField(_("notes on the outcome"), blank=True)
    created = models.DateTimeField(_("requested"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("introduction request")
        verbose_name_plural = _("introduction requests")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.requester.user} → {self.city.name}: {self.topic}"
