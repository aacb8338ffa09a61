"""The city directory: the published profiles, searchable and filterable, under the map of
the member cities."""

from django.views.generic import ListView

from cityprofiles.filtersets import CityProfileFilterSet
from cityprofiles.map import member_city_map_html
from cityprofiles.models import CityProfile


class CityDirectoryView(ListView):
    """Published city profiles by text, themes (all of them), region and country, sorted by
    name, last update or completeness, 24 a page; the world map of the member cities above.

    Its queries do not depend on the number of profiles: the page's profiles with their
    city and region, then one query each for their themes and their matching initiatives
    (with those initiatives' themes), one for the map, and the filter form's choices."""

    template_name = "cityprofiles/directory.html"
    context_object_name = "profiles"
    paginate_by = 24

    def get_queryset(self):
        profiles = CityProfile.objects.published().select_related("city__region")
        self.filterset = CityProfileFilterSet(self.request.GET, queryset=profiles)
        profiles = self.filterset.qs.prefetch_related("expertise")
        if matching := self.filterset.matching_initiatives():
            profiles = profiles.prefetch_related(matching)
        return profiles

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filterset=self.filterset,
            selected_themes=self.filterset.selected_themes,
            city_map_html=member_city_map_html(),
            **kwargs,
        )
