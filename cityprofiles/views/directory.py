"""The city directory: the published profiles, searchable and filterable, under the map of
the member cities."""

from django.db.models import Prefetch
from django.views.generic import ListView

from cityprofiles.filtersets import CityProfileFilterSet
from cityprofiles.map import DIRECTORY_TOPIC, member_city_map_html
from cityprofiles.models import CityProfile
from scn_portal.kept import kept_until_changed, state_name


class CityDirectoryView(ListView):
    """Published city profiles by text, themes (all of them), region and country, sorted by
    name, last update or completeness, 24 a page; the world map of the member cities above.

    What a search finds (the ids of the matching profiles, in order) is the same for every
    member: it is kept until a city, region, profile, initiative or theme link changes
    (scn_portal.kept; receivers in cityprofiles.apps), as is the map. A page then reads
    them, and its 24 profiles by primary key with their city and region, then one query
    each for their themes and their matching initiatives (with those initiatives'
    themes), and the filter form's choices: the same queries whatever the number of
    profiles."""

    template_name = "cityprofiles/directory.html"
    context_object_name = "profiles"
    paginate_by = 24

    def get_queryset(self):
        """The ids of the profiles found, in order."""
        published = CityProfile.objects.published().select_related("city__region")
        self.filterset = CityProfileFilterSet(self.request.GET, queryset=published)
        state = {**self.filterset.state(), "sort": self.filterset.sort_order,
                 "unknown_theme": "theme" in self.filterset.form.errors}  # fmt: skip
        return kept_until_changed(
            DIRECTORY_TOPIC,
            "profiles:" + state_name(state),
            lambda: list(self.filterset.qs.values_list("pk", flat=True)),
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, ids, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = self.page_profiles(list(ids))
        return paginator, page, page.object_list, is_paginated

    def page_profiles(self, ids: list[int]) -> list[CityProfile]:
        """The profiles of one page, in the order of `ids`, with what their cards show.
        Prefetched into lists (to_attr): Django then builds no queryset per profile."""
        profiles = (
            CityProfile.objects.filter(pk__in=ids)
            .select_related("city__region")
            .prefetch_related(Prefetch("expertise", to_attr="expertise_list"))
        )
        if matching := self.filterset.matching_initiatives():
            profiles = profiles.prefetch_related(matching)
        by_id = {profile.pk: profile for profile in profiles}
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filterset=self.filterset,
            selected_themes=self.filterset.selected_themes,
            city_map_html=member_city_map_html(),
            **kwargs,
        )
