"""Full-text search of the library (ARCHITECTURE.md, "Search").

A query is read with PostgreSQL's `websearch` syntax ("quoted phrases", OR, -exclude) in
the configuration of each document language, and word for word (scn_simple):

- a document matches if the query, stemmed the way the document's own language is
  stemmed, matches it ("radicalised" finds "radicalisation" in English, "jeune" finds
  "jeunes" and "prevention" finds "prévention" in French, Arabic ignores diacritics and
  alef/hamza variants), or if the query's words appear in it as they are, whatever its
  language ("Mombasa" finds a French or Arabic document naming Mombasa);
- each branch is a constant tsquery tested against the GIN-indexed vector, so PostgreSQL
  answers with index scans, whatever the number of documents.

The per-document vectors are built by the database (library/migrations/0001_initial.py).
"""

import functools
import operator
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, Func, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from library.choices import SEARCH_CONFIGS, SIMPLE_SEARCH_CONFIG

MAX_QUERY_LENGTH = 200
# "و" (and) or "ف" (so) written onto "ال" (the): dropped before stemming, as the database
# does to Arabic documents (scn_arabic_text in library/migrations/0001_initial.py).
_ARABIC_CONJUNCTION = re.compile(r"(^|[^\w])[وف](ال)")
# The words and "phrases" of a query, each with the minus signs before it: websearch
# syntax excludes a term after one (or an odd number of) "-", spaced or not.
_TERM = re.compile(r'(-+)?\s*("[^"]*"?|[^\s"-][^\s"]*)')
# Marks around matched words in snippets; replaced by <mark> only after the text is escaped.
_START, _STOP = "\x02", "\x03"


def clean_query(text: str) -> str:
    """The query as PostgreSQL should see it: no control characters (they also are the
    snippet marks), no surrounding space, a sane length."""
    text = "".join(char for char in (text or "") if char.isprintable() or char == " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def arabic_query_text(text: str) -> str:
    return _ARABIC_CONJUNCTION.sub(r"\1\2", text)


def _queries(text: str) -> tuple[dict[str, SearchQuery], SearchQuery]:
    per_language = {
        language: SearchQuery(
            arabic_query_text(text) if language == "ar" else text,
            config=config,
            search_type="websearch",
        )
        for language, config in SEARCH_CONFIGS.items()
    }
    word_for_word = SearchQuery(text, config=SIMPLE_SEARCH_CONFIG, search_type="websearch")
    return per_language, word_for_word


def _exclusions(text: str) -> Q | None:
    """Documents whose own language's stemmer finds an excluded word. The word-for-word
    branch alone would let "youth -prisons" through for a text saying "prison"."""
    excluded = [term for dashes, term in _TERM.findall(text) if len(dashes) % 2]
    if not excluded:
        return None
    words = " OR ".join(excluded)
    condition = Q()
    for language, config in SEARCH_CONFIGS.items():
        query = SearchQuery(
            arabic_query_text(words) if language == "ar" else words,
            config=config,
            search_type="websearch",
        )
        condition |= Q(language=language, search_vector=query)
    return condition


def search_documents(documents: QuerySet, text: str) -> QuerySet:
    """`documents` matching `text`, annotated with `rank` (higher is better) and `snippet`
    (a passage of the body with the matched words between the snippet marks; render it with
    `snippet_html`). An empty query filters nothing and annotates nothing."""
    text = clean_query(text)
    if not text:
        return documents
    per_language, word_for_word = _queries(text)
    condition = Q(search_vector=word_for_word)
    combined = word_for_word
    for language, query in per_language.items():
        condition |= Q(language=language, search_vector=query)
        combined = combined | query
    excluded = _exclusions(text)
    if excluded is not None:
        condition &= ~excluded
    return documents.filter(condition).annotate(
        rank=SearchRank(F("search_vector"), combined), snippet=_snippet(combined)
    )


def with_snippets(documents: QuerySet, text: str) -> QuerySet:
    """`documents` annotated with `snippet` alone: for a page of results already found and
    ordered (library.results), which needs neither the condition nor the rank again."""
    text = clean_query(text)
    if not text:
        return documents
    per_language, word_for_word = _queries(text)
    combined = functools.reduce(operator.or_, per_language.values(), word_for_word)
    return documents.annotate(snippet=_snippet(combined))


def _snippet(query: SearchQuery) -> SearchHeadline:
    """A passage of the body with the words of `query` between the snippet marks."""
    return SearchHeadline(
        "extracted_text",
        query,
        config=Func(F("language"), function="scn_search_config"),
        start_sel=_START,
        stop_sel=_STOP,
        max_fragments=2,
        max_words=30,
        min_words=12,
        fragment_delimiter=" … ",
    )


def snippet_html(snippet: str) -> SafeString:
    """The snippet as safe HTML: the document's text escaped, the matches in <mark>."""
    html = escape(snippet or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own marks are HTML
