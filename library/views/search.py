"""Finding documents: the library home, the search page with its facets, the document page."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from library.filtersets import DocumentFilterSet, document_themes, whole_library_counts
from library.models import Document
from library.results import kept, search_results
from library.search import snippet_html, with_snippets

# Columns a list of documents never shows: the whole text of the file and its index.
HEAVY_FIELDS = ("extracted_text", "search_vector", "themes_text")
HOME_LIST_LENGTH = 6
RELATED_LENGTH = 5
RELATED_POOL = 200
# The headers htmx sends; a response that depends on them says so to caches.
HTMX_HEADERS = ("HX-Request", "HX-Request-Type", "HX-History-Restore-Request")


def readable_documents(user):
    """The published documents `user` may read (none for someone without member access).
    Members search the published library (their own pending uploads are in "My uploads"),
    the same for every member and for staff: one kept search result serves everyone
    (library.results)."""
    return Document.objects.visible_to(user).published()


def wants_partial(request) -> bool:
    """True when htmx asks for a part of the page. Restoring a page from the browser's
    history (back button) needs the whole page, as does any request without htmx."""
    headers = request.headers
    return (
        "HX-Request" in headers
        and "HX-History-Restore-Request" not in headers
        and headers.get("HX-Request-Type", "partial") != "full"
    )


class LibraryHomeView(TemplateView):
    """The way into the library: a search box, what is new, what is read most, and the
    themes and regions to browse."""

    template_name = "library/home.html"

    def get_context_data(self, **kwargs):
        documents = readable_documents(self.request.user).defer(*HEAVY_FIELDS)
        counts = whole_library_counts()
        return super().get_context_data(
            recent_documents=documents.order_by("-published_at", "-pk")[:HOME_LIST_LENGTH],
            popular_documents=documents.filter(download_count__gt=0).order_by(
                "-download_count", "-published_at", "-pk"
            )[:HOME_LIST_LENGTH],
            # Every member reads the same published library: its counts are shared.
            themes=sorted(counts["theme"], key=lambda theme: theme.localized_name),
            regions=sorted(counts["region"], key=lambda region: region.localized_name),
            **kwargs,
        )


class DocumentSearchView(ListView):
    """The search page: a query, facets with counts, a sort order and 20 results a page.

    The URL holds the whole state. The filter form works with plain GET requests; with
    JavaScript, htmx submits it on every change and swaps in `inc/results.html` only.

    What a search finds is computed once and shared (library.results); each request then
    fetches only its page's twenty documents, by primary key."""

    template_name = "library/search.html"
    partial_template_name = "library/inc/results.html"
    paginate_by = 20

    def get_queryset(self):
        """The ids of the documents found, in order (at most MAX_RESULTS)."""
        library = readable_documents(self.request.user)
        self.filterset = DocumentFilterSet(self.request.GET, queryset=library)
        # Nothing is searched (or kept) for someone without member access.
        has_access = not library.query.is_empty()
        self.results = search_results(self.filterset, self.paginate_by) if has_access else None
        return self.results.ids if self.results else []

    def paginate_queryset(self, queryset, page_size):
        """A page number that is not a number or is past the end shows the nearest page,
        with a note, instead of an error."""
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        requested = self.request.GET.get("page", "")
        page = paginator.get_page(requested)
        self.page_notice = ""
        if requested and requested != str(page.number):
            self.page_notice = _("There is no page “%(requested)s”: this is page %(number)s.") % {
                "requested": requested[:20],
                "number": page.number,
            }
        documents = self.page_documents(list(page.object_list))
        page.object_list = documents
        return paginator, page, documents, page.has_other_pages()

    def page_documents(self, ids: list[int]) -> list[Document]:
        """The documents of one page, in the order of `ids`, with their snippet when there
        is a query (kept with the results for the first page, else made for these twenty)."""
        documents = Document.objects.filter(pk__in=ids).defer(*HEAVY_FIELDS)
        kept_snippets = self.results.first_page_snippets if self.results else {}
        query = self.filterset.query
        if query and not all(pk in kept_snippets for pk in ids):
            documents = with_snippets(documents, query)
        by_id = {document.pk: document for document in documents.prefetch_related("cities")}
        page = [by_id[pk] for pk in ids if pk in by_id]
        for document in page:
            snippet = getattr(document, "snippet", None) or kept_snippets.get(document.pk, "")
            document.snippet_html = snippet_html(snippet)
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # paginates
        results = self.results
        if results is None:  # no member access: nothing found, nothing counted
            counts = {name: [] for name in DocumentFilterSet.FACETS}
        else:
            counts = results.facet_counts
        context.update(
            filterset=self.filterset,
            facets=self.filterset.facets(counts),
            result_total=results.total if results else 0,
            results_capped=bool(results and results.is_capped),
            page_notice=self.page_notice,
        )
        return context

    def get_template_names(self):
        if wants_partial(self.request):
            return [self.partial_template_name]
        return [self.template_name]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_vary_headers(response, HTMX_HEADERS)
        return response


def related_documents(document: Document, candidates):
    """Up to five of `candidates` sharing the most themes and cities with `document`, the
    newest first among equals (one query; the document's themes and cities must be
    prefetched).

    Overlaps are counted among the RELATED_POOL newest related documents only: a theme
    shared by thousands of documents would otherwise make every page view count them all."""
    theme_ids = [theme.pk for theme in document.themes.all()]
    city_ids = [city.pk for city in document.cities.all()]
    if not theme_ids and not city_ids:
        return candidates.none()
    shared_themes = document_themes().filter(tag__in=theme_ids)
    shared_cities = Document.cities.through.objects.filter(city__in=city_ids)
    pool = (
        candidates.exclude(pk=document.pk)
        .filter(
            Q(pk__in=shared_themes.values("object_id"))
            | Q(pk__in=shared_cities.values("document_id"))
        )
        .order_by("-published_at", "-pk")
        .values("pk")[:RELATED_POOL]
    )

    def overlap(links, column):
        counted = (
            links.filter(**{column: OuterRef("pk")})
            .order_by()
            .values(column)
            .annotate(shared=Count("pk"))
            .values("shared")
        )
        return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))

    return (
        Document.objects.filter(pk__in=pool)
        .defer(*HEAVY_FIELDS)
        .annotate(
            overlap=overlap(shared_themes, "object_id") + overlap(shared_cities, "document_id")
        )
        .order_by("-overlap", "-published_at", "-pk")[:RELATED_LENGTH]
    )


class DocumentDetailView(DetailView):
    """One document: what it is, where it comes from, its download, and related reading.

    Found only among the documents the reader may see (a pending upload: its uploader and
    staff); anyone else gets a 404."""

    template_name = "library/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return (
            Document.objects.visible_to(self.request.user)
            .defer("extracted_text", "search_vector")
            .select_related("contributing_city")
            .prefetch_related("cities", "themes", "covered_regions")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(related_documents=self.related_documents(), **kwargs)

    def related_documents(self) -> list[Document]:
        """Related reading: the same for every reader (it is drawn from the published
        library), so chosen once and kept until the library changes (library.results)."""
        document = self.object
        related_ids = kept(
            f"related:{document.pk}",
            lambda: [
                related.pk
                for related in related_documents(document, readable_documents(self.request.user))
            ],
        )
        found = Document.objects.filter(pk__in=related_ids).defer(*HEAVY_FIELDS).in_bulk()
        return [found[pk] for pk in related_ids if pk in found]
