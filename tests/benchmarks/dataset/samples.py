"""What a page benchmark needs beside the rows: real URLs into the dataset, and the files
the rows point at (every document shares one small PDF, every profile photo one JPEG)."""

import datetime
import io
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF
from PIL import Image

from cityprofiles.models import CityProfile, Initiative
from library.models import Document
from membership.models import Theme

SAMPLE_DOCUMENT = "library/benchmark-sample.pdf"
SAMPLE_PHOTO = "profiles/benchmark-sample.jpg"


def sample_pdf() -> bytes:
    """A valid one-page PDF (the documents' page counts and checksums are made up)."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC))
    pdf.add_page()
    pdf.set_font("helvetica", "B", 18)
    pdf.cell(text="Strong Cities Network - benchmark document", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(
        w=0,
        text=(
            "Every document of the benchmark library points at this file. It stands in for "
            "the reports, toolkits and action plans member cities share through the hub."
        ),
    )
    return bytes(pdf.output())


@cache
def sample_photo() -> bytes:
    """A small JPEG for the profiles that have a photo (the same bytes every time, so its
    checksum can be stored with the rows)."""
    image = Image.new("RGB", (640, 360), (31, 94, 140))
    for x in range(0, 640, 40):
        image.paste((240, 200, 60), (x, 300, x + 20, 360))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def write_sample_file(media_root: Path) -> Path:
    """Write the file every benchmark document points at (and the profiles' photo) under
    `media_root`; returns the document's path."""
    document = Path(media_root) / SAMPLE_DOCUMENT
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_bytes(sample_pdf())
    photo = Path(media_root) / SAMPLE_PHOTO
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(sample_photo())
    return document


# --- real URLs ---

CITY_WITH_MOST = """
WITH documents AS (
    SELECT dc.city_id, count(*) AS n
    FROM library_document_cities dc
    JOIN library_document d ON d.id = dc.document_id AND d.status = 'published'
    GROUP BY dc.city_id
), events AS (
    SELECT city_id, count(*) AS n FROM (
        SELECT host_city_id AS city_id, id FROM events_event WHERE status <> 'draft'
        UNION SELECT visiting_city_id, id FROM events_event WHERE status <> 'draft'
        UNION SELECT pc.city_id, pc.event_id FROM events_event_participating_cities pc
              JOIN events_event e ON e.id = pc.event_id AND e.status <> 'draft'
    ) involved WHERE city_id IS NOT NULL GROUP BY city_id
)
SELECT c.slug, coalesce(documents.n, 0), coalesce(events.n, 0)
FROM cityprofiles_cityprofile p
JOIN membership_city c ON c.id = p.city_id
LEFT JOIN documents ON documents.city_id = c.id
LEFT JOIN events ON events.city_id = c.id
WHERE p.published
ORDER BY coalesce(documents.n, 0) * coalesce(events.n, 0) DESC, c.slug
LIMIT 1
"""
# A profile works on a theme when it is one of its areas of expertise or one of its
# initiatives has it (cityprofiles.filtersets.profiles_working_on).
THEME_PAIR = """
WITH profile_themes AS (
    SELECT p.id AS profile, t.tag_id AS tag
    FROM cityprofiles_cityprofile p
    JOIN membership_themeditem t ON t.content_type_id = %(profile)s AND t.object_id = p.id
    WHERE p.published
    UNION
    SELECT i.profile_id, t.tag_id
    FROM cityprofiles_initiative i
    JOIN cityprofiles_cityprofile p ON p.id = i.profile_id AND p.published
    JOIN membership_themeditem t ON t.content_type_id = %(initiative)s AND t.object_id = i.id
)
SELECT a.tag, b.tag, count(*)
FROM profile_themes a JOIN profile_themes b ON a.profile = b.profile AND a.tag < b.tag
GROUP BY a.tag, b.tag
ORDER BY count(*) DESC, a.tag, b.tag
LIMIT 1
"""
# Once the dataset's last events are over (2028), the busiest event of all.
BUSIEST_UPCOMING_EVENT = """
SELECT e.slug, count(*)
FROM events_event e JOIN events_registration r ON r.event_id = e.id
WHERE e.status = 'published'
GROUP BY e.id
ORDER BY e.start_date >= %s DESC, count(*) DESC, e.slug
LIMIT 1
"""


def sample_urls() -> dict:
    """Real paths for a page benchmark, run inside the benchmark database: a published
    document (`document`, its id), the published profile of the city with the most
    documents and events (`city`, its slug), the two themes the most published profiles
    share (`themes`, their slugs: the directory filtered by both finds many cities), and
    the published event still to come with the most registrations (`event`, its slug).
    `paths` has the pages' URLs, `counts` what the sample has."""
    published = Document.objects.published().order_by("pk").values_list("pk", flat=True)
    document = published[min(500, published.count() - 1)]
    with connection.cursor() as cursor:
        cursor.execute(CITY_WITH_MOST)
        city, city_documents, city_events = cursor.fetchone()
        cursor.execute(
            THEME_PAIR,
            {
                "profile": ContentType.objects.get_for_model(CityProfile).pk,
                "initiative": ContentType.objects.get_for_model(Initiative).pk,
            },
        )
        first, second, theme_profiles = cursor.fetchone()
        cursor.execute(BUSIEST_UPCOMING_EVENT, [timezone.localdate()])
        event, registrations = cursor.fetchone()
    slugs = dict(Theme.objects.filter(pk__in=[first, second]).values_list("pk", "slug"))
    themes = [slugs[first], slugs[second]]
    directory = reverse("cityprofiles:index") + "?" + urlencode({"theme": themes}, doseq=True)
    return {
        "document": document,
        "city": city,
        "themes": themes,
        "event": event,
        "paths": {
            "document": reverse("library:document", args=[document]),
            "download": reverse("library:download", args=[document]),
            "city": reverse("cityprofiles:profile", args=[city]),
            "directory": directory,
            "events": reverse("events:index"),
            "event": reverse("events:event", args=[event]),
        },
        "counts": {
            "city_documents": city_documents,
            "city_events": city_events,
            "profiles_with_both_themes": theme_profiles,
            "event_registrations": registrations,
        },
    }
