"""Finding documents: the library home, the search page (facets, sort, pagination, htmx),
the document page, who sees what, and constant query counts."""

import itertools
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from library.choices import DocumentStatus, DocumentType, ExtractionStatus, FileKind
from library.filtersets import DocumentFilterSet
from library.models import Document
from library.services import publish, refresh_denormalised
from membership.models import Theme, ThemedItem
from tests.conftest import ROLES
from tests.factories import CityFactory, MemberFactory, RegionFactory

MEMBERS = ("member", "editor_a", "editor_b", "staff")
SEARCH = reverse("library:search")
_sequence = itertools.count(1)


def make_document(*, themes=(), cities=(), regions=(), **fields) -> Document:
    """A document row without a file on disk (the search never opens it)."""
    number = next(_sequence)
    fields.setdefault("title", f"Document {number}")
    fields.setdefault("document_type", DocumentType.RESEARCH)
    fields.setdefault("language", "en")
    fields.setdefault("file", f"library/test-{number}.pdf")
    fields.setdefault("file_kind", FileKind.PDF)
    fields.setdefault("file_size", 120_000)
    fields.setdefault("checksum", f"{number:064x}")
    fields.setdefault("status", DocumentStatus.PUBLISHED)
    fields.setdefault("extraction_status", ExtractionStatus.DONE)
    if fields["status"] == DocumentStatus.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timezone.timedelta(days=number))
    document = Document.objects.create(**fields)
    document.themes.set(list(themes))
    document.cities.set(list(cities))
    document.regions.set(list(regions))
    refresh_denormalised(document)
    return document


def make_theme(name, **names) -> Theme:
    return Theme.objects.create(name=name, slug=name.lower().replace(" ", "-"), **names)


def bulk_documents(count, *, themes, cities, prefix="Bulk document") -> list[Document]:
    """`count` published documents in a few queries, each with two themes and a city
    (and that city's region), linked through bulk inserts into the through tables."""
    now = timezone.now()
    documents = Document.objects.bulk_create(
        Document(
            title=f"{prefix} {number} about prevention",
            summary="Youth prevention work in cities.",
            extracted_text="Prevention of violent extremism with young people. " * 5,
            document_type=list(DocumentType)[number % len(DocumentType)],
            language=["en", "fr", "ar"][number % 3],
            year_published=2010 + number % 12,
            file=f"library/bulk-{number}.pdf",
            file_kind=FileKind.PDF,
            file_size=1000 + number,
            checksum=f"{number:064x}",
            status=DocumentStatus.PUBLISHED,
            published_at=now - timezone.timedelta(hours=number),
            download_count=number % 7,
            extraction_status=ExtractionStatus.DONE,
        )
        for number in range(count)
    )
    content_type = ContentType.objects.get_for_model(Document)
    ThemedItem.objects.bulk_create(
        ThemedItem(content_type=content_type, object_id=document.pk, tag=theme)
        for index, document in enumerate(documents)
        for theme in {themes[index % len(themes)], themes[(index + 1) % len(themes)]}
    )
    Document.cities.through.objects.bulk_create(
        Document.cities.through(document=document, city=cities[index % len(cities)])
        for index, document in enumerate(documents)
    )
    Document.covered_regions.through.objects.bulk_create(
        Document.covered_regions.through(
            document=document, region_id=cities[index % len(cities)].region_id
        )
        for index, document in enumerate(documents)
    )
    return documents


def titles(response) -> list[str]:
    return [document.title for document in response.context["object_list"]]


def facet(response, name) -> dict[str, tuple[int, bool]]:
    """{value: (count, selected)} of one facet of the search page."""
    facets = {facet.name: facet for facet in response.context["facets"]}
    return {option.value: (option.count, option.selected) for option in facets[name].values}


@pytest.fixture
def corpus(db, member, city_a, city_b):
    """Four published documents, a pending one and a rejected one (both by `member`).

    city_a is in region_a; city_b in region_b; the Arabic evaluation is regional (region_b)."""
    youth = make_theme("Youth", name_fr="Jeunesse", name_ar="الشباب")
    online = make_theme("Online radicalisation", name_fr="Radicalisation en ligne")
    make_theme("Unused theme")
    region_b = city_b.region
    region_b.name_fr = "Afrique de l'Est"
    region_b.save()
    documents = {
        "research": make_document(
            title="Youth resilience research", language="en", year_published=2020,
            themes=[youth], cities=[city_a], download_count=3,
            summary="How young people resist recruitment.",
            extracted_text="Community programmes build resilience among young people.",
        ),
        "toolkit_fr": make_document(
            title="Boîte à outils prévention", language="fr", year_published=2021,
            document_type=DocumentType.TOOLKIT, themes=[youth, online], cities=[city_b],
            download_count=10, extracted_text="La prévention de la radicalisation des jeunes.",
        ),
        "toolkit_en": make_document(
            title="Online safety toolkit", language="en", year_published=2021,
            document_type=DocumentType.TOOLKIT, themes=[online], cities=[city_a],
            download_count=1, extracted_text="Moderation and counter-messaging online.",
        ),
        "evaluation_ar": make_document(
            title="تقييم برنامج الوقاية", language="ar", year_published=2019,
            document_type=DocumentType.EVALUATION, regions=[region_b],
            extracted_text="تقييم برامج الوقاية من التطرف العنيف في المدن.",
        ),
        "pending": make_document(
            title="Youth pending upload", status=DocumentStatus.PENDING, themes=[youth],
            uploaded_by=member, extracted_text="Young people and resilience, not reviewed yet.",
        ),
        "rejected": make_document(
            title="Rejected upload", status=DocumentStatus.REJECTED, uploaded_by=member,
            rejection_reason="A duplicate of an existing document.",
        ),
    }  # fmt: skip
    return documents


# --- facets ---


def test_facets_count_published_documents_only(client_as, corpus, city_a, city_b):
    response = client_as("member").get(SEARCH)
    assert response.status_code == 200
    assert response.context["paginator"].count == 4
    assert facet(response, "theme") == {"youth": (2, False), "online-radicalisation": (2, False)}
    assert facet(response, "city") == {city_a.slug: (2, False), city_b.slug: (1, False)}
    assert facet(response, "region") == {city_a.region.slug: (2, False),
                                         city_b.region.slug: (2, False)}  # fmt: skip
    assert facet(response, "language") == {"en": (2, False), "fr": (1, False), "ar": (1, False)}
    assert facet(response, "type") == {"toolkit": (2, False), "research": (1, False),
                                       "evaluation": (1, False)}  # fmt: skip
    assert facet(response, "year") == {"2021": (2, False), "2020": (1, False), "2019": (1, False)}
    assert list(facet(response, "year")) == ["2021", "2020", "2019"]


def test_a_facet_counts_without_its_own_selection(client_as, corpus):
    response = client_as("member").get(SEARCH, {"theme": "youth"})
    assert sorted(titles(response)) == ["Boîte à outils prévention", "Youth resilience research"]
    # Ticking "online" too would add the English toolkit: the theme counts ignore "youth".
    assert facet(response, "theme") == {"youth": (2, True), "online-radicalisation": (2, False)}
    # The other facets count within the selection.
    assert facet(response, "language") == {"en": (1, False), "fr": (1, False)}
    assert facet(response, "type") == {"research": (1, False), "toolkit": (1, False)}


def test_values_of_one_facet_are_ored_and_facets_anded(client_as, corpus):
    client = client_as("member")
    both_themes = client.get(SEARCH, {"theme": ["youth", "online-radicalisation"]})
    assert len(titles(both_themes)) == 3
    both_languages = client.get(SEARCH, {"language": ["fr", "ar"]})
    assert sorted(titles(both_languages)) == ["Boîte à outils prévention", "تقييم برنامج الوقاية"]
    theme_and_language = client.get(SEARCH, {"theme": "youth", "language": "en"})
    assert titles(theme_and_language) == ["Youth resilience research"]
    assert facet(theme_and_language, "language") == {"en": (1, True), "fr": (1, False)}
    years = client.get(SEARCH, {"year": ["2019", "2020"], "type": "research"})
    assert titles(years) == ["Youth resilience research"]


def test_region_facet_covers_the_regions_of_cities_and_explicit_ones(client_as, corpus, city_b):
    response = client_as("member").get(SEARCH, {"region": city_b.region.slug})
    assert sorted(titles(response)) == ["Boîte à outils prévention", "تقييم برنامج الوقاية"]


def test_a_selected_value_with_no_documents_left_stays_on_the_page(client_as, corpus):
    response = client_as("member").get(SEARCH, {"theme": "unused-theme"})
    assert titles(response) == []
    assert facet(response, "theme")["unused-theme"] == (0, True)
    assert 'value="unused-theme" id="facet-theme-unused-theme" checked' in response.text


def test_facet_counts_follow_the_query(client_as, corpus):
    response = client_as("member").get(SEARCH, {"q": "radicalisation"})
    assert sorted(titles(response)) == ["Boîte à outils prévention", "Online safety toolkit"]
    assert facet(response, "type") == {"toolkit": (2, False)}


def test_theme_and_region_names_follow_the_interface_language(client_as, corpus, city_b):
    client = client_as("member")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(SEARCH)
    labels = {o.value: o.label for f in response.context["facets"] for o in f.values}
    assert labels["youth"] == "Jeunesse"
    assert labels[city_b.region.slug] == "Afrique de l'Est"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get(SEARCH)
    labels = {o.value: o.label for f in response.context["facets"] for o in f.values}
    assert labels["youth"] == "الشباب"
    assert labels["online-radicalisation"] == "Online radicalisation"  # no Arabic name yet


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"theme": "no-such-theme"}, "Unknown theme"),
        ({"theme": "not a slug!"}, "Unknown theme"),
        ({"city": "nowhere\x00"}, "Unknown city"),
        ({"region": "x" * 3000}, "Unknown region"),
        ({"language": "xx"}, "Unknown language"),
        ({"type": "'; DROP TABLE library_document; --"}, "Unknown document type"),
        ({"year": "last year"}, "is not a year"),
        ({"year": "99999999999999999999999999"}, "is not a year"),
        ({"year": "1066"}, "is not a year"),
        ({"sort": "price"}, "Unknown order"),
    ],
)
def test_odd_filters_are_explained_not_errors(client_as, corpus, params, message):
    response = client_as("member").get(SEARCH, params)
    assert response.status_code == 200
    assert message in response.text
    if params.get("region"):
        assert f"“{'x' * 60}”" in response.text  # a long refused value is shortened
    # The refused filter filters nothing; the page still lists the documents.
    assert response.context["paginator"].count == 4


def test_a_valid_facet_still_applies_beside_a_refused_one(client_as, corpus):
    response = client_as("member").get(SEARCH, {"language": "fr", "year": "soon"})
    assert titles(response) == ["Boîte à outils prévention"]
    assert "is not a year" in response.text


def test_arabic_digits_are_years_too(client_as, corpus):
    response = client_as("member").get(SEARCH, {"year": "٢٠١٩"})
    assert titles(response) == ["تقييم برنامج الوقاية"]


@pytest.mark.parametrize(
    "query", ["", "   ", '"unbalanced', "-", "the of and", "' OR 1=1 --", "\x00\x01", "é" * 500]
)
def test_odd_queries_never_fail(client_as, corpus, query):
    response = client_as("member").get(SEARCH, {"q": query})
    assert response.status_code == 200


# --- search results ---


def test_results_show_the_snippet_with_the_matched_words(client_as, corpus):
    response = client_as("member").get(SEARCH, {"q": "resilience"})
    assert titles(response) == ["Youth resilience research"]
    assert "<mark>resilience</mark>" in response.text
    assert "PDF, 117.2\xa0KB" in response.text


def test_members_search_published_documents_only(client_as, corpus):
    # Not even the uploader finds their pending upload here ("My uploads" lists it).
    for role in ("member", "staff"):
        response = client_as(role).get(SEARCH, {"q": "pending"})
        assert titles(response) == []


def test_snippet_html_is_escaped(client_as, corpus):
    make_document(
        title="Escaping",
        extracted_text="<script>alert(1)</script> Profits & losses, 5 < 6 when escaping input.",
    )
    response = client_as("member").get(SEARCH, {"q": "escaping"})
    assert "<script>" not in response.text  # PostgreSQL leaves tags out of snippets
    assert "Profits &amp; losses, 5 &lt; 6 when <mark>escaping</mark> input" in response.text


# --- sorting ---


def test_without_a_query_the_newest_come_first(client_as, corpus):
    response = client_as("member").get(SEARCH)
    published = sorted(
        (doc for doc in corpus.values() if doc.status == DocumentStatus.PUBLISHED),
        key=lambda doc: doc.published_at,
        reverse=True,
    )
    assert titles(response) == [doc.title for doc in published]


def test_sort_orders(client_as, corpus):
    client = client_as("member")
    by_title = titles(client.get(SEARCH, {"sort": "title"}))
    assert by_title == sorted(by_title)
    by_downloads = titles(client.get(SEARCH, {"sort": "downloads"}))
    assert by_downloads[:3] == [
        "Boîte à outils prévention",
        "Youth resilience research",
        "Online safety toolkit",
    ]


def test_with_a_query_the_best_match_comes_first(client_as, corpus):
    make_document(title="A note", extracted_text="Once, toward the end: youth.")
    response = client_as("member").get(SEARCH, {"q": "youth"})
    assert titles(response)[0] == "Youth resilience research"
    assert response.context["filterset"].sort_order == "relevance"
    # Relevance means nothing without a query: the newest come first.
    assert (
        client_as("member").get(SEARCH, {"sort": "relevance"}).context["filterset"].sort_order
        == "newest"
    )


def test_the_sort_menu_offers_relevance_only_with_a_query(client_as, corpus):
    client = client_as("member")
    without = client.get(SEARCH).context["filterset"].sort_options
    assert [value for value, _label, _selected in without] == ["", "title", "downloads"]
    with_query = client.get(SEARCH, {"q": "youth", "sort": "title"}).context["filterset"]
    assert [(value, selected) for value, _label, selected in with_query.sort_options] == [
        ("", False), ("newest", False), ("title", True), ("downloads", False)
    ]  # fmt: skip


# --- pagination ---


@pytest.fixture
def many_documents(db, city_a):
    themes = [make_theme(f"Theme {number}") for number in range(3)]
    return bulk_documents(45, themes=themes, cities=[city_a])


def test_pages_of_twenty_keep_the_search(client_as, many_documents):
    client = client_as("member")
    first = client.get(SEARCH, {"q": "prevention", "theme": "theme-0", "sort": "title"})
    count = first.context["paginator"].count
    assert count == 30  # themes 0+1 and 2+0 of 45 documents
    assert len(titles(first)) == 20
    next_link = re.search(r'href="(\?[^"]*page=2[^"]*)"', first.text).group(1)
    assert (
        "q=prevention" in next_link and "theme=theme-0" in next_link and "sort=title" in next_link
    )
    second = client.get(SEARCH + next_link.replace("&amp;", "&"))
    assert len(titles(second)) == 10
    assert not set(titles(first)) & set(titles(second))
    assert f"{count} documents" in first.text


@pytest.mark.parametrize(
    ("page", "shown"), [("999999999999999999999999", 3), ("abc", 1), ("-1", 3), ("0", 3)]
)
def test_a_page_that_does_not_exist_shows_the_nearest_with_a_note(
    client_as, many_documents, page, shown
):
    response = client_as("member").get(SEARCH, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert "There is no page" in response.text


# --- htmx ---


def test_htmx_gets_the_results_alone(client_as, corpus):
    client = client_as("member")
    partial = client.get(SEARCH, {"theme": "youth"}, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.text
    assert 'id="result-count"' in partial.text
    assert "Youth resilience research" in partial.text
    assert "HX-Request" in partial["Vary"]
    full = client.get(SEARCH, {"theme": "youth"})
    assert "<html" in full.text and 'id="search-results"' in full.text
    assert "HX-Request" in full["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client_as, corpus):
    response = client_as("member").get(
        SEARCH, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.text


def test_the_form_is_driven_by_htmx_and_works_without_it(client_as, corpus):
    page = client_as("member").get(SEARCH).text
    form = re.search(r"<form[^>]*id=\"library-search\"[^>]*>", page, re.S).group(0)
    assert 'method="get"' in form and f'action="{SEARCH}"' in form
    assert f'hx-get="{SEARCH}"' in form
    assert 'hx-target="#search-results"' in form and 'hx-push-url="true"' in form
    assert "<script>" not in page and "style=" not in page


# --- library home ---


def test_home_lists_recent_and_most_downloaded_and_browsing(client_as, corpus, city_b):
    response = client_as("member").get(reverse("library:index"))
    assert response.status_code == 200
    recent = [document.title for document in response.context["recent_documents"]]
    assert recent[0] == "Youth resilience research"
    assert "Youth pending upload" not in recent
    popular = [document.title for document in response.context["popular_documents"]]
    assert popular == ["Boîte à outils prévention", "Youth resilience research",
                       "Online safety toolkit"]  # fmt: skip
    themes = {theme.slug: theme.count for theme in response.context["themes"]}
    assert themes == {"youth": 2, "online-radicalisation": 2}
    assert f'href="{SEARCH}?theme=youth"' in response.text
    assert f'href="{SEARCH}?region={city_b.region.slug}"' in response.text


def test_home_lists_at_most_six(client_as, many_documents):
    response = client_as("member").get(reverse("library:index"))
    assert len(response.context["recent_documents"]) == 6
    assert len(response.context["popular_documents"]) == 6


# --- document page ---


def document_url(document) -> str:
    return reverse("library:document", args=[document.pk])


def test_document_page_shows_metadata_and_links_to_searches(client_as, corpus, city_b):
    document = corpus["toolkit_fr"]
    Document.objects.filter(pk=document.pk).update(
        author="Ville de Mombasa", page_count=12, source_url="https://example.org/boite",
        contributing_city=city_b, summary="Une boîte à outils pour les animateurs.",
    )  # fmt: skip
    response = client_as("member").get(document_url(document))
    assert response.status_code == 200
    page = response.text
    for text in ["Toolkit", "French", "2021", "Ville de Mombasa", "https://example.org/boite",
                 "12", "PDF, 117.2\xa0KB", "Une boîte à outils pour les animateurs."]:  # fmt: skip
        assert text in page
    assert f'href="{SEARCH}?theme=youth"' in page
    assert f'href="{SEARCH}?city={city_b.slug}"' in page
    assert f'href="{SEARCH}?region={city_b.region.slug}"' in page
    assert f'href="{reverse("library:download", args=[document.pk])}"' in page
    assert "No searchable text" not in page


def test_document_page_says_when_there_is_no_searchable_text(client_as, corpus):
    document = make_document(title="Scanned", extraction_status=ExtractionStatus.FAILED)
    assert "No searchable text" in client_as("member").get(document_url(document)).text


def test_related_documents_share_themes_or_cities_most_first(client_as, corpus, city_a):
    research = corpus["research"]
    both = make_document(title="Shares theme and city", themes=research.themes.all(),
                         cities=[city_a])  # fmt: skip
    make_document(title="Shares nothing")
    make_document(title="Pending, shares both", status=DocumentStatus.PENDING,
                  themes=research.themes.all(), cities=[city_a])  # fmt: skip
    response = client_as("member").get(document_url(research))
    related = [document.title for document in response.context["related_documents"]]
    assert related[0] == both.title
    assert set(related) == {both.title, "Boîte à outils prévention", "Online safety toolkit"}


def test_related_documents_are_at_most_five(client_as, many_documents):
    response = client_as("member").get(document_url(many_documents[0]))
    assert len(response.context["related_documents"]) == 5


def test_uploader_sees_the_status_of_their_pending_and_rejected_documents(client_as, corpus):
    client = client_as("member")
    pending = client.get(document_url(corpus["pending"]))
    assert pending.status_code == 200
    assert "Pending review" in pending.text
    rejected = client.get(document_url(corpus["rejected"]))
    assert "Rejected" in rejected.text
    assert "A duplicate of an existing document." in rejected.text


# --- who sees what ---


def expected_status(role, url_name, document_key=None):
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if document_key in ("pending", "rejected") and role not in ("member", "staff"):
        return 404, None  # only the uploader (member) and staff see them
    return 200, None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", ["library:index", "library:search"])
def test_permission_matrix_of_the_lists(client_as, corpus, role, url_name):
    status, target = expected_status(role, url_name)
    response = client_as(role).get(reverse(url_name))
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("document_key", ["research", "pending", "rejected"])
def test_permission_matrix_of_the_document_page(client_as, corpus, role, document_key):
    status, target = expected_status(role, "library:document", document_key)
    response = client_as(role).get(document_url(corpus[document_key]))
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target


def test_another_member_of_the_same_city_does_not_see_a_pending_upload(client_as, corpus, city_a):
    colleague = MemberFactory(city=city_a).user
    client = client_as("anonymous")
    client.force_login(colleague)
    assert client.get(document_url(corpus["pending"])).status_code == 404
    assert client.get(reverse("library:document", args=[999_999])).status_code == 404


# --- query counts: the same bound with 5 and with 200 documents ---

# session, user with member and city, then the page's own queries
# + recent, most downloaded, and the whole library's facet counts: kept (one read), or on a
# miss the six counts, the removal of expired kept results and the write
HOME_QUERIES = 5
HOME_QUERIES_COLD = 13
# + 3 facet-value checks and the kept results of this search (one read); then the page's
# documents and their cities
SEARCH_QUERIES = 8
# a search never made before (or since the library changed): + the matching ids (once, and
# once without each of the 4 facets with a selection), 6 facet counts over those ids, the
# ids of the results in order, the first page's snippets, the removal of expired kept
# results and the write; no COUNT(*)
SEARCH_QUERIES_COLD = 23
# + document, its cities, themes, regions, the kept related documents and their rows
DOCUMENT_QUERIES = 8
# the first view since the library changed: + choosing the related documents, the removal
# of expired kept results and the write
DOCUMENT_QUERIES_COLD = 11


@pytest.fixture(params=[5, 200], ids=lambda count: f"{count}-documents")
def library_of(request, db):
    region = RegionFactory()
    cities = [CityFactory(region=region), CityFactory(region=RegionFactory())]
    themes = [make_theme(f"Theme {number}") for number in range(4)]
    documents = bulk_documents(request.param, themes=themes, cities=cities)
    return documents, themes, cities


def test_home_query_count_is_constant(client_as, library_of, django_assert_max_num_queries):
    client = client_as("editor_a")
    with django_assert_max_num_queries(HOME_QUERIES_COLD):
        assert client.get(reverse("library:index")).status_code == 200
    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get(reverse("library:index")).status_code == 200


def test_shared_counts_follow_a_newly_published_document(client_as, media_root):
    client = client_as("member")
    theme = make_theme("Mentoring")
    assert "Mentoring" not in client.get(reverse("library:index")).content.decode()
    document = Document.objects.create(
        title="New", language="en", document_type="research", file="x.pdf", file_kind="pdf",
        file_size=1, checksum="x", status="pending",
    )  # fmt: skip
    document.themes.add(theme)
    refresh_denormalised(document)
    publish(document, by=None)

    page = client.get(reverse("library:index")).content.decode()
    assert "Mentoring" in page


def test_search_query_count_is_constant(client_as, library_of, django_assert_max_num_queries):
    _documents, themes, cities = library_of
    client = client_as("editor_a")
    params = {
        "q": "prevention",
        "theme": [themes[0].slug, themes[1].slug],
        "city": cities[0].slug,
        "region": cities[0].region.slug,
        "language": ["en", "fr"],
    }
    with django_assert_max_num_queries(SEARCH_QUERIES_COLD):
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert response.context["paginator"].count > 0
    with django_assert_max_num_queries(SEARCH_QUERIES):
        again = client.get(SEARCH, {**params, "page": 2})
    assert again.status_code == 200


def test_document_query_count_is_constant(client_as, library_of, django_assert_max_num_queries):
    documents, _themes, _cities = library_of
    client = client_as("editor_a")
    with django_assert_max_num_queries(DOCUMENT_QUERIES_COLD):
        response = client.get(document_url(documents[0]))
    assert response.status_code == 200
    assert len(response.context["related_documents"]) > 0
    with django_assert_max_num_queries(DOCUMENT_QUERIES):
        again = client.get(document_url(documents[0]))
    assert again.context["related_documents"] == response.context["related_documents"]


def test_the_filterset_builds_six_facets(corpus):
    filterset = DocumentFilterSet({}, queryset=Document.objects.published())
    assert [facet.name for facet in filterset.facets()] == [
        "theme", "city", "region", "language", "type", "year"
    ]  # fmt: skip
