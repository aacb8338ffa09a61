"""Property-based tests (issue 9): arbitrary input thrown at every form of the hub and at
the query parameters of every list page never answers a 500, and an invalid submission
(any answer but a redirect, which is how every form says "saved") changes no row.

The forms' field names are read from the pages themselves (every `name="..."` of the
page's HTML), so a new field is fuzzed without anyone listing it here; random extra keys
and several values per key come on top. Hypothesis is derandomised (the same examples on
every run) and prints the failing example.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cityprofiles.models import CityProfile
from library import services as library_services
from library.choices import DocumentType, FileKind
from tests import samples
from tests.event_factories import EventFactory, RegistrationFactory
from tests.training_factories import (
    EnrolmentFactory,
    LessonFactory,
    QuestionFactory,
    WorkingGroupFactory,
)
from tests.urlsweep import all_routes

FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text of every kind: NUL and other controls, every script (no lone surrogates: they
# cannot be sent as UTF-8), huge strings, and values that break naive parsing.
TRICKY = st.sampled_from([
    "", " ", "\x00", "a\x00b", "0", "-1", "99999999999999999999", "1e308", "NaN", "true",
    "2025-02-30", "9999-12-31", "<script>alert(1)</script>", "' OR 1=1 --", "%00",
    "../../etc/passwd", "\u202egnp.exe", "الوقاية من التطرف", "Prévention", "🙂" * 50,
    "a" * 100_000,
])  # fmt: skip
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
VALUE = st.one_of(TRICKY, TEXT, TEXT.map(lambda text: text * 500))
# Field names as a browser sends them (no quotes or line breaks, which the test client
# itself cannot encode in a multipart body).
KEY = st.text(
    st.characters(min_codepoint=32, exclude_characters='"\\\r\n', exclude_categories=("Cs",)),
    min_size=1,
    max_size=12,
)
FILE = st.binary(max_size=300).map(lambda content: SimpleUploadedFile("upload.pdf", content))


def submissions(field_names: list[str]):
    """Multi-valued dicts: the form's own fields and random ones, 1 to 3 values each
    (files for file fields, sometimes)."""
    keys = st.one_of(st.sampled_from(field_names), KEY) if field_names else KEY
    return st.dictionaries(keys, st.lists(st.one_of(VALUE, FILE), min_size=1, max_size=3),
                           max_size=8)  # fmt: skip


# Tables whose rows change on any request, whatever it sends: sessions, the audit trail
# (which records refusals), the task queue and the cache (rate-limit counters).
VOLATILE_TABLE_PREFIXES = ("django_session", "audit_", "django_tasks", "scn_cache")


def database_checksum() -> str:
    """One hash of every row of every project table (in one query)."""
    tables = [
        table
        for table in connection.introspection.table_names()
        if not table.startswith(VOLATILE_TABLE_PREFIXES)
    ]
    # Table names from the database's own catalogue, not from input.
    parts = " || ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM \"{table}\" t)"  # noqa: S608
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT md5({parts})")
        return cursor.fetchone()[0]


FIELD = re.compile(r'<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"')


def field_names(client, url: str) -> list[str]:
    response = client.get(url)
    names = set(FIELD.findall(response.content.decode(errors="replace")))
    return sorted(names - {"csrfmiddlewaretoken"})


@pytest.fixture
def world(db, media_root, member, editor_a, editor_b, staff, city_a, city_b):
    """One object of each kind a form is about, visible to the member."""
    document = library_services.create_document(
        upload=SimpleUploadedFile("plan.pdf", samples.PDF),
        file_kind=FileKind.PDF,
        uploaded_by=member,
        title="Local plan",
        summary="Plan",
        document_type=DocumentType.STRATEGY,
    )
    event = EventFactory(slug="summit")
    past = timezone.localdate() - datetime.timedelta(days=10)
    RegistrationFactory(
        event=EventFactory(slug="past-summit", start_date=past, end_date=past),
        user=member,
        attended_at=timezone.now(),
    )
    question = QuestionFactory(lesson=LessonFactory(module__slug="basics"))
    EnrolmentFactory(module=question.lesson.module, user=member)
    group = WorkingGroupFactory(slug="youth")
    CityProfile.objects.update_or_create(city=city_b, defaults={"published": True})
    CityProfile.objects.get_or_create(city=city_a)
    return {
        "document": document,
        "event": event,
        "lesson": question.lesson,
        "group": group,
        "city_a": city_a.slug,
        "city_b": city_b.slug,
    }


def form_targets(world) -> list[tuple[str, str]]:
    """(role, URL) of every form of the hub."""
    lesson = world["lesson"]
    slug = world["city_a"]
    return [
        ("anonymous", "/network/join/"),  # city application
        ("anonymous", "/accounts/signup/"),  # access request
        ("anonymous", "/accounts/login/"),
        ("anonymous", "/accounts/password/reset/"),
        ("anonymous", "/i18n/setlang/"),
        ("member", "/library/upload/"),
        ("member", f"/library/documents/{world['document'].pk}/edit/"),
        ("member", f"/cities/{world['city_b']}/introduction/"),
        ("member", "/training/certificates/verify/"),
        ("member", f"/training/modules/{lesson.module.slug}/enrol/"),
        # The module's first (and only) lesson: its quiz form.
        ("member", f"/training/modules/{lesson.module.slug}/lessons/1/"),
        ("member", f"/events/{world['event'].slug}/register/"),
        ("member", f"/events/{world['event'].slug}/cancel/"),
        ("member", "/events/past-summit/survey/"),
        ("member", "/events/my/calendar-feed/"),
        ("editor_a", f"/cities/{slug}/edit/"),
        ("editor_a", f"/cities/{slug}/initiatives/new/"),
        ("editor_a", f"/cities/{slug}/publish/"),
        ("editor_b", "/network/my-city/"),
        ("staff", f"/events/{world['event'].slug}/check-in/"),
        ("staff", f"/training/toolkits/{world['group'].slug}/edit/"),
        ("staff", "/admin/library/document/"),
    ]


@pytest.mark.parametrize("index", range(22))
def test_arbitrary_posts_to_every_form_never_fail_or_change_rows_when_invalid(
    world, client_as, index
):
    role, url = form_targets(world)[index]
    client = client_as(role)
    names = field_names(client, url)

    @FUZZ
    @given(data=submissions(names))
    def post(data):
        cache.clear()  # rate limits would answer 429 before the form is ever validated
        before = database_checksum()
        response = client.post(url, data)
        assert response.status_code < 500, (url, data)
        if response.status_code not in (301, 302, 303):
            assert database_checksum() == before, (url, "changed rows on", response.status_code)

    post()


# --- Search and facet parameters of every list page ---

LIST_PAGES = [
    "/library/", "/library/search/", "/cities/", "/network/", "/training/",
    "/training/toolkits/", "/events/", "/events/calendar/", "/numbers/", "/training/figures/",
    "/events/surveys/", "/library/my-uploads/", "/events/my/", "/network/working-groups/",
]  # fmt: skip
FACETS = ["q", "theme", "city", "region", "language", "type", "year", "sort", "page", "month",
          "kind", "country", "status", "tag", "export", "o", "format"]  # fmt: skip


@pytest.mark.parametrize("url", LIST_PAGES)
def test_arbitrary_search_parameters_never_fail(world, client_as, url):
    client = client_as("staff")
    names = sorted(set(FACETS) | set(field_names(client, url)))

    @FUZZ
    @given(query=st.dictionaries(st.one_of(st.sampled_from(names), KEY),
                                 st.lists(VALUE, min_size=1, max_size=3), max_size=6))  # fmt: skip
    def search(query):
        cache.clear()
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    search()


@settings(max_examples=60, deadline=None, derandomize=True, print_blob=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_arbitrary_posts_to_every_url_never_fail(client_as, data, db):
    # Every URL pattern (sample arguments), each role: a POST of anything.
    route = data.draw(st.sampled_from(all_routes()))
    role = data.draw(st.sampled_from(["anonymous", "member", "staff"]))
    cache.clear()
    response = client_as(role).post(route.url, data.draw(submissions([])))
    assert response.status_code < 500, route
