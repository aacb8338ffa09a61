"""The network's governance: the International Steering Committee, the Regional Advisory
Groups and the thematic working groups."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from membership.choices import SeatRole, WorkingGroupRole
from membership.models.terms import Term, most_at_once
from membership.models.themes import ThemedItem


def check_cap(terms, term: Term, cap: int, message) -> None:
    """Raise a ValidationError when adding `term` to `terms` (the other rows it competes
    with) would put more than `cap` of them in office on some day."""
    if term.term_start is None:
        return  # the missing date is reported by field validation
    others = terms.exclude(pk=term.pk) if term.pk else terms
    if most_at_once(others, term.term_start, term.term_end) + 1 > cap:
        raise ValidationError(message)


def check_no_overlap(terms, term: Term, message) -> None:
    """The same city or person cannot hold two overlapping terms of the same kind."""
    if term.term_start is None:
        return
    others = terms.exclude(pk=term.pk) if term.pk else terms
    if others.overlapping(term.term_start, term.term_end).exists():
        raise ValidationError(message)


class SteeringCommitteeSeat(Term):
    """A member city's seat on the International Steering Committee, for a term."""

    MAX_ACTIVE = 25

    city = models.ForeignKey(
        "membership.City",
        on_delete=models.PROTECT,
        related_name="steering_seats",
        verbose_name=_("city"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=SeatRole.choices, default=SeatRole.MEMBER
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("Where the record comes from.")
    )

    class Meta:
        verbose_name = _("Steering Committee seat")
        verbose_name_plural = _("Steering Committee seats")
        ordering = ["-term_start", "city__name"]

    def __str__(self):
        return f"{self.city.name}: {self.get_role_display()}"

    def clean(self):
        super().clean()
        if self.city_id is not None:
            check_no_overlap(
                SteeringCommitteeSeat.objects.filter(city_id=self.city_id),
                self,
                _("This city already holds a seat during this term."),
            )
        check_cap(
            SteeringCommitteeSeat.objects.all(),
            self,
            self.MAX_ACTIVE,
            _("The Steering Committee would have more than %(cap)d seats during this term.")
            % {"cap": self.MAX_ACTIVE},
        )


class AdvisoryGroup(models.Model):
    """A Regional Advisory Group: local leaders and practitioners of one region."""

    MAX_ACTIVE = 8
    MAX_ON_STEERING_COMMITTEE = 3

    region = models.OneToOneField(
        "membership.Region",
        on_delete=models.PROTECT,
        related_name="advisory_group",
        verbose_name=_("region"),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("Regional Advisory Group")
        verbose_name_plural = _("Regional Advisory Groups")
        ordering = ["region__name"]

    def __str__(self):
        return str(_("Regional Advisory Group: %(region)s") % {"region": self.region})


class AdvisoryGroupMembership(Term):
    """A person's term on their region's advisory group."""

    group = models.ForeignKey(
        AdvisoryGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("advisory group"),
    )
    member = models.ForeignKey(
        "membership.Member",
        on_delete=models.PROTECT,
        related_name="advisory_memberships",
        verbose_name=_("member"),
    )
    on_steering_committee = models.BooleanField(
        _("also serves on the Steering Committee"), default=False
    )

    class Meta:
        verbose_name = _("advisory group membership")
        verbose_name_plural = _("advisory group memberships")
        ordering = ["-term_start"]

    def __str__(self):
        return f"{self.member.user} ({self.group.region})"

    def clean(self):
        super().clean()
        if self.group_id is None or self.member_id is None:
            return
        if self.member.city.region_id != self.group.region_id:
            raise ValidationError(
                {"member": _("Advisory group members come from cities of the group's region.")}
            )
        group_terms = AdvisoryGroupMembership.objects.filter(group_id=self.group_id)
        check_no_overlap(
            group_terms.filter(member_id=self.member_id),
            self,
            _("This person is already on the group during this term."),
        )
        check_cap(
            group_terms,
            self,
            AdvisoryGroup.MAX_ACTIVE,
            _("The group would have more than %(cap)d members during this term.")
            % {"cap": AdvisoryGroup.MAX_ACTIVE},
        )
        if self.on_steering_committee:
            check_cap(
                group_terms.filter(on_steering_committee=True),
                self,
                AdvisoryGroup.MAX_ON_STEERING_COMMITTEE,
                _("At most %(cap)d members of a group also serve on the Steering Committee.")
                % {"cap": AdvisoryGroup.MAX_ON_STEERING_COMMITTEE},
            )


class WorkingGroup(models.Model):
    """A thematic working group: practitioners across cities working on one theme, with a
    toolkit of its own (training app)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    themes = TaggableManager(through=ThemedItem, blank=True, verbose_name=_("themes"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WorkingGroupMembership(models.Model):
    """A member's place in a working group. Members join and leave from the group's page."""

    group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("working group"),
    )
    member = models.ForeignKey(
        "membership.Member",
        on_delete=models.CASCADE,
        related_name="working_group_memberships",
        verbose_name=_("member"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=WorkingGroupRole.choices, default=WorkingGroupRole.MEMBER
    )
    joined = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("working group membership")
        verbose_name_plural = _("working group memberships")
        ordering = ["group__name", "joined"]
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="one_membership_per_group")
        ]

    def __str__(self):
        return f"{self.member.user} — {self.group}"
