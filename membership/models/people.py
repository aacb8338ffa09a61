"""People: accounts (User) and their membership of the hub through a city (Member)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from membership.choices import CityStatus, Language, MemberRole, MemberStatus
from membership.models.base import DecisionRecord
from scn_portal.choice_labels import ChoiceLabelsMixin


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


class MemberQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MemberStatus.APPROVED)

    def awaiting_decision(self):
        """Requests someone has to look at: new ones and those that were asked for more."""
        return self.filter(status__in=[MemberStatus.PENDING, MemberStatus.MORE_INFORMATION])

    def with_access(self):
        """Members who may use the hub now: approved, of an active member city."""
        return self.approved().filter(city__status=CityStatus.ACTIVE)

    def points_of_contact(self):
        return self.approved().filter(role=MemberRole.POINT_OF_CONTACT)

    def decidable_by(self, user):
        """The access requests `user` may approve or reject: all of them for SCN staff; the
        other people of their own city for a city's point of contact; none otherwise."""
        if user.is_staff:
            return self
        member = getattr(user, "member", None)
        if member is None or not member.is_point_of_contact:
            return self.none()
        return self.filter(city_id=member.city_id).exclude(pk=member.pk)


class Member(ChoiceLabelsMixin, DecisionRecord):
    """A user's membership of the hub: which city they work for, in what role, and whether
    the SCN team (or their city's point of contact) has approved them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member",
        verbose_name=_("user"),
    )
    city = models.ForeignKey(
        "membership.City", on_delete=models.PROTECT, related_name="members", verbose_name=_("city")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.PRACTITIONER
    )
    access_reason = models.TextField(
        _("why they want access"),
        blank=True,
        help_text=_("In the applicant's words, from the signup form."),
    )
    status = models.CharField(
        _("access"),
        max_length=20,
        choices=MemberStatus.choices,
        default=MemberStatus.PENDING,
        db_index=True,
    )
    decision_reason = models.TextField(
        _("reason given"),
        blank=True,
        help_text=_("Shown to the person when more information is needed or access is refused."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["user__email"]
        constraints = [
            # A city speaks to the network through one point of contact at a time.
            models.UniqueConstraint(
                fields=["city"],
                condition=models.Q(role="point_of_contact", status="approved"),
                name="one_point_of_contact_per_city",
                violation_error_message=_("This city already has a point of contact."),
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.city.name}"

    @property
    def is_city_editor(self) -> bool:
        """Editors and points of contact may edit their city's profile."""
        return self.role in {MemberRole.CITY_EDITOR, MemberRole.POINT_OF_CONTACT}

    @property
    def approved(self) -> bool:
        return self.status == MemberStatus.APPROVED

    @property
    def is_point_of_contact(self) -> bool:
        return self.approved and self.role == MemberRole.POINT_OF_CONTACT
