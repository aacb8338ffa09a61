"""A city applies to join the network ("Join the network", no login), and the SCN team
decides in the admin: approve (the city becomes an active member), reject or ask for
more information, with emails in the applicant's language."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext, override

from membership.choices import ApplicationStatus, CityStatus
from membership.models import City, CityApplication
from membership.principles import PRINCIPLES
from tests.conftest import PASSWORD, ROLES
from tests.factories import CityFactory, RegionFactory
from tests.samples import PDF, PNG, make_pdf

JOIN = reverse("membership:join")
JOIN_DONE = reverse("membership:join_done")
CHANGELIST = reverse("admin:membership_cityapplication_changelist")
LETTER_NAME = re.compile(r"^applications/letters/[0-9a-f]{32}\.pdf$")


def letter_file(content: bytes = PDF, name: str = "Letter from the mayor.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def region(db):
    return RegionFactory(name="Western Balkans")


def application_data(region, /, **changes) -> dict:
    data = {
        "city_name": "Bihać",
        "country": "BA",
        "region": str(region.pk),
        "population": "56000",
        "applying_authority": "Office of the Mayor",
        "contact_name": "Amira Hodžić",
        "contact_position": "Head of cabinet",
        "contact_email": "amira@bihac.example.org",
        "point_of_contact_name": "Emir Kovač",
        "point_of_contact_position": "Youth office",
        "point_of_contact_email": "emir@bihac.example.org",
        "approval_letter": letter_file(),
        **{principle.field_name: "on" for principle in PRINCIPLES},
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def apply(client, region, media_root, django_capture_on_commit_callbacks):
    """apply(**changes) -> the response to a submission of the join form."""

    def submit(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(JOIN, application_data(region, **changes))

    return submit


def make_application(region, **fields) -> CityApplication:
    defaults = {
        "city_name": "Peja/Peć",
        "country": "XK",
        "region": region,
        "applying_authority": "Municipal Assembly",
        "contact_name": "Arta Berisha",
        "contact_email": "arta@peja.example.org",
        "point_of_contact_name": "Driton Gashi",
        "point_of_contact_email": "driton@peja.example.org",
        "approval_letter": "applications/letters/" + "a" * 32 + ".pdf",
        "letter_size": 1234,
        "principles_accepted_at": timezone.now(),
    }
    return CityApplication.objects.create(**{**defaults, **fields})


def admin_action(client, action: str, applications, captured, **extra):
    with captured(execute=True):
        return client.post(
            CHANGELIST,
            {"action": action, "_selected_action": [app.pk for app in applications], **extra},
        )


# --- applying ---


def test_the_join_page_lists_every_principle_and_asks_for_a_pdf(client, region):
    page = client.get(JOIN).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'accept=".pdf,application/pdf"' in page
    assert len(PRINCIPLES) == 6
    for principle in PRINCIPLES:
        assert f'name="{principle.field_name}"' in page
        assert str(principle.text).replace("'", "&#x27;") in page
    assert "Kosovo" in page  # XK, added to django-countries' list


def test_anonymous_city_applies_with_a_pdf_letter(apply, media_root, mailoutbox, client_as):
    response = apply()

    assert response.status_code == 302
    assert response["Location"] == JOIN_DONE
    application = CityApplication.objects.get()
    assert application.city_name == "Bihać"
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.letter_size == len(PDF)
    assert application.principles_accepted_at is not None
    assert application.language == "en"
    # Stored under a random name, nothing of the city or of the sender's file name in it,
    # in private storage: it has no URL, it is only served by the staff-only view.
    assert LETTER_NAME.match(application.approval_letter.name)
    assert [p.read_bytes() for p in stored_files(media_root)] == [PDF]
    name = application.approval_letter.name
    staff_client = client_as("staff")
    for path in ["/" + default_storage.url(name).lstrip("/"), f"/media/{name}", f"/{name}"]:
        assert staff_client.get(path).status_code == 404
    # The contact person gets a confirmation.
    assert [message.to for message in mailoutbox] == [["amira@bihac.example.org"]]
    assert "Bihać" in mailoutbox[0].subject
    assert "Office of the Mayor" in mailoutbox[0].body


def test_the_thank_you_page_says_what_happens_next(client):
    response = client.get(JOIN_DONE)
    assert response.status_code == 200
    assert "has been received" in response.content.decode()


def test_an_application_in_french_gets_its_confirmation_in_french(client, apply, mailoutbox):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert apply().status_code == 302

    assert CityApplication.objects.get().language == "fr"
    with override("fr"):
        city_label = gettext("City")
        country_name = "Bosnie-Herzégovine"
    assert city_label != "City"  # the catalogue does translate it
    assert f"{city_label}: Bihać" in mailoutbox[0].body
    assert country_name in mailoutbox[0].body


BAD_LETTERS = {
    "png named .pdf": (PNG, "letter.pdf", "not a PDF"),
    "html named .pdf": (
        b"<!doctype html><html><body>hi</body></html>",
        "letter.pdf",
        "not a PDF",
    ),
    "empty file": (b"", "letter.pdf", "empty"),
    "password-protected pdf": (make_pdf(encrypt=True), "letter.pdf", "protected by a password"),
    "truncated pdf": (PDF[: len(PDF) // 2], "letter.pdf", "cannot be read"),
    "pdf header, no pdf": (b"%PDF-1.7\n" + b"garbage " * 50, "letter.pdf", "cannot be read"),
}


@pytest.mark.parametrize(("content", "name", "error"), BAD_LETTERS.values(), ids=BAD_LETTERS)
def test_a_letter_that_is_not_a_readable_pdf_is_refused(
    apply, media_root, mailoutbox, content, name, error
):
    response = apply(approval_letter=letter_file(content, name))

    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["approval_letter"])
    assert error in response.content.decode()
    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []
    assert mailoutbox == []


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_bad_input_is_explained_in_the_visitors_language(client, apply, media_root, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    principle = PRINCIPLES[0].field_name

    response = apply(approval_letter=letter_file(PNG), **{principle: ""})

    page = response.content.decode()
    with override(language):
        not_a_pdf = gettext("This file is not a PDF. Please upload the letter as a PDF document.")
        principle_needed = gettext("Your city must accept this principle to join.")
    assert not_a_pdf != "This file is not a PDF. Please upload the letter as a PDF document."
    assert escape(not_a_pdf) in page and escape(principle_needed) in page
    assert f'<html lang="{language}"' in page
    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []


def test_an_oversized_letter_is_refused(apply, settings, media_root):
    settings.CITY_APPLICATION_LETTER_MAX_BYTES = len(PDF) - 1

    response = apply()

    assert response.status_code == 200
    [error] = response.context["form"].errors["approval_letter"]
    assert "too large" in error
    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_long_file_name_is_no_reason_to_refuse_a_letter(apply):
    assert apply(approval_letter=letter_file(name="x" * 250 + ".pdf")).status_code == 302
    assert LETTER_NAME.match(CityApplication.objects.get().approval_letter.name)


def test_every_principle_must_be_accepted(apply, media_root, mailoutbox):
    missing = PRINCIPLES[1].field_name
    response = apply(**{missing: None})

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [missing]
    assert "must accept this principle" in response.content.decode()
    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []
    assert mailoutbox == []


def test_missing_required_fields_are_named(apply, media_root):
    response = apply(city_name="", contact_email="not an email", region=None, approval_letter=None)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"city_name", "contact_email", "region", "approval_letter"}
    assert "Please attach the letter of approval" in errors["approval_letter"][0]
    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []


def test_optional_fields_may_be_left_empty(apply):
    response = apply(population="", contact_position="", point_of_contact_position="")
    assert response.status_code == 302
    assert CityApplication.objects.get().population is None


def test_a_failed_save_leaves_no_letter_behind(apply, media_root, mailoutbox, monkeypatch):
    # The letter is written to storage before the row; if anything fails after that, the
    # transaction rolls back and the file must go with it.
    def fail(*args, **kwargs):
        raise RuntimeError("the mail template is broken")

    monkeypatch.setattr("membership.services.applications.send_in_language", fail)
    with pytest.raises(RuntimeError):
        apply()

    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []
    assert mailoutbox == []


def test_too_many_submissions_from_one_address_are_refused(apply, settings, media_root):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "city_application": "2/h/ip"}
    assert apply(city_name="").status_code == 200  # invalid submissions count too
    assert apply().status_code == 302

    response = apply(city_name="Cair (Skopje)")

    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert 'value="Cair (Skopje)"' in response.content.decode()  # what was typed is kept
    assert list(CityApplication.objects.values_list("city_name", flat=True)) == ["Bihać"]
    assert len(stored_files(media_root)) == 1


# --- staff decide in the admin ---


def test_staff_approve_and_the_new_city_becomes_an_active_member(
    client, client_as, apply, staff, mailoutbox, django_capture_on_commit_callbacks
):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "fr"
    apply()
    application = CityApplication.objects.get()
    mailoutbox.clear()

    response = admin_action(
        client_as("staff"), "approve", [application], django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == staff
    assert application.decided_at is not None
    city = application.city
    assert (city.name, city.country.code, city.region) == ("Bihać", "BA", application.region)
    assert city.status == CityStatus.ACTIVE
    assert city.slug == "bihac"
    assert city.date_joined == timezone.localdate()
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(CityApplication),
        object_id=str(application.pk),
    )
    assert entry.user == staff
    # The welcome goes to the contact person in French, the language they applied in,
    # whatever the language of the staff member who approved.
    [welcome] = mailoutbox
    assert welcome.to == ["amira@bihac.example.org"]
    with override("fr"):
        assert f"{gettext('City')}: Bihać" in welcome.body
    assert django_settings.SITE_URL + reverse("account_signup") in welcome.body


def test_approving_twice_changes_nothing(
    client_as, region, staff, mailoutbox, django_capture_on_commit_callbacks
):
    application = make_application(region)
    client = client_as("staff")
    admin_action(client, "approve", [application], django_capture_on_commit_callbacks)
    application.refresh_from_db()
    first_decision = application.decided_at

    response = admin_action(client, "approve", [application], django_capture_on_commit_callbacks)

    application.refresh_from_db()
    assert application.decided_at == first_decision
    assert City.objects.filter(name="Peja/Peć").count() == 1
    assert len(mailoutbox) == 1
    assert LogEntry.objects.count() == 1
    assert "already approved" in " ".join(
        str(message) for message in response.wsgi_request._messages
    )


def test_a_former_member_rejoining_is_reactivated_not_duplicated(
    client_as, region, django_capture_on_commit_callbacks
):
    former = CityFactory(
        name="Peja",
        country="XK",
        region=region,
        status=CityStatus.FORMER,
        date_joined=timezone.datetime(2016, 5, 1).date(),
    )
    application = make_application(region, city_name="Peja/Peć", city=former)
    cities = City.objects.count()

    admin_action(client_as("staff"), "approve", [application], django_capture_on_commit_callbacks)

    former.refresh_from_db()
    assert former.status == CityStatus.ACTIVE
    assert former.date_joined.year == 2016  # member since its first joining
    assert City.objects.count() == cities
    application.refresh_from_db()
    assert application.city == former


def test_an_unlinked_application_from_a_known_city_reuses_it(
    client_as, region, django_capture_on_commit_callbacks
):
    known = CityFactory(name="Peja/Peć", country="XK", region=region, status=CityStatus.SUSPENDED)

    admin_action(
        client_as("staff"),
        "approve",
        [make_application(region)],
        django_capture_on_commit_callbacks,
    )

    known.refresh_from_db()
    assert known.status == CityStatus.ACTIVE
    assert City.objects.filter(country="XK").count() == 1


@pytest.mark.parametrize(
    ("action", "status", "email_words"),
    [
        ("reject", ApplicationStatus.REJECTED, "pas en mesure de"),
        ("ask_for_more_information", ApplicationStatus.MORE_INFORMATION, "Veuillez répondre à"),
    ],
)
def test_staff_decide_with_a_reason(
    client_as,
    region,
    staff,
    mailoutbox,
    action,
    status,
    email_words,
    django_capture_on_commit_callbacks,
):
    application = make_application(region, language="fr")
    client = client_as("staff")

    # The first click asks for the reason, and decides nothing.
    page = admin_action(client, action, [application], django_capture_on_commit_callbacks)
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    # A blank reason is no reason.
    page = admin_action(
        client, action, [application], django_capture_on_commit_callbacks, apply="1", reason="   "
    )
    assert page.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert mailoutbox == []

    response = admin_action(
        client,
        action,
        [application],
        django_capture_on_commit_callbacks,
        apply="1",
        reason="The letter is not signed.",
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == status
    assert application.decision_reason == "The letter is not signed."
    assert application.decided_by == staff
    assert application.decided_at is not None
    assert application.city is None
    assert LogEntry.objects.filter(object_id=str(application.pk)).count() == 1
    [email] = mailoutbox
    assert email.to == ["arta@peja.example.org"]
    assert "The letter is not signed." in email.body
    assert staff.email in email.body
    with override("fr"):
        # Written in French, the application's language, not in the staff member's.
        assert f"{gettext('City')}: Peja/Peć" in email.body
        assert f"{gettext('Country')}: Kosovo" in email.body
    assert email_words in email.body


def test_an_approved_application_cannot_then_be_rejected(
    client_as, region, mailoutbox, django_capture_on_commit_callbacks
):
    application = make_application(region, status=ApplicationStatus.APPROVED)

    admin_action(
        client_as("staff"),
        "reject",
        [application],
        django_capture_on_commit_callbacks,
        apply="1",
        reason="Changed our mind",
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decision_reason == ""
    assert mailoutbox == []


def test_staff_download_the_letter_as_an_attachment(client_as, apply, media_root):
    apply()
    application = CityApplication.objects.get()

    page = client_as("staff").get(
        reverse("admin:membership_cityapplication_change", args=[application.pk])
    )
    letter_url = reverse("admin:membership_cityapplication_letter", args=[application.pk])
    assert letter_url in page.content.decode()
    response = client_as("staff").get(letter_url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="approval-letter-bihac-{application.pk}.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_a_missing_letter_or_application_is_not_found(client_as, region, media_root):
    application = make_application(region)  # its file was never written
    client = client_as("staff")
    letter = "admin:membership_cityapplication_letter"
    assert client.get(reverse(letter, args=[application.pk])).status_code == 404
    assert client.get(reverse(letter, args=[application.pk + 1])).status_code == 404


def test_staff_filter_and_search_applications(client_as, region):
    make_application(region)
    make_application(
        region, city_name="Meri/Diamaré", country="CM", status=ApplicationStatus.REJECTED
    )
    client = client_as("staff")

    def listed(**query):
        response = client.get(CHANGELIST, query)
        return [app.city_name for app in response.context["cl"].result_list]

    assert listed(status__exact="rejected") == ["Meri/Diamaré"]
    assert listed(q="Diamar") == ["Meri/Diamaré"]
    assert listed(country__exact="XK") == ["Peja/Peć"]
    assert len(listed(region__id__exact=str(region.pk))) == 2


def test_decision_fields_are_read_only_in_the_admin(client_as, region):
    application = make_application(region)
    form = (
        client_as("staff")
        .get(reverse("admin:membership_cityapplication_change", args=[application.pk]))
        .context["adminform"]
        .form
    )
    for name in ["status", "decided_by", "decided_at", "decision_reason", "approval_letter"]:
        assert name not in form.fields


def test_staff_can_add_an_application_received_by_post(client_as, region, media_root):
    data = application_data(region)
    data = {key: value for key, value in data.items() if not key.startswith("principle_")}
    data["language"] = "ar"
    response = client_as("staff").post(reverse("admin:membership_cityapplication_add"), data)

    assert response.status_code == 302
    application = CityApplication.objects.get()
    assert (application.letter_size, application.language) == (len(PDF), "ar")
    assert LETTER_NAME.match(application.approval_letter.name)


# --- the login page points cities to the form ---


def test_the_login_page_links_to_the_join_form_and_still_logs_in(client, member):
    page = client.get(reverse("account_login")).content.decode()
    assert f'href="{JOIN}"' in page
    assert 'name="password"' in page
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


# --- who may see what ---


def expected(role: str, url_name: str) -> tuple[int, str | None]:
    if url_name in ("membership:join", "membership:join_done"):
        return 200, None
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if role == "staff":
        return 200, None
    return 302, reverse("admin:login")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url_name",
    [
        "membership:join",
        "membership:join_done",
        "admin:membership_cityapplication_changelist",
        "admin:membership_cityapplication_letter",
    ],
)
def test_permission_matrix(client_as, role, url_name, apply, media_root):
    apply()
    application = CityApplication.objects.get()
    args = [application.pk] if url_name.endswith("_letter") else []
    status, target = expected(role, url_name)

    response = client_as(role).get(reverse(url_name, args=args))

    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target
    if role != "staff":
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PDF[:64] not in body


def test_join_page_query_count(client, region, django_assert_max_num_queries):
    RegionFactory.create_batch(8)
    # The regions for the select, nothing else (anonymous: no session, no user).
    with django_assert_max_num_queries(1):
        assert client.get(JOIN).status_code == 200


def test_admin_changelist_query_count_does_not_grow_with_applications(
    client_as, region, django_assert_max_num_queries
):
    client = client_as("staff")
    make_application(region)
    with django_assert_max_num_queries(10) as few:  # 9 measured
        assert client.get(CHANGELIST).status_code == 200
    for number in range(15):
        make_application(
            RegionFactory(), city_name=f"City {number}", status=ApplicationStatus.REJECTED
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(CHANGELIST).status_code == 200


@pytest.mark.parametrize("how", ["delete view", "delete action"])
def test_a_deleted_application_leaves_no_letter_behind(
    client_as, apply, media_root, how, django_capture_on_commit_callbacks
):
    apply()
    application = CityApplication.objects.get()
    assert stored_files(media_root)
    client = client_as("staff")

    with django_capture_on_commit_callbacks(execute=True):
        if how == "delete view":
            url = reverse("admin:membership_cityapplication_delete", args=[application.pk])
            response = client.post(url, {"post": "yes"})
        else:
            response = client.post(
                CHANGELIST,
                {"action": "delete_selected", "_selected_action": [application.pk], "post": "yes"},
            )

    assert response.status_code == 302
    assert CityApplication.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_population_must_be_a_positive_number(apply):
    response = apply(population="0")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["population"]


def test_a_letter_over_the_default_cap_is_a_form_error_not_a_server_error(apply, media_root):
    # Beyond DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) too: Django does not count files in it.
    assert django_settings.CITY_APPLICATION_LETTER_MAX_BYTES == 10 * 1024 * 1024
    big = PDF + b"\n%" + b"0" * (11 * 1024 * 1024)

    response = apply(approval_letter=letter_file(big))

    assert response.status_code == 200
    assert "too large" in response.context["form"].errors["approval_letter"][0]
    assert "10.0\xa0MB" in response.context["form"].errors["approval_letter"][0]
    assert stored_files(media_root) == []
