"""Forms of the city profiles: the profile itself, its initiatives, publishing, and the
staff's admin form.

None of them has a field naming a city: the city always comes from the URL, checked
against what the user may edit, so a crafted request cannot name another one. The forms
validate; the writes are cityprofiles.services.save_profile / save_initiative, which take
`profile_changes()` / `initiative_changes()`.
"""

from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cityprofiles import images, services
from cityprofiles.models import CityProfile, Initiative
from library.choices import DocumentStatus
from library.models import Document
from membership.models import City, Theme


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """The hub's themes, named in the interface language. Chosen, never typed: typing
    would create new themes outside the shared vocabulary."""

    def label_from_instance(self, theme):
        return theme.localized_name


class DocumentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, document):
        if document.year_published:
            return f"{document.title} ({document.year_published})"
        return document.title


def theme_field(label, help_text="") -> ThemeChoiceField:
    return ThemeChoiceField(
        label=label,
        queryset=Theme.objects.order_by("name"),
        required=False,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )


def photo_help_text():
    return _("%(accepted)s At most %(limit)s. It is resized and its metadata (such as a GPS "
             "position) removed.") % {
        "accepted": images.ACCEPTED,
        "limit": filesizeformat(images.MAX_UPLOAD_BYTES),
    }  # fmt: skip


class CityProfileForm(forms.ModelForm):
    """A city's profile as its editors write it: texts, figures, themes of expertise and
    a photo or logo (checked and cleaned by cityprofiles.images)."""

    photo = forms.FileField(
        label=_("Photo or logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": images.ACCEPT_ATTRIBUTE}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the current photo"), required=False)
    expertise = theme_field(
        _("Thematic areas of expertise"),
        _("The themes your city does leading work in: members searching a theme find it."),
    )

    # (legend, field names): the form's sections, in order.
    sections = (
        (_("About the city"), ("challenges", "approach")),
        (_("Facts"), ("population", "languages")),
        (_("Photo or logo"), ("photo", "remove_photo", "photo_description")),
        (_("Expertise"), ("expertise",)),
    )
    checkbox_groups = ("expertise",)

    class Meta:
        model = CityProfile
        fields = list(services.PROFILE_FIELDS)
        labels = {
            "challenges": _("Core challenges"),
            "approach": _("Approach and strategy"),
            "population": _("Population"),
            "languages": _("Languages"),
            "photo_description": _("Description of the photo"),
        }
        help_texts = {
            "challenges": _("The challenges of violent extremism, hate and polarisation your "
                            "city faces."),
            "approach": _("How your city prevents them: its strategy, its partners, how the "
                          "work is organised."),
            "languages": _("The languages spoken in the city, for example: Arabic, French."),
        }  # fmt: skip
        # dir="auto": a city may write in Arabic on an English page, or the other way round.
        widgets = {
            "challenges": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "approach": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "population": forms.NumberInput(attrs={"min": 0}),
            "languages": forms.TextInput(attrs={"dir": "auto"}),
            "photo_description": forms.TextInput(attrs={"dir": "auto"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = photo_help_text()
        if self.instance.pk:
            if not self.is_bound:
                self.initial["expertise"] = [theme.pk for theme in self.instance.expertise.all()]
            if self.instance.photo:
                self.fields["photo"].label = _("Replace the photo or logo")
        if not self.instance.photo:
            del self.fields["remove_photo"]

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return images.clean_photo(upload) if upload else None

    def profile_changes(self) -> dict:
        """Keyword arguments for services.save_profile."""
        changes = {name: self.cleaned_data[name] for name in services.PROFILE_FIELDS}
        changes["expertise"] = list(self.cleaned_data["expertise"])
        changes["photo"] = self.cleaned_data.get("photo")
        changes["remove_photo"] = self.cleaned_data.get("remove_photo", False)
        return changes

    def grouped_fields(self):
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.sections
        ]


class InitiativeForm(forms.ModelForm):
    """One of the city's key initiatives. Library documents are chosen among the published
    documents about the city (and those already linked)."""

    themes = theme_field(_("Themes"))
    documents = DocumentChoiceField(
        label=_("Library documents"),
        queryset=Document.objects.none(),  # set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Published library documents about your city. To link another "
                    "document, add your city to it in the library first."),
    )  # fmt: skip

    sections = (
        (_("The initiative"), ("title", "description", "partners", "start_year", "status")),
        (_("Themes"), ("themes",)),
        (_("Library documents"), ("documents",)),
    )
    checkbox_groups = ("themes", "documents")

    class Meta:
        model = Initiative
        fields = list(services.INITIATIVE_FIELDS)
        labels = {
            "title": _("Title"),
            "description": _("Description"),
            "partners": _("Partners"),
            "start_year": _("Start year"),
            "status": _("Status"),
        }
        help_texts = {
            "partners": _("Organisations the city works with on it."),
        }
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "partners": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "start_year": forms.NumberInput(),
        }

    def __init__(self, *args, city, user, **kwargs):
        super().__init__(*args, **kwargs)
        readable = Document.objects.visible_to(user).defer(
            "extracted_text", "search_vector", "themes_text"
        )
        about_city = Q(status=DocumentStatus.PUBLISHED, cities=city)
        if self.instance.pk:
            about_city |= Q(initiatives=self.instance)
            # Links to documents this user cannot see are kept, not silently dropped.
            self.hidden_documents = list(
                self.instance.documents.exclude(pk__in=readable.values("pk"))
            )
            if not self.is_bound:
                self.initial["themes"] = [theme.pk for theme in self.instance.themes.all()]
                self.initial["documents"] = [document.pk for document in
                                             self.instance.documents.all()]  # fmt: skip
        else:
            self.hidden_documents = []
        self.fields["documents"].queryset = (
            readable.filter(about_city).distinct().order_by("-published_at", "-pk")
        )
        year = self.fields["start_year"]
        year.widget.attrs.update(min=1950, max=timezone.localdate().year + 5)

    def initiative_changes(self) -> dict:
        """Keyword arguments for services.save_initiative."""
        changes = {name: self.cleaned_data[name] for name in services.INITIATIVE_FIELDS}
        changes["themes"] = list(self.cleaned_data["themes"])
        changes["documents"] = [*self.cleaned_data["documents"], *self.hidden_documents]
        return changes

    def grouped_fields(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.sections]


class PublishForm(forms.Form):
    """The publish / unpublish button: says which, so that a repeated click is harmless."""

    action = forms.ChoiceField(choices=[("publish", "publish"), ("unpublish", "unpublish")])


class CityProfileAdminForm(forms.ModelForm):
    """The staff's form in the admin. The photo goes through the same checks as an
    editor's; themes are chosen from the vocabulary."""

    new_photo = forms.FileField(
        label=_("New photo or logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": images.ACCEPT_ATTRIBUTE}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the current photo"), required=False)
    expertise = ThemeChoiceField(
        label=_("Thematic areas of expertise"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=FilteredSelectMultiple(_("themes"), is_stacked=False),
    )

    class Meta:
        model = CityProfile
        fields = ["city", *services.PROFILE_FIELDS, "published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_photo"].help_text = photo_help_text()
        if "city" in self.fields:
            # Only active member cities have a profile (services.get_or_create_profile).
            self.fields["city"].queryset = City.objects.active()
        if self.instance.pk and not self.is_bound:
            self.initial["expertise"] = [theme.pk for theme in self.instance.expertise.all()]

    def clean_new_photo(self):
        upload = self.cleaned_data.get("new_photo")
        return images.clean_photo(upload) if upload else None

    def profile_changes(self) -> dict:
        changes = {name: self.cleaned_data[name] for name in services.PROFILE_FIELDS
                   if name in self.cleaned_data}  # fmt: skip
        if "expertise" in self.cleaned_data:
            changes["expertise"] = list(self.cleaned_data["expertise"])
        changes["photo"] = self.cleaned_data.get("new_photo")
        changes["remove_photo"] = self.cleaned_data.get("remove_photo", False)
        return changes


class InitiativeAdminForm(forms.ModelForm):
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=FilteredSelectMultiple(_("themes"), is_stacked=False),
    )

    class Meta:
        model = Initiative
        fields = ["profile", *services.INITIATIVE_FIELDS, "documents"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["themes"] = [theme.pk for theme in self.instance.themes.all()]

    def initiative_changes(self) -> dict:
        changes = {name: self.cleaned_data[name] for name in services.INITIATIVE_FIELDS
                   if name in self.cleaned_data}  # fmt: skip
        changes["themes"] = list(self.cleaned_data.get("themes", []))
        if "documents" in self.cleaned_data:
            changes["documents"] = list(self.cleaned_data["documents"])
        return changes
