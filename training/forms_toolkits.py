"""The forms curators use on the site: a toolkit's introduction with its sections, and one
section's items.

A document is named by its number or its library address (the library holds up to 100,000
documents: no drop-down could list them), and must be one the curator may see. Each kind
of item is checked for what it needs — the rules of the database's check constraint — so
a bad entry comes back as a message on the form, never as a database error.
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from cityprofiles.models import CityProfile, Initiative
from library.models import Document
from training.choices import ItemKind
from training.models import Toolkit, ToolkitItem, ToolkitSection

# A document's number alone ("123", "#123") or any address of its library pages
# (".../library/documents/123/", ".../documents/123/download/").
DOCUMENT_NUMBER = re.compile(r"#?\s*(\d{1,18})")
DOCUMENT_PATH = re.compile(r"/library/documents/(\d{1,18})(?:/|$)")


def document_number(text: str) -> int | None:
    """The document number in what a curator typed or pasted, or None."""
    text = (text or "").strip()
    if match := DOCUMENT_NUMBER.fullmatch(text):
        return int(match.group(1))
    if match := DOCUMENT_PATH.search(urlsplit(text).path):
        return int(match.group(1))
    return None


class DocumentReferenceField(forms.CharField):
    """A library document, named by its number or its address, among those `user` sees."""

    default_error_messages = {
        "invalid": _(
            "Type the document's number or paste its address in the library, "
            "such as /library/documents/123/."
        ),
        "unknown": _("There is no library document number %(number)s that you can see."),
    }

    def __init__(self, *, user=None, current=None, **kwargs):
        self.user = user
        # The item's document as saved: kept even if the curator could not choose it
        # (another curator's choice), so saving other rows never fails on it.
        self.current = current
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Document):
            return value.pk
        return value

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        number = document_number(text)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if self.current is not None and self.current.pk == number:
            return self.current
        document = (
            Document.objects.visible_to(self.user).filter(pk=number).only("id", "title").first()
        )
        if document is None:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"number": number}
            )
        return document

    def has_changed(self, initial, data):
        before = initial.pk if isinstance(initial, Document) else initial
        return (before or None) != document_number(data or "")


def initiative_label(initiative: Initiative) -> str:
    """An initiative in a list of choices: "City — initiative"."""
    return f"{initiative.profile.city.name} — {initiative.title}"


class ToolkitIntroductionForm(forms.ModelForm):
    class Meta:
        model = Toolkit
        fields = ["introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 6})}
        labels = {"introduction": _("Introduction to the toolkit")}


class SectionForm(forms.ModelForm):
    class Meta:
        model = ToolkitSection
        fields = ["kind", "title", "introduction", "position"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 3})}
        labels = {"introduction": _("Introduction to the section")}
        help_texts = {"introduction": _("Optional. Markdown: paragraphs, lists, links.")}


class AppendedAtTheEnd(BaseInlineFormSet):
    """New rows are offered the positions after the last saved one, so what is added
    comes last unless the curator says otherwise."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            last = max((obj.position for obj in self.get_queryset()), default=-1)
            self.initial_extra = [{"position": last + 1 + n} for n in range(self.extra)]


class BaseSectionFormSet(AppendedAtTheEnd):
    """The sections of one toolkit, in their order, each with its number of items."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "queryset",
            ToolkitSection.objects.annotate(item_count=Count("items")).order_by("position", "pk"),
        )
        super().__init__(*args, **kwargs)


SectionFormSet = inlineformset_factory(
    Toolkit,
    ToolkitSection,
    form=SectionForm,
    formset=BaseSectionFormSet,
    extra=1,
    can_delete=True,
    max_num=50,
)


# Which target each kind keeps; title and text are kept by every kind (the title overrides
# a document's or initiative's own, the text is a note under the item).
KIND_TARGETS = {
    ItemKind.DOCUMENT: "document",
    ItemKind.INITIATIVE: "initiative",
    ItemKind.LINK: "url",
    ItemKind.TEXT: None,
}


def check_item_kind(form, data: dict) -> dict:
    """The rules of ToolkitItem's check constraint, as messages on `form`'s fields: a
    document item needs its document, an initiative its initiative, a link its address
    and title, a text its text. The targets the kind does not use are emptied, so an item
    never keeps a hidden target from an earlier kind."""
    kind = data.get("kind")
    if not kind:
        return data
    if kind == ItemKind.DOCUMENT and not data.get("document"):
        if "document" not in form.errors:
            form.add_error("document", _("Choose the library document of this item."))
    elif kind == ItemKind.INITIATIVE and not data.get("initiative"):
        if "initiative" not in form.errors:
            form.add_error("initiative", _("Choose the city initiative of this item."))
    elif kind == ItemKind.LINK:
        if not data.get("url") and "url" not in form.errors:
            form.add_error("url", _("Enter the address of the link."))
        if not (data.get("title") or "").strip():
            form.add_error("title", _("Give the link a title."))
    elif kind == ItemKind.TEXT and not (data.get("text") or "").strip():
        form.add_error("text", _("Write the text of this item."))
    for other_kind, field in KIND_TARGETS.items():
        if field and other_kind != kind and field not in form.errors:
            data[field] = "" if field == "url" else None
    return data


class ItemForm(forms.ModelForm):
    """One item of a section. The fields a kind does not use are emptied on saving, so an
    item never keeps a hidden target from an earlier kind."""

    class Meta:
        model = ToolkitItem
        fields = ["kind", "title", "document", "initiative", "url", "text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "title": _("Needed for links. Documents and initiatives have their own title."),
            "text": _("The text itself for a short text (Markdown); for other kinds, a note "
                      "shown under the item."),
        }  # fmt: skip

    def __init__(self, *args, user=None, initiatives=None, initiative_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"] = DocumentReferenceField(
            user=user,
            current=self.instance.document if self.instance.document_id else None,
            required=False,
            label=_("Library document"),
            help_text=_("Its number, or its address in the library (/library/documents/123/)."),
        )
        initiative = self.fields["initiative"]
        initiative.label = _("City initiative")
        initiative.empty_label = _("(none)")
        # Only initiatives of published profiles may be chosen; the labelled list is
        # shared by every row of the formset, so the database is read once for all rows.
        initiative.queryset = initiatives if initiatives is not None else choosable_initiatives()
        initiative.choices = initiative_choices or [("", _("(none)"))] + [
            (choice.pk, initiative_label(choice)) for choice in initiative.queryset
        ]

    def clean(self):
        return check_item_kind(self, super().clean())


def choosable_initiatives(section: ToolkitSection | None = None):
    """Initiatives of published profiles (and those the section already holds, so an
    existing item stays valid if its city's profile was withdrawn)."""
    current = Q(pk__in=section.items.values("initiative")) if section else Q(pk__in=[])
    return (
        Initiative.objects.filter(Q(profile__in=CityProfile.objects.published()) | current)
        .select_related("profile__city")
        .only("title", "profile", "profile__city", "profile__city__name")
        .order_by("profile__city__name", "title", "pk")
    )


class BaseItemFormSet(AppendedAtTheEnd):
    """The items of one section; `user` decides which documents may be chosen."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        kwargs.setdefault(
            "queryset",
            ToolkitItem.objects.select_related("document")
            .defer("document__extracted_text", "document__themes_text", "document__search_vector")
            .order_by("position", "pk"),
        )
        super().__init__(*args, **kwargs)
        self.initiatives = choosable_initiatives(self.instance if self.instance.pk else None)
        self.initiative_choices = [("", _("(none)"))] + [
            (initiative.pk, initiative_label(initiative)) for initiative in self.initiatives
        ]

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "user": self.user,
            "initiatives": self.initiatives,
            "initiative_choices": self.initiative_choices,
        }


ItemFormSet = inlineformset_factory(
    ToolkitSection,
    ToolkitItem,
    form=ItemForm,
    formset=BaseItemFormSet,
    extra=2,
    can_delete=True,
    max_num=200,
)
