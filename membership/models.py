from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.models import CommonGenericTaggedItemBase, TagBase

from membership.choices import CityStatus, Language, MemberRole


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


class UserManager(BaseUserManager):
    """Users are identified by email: there are no usernames in the hub."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with a login: SCN staff, practitioners and applicants. Email is the login."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    # Blank until the person picks a language with the switcher; then applied at every
    # login, on any device, and used for the emails the hub sends them.
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, blank=True
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email


class Region(TranslatedNameModel):
    """A region of the network (Europe, Western Balkans...): its own hub and advisory group."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]


class Theme(TranslatedNameModel, TagBase):
    """A thematic area of P/CVE work: the one tag vocabulary of the whole hub.

    Documents, city profiles, modules and working groups are tagged with these through
    `ThemedItem` (use `TaggableManager(through=ThemedItem)`).
    """

    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]


class ThemedItem(CommonGenericTaggedItemBase):
    """Links a theme to any object of the hub (generic relation with a 64-bit object id)."""

    object_id = models.BigIntegerField(_("object ID"), db_index=True)
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="themed_items")

    class Meta:
        verbose_name = _("themed item")
        verbose_name_plural = _("themed items")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "tag"], name="themed_item_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]


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
    steering_committee = models.BooleanField(
        _("on the Steering Committee"),
        default=False,
        help_text=_("As listed in the network's published member list."),
    )
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


class Member(models.Model):
    """A user's membership of the hub: which city they work for, in what role, and whether
    the SCN team (or their city's point of contact) has approved them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member",
        verbose_name=_("user"),
    )
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="members", verbose_name=_("city")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.PRACTITIONER
    )
    approved = models.BooleanField(_("approved"), default=False, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["user__email"]

    def __str__(self):
        return f"{self.user} — {self.city.name}"

    @property
    def is_city_editor(self) -> bool:
        """Editors and points of contact may edit their city's profile."""
        return self.role in {MemberRole.CITY_EDITOR, MemberRole.POINT_OF_CONTACT}
