"""The city directory: the published profiles, searchable and filterable, under the map of
the member cities."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.generic import TemplateView

from cityprofiles.filtersets import CityProfileFilterSet
from cityprofiles.map import DIRECTORY_TOPIC, member_city_map_html
from cityprofiles.models import CityProfile
from scn_portal.kept import kept_until_changed, state_name


class CityDirectoryView(TemplateView):
    """Published city profiles by text, themes (all of them), region and country, sorted by
    name, last update or completeness, 24 a page; the world map of the member cities above.

    The map and the results are the same for every member: they are drawn once (the map
    per language; the results per search, page and language) and kept until a city,
    region, profile, initiative or theme link changes (scn_portal.kept; receivers in
    cityprofiles.apps). A page then costs the filter form's checks and choices and two
    reads of the cache, whatever the number of profiles. Drawing the results reads the
    ids of the profiles found (kept too, for the other pages of the same search), then
    the page's 24 profiles by primary key with their city and region, their themes and
    their matching initiatives (with those initiatives' themes)."""

    template_name = "cityprofiles/directory.html"
    results_template_name = "cityprofiles/inc/directory_results.html"
    paginate_by = 24

    def get_context_data(self, **kwargs):
        published = CityProfile.objects.published().select_related("city__region")
        self.filterset = CityProfileFilterSet(self.request.GET, queryset=published)
        return super().get_context_data(
            filterset=self.filterset,
            selected_themes=self.filterset.selected_themes,
            city_map_html=member_city_map_html(),
            results_html=self.results_html(),
            **kwargs,
        )

    def search_state(self) -> dict:
        return {**self.filterset.state(), "sort": self.filterset.sort_order,
                "unknown_theme": "theme" in self.filterset.form.errors}  # fmt: skip

    def results_html(self) -> str:
        # The links to the other pages repeat the address's parameters: they are part
        # of the name, as the page asked for and the language are.
        parameters = sorted((key, values) for key, values in self.request.GET.lists())
        name = f"results:{get_language()}:" + state_name(
            {**self.search_state(), "parameters": parameters}
        )
        return kept_until_changed(DIRECTORY_TOPIC, name, self.render_results)

    def render_results(self) -> str:
        ids = kept_until_changed(
            DIRECTORY_TOPIC,
            "profiles:" + state_name(self.search_state()),
            lambda: list(self.filterset.qs.values_list("pk", flat=True)),
        )
        paginator = Paginator(ids, self.paginate_by)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404("no such page of the directory") from None
        context = {
            "filterset": self.filterset,
            "selected_themes": self.filterset.selected_themes,
            "paginator": paginator,
            "page_obj": page,
            "is_paginated": page.has_other_pages(),
            "profiles": self.page_profiles(list(page.object_list)),
        }
        return render_to_string(self.results_template_name, context, request=self.request)

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
