"""Reading and curating working-group toolkits.

Reading: what a user sees of a toolkit is scoped here, in one place — library documents
through Document.objects.visible_to, city initiatives through the visibility of their
profile (CityProfile.objects.visible_to); links and texts are seen by every reader.
Everything a page shows comes in a fixed number of queries, whatever the number of
sections and items.

Curating: staff and the group's coordinators (Toolkit.objects.curated_by) change the
introduction, the sections and their items. Each change is one transaction that also
notes who changed the toolkit last and writes an entry in the toolkit's admin history.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cityprofiles.models import CityProfile
from library.models import Document
from membership.history import record_in_history
from training.choices import ItemKind
from training.models import Module, Toolkit, ToolkitItem, ToolkitSection

# What a toolkit shows of a document (and the ZIP needs): never its extracted text.
DOCUMENT_FIELDS = ("id", "title", "language", "document_type", "year_published", "file",
                   "file_kind", "file_size")  # fmt: skip

ITEM_FIELDS = ("kind", "position", "title", "url", "text", "section", "document", "initiative",
               "initiative__title", "initiative__profile", "initiative__profile__city",
               "initiative__profile__city__name", "initiative__profile__city__slug")  # fmt: skip

HISTORY_MESSAGES = {
    "toolkit": _("Toolkit changed on the site: %(changes)s."),
    "section": _("Items of the section “%(section)s” changed on the site: %(changes)s."),
    "introduction": _("introduction"),
    "added": _("%(count)s added"),
    "changed": _("%(count)s changed"),
    "deleted": _("%(count)s deleted"),
    "nothing": _("nothing"),
}


def visible_items(user, prefix: str = "") -> Q:
    """The items `user` may see (prefix: the path from the queried model to the item,
    e.g. "sections__items__"): links and texts, documents the user may see, and
    initiatives of profiles the user may read."""
    return (
        Q(**{f"{prefix}kind__in": [ItemKind.LINK, ItemKind.TEXT]})
        | Q(
            **{
                f"{prefix}kind": ItemKind.DOCUMENT,
                f"{prefix}document__in": Document.objects.visible_to(user),
            }
        )
        | Q(
            **{
                f"{prefix}kind": ItemKind.INITIATIVE,
                f"{prefix}initiative__profile__in": CityProfile.objects.visible_to(user),
            }
        )
    )


def toolkit_list(user):
    """The toolkits `user` may read, with their group and themes, and the number of items
    and of documents the user can see in each."""
    seen = visible_items(user, "sections__items__")
    return (
        Toolkit.objects.visible_to(user)
        .select_related("working_group")
        .prefetch_related("working_group__themes")
        .annotate(
            item_count=Count("sections__items", filter=seen, distinct=True),
            document_count=Count(
                "sections__items__document",
                filter=seen & Q(sections__items__kind=ItemKind.DOCUMENT),
                distinct=True,
            ),
        )
        # Meta.ordering does not apply to a GROUP BY query.
        .order_by("working_group__name", "pk")
    )


def readable_toolkit(user, slug: str) -> Toolkit | None:
    """The toolkit of the group `slug` if `user` may read it, its sections and the items
    the user may see prefetched (`section.visible_items`), in a fixed number of queries."""
    items = (
        ToolkitItem.objects.filter(visible_items(user))
        .select_related("document", "initiative__profile__city")
        .only(*ITEM_FIELDS, *[f"document__{field}" for field in DOCUMENT_FIELDS])
        .order_by("position", "pk")
    )
    sections = ToolkitSection.objects.prefetch_related(
        Prefetch("items", queryset=items, to_attr="visible_items")
    ).order_by("position", "pk")
    return (
        Toolkit.objects.visible_to(user)
        .filter(working_group__slug=slug)
        .select_related("working_group")
        .prefetch_related("working_group__themes", Prefetch("sections", queryset=sections))
        .first()
    )


def group_modules(user, toolkit: Toolkit):
    """The training modules of the toolkit's group that `user` may take."""
    return (
        Module.objects.visible_to(user)
        .filter(working_group_id=toolkit.working_group_id)
        .only("title", "slug", "summary", "language", "level", "estimated_minutes", "status")
        .order_by("title", "pk")
    )


def is_curator(user, toolkit: Toolkit) -> bool:
    return Toolkit.objects.curated_by(user).filter(pk=toolkit.pk).exists()


@dataclass(frozen=True)
class DocumentSummary:
    count: int
    total_size: int


def toolkit_documents(toolkit: Toolkit) -> list[Document]:
    """Each document of a toolkit read with readable_toolkit, once, in page order."""
    documents = {}
    for section in toolkit.sections.all():
        for item in section.visible_items:
            if item.kind == ItemKind.DOCUMENT:
                documents.setdefault(item.document_id, item.document)
    return list(documents.values())


def document_summary(toolkit: Toolkit) -> DocumentSummary:
    documents = toolkit_documents(toolkit)
    return DocumentSummary(len(documents), sum(document.file_size for document in documents))


# Curating ---------------------------------------------------------------------------------


def _history(key, **params) -> str:
    # The team's record, in the site's language like every other history entry.
    with translation.override(settings.LANGUAGE_CODE):
        return str(HISTORY_MESSAGES[key]) % params


def _formset_changes(formset) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        counts = {
            "added": len(formset.new_objects),
            "changed": len(formset.changed_objects),
            "deleted": len(formset.deleted_objects),
        }
        return [str(HISTORY_MESSAGES[key]) % {"count": n} for key, n in counts.items() if n]


def save_toolkit(toolkit: Toolkit, by, *, introduction: str, sections) -> Toolkit:
    """Save the toolkit's introduction and its sections (a valid ToolkitSection inline
    formset bound to `toolkit`), as `by`, in one transaction."""
    with transaction.atomic():
        changes = []
        # Read from the database: validating a ModelForm has already changed `toolkit`.
        stored = Toolkit.objects.filter(pk=toolkit.pk).values_list("introduction", flat=True)
        if introduction != stored.first():
            changes.append(_history("introduction"))
        toolkit.introduction = introduction
        toolkit.updated_by = by
        toolkit.save()
        sections.save()
        changes += _formset_changes(sections)
        record_in_history(
            by, toolkit, _history("toolkit", changes=", ".join(changes) or _history("nothing"))
        )
    return toolkit


def save_section_items(section: ToolkitSection, by, *, items) -> ToolkitSection:
    """Save a section's items (a valid ToolkitItem inline formset bound to `section`), as
    `by`, in one transaction; the toolkit records who changed it last."""
    with transaction.atomic():
        items.save()
        toolkit = section.toolkit
        toolkit.updated_by = by
        toolkit.save(update_fields=["updated_by", "updated"])
        changes = ", ".join(_formset_changes(items)) or _history("nothing")
        with translation.override(settings.LANGUAGE_CODE):
            heading = section.heading
        record_in_history(by, toolkit, _history("section", section=heading, changes=changes))
    return section
