"""A member finds a document: searches from the library home, ticks a facet (htmx swaps the
results and the address changes), opens the document. The search and document pages are
checked with axe-core in English and Arabic, and the facet form works without JavaScript."""

import re

import pytest
from playwright.sync_api import Page, expect

from library.choices import DocumentType
from membership.models import Theme
from tests.browser.accessibility import assert_accessible
from tests.browser.pages import log_in, switch_language
from tests.test_library_search import make_document


@pytest.fixture
def library(member, city_a, city_b):
    """Three published documents about youth work, in English, French and Arabic."""
    youth = Theme.objects.create(
        name="Youth engagement", slug="youth-engagement", name_fr="Engagement des jeunes",
        name_ar="إشراك الشباب",
    )  # fmt: skip
    english = make_document(
        title="Youth workers against recruitment", language="en", year_published=2022,
        document_type=DocumentType.GOOD_PRACTICE, themes=[youth], cities=[city_a],
        summary="A guide for municipal youth services.", author="Aarhus Municipality",
        extracted_text="Youth workers notice early signs of recruitment and work with "
        "families, schools and mentors to keep young people safe.",
    )  # fmt: skip
    french = make_document(
        title="Les jeunes et la prévention", language="fr", year_published=2021,
        document_type=DocumentType.TOOLKIT, themes=[youth], cities=[city_b],
        summary="Outils pour les animateurs.",
        extracted_text="Youth workers en France : la prévention avec les jeunes et les familles.",
    )  # fmt: skip
    arabic = make_document(
        title="دليل العمل مع الشباب", language="ar", year_published=2020,
        document_type=DocumentType.TOOLKIT, themes=[youth], cities=[city_b],
        summary="دليل للبلديات.", extracted_text="Youth workers: العمل مع الشباب والأسر.",
    )  # fmt: skip
    return {"en": english, "fr": french, "ar": arabic}


def results(page: Page):
    return page.locator("#search-results .search-result")


def test_a_member_searches_refines_with_a_facet_and_opens_a_document(page: Page, member, library):
    log_in(page, member.email)
    page.goto("/library/")
    page.get_by_label("Search the library").fill("youth workers")
    with page.expect_navigation():
        page.locator("main form[role=search] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/library/search/\?q=youth\+workers"))
    expect(page.locator("#result-count")).to_have_text("3 documents")
    expect(results(page).first.locator("mark").first).to_be_visible()

    # htmx: ticking a facet replaces the results without loading a new page, and the
    # address keeps the whole search.
    page.evaluate("() => { window.stillTheSamePage = true; }")
    page.get_by_label(re.compile(r"^French")).check()
    expect(page.locator("#result-count")).to_have_text("1 document")
    expect(page).to_have_url(re.compile(r"language=fr"))
    expect(page).to_have_url(re.compile(r"q=youth\+workers"))
    assert page.evaluate("() => window.stillTheSamePage") is True
    expect(results(page)).to_have_count(1)
    expect(results(page).first).to_contain_text("Les jeunes et la prévention")
    # The facet that was ticked is still ticked, and keeps the keyboard focus.
    expect(page.get_by_label(re.compile(r"^French"))).to_be_checked()
    expect(page.get_by_label(re.compile(r"^French"))).to_be_focused()

    # Adding a second language widens the search (values of a facet are OR-ed).
    page.get_by_label(re.compile(r"^Arabic")).check()
    expect(page.locator("#result-count")).to_have_text("2 documents")

    # The bookmarked address gives the same page.
    page.reload()
    expect(page.locator("#result-count")).to_have_text("2 documents")
    expect(page.get_by_label(re.compile(r"^Arabic"))).to_be_checked()

    with page.expect_navigation():
        page.get_by_role("link", name="Les jeunes et la prévention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les jeunes et la prévention")
    main = page.locator("main")
    expect(main).to_contain_text("Outils pour les animateurs.")
    expect(main).to_contain_text("Toolkit")
    expect(main).to_contain_text("French")
    expect(main).to_contain_text("2021")
    expect(page.get_by_role("link", name=re.compile(r"^Download"))).to_contain_text("PDF")
    related = page.locator("section[aria-labelledby=related-heading]")
    expect(related).to_contain_text("Youth workers against recruitment")

    # A theme on the document page leads back to a filtered search.
    with page.expect_navigation():
        page.get_by_role("link", name="Youth engagement").click()
    expect(page).to_have_url(re.compile(r"/library/search/\?theme=youth-engagement$"))
    expect(page.locator("#result-count")).to_have_text("3 documents")


def test_changing_the_sort_order_updates_the_results(page: Page, member, library):
    log_in(page, member.email)
    page.goto("/library/search/")
    expect(results(page).first).to_contain_text("Youth workers against recruitment")
    page.locator("select[name=sort]").select_option("title")
    expect(page).to_have_url(re.compile(r"sort=title"))
    expect(results(page).first).to_contain_text("Les jeunes et la prévention")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_search_and_document_pages_are_accessible(page: Page, member, library, language):
    log_in(page, member.email)
    if language != "en":
        switch_language(page, language)
    page.goto("/library/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    page.goto("/library/search/?q=youth&theme=youth-engagement")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(results(page)).to_have_count(3)
    assert_accessible(page)

    page.goto(f"/library/documents/{library['ar'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("دليل العمل مع الشباب")
    assert_accessible(page)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_facet_form_works_without_javascript(page: Page, member, library):
    log_in(page, member.email)
    page.goto("/library/search/?q=youth+workers")
    expect(page.locator("#result-count")).to_have_text("3 documents")
    page.get_by_label(re.compile(r"^Arabic")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"language=ar"))
    expect(page.locator("#result-count")).to_have_text("1 document")
    expect(results(page).first).to_contain_text("دليل العمل مع الشباب")

    page.locator("select[name=sort]").select_option("title")
    with page.expect_navigation():
        page.get_by_role("button", name="Sort", exact=True).click()
    expect(page).to_have_url(re.compile(r"sort=title"))
    expect(page.get_by_label(re.compile(r"^Arabic"))).to_be_checked()
