"""A working group's toolkit: an introduction, then ordered sections of ordered items."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from membership.access import has_member_access
from membership.choices import WorkingGroupRole
from membership.models import WorkingGroup
from training.choices import ItemKind, SectionKind


class ToolkitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every member reads every toolkit; nobody else reads any."""
        return self if has_member_access(user) else self.none()

    def curated_by(self, user):
        """Staff curate every toolkit; a working group's coordinators curate its own."""
        if not has_member_access(user):
            return self.none()
        if user.is_staff:
            return self
        return self.filter(
            working_group__memberships__member__user=user,
            working_group__memberships__role=WorkingGroupRole.COORDINATOR,
        )


class Toolkit(models.Model):
    """The toolkit of one thematic working group (DOMAIN.md: background research, interest
    pieces, case studies, relevant work in member cities)."""

    working_group = models.OneToOneField(
        WorkingGroup,
        on_delete=models.CASCADE,
        related_name="toolkit",
        verbose_name=_("working group"),
    )
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Markdown: paragraphs, lists, links.")
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    objects = ToolkitQuerySet.as_manager()

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")
        ordering = ["working_group__name"]

    def __str__(self):
        return str(self.working_group)

    def get_absolute_url(self):
        return reverse("training:toolkit", args=[self.working_group.slug])


class ToolkitSection(models.Model):
    """One part of a toolkit, holding ordered items."""

    toolkit = models.ForeignKey(
        Toolkit, on_delete=models.CASCADE, related_name="sections", verbose_name=_("toolkit")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Leave empty to use the kind's name.")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("toolkit section")
        verbose_name_plural = _("toolkit sections")
        ordering = ["toolkit", "position", "pk"]

    def __str__(self):
        return self.heading

    @property
    def heading(self) -> str:
        return self.title or self.get_kind_display()


class ToolkitItem(models.Model):
    """One entry of a toolkit section: a library document, an external link, a city
    initiative or a short text, with an optional note on why it is there."""

    section = models.ForeignKey(
        ToolkitSection, on_delete=models.CASCADE, related_name="items", verbose_name=_("section")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Required for links; documents and initiatives use their own title."),
    )
    document = models.ForeignKey(
        "library.Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="toolkit_items",
        verbose_name=_("library document"),
    )
    initiative = models.ForeignKey(
        "cityprofiles.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="toolkit_items",
        verbose_name=_("city initiative"),
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    text = models.TextField(
        _("text"), blank=True, help_text=_("The short text itself, or a note on the item.")
    )

    class Meta:
        verbose_name = _("toolkit item")
        verbose_name_plural = _("toolkit items")
        ordering = ["section", "position", "pk"]
        constraints = [
            # Each kind carries what it points to, so a page never shows an empty entry.
            models.CheckConstraint(
                condition=(
                    Q(kind=ItemKind.DOCUMENT, document__isnull=False)
                    | Q(kind=ItemKind.INITIATIVE, initiative__isnull=False)
                    | (Q(kind=ItemKind.LINK) & ~Q(url="") & ~Q(title=""))
                    | (Q(kind=ItemKind.TEXT) & ~Q(text=""))
                ),
                name="toolkit_item_has_its_target",
                violation_error_message=_(
                    "A document item needs a document, an initiative item an initiative, "
                    "a link a title and an address, and a text item its text."
                ),
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if self.kind == ItemKind.DOCUMENT and self.document_id:
            return self.title or self.document.title
        if self.kind == ItemKind.INITIATIVE and self.initiative_id:
            return self.title or self.initiative.title
        return self.title or self.get_kind_display()
