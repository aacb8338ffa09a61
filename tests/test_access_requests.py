"""Practitioners' access (issue 4): the signup request, the applicant's status page, staff
decisions in the admin, a point of contact's "people of my city", suspended cities."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import translation

from membership.choices import CityStatus, MemberRole, MemberStatus
from membership.models import City, Member, User
from membership.services.access import approve_member, reject_member, request_more_information
from scn_portal import mail
from scn_portal.mail import render_email
from tests.conftest import PASSWORD, ROLES
from tests.factories import CityFactory, MemberFactory, UserFactory

SIGNUP = reverse("account_signup")
LOGIN = reverse("account_login")
HOME = reverse("home")
STATUS = reverse("membership:application_status")
MY_CITY = reverse("membership:my_city")
MEMBER_ADMIN = reverse("admin:membership_member_changelist")
MEMBER_PAGES = [HOME, reverse("library:index"), reverse("cityprofiles:index"),
                reverse("training:index"), reverse("events:index"), reverse("membership:index"),
                MY_CITY]  # fmt: skip
TEAM_EMAIL = "hub@localhost"  # the address in DEFAULT_FROM_EMAIL (settings' default)


def decide_url(member) -> str:
    return reverse("membership:decide_member", args=[member.pk])


def path_of(response) -> str:
    return urlsplit(response["Location"]).path


def signup_data(member_city, **changes) -> dict:
    data = {
        "first_name": "Amina",
        "last_name": "Diallo",
        "email": "amina@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "city": str(member_city.pk),
        "position": "Youth worker",
        "organisation": "City youth service",
        "access_reason": "I run a prevention network and want to read the local action plans.",
    }
    data.update(changes)
    return data


def history_of(member) -> list[str]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Member), object_id=str(member.pk)
        )
        .order_by("pk")
        .values_list("change_message", flat=True)
    )


def expected_email(member, template: str, language: str, reason: str = "") -> tuple[str, str]:
    """The (subject, body) the decision email must have: rendered the way the hub renders
    it in `language` (French entries of the catalogue are added later)."""
    context = {"member": member, "user": member.user, "city": member.city, "reason": reason}
    return render_email(f"membership/email/{template}", context, language)


@pytest.fixture
def pending_in_b(city_b):
    """Someone of city B (whose point of contact is editor_b) awaiting a decision, who
    reads the hub in French."""
    return MemberFactory(
        city=city_b,
        approved=False,
        user__email="pending-b@example.org",
        user__first_name="Zawadi",
        user__preferred_language="fr",
        access_reason="I coordinate the youth centres.",
    )


@pytest.fixture
def applicant_member(applicant):
    applicant.preferred_language = "fr"
    applicant.save()
    return applicant.member


# --- Signup ---------------------------------------------------------------------------


def test_signup_form_offers_only_active_cities_by_name_with_their_country(client, city_a):
    CityFactory(name="Zagreb Test", country="HR")
    CityFactory(name="Bihać Test", country="BA")
    for status in (CityStatus.APPLICANT, CityStatus.SUSPENDED, CityStatus.FORMER):
        CityFactory(name=f"Closed {status}", status=status)

    form = client.get(SIGNUP).context["form"]

    labels = [label for value, label in form.fields["city"].choices if value]
    assert labels == ["Aarhus Test (Denmark)", "Bihać Test (Bosnia and Herzegovina)",
                      "Zagreb Test (Croatia)"]  # fmt: skip
    assert list(form.fields)[:5] == ["first_name", "last_name", "email", "password1", "password2"]
    assert {"city", "position", "organisation", "access_reason"} <= set(form.fields)


def test_signup_page_says_who_reviews_the_request(client, city_a):
    page = client.get(SIGNUP).content.decode()
    assert "reviewed by the SCN team or your city's point of contact" in page
    assert 'name="access_reason"' in page and "<textarea" in page


def test_signup_end_to_end_makes_an_applicant_who_sees_only_the_status_page(
    client, city_a, mailoutbox
):
    response = client.post(SIGNUP, signup_data(city_a))

    assert path_of(response) == reverse("account_email_verification_sent")
    user = User.objects.get(email="amina@example.org")
    assert (user.first_name, user.last_name, user.preferred_language) == ("Amina", "Diallo", "en")
    member = user.member
    assert member.status == MemberStatus.PENDING and member.role == MemberRole.PRACTITIONER
    assert (member.city, member.position, member.organisation) == (
        city_a, "Youth worker", "City youth service")  # fmt: skip
    assert member.access_reason.startswith("I run a prevention network")
    assert not EmailAddress.objects.get(user=user).verified

    assert [message.to for message in mailoutbox] == [["amina@example.org"]]
    confirm = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mailoutbox[0].body)
    client.post(confirm.group(1))
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(LOGIN, {"login": "amina@example.org", "password": PASSWORD})
    assert response.status_code == 302
    for url in MEMBER_PAGES:
        assert path_of(client.get(url)) == STATUS, url
    page = client.get(STATUS).content.decode()
    assert "under review" in page
    assert reverse("library:index") not in page


def test_signup_keeps_the_language_the_page_was_read_in(client, city_a):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    client.post(SIGNUP, signup_data(city_a))
    assert User.objects.get(email="amina@example.org").preferred_language == "ar"


@pytest.mark.parametrize("status", [CityStatus.SUSPENDED, CityStatus.FORMER, CityStatus.APPLICANT])
def test_signup_for_a_city_that_is_not_active_is_refused(client, db, mailoutbox, status):
    closed = CityFactory(status=status)  # a forged POST: the city is not among the choices

    response = client.post(SIGNUP, signup_data(closed))

    assert response.status_code == 200
    assert "city" in response.context["form"].errors
    assert not User.objects.exists() and not Member.objects.exists() and not mailoutbox


@pytest.mark.parametrize("missing", ["access_reason", "city", "position", "organisation",
                                     "first_name", "last_name"])  # fmt: skip
def test_signup_without_a_required_answer_is_refused(client, city_a, mailoutbox, missing):
    response = client.post(SIGNUP, signup_data(city_a, **{missing: "   "}))

    assert response.status_code == 200
    assert missing in response.context["form"].errors
    assert not User.objects.exists() and not Member.objects.exists() and not mailoutbox


def test_signup_for_an_unknown_city_is_refused(client, city_a):
    response = client.post(SIGNUP, signup_data(city_a, city="999999"))
    assert "city" in response.context["form"].errors
    assert not User.objects.exists()


# --- The applicant's status page -------------------------------------------------------


def status_page(client, user) -> str:
    client.force_login(user)
    response = client.get(STATUS)
    assert response.status_code == 200
    return response.content.decode()


def test_status_page_under_review(client, applicant):
    page = status_page(client, applicant)
    assert "under review by the SCN team or your city's point of contact" in page
    assert "Aarhus Test" in page


def test_status_page_more_information_shows_the_question_and_how_to_reply(
    client, applicant_member, staff
):
    request_more_information(applicant_member, staff, "Which service do you work for?")
    page = status_page(client, applicant_member.user)
    assert "More information needed" in page
    assert "Which service do you work for?" in page
    assert f'href="mailto:{TEAM_EMAIL}"' in page
    assert "point of contact" in page


def test_status_page_rejected_shows_the_reason(client, applicant_member, staff):
    reject_member(applicant_member, staff, "Not a member city's practitioner.")
    page = status_page(client, applicant_member.user)
    assert "was not approved" in page
    assert "Not a member city&#x27;s practitioner." in page


def test_status_page_of_an_account_without_a_city(client, db):
    user = UserFactory(email="nocity@example.org")  # e.g. made by staff in the admin
    client.force_login(user)
    assert path_of(client.get(HOME)) == STATUS
    page = client.get(STATUS).content.decode()
    assert "not linked to a member city" in page
    assert f'href="mailto:{TEAM_EMAIL}"' in page


def test_status_page_escapes_the_reason(client, applicant_member, staff):
    reject_member(applicant_member, staff, "<script>alert(1)</script>")
    page = status_page(client, applicant_member.user)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


# --- Staff decide in the admin ---------------------------------------------------------


def run_action(client, django_capture_on_commit_callbacks, action, members, **extra):
    data = {"action": action, "_selected_action": [str(member.pk) for member in members], **extra}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(MEMBER_ADMIN, data)


def test_staff_approve_one_request(
    client_as, staff, applicant_member, mailoutbox, django_capture_on_commit_callbacks
):
    response = run_action(
        client_as("staff"), django_capture_on_commit_callbacks, "approve", [applicant_member]
    )

    assert response.status_code == 302
    member = Member.objects.get(pk=applicant_member.pk)
    assert member.status == MemberStatus.APPROVED
    assert member.decided_by == staff and member.decided_at is not None
    assert history_of(member) == ["Access approved."]
    assert [message.to for message in mailoutbox] == [["applicant@example.org"]]
    subject, body = expected_email(member, "access_approved", "fr")
    assert (mailoutbox[0].subject, mailoutbox[0].body) == (subject, body)
    assert settings.SITE_URL + LOGIN in body  # a link that works from a mail client

    client = client_as("applicant")
    assert client.get(HOME).status_code == 200
    assert path_of(client.get(STATUS)) == HOME


def test_staff_approve_in_bulk(client_as, staff, mailoutbox, django_capture_on_commit_callbacks):
    requests = [MemberFactory(approved=False) for _ in range(3)]
    already = MemberFactory()  # approved: selected too, left as it is

    run_action(
        client_as("staff"), django_capture_on_commit_callbacks, "approve", [*requests, already]
    )

    assert set(Member.objects.values_list("status", flat=True)) == {MemberStatus.APPROVED}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(r.user.email for r in requests)
    assert all(history_of(r) == ["Access approved."] for r in requests)
    assert history_of(already) == [] and Member.objects.get(pk=already.pk).decided_by is None


def test_staff_reject_asks_for_a_reason_first(
    client_as, applicant_member, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_as("staff")

    first = run_action(client, django_capture_on_commit_callbacks, "reject", [applicant_member])
    assert first.status_code == 200
    assert "admin/membership/decision_reason.html" in [t.name for t in first.templates]

    blank = run_action(
        client, django_capture_on_commit_callbacks, "reject", [applicant_member],
        apply="1", reason="  ",
    )  # fmt: skip
    assert blank.status_code == 200 and blank.context["form"].errors
    assert Member.objects.get(pk=applicant_member.pk).status == MemberStatus.PENDING
    assert history_of(applicant_member) == [] and mailoutbox == []


def test_staff_reject_with_a_reason(
    client_as, staff, applicant_member, mailoutbox, django_capture_on_commit_callbacks
):
    reason = "Your organisation does not work with the city."
    response = run_action(
        client_as("staff"), django_capture_on_commit_callbacks, "reject", [applicant_member],
        apply="1", reason=reason,
    )  # fmt: skip

    assert response.status_code == 302
    member = Member.objects.get(pk=applicant_member.pk)
    assert (member.status, member.decision_reason, member.decided_by) == (
        MemberStatus.REJECTED, reason, staff)  # fmt: skip
    assert history_of(member) == [f"Access refused. Reason: {reason}"]
    assert (mailoutbox[0].subject, mailoutbox[0].body) == expected_email(
        member, "access_rejected", "fr", reason
    )
    assert reason in mailoutbox[0].body
    assert reason in client_as("applicant").get(STATUS).content.decode()


def test_staff_ask_for_more_information(
    client_as, staff, applicant_member, mailoutbox, django_capture_on_commit_callbacks
):
    reason = "Please tell us which service you work for."
    run_action(
        client_as("staff"), django_capture_on_commit_callbacks, "ask_for_more_information",
        [applicant_member], apply="1", reason=reason,
    )  # fmt: skip

    member = Member.objects.get(pk=applicant_member.pk)
    assert (member.status, member.decision_reason) == (MemberStatus.MORE_INFORMATION, reason)
    assert history_of(member) == [f"More information requested: {reason}"]
    assert (mailoutbox[0].subject, mailoutbox[0].body) == expected_email(
        member, "access_more_information", "fr", reason
    )
    page = client_as("applicant").get(STATUS).content.decode()
    assert "More information needed" in page and reason in page


def test_decision_email_is_rendered_with_the_users_language_active(
    applicant_member, staff, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    """Whatever the language of the person deciding (Arabic here), the email is written
    with the recipient's language (French) active."""
    languages = []
    render_to_string = mail.render_to_string

    def recording(*args, **kwargs):
        languages.append(translation.get_language())
        return render_to_string(*args, **kwargs)

    monkeypatch.setattr(mail, "render_to_string", recording)
    with translation.override("ar"), django_capture_on_commit_callbacks(execute=True):
        approve_member(applicant_member, staff)
    assert languages == ["fr", "fr"]  # subject and body
    assert len(mailoutbox) == 1


def test_decisions_are_idempotent(
    applicant_member, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert approve_member(applicant_member, staff) is True
        decided_at = Member.objects.get(pk=applicant_member.pk).decided_at
        assert approve_member(applicant_member, staff) is False
        assert reject_member(applicant_member, staff, "No.") is True
        assert reject_member(applicant_member, staff, "No.") is False
    assert len(mailoutbox) == 2
    assert history_of(applicant_member) == ["Access approved.", "Access refused. Reason: No."]
    assert Member.objects.get(pk=applicant_member.pk).decided_at > decided_at


def test_a_reason_is_required_by_the_services(applicant_member, staff):
    for decide in (reject_member, request_more_information):
        with pytest.raises(ValueError):
            decide(applicant_member, staff, " ")
    assert Member.objects.get(pk=applicant_member.pk).status == MemberStatus.PENDING


def test_approving_a_second_point_of_contact_is_refused_with_a_message(
    client_as, editor_b, city_b, mailoutbox, django_capture_on_commit_callbacks
):
    second = MemberFactory(city=city_b, role=MemberRole.POINT_OF_CONTACT, approved=False)

    response = run_action(client_as("staff"), django_capture_on_commit_callbacks, "approve",
                          [second])  # fmt: skip

    assert Member.objects.get(pk=second.pk).status == MemberStatus.PENDING
    assert mailoutbox == [] and history_of(second) == []
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any("already has a point of contact" in message for message in shown)


def test_member_change_form_shows_the_decision_read_only(client_as, staff, applicant_member):
    reject_member(applicant_member, staff, "Unknown organisation.")
    client = client_as("staff")
    url = reverse("admin:membership_member_change", args=[applicant_member.pk])

    response = client.get(url)
    readonly = {field for fieldset in response.context["adminform"] for line in fieldset
                for field in line if field.is_readonly}  # fmt: skip
    assert {"status", "decided_by", "decided_at", "decision_reason"} <= {
        f.field["name"] for f in readonly
    }
    assert "Unknown organisation." in response.content.decode()

    data = model_to_dict(applicant_member, fields=["user", "city", "role", "position",
                                                   "organisation", "access_reason"])  # fmt: skip
    client.post(url, {**data, "status": "approved", "decision_reason": "forged"})
    member = Member.objects.get(pk=applicant_member.pk)
    assert (member.status, member.decision_reason) == (MemberStatus.REJECTED,
                                                       "Unknown organisation.")  # fmt: skip


def test_member_changelist_lists_and_filters(client_as, applicant_member, member):
    client = client_as("staff")
    response = client.get(MEMBER_ADMIN, {"status__exact": "pending"})
    assert list(response.context["cl"].result_list) == [applicant_member]
    assert response.context["cl"].list_display[1:] == ["user", "city", "role", "status",
                                                       "created"]  # fmt: skip
    region = applicant_member.city.region
    response = client.get(MEMBER_ADMIN, {"city__region__id__exact": region.pk, "role__exact":
                                         "practitioner"})  # fmt: skip
    assert response.status_code == 200 and applicant_member in response.context["cl"].result_list


# --- People of my city (point of contact) ----------------------------------------------


def test_point_of_contact_sees_the_people_of_their_city(client_as, editor_b, city_b, pending_in_b,
                                                       applicant):  # fmt: skip
    approved = MemberFactory(city=city_b, user__email="approved-b@example.org")
    asked = MemberFactory(city=city_b, approved=False, status=MemberStatus.MORE_INFORMATION,
                          decision_reason="Which school?")  # fmt: skip
    MemberFactory(city=city_b, approved=False, status=MemberStatus.REJECTED,
                  user__email="refused-b@example.org")  # fmt: skip

    response = client_as("editor_b").get(MY_CITY)

    assert response.status_code == 200
    assert list(response.context["awaiting"]) == [pending_in_b, asked]
    assert list(response.context["object_list"]) == [approved]  # not themselves
    page = response.content.decode()
    for text in ("pending-b@example.org", "I coordinate the youth centres.", "Youth worker",
                 "Municipality", "approved-b@example.org", "Which school?",
                 "What the network expects of member cities"):  # fmt: skip
        assert text in page, text
    for absent in ("applicant@example.org", "refused-b@example.org", "editor-b@example.org"):
        assert absent not in page.split("</header>", 1)[1], absent
    assert response.context["expectations"][0].met is True  # they are the point of contact


def test_point_of_contact_searches_the_people_with_access(client_as, editor_b, city_b):
    MemberFactory(city=city_b, user__first_name="Baraka", user__email="baraka@example.org")
    MemberFactory(city=city_b, user__first_name="Neema", user__email="neema@example.org")
    response = client_as("editor_b").get(MY_CITY, {"q": "barak"})
    assert [m.user.email for m in response.context["object_list"]] == ["baraka@example.org"]


def test_point_of_contact_approves(
    client_as, editor_b, pending_in_b, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("editor_b").post(decide_url(pending_in_b), {"decision": "approve"})

    assert path_of(response) == MY_CITY
    member = Member.objects.get(pk=pending_in_b.pk)
    assert (member.status, member.decided_by) == (MemberStatus.APPROVED, editor_b)
    assert history_of(member) == ["Access approved."]
    assert (mailoutbox[0].to, mailoutbox[0].body) == (
        ["pending-b@example.org"], expected_email(member, "access_approved", "fr")[1])  # fmt: skip
    assert LogEntry.objects.get(object_id=str(member.pk)).user == editor_b


def test_point_of_contact_refuses_with_a_reason(
    client_as, editor_b, pending_in_b, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_as("editor_b")
    with django_capture_on_commit_callbacks(execute=True):
        blank = client.post(decide_url(pending_in_b), {"decision": "reject", "reason": " "})
    assert blank.status_code == 200
    assert f'aria-describedby="reason-{pending_in_b.pk}-errors"' in blank.content.decode()
    assert Member.objects.get(pk=pending_in_b.pk).status == MemberStatus.PENDING
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(pending_in_b), {"decision": "reject", "reason": "Not our staff."})
    member = Member.objects.get(pk=pending_in_b.pk)
    assert (member.status, member.decision_reason) == (MemberStatus.REJECTED, "Not our staff.")
    assert history_of(member) == ["Access refused. Reason: Not our staff."]
    assert "Not our staff." in mailoutbox[0].body


def test_point_of_contact_cannot_decide_for_another_city(client_as, editor_b, applicant):
    response = client_as("editor_b").post(decide_url(applicant.member), {"decision": "approve"})
    assert response.status_code == 404
    assert Member.objects.get(pk=applicant.member.pk).status == MemberStatus.PENDING


def test_point_of_contact_cannot_decide_on_themselves(client_as, editor_b):
    response = client_as("editor_b").post(
        decide_url(editor_b.member), {"decision": "reject", "reason": "Leaving."}
    )
    assert response.status_code == 404
    assert Member.objects.get(pk=editor_b.member.pk).status == MemberStatus.APPROVED


def test_point_of_contact_does_not_withdraw_access_already_given(
    client_as, editor_b, city_b, mailoutbox, django_capture_on_commit_callbacks
):
    approved = MemberFactory(city=city_b)
    client = client_as("editor_b")
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(decide_url(approved), {"decision": "reject", "reason": "Bye."})
        again = client.post(decide_url(approved), {"decision": "approve"})
    assert path_of(refused) == path_of(again) == MY_CITY
    assert Member.objects.get(pk=approved.pk).status == MemberStatus.APPROVED
    assert mailoutbox == [] and history_of(approved) == []
    assert "already been decided" in client.get(MY_CITY).content.decode()


def test_point_of_contact_cannot_approve_a_second_point_of_contact(client_as, editor_b, city_b):
    second = MemberFactory(city=city_b, role=MemberRole.POINT_OF_CONTACT, approved=False)
    client = client_as("editor_b")
    client.post(decide_url(second), {"decision": "approve"})
    assert Member.objects.get(pk=second.pk).status == MemberStatus.PENDING
    assert "already has a point of contact" in client.get(MY_CITY).content.decode()


def test_decide_only_answers_post(client_as, editor_b, pending_in_b):
    assert client_as("editor_b").get(decide_url(pending_in_b)).status_code == 405


def test_unknown_decision_is_a_form_error(client_as, editor_b, pending_in_b):
    response = client_as("editor_b").post(decide_url(pending_in_b), {"decision": "promote"})
    assert response.status_code == 200
    assert Member.objects.get(pk=pending_in_b.pk).status == MemberStatus.PENDING


def test_home_links_to_my_city_for_points_of_contact_only(client_as):
    link = f'href="{MY_CITY}"'
    assert link in client_as("editor_b").get(HOME).content.decode()
    for role in ("member", "editor_a", "staff"):
        assert link not in client_as(role).get(HOME).content.decode(), role


def test_a_point_of_contact_of_a_suspended_city_loses_the_page(client_as, editor_b, city_b):
    client = client_as("editor_b")
    City.objects.filter(pk=city_b.pk).update(status=CityStatus.SUSPENDED)
    assert path_of(client.get(MY_CITY)) == STATUS


# --- A suspended city ------------------------------------------------------------------


def set_city_status_in_admin(client, city, status):
    data = model_to_dict(city, fields=["name", "slug", "region", "status", "date_joined",
                                       "latitude", "longitude"])  # fmt: skip
    data.update(country=city.country.code, status=status, date_joined="")
    data = {key: ("" if value is None else value) for key, value in data.items()}
    response = client.post(reverse("admin:membership_city_change", args=[city.pk]), data)
    assert response.status_code == 302, response.context["adminform"].errors
    assert City.objects.get(pk=city.pk).status == status


def test_a_suspended_citys_members_lose_access_at_their_next_request(client_as, member, city_a):
    client = client_as("member")
    network = reverse("membership:index")
    assert client.get(network).status_code == 200

    set_city_status_in_admin(client_as("staff"), city_a, CityStatus.SUSPENDED)

    assert path_of(client.get(network)) == STATUS
    page = client.get(STATUS).content.decode()
    assert "is not an active member of the network" in page and "Aarhus Test" in page
    member_row = Member.objects.get(user=member)  # nothing deleted, nothing changed
    assert (member_row.status, member_row.city_id) == (MemberStatus.APPROVED, city_a.pk)

    set_city_status_in_admin(client_as("staff"), city_a, CityStatus.ACTIVE)
    assert client.get(network).status_code == 200  # no new approval needed


def test_a_former_citys_members_are_told_too(client_as, member, city_a):
    City.objects.filter(pk=city_a.pk).update(status=CityStatus.FORMER)
    client = client_as("member")
    assert path_of(client.get(HOME)) == STATUS
    assert "is not an active member" in client.get(STATUS).content.decode()


# --- Permission matrix ------------------------------------------------------------------


def expected(role: str, page: str) -> tuple[int, str | None]:
    """(status, path redirected to) for a role on one of this area's pages."""
    if role == "anonymous":
        return 302, LOGIN
    if page == "status":
        return (200, None) if role == "applicant" else (302, HOME)
    if role == "applicant":
        return 302, STATUS
    if page == "admin":
        return (200, None) if role == "staff" else (302, reverse("admin:login"))
    if role != "editor_b":  # only the point of contact of city B has a city to look after
        return 404, None
    return (200, None) if page == "my_city" else (302, MY_CITY)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["status", "my_city", "decide", "admin"])
def test_permission_matrix(client_as, role, page, pending_in_b):
    client = client_as(role)
    if page == "decide":
        response = client.post(decide_url(pending_in_b), {"decision": "approve"})
    else:
        url = {"status": STATUS, "my_city": MY_CITY, "admin": MEMBER_ADMIN}[page]
        response = client.get(url)
    status, target = expected(role, page)
    assert response.status_code == status
    if target:
        assert path_of(response) == target
    if page == "decide":
        approved = role == "editor_b"
        assert Member.objects.get(pk=pending_in_b.pk).approved is approved


@pytest.mark.parametrize("role", ["member", "editor_a", "editor_b", "staff"])
def test_decide_on_a_person_of_city_a_is_not_found_for_everyone_but_staff_in_the_admin(
    client_as, role, applicant
):
    # editor_a is city A's editor but not its point of contact; editor_b is B's.
    response = client_as(role).post(decide_url(applicant.member), {"decision": "approve"})
    assert response.status_code == 404


# --- Query counts -----------------------------------------------------------------------


def make_people(city, pending: int, approved: int) -> None:
    for _ in range(pending):
        MemberFactory(city=city, approved=False)
    for _ in range(approved):
        MemberFactory(city=city)


def test_my_city_query_count_does_not_grow_with_the_people(
    client_as, editor_b, city_b, django_assert_max_num_queries
):
    client = client_as("editor_b")
    make_people(city_b, pending=5, approved=5)
    # The city's five expectations are one query each (membership/expectations.py).
    with django_assert_max_num_queries(11) as few:
        assert client.get(MY_CITY).status_code == 200
    make_people(city_b, pending=25, approved=25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(MY_CITY)
    assert len(response.context["awaiting"]) == 30


def test_member_changelist_query_count_does_not_grow(
    client_as, staff, city_a, django_assert_max_num_queries
):
    client = client_as("staff")
    make_people(city_a, pending=5, approved=0)
    with django_assert_max_num_queries(9) as few:
        assert client.get(MEMBER_ADMIN).status_code == 200
    make_people(CityFactory(), pending=25, approved=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(MEMBER_ADMIN)
    assert response.context["cl"].result_count == 35


@pytest.mark.parametrize("role", ["applicant", "member"])
def test_status_page_query_count(client_as, role, city_a, django_assert_max_num_queries):
    # member: a suspended city's practitioner, the other state read from the database
    City.objects.filter(pk=city_a.pk).update(status=CityStatus.SUSPENDED)
    client = client_as(role)
    with django_assert_max_num_queries(3):
        assert client.get(STATUS).status_code == 200


def test_user_change_page_shows_the_membership_with_the_decision_read_only(
    client_as, staff, applicant_member
):
    reject_member(applicant_member, staff, "Unknown organisation.")
    url = reverse("admin:membership_user_change", args=[applicant_member.user.pk])
    response = client_as("staff").get(url)
    assert response.status_code == 200
    assert "Unknown organisation." in response.content.decode()
    assert 'name="member-0-decision_reason"' not in response.content.decode()
