"""The hub's one thematic vocabulary, shared by every app as taggit tags."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import CommonGenericTaggedItemBase, TagBase

from membership.models.base import TranslatedNameModel


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
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            # "Which objects of this kind have this theme?" (every theme filter) answered
            # from the index alone, without visiting other kinds' rows.
            models.Index(fields=["content_type", "tag", "object_id"], name="themed_items_by_tag"),
        ]
