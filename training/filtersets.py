"""The training lists as FilterSets: modules (text, theme, level, language) and toolkits
(text, theme). Text searches are accent- and case-insensitive, every word must match."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from membership.models import WorkingGroup
from scn_portal.filtersets import (
    BaseFilterSet,
    ThemesFilter,
    matching_every_word,
    tagged_with_every,
)
from training.choices import ModuleLevel
from training.models import Module, Toolkit


class ModuleFilterSet(BaseFilterSet):
    theme = ThemesFilter()
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=ModuleLevel.choices, empty_label=_("Any level")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("Any language")
    )

    class Meta:
        model = Module
        fields = ["q", "theme", "level", "language"]

    def search(self, queryset, name, value):
        return matching_every_word(queryset, value, ["title", "summary"])

    def filter_themes(self, queryset, name, themes):
        return tagged_with_every(Module, queryset, themes)


class ToolkitFilterSet(BaseFilterSet):
    theme = ThemesFilter()

    class Meta:
        model = Toolkit
        fields = ["q", "theme"]

    def search(self, queryset, name, value):
        fields = ["working_group__name", "working_group__description", "introduction"]
        return matching_every_word(queryset, value, fields)

    def filter_themes(self, queryset, name, themes):
        return tagged_with_every(WorkingGroup, queryset, themes, pk_path="working_group")
