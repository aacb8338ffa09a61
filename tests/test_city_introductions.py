"""Introductions between cities (issue 6): a member asks the SCN team to be put in touch
with a counterpart in another city, staff broker it in the admin (introduce, decline, record
the outcome), everyone is emailed in their own language, and the member follows their
requests on their own page."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cityprofiles.choices import IntroductionOutcome, IntroductionStatus
from cityprofiles.models import CityProfile, Initiative, IntroductionRequest
from cityprofiles.services_introductions import (
    IntroductionNotAllowed,
    decline_introduction,
    mark_introduced,
    record_outcome,
    request_introduction,
)
from membership.choices import CityStatus
from membership.models import Theme
from scn_portal.mail import absolute_url, render_email
from tests.conftest import ROLES
from tests.factories import CityFactory, MemberFactory

MY_INTRODUCTIONS = reverse("cityprofiles:my_introductions")
ADMIN_LIST = reverse("admin:cityprofiles_introductionrequest_changelist")
TEAM_EMAIL = "hub@localhost"  # SERVER_EMAIL defaults to DEFAULT_FROM_EMAIL's address
EMAIL_PREFIX = "cityprofiles/email/introduction_"


# --- the cities, their profiles and people ---


@pytest.fixture
def themes(db):
    return [
        Theme.objects.create(
            name="Mentoring", slug="mentoring", name_fr="Mentorat", name_ar="الإرشاد"
        ),
        Theme.objects.create(
            name="Youth engagement",
            slug="youth-engagement",
            name_fr="Engagement des jeunes",
            name_ar="إشراك الشباب",
        ),
    ]


@pytest.fixture
def profile_a(city_a):
    return CityProfile.objects.create(city=city_a, published=True, challenges="Polarisation.")


@pytest.fixture
def profile_b(city_b):
    return CityProfile.objects.create(city=city_b, published=True, challenges="Recruitment.")


@pytest.fixture
def initiative_a(profile_a):
    return Initiative.objects.create(profile=profile_a, title="Aarhus exit programme")


@pytest.fixture
def initiative_b(profile_b, themes):
    initiative = Initiative.objects.create(profile=profile_b, title="Mombasa mentors")
    initiative.themes.set([themes[0]])
    return initiative


@pytest.fixture
def draft_city(db):
    city = CityFactory(name="Draft Town", country="FR")
    CityProfile.objects.create(city=city, published=False)
    return city


@pytest.fixture
def french_member(member):
    """The `member` fixture (practitioner of city A), reading the hub in French."""
    member.first_name, member.last_name = "Claire", "Martin"
    member.preferred_language = "fr"
    member.save()
    member.member.position = "Coordinatrice jeunesse"
    member.member.save()
    return member


@pytest.fixture
def arabic_contact(editor_b):
    """The `editor_b` fixture (city B's point of contact), reading the hub in Arabic."""
    editor_b.first_name, editor_b.last_name = "Amina", "Hassan"
    editor_b.preferred_language = "ar"
    editor_b.save()
    editor_b.member.position = "Head of prevention"
    editor_b.member.save()
    return editor_b


def request_url(city, initiative=None) -> str:
    url = reverse("cityprofiles:request_introduction", args=[city.slug])
    return f"{url}?initiative={initiative.pk}" if initiative else url


def request_data(themes=(), **changes) -> dict:
    data = {
        "topic": "Mentoring young people at risk",
        "message": "We are starting a mentoring programme and would like to learn from yours.",
        "themes": [theme.pk for theme in themes],
    }
    data.update(changes)
    return data


def ask(client, to_city, captured, *, initiative=None, **data):
    """POST the request form for `to_city` (from the initiative's link when given)."""
    form = request_data(**data)
    if initiative is not None:
        form["initiative"] = initiative.pk
    with captured(execute=True):
        return client.post(request_url(to_city, initiative), form)


def admin_action(client, action, introductions, captured, **extra):
    with captured(execute=True):
        return client.post(
            ADMIN_LIST,
            {"action": action, "_selected_action": [i.pk for i in introductions], **extra},
        )


def history_of(introduction) -> list[str]:
    content_type = ContentType.objects.get_for_model(IntroductionRequest)
    return list(
        LogEntry.objects.filter(content_type=content_type, object_id=str(introduction.pk))
        .order_by("pk")
        .values_list("change_message", flat=True)
    )


def make_request(requester_user, profile, **changes) -> IntroductionRequest:
    """A request made through the service (emails are not sent: no on-commit callbacks
    run outside django_capture_on_commit_callbacks)."""
    fields = {"topic": "Exchange on youth work", "message": "Please introduce us."}
    fields.update(changes)
    return request_introduction(requester_user.member, profile=profile, **fields)


def path_of(response) -> str:
    return urlsplit(response["Location"]).path


# --- asking ---


def test_a_member_asks_for_an_introduction_from_a_profile(
    client_as,
    french_member,
    arabic_contact,
    profile_b,
    themes,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client = client_as("member")
    page = client.get(request_url(profile_b.city))
    assert page.status_code == 200
    assert "Mombasa Test" in page.content.decode()
    # Themes are offered in the reader's language.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert "Engagement des jeunes" in client.get(request_url(profile_b.city)).content.decode()

    response = ask(client, profile_b.city, django_capture_on_commit_callbacks, themes=themes)

    assert response.status_code == 302 and path_of(response) == MY_INTRODUCTIONS
    introduction = IntroductionRequest.objects.get()
    assert introduction.requester == french_member.member
    assert introduction.city == profile_b.city and introduction.initiative is None
    assert introduction.status == IntroductionStatus.REQUESTED
    assert introduction.topic == "Mentoring young people at risk"
    assert set(introduction.themes.all()) == set(themes)
    # The SCN team is told (in the site language); the member gets a confirmation in
    # theirs; the other city receives nothing.
    team, confirmation = sorted(mailoutbox, key=lambda email: email.to != [TEAM_EMAIL])
    assert team.to == [TEAM_EMAIL]
    assert "Claire Martin (Aarhus Test)" in team.body and "Mombasa Test" in team.body
    assert "We are starting a mentoring programme" in team.body
    assert f"/admin/cityprofiles/introductionrequest/{introduction.pk}/change/" in team.body
    assert "Mentoring, Youth engagement" in team.body
    assert confirmation.to == [french_member.email]
    with translation.override("fr"):
        assert gettext("Hello %(name)s,") % {"name": "Claire"} in confirmation.body
    assert "Mentorat, Engagement des jeunes" in confirmation.body
    assert MY_INTRODUCTIONS in confirmation.body
    assert all(arabic_contact.email not in email.to for email in mailoutbox)
    assert len(mailoutbox) == 2


def test_a_member_asks_about_an_initiative(
    client_as,
    member,
    profile_b,
    initiative_b,
    themes,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client = client_as("member")
    page = client.get(request_url(profile_b.city, initiative_b)).content.decode()
    # The form starts from the initiative: its title as topic, its themes ticked.
    assert "Mombasa mentors" in page
    assert f'name="initiative" value="{initiative_b.pk}"' in page
    assert 'value="Mombasa mentors"' in page
    assert re.search(rf'<input [^>]*value="{themes[0].pk}"[^>]*checked', page)
    assert not re.search(rf'<input [^>]*value="{themes[1].pk}"[^>]*checked', page)

    ask(client, profile_b.city, django_capture_on_commit_callbacks, initiative=initiative_b)

    introduction = IntroductionRequest.objects.get()
    assert introduction.initiative == initiative_b and introduction.city == profile_b.city
    assert any("Mombasa mentors" in email.body for email in mailoutbox)


def test_the_city_comes_from_the_url_never_from_the_form(
    client_as, member, profile_b, draft_city, django_capture_on_commit_callbacks
):
    ask(
        client_as("member"),
        profile_b.city,
        django_capture_on_commit_callbacks,
        city=str(draft_city.pk),
    )
    assert IntroductionRequest.objects.get().city == profile_b.city


def test_a_forged_initiative_in_the_link_is_ignored_with_a_notice(
    client_as, member, profile_b, initiative_a
):
    page = client_as("member").get(request_url(profile_b.city, initiative_a)).content.decode()
    assert "is not one of Mombasa Test" in page
    assert "Aarhus exit programme" not in page
    assert 'name="initiative" value=' not in page  # the form is about the city


@pytest.mark.parametrize("forged", ["other_city", "not_a_number", "missing"])
def test_a_forged_initiative_in_the_form_is_refused(
    client_as,
    member,
    profile_b,
    initiative_a,
    forged,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    value = {"other_city": initiative_a.pk, "not_a_number": "1 OR 1=1", "missing": 999999}[forged]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("member").post(
            request_url(profile_b.city), request_data(initiative=value)
        )
    assert response.status_code == 200
    assert "This initiative is not one of this city" in response.content.decode()
    assert not IntroductionRequest.objects.exists() and mailoutbox == []


def test_a_member_cannot_ask_for_their_own_city(
    client_as, member, profile_a, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_as("member")
    page = client.get(request_url(profile_a.city)).content.decode()
    assert "is your own city" in page and 'name="topic"' not in page
    response = ask(client, profile_a.city, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "is your own city" in response.content.decode()
    assert not IntroductionRequest.objects.exists() and mailoutbox == []
    with pytest.raises(IntroductionNotAllowed):
        make_request(member, profile_a)


def test_staff_without_a_city_are_told_they_cannot_ask(
    client_as, staff, profile_b, django_capture_on_commit_callbacks
):
    client = client_as("staff")
    page = client.get(request_url(profile_b.city)).content.decode()
    assert "your account is not linked to a member city" in page
    ask(client, profile_b.city, django_capture_on_commit_callbacks)
    assert not IntroductionRequest.objects.exists()
    assert "not linked to a member city" in client.get(MY_INTRODUCTIONS).content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_draft_profile_answers_404(client_as, member, staff, draft_city, method):
    for role in ("member", "staff"):
        response = getattr(client_as(role), method)(request_url(draft_city), request_data())
        assert response.status_code == 404
    assert not IntroductionRequest.objects.exists()
    profile = CityProfile.objects.get(city=draft_city)
    with pytest.raises(IntroductionNotAllowed):
        make_request(member, profile)


def test_unknown_cities_and_suspended_ones_answer_404(client_as, member, profile_b, city_b):
    client = client_as("member")
    nowhere = reverse("cityprofiles:request_introduction", args=["nowhere"])
    assert client.get(nowhere).status_code == 404
    city_b.status = CityStatus.SUSPENDED
    city_b.save()
    assert client.get(request_url(city_b)).status_code == 404


def test_topic_and_message_are_required(client_as, member, profile_b):
    response = client_as("member").post(request_url(profile_b.city), {"topic": " "})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"topic", "message"}
    assert not IntroductionRequest.objects.exists()


def test_the_service_refuses_an_initiative_of_another_city(member, profile_b, initiative_a):
    with pytest.raises(IntroductionNotAllowed):
        make_request(member, profile_b, initiative=initiative_a)


# --- brokering in the admin ---


def test_staff_introduce_both_sides_each_in_their_own_language(
    client_as,
    staff,
    french_member,
    arabic_contact,
    profile_b,
    themes,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    introduction = make_request(french_member, profile_b, themes=themes)
    other_b = MemberFactory(city=profile_b.city, user__email="other-b@example.org")
    client = client_as("staff")

    # The first click asks for the counterpart, the city's point of contact chosen already.
    page = admin_action(client, "introduce", [introduction], django_capture_on_commit_callbacks)
    assert page.status_code == 200
    html = page.content.decode()
    contact = arabic_contact.member
    assert f'<option value="{contact.pk}" selected>' in html
    assert f'<option value="{other_b.pk}">' in html
    assert f'<option value="{french_member.member.pk}"' not in html  # not of city B
    assert mailoutbox == []

    response = admin_action(
        client,
        "introduce",
        [introduction],
        django_capture_on_commit_callbacks,
        apply="1",
        **{f"counterpart_{introduction.pk}": contact.pk},
    )

    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.INTRODUCED
    assert introduction.counterpart == contact
    assert (introduction.decided_by, introduction.decided_at is not None) == (staff, True)
    assert history_of(introduction) == ["Introduced to Amina Hassan <editor-b@example.org>."]
    to_member, to_contact = sorted(mailoutbox, key=lambda email: email.to != [french_member.email])
    assert to_member.to == [french_member.email] and to_contact.to == [arabic_contact.email]
    # Each has the other's name, position and email.
    for email, other in ((to_member, arabic_contact), (to_contact, french_member)):
        assert other.get_full_name() in email.body
        assert other.member.position in email.body
        assert other.email in email.body
    # Each in their own language: the same email rendered under that language.
    context = {
        "introduction": introduction,
        "requester": introduction.requester,
        "city": introduction.city,
        "initiative": None,
        "themes": themes,
        "my_introductions_url": absolute_url(MY_INTRODUCTIONS),
    }
    for email, side, recipient, other, language in (
        (to_member, "requester", french_member.member, contact, "fr"),
        (to_contact, "counterpart", contact, french_member.member, "ar"),
    ):
        prefix = f"{EMAIL_PREFIX}made_{side}"
        full = {**context, "recipient": recipient, "other": other}
        assert (email.subject, email.body) == render_email(prefix, full, language)
        assert email.body != render_email(prefix, full, "en")[1]
    with translation.override("fr"):
        assert gettext("Hello %(name)s,") % {"name": "Claire"} in to_member.body
        assert f"{gettext('Position')}: Head of prevention" in to_member.body
    with translation.override("ar"):
        assert gettext("Hello %(name)s,") % {"name": "Amina"} in to_contact.body
        assert f"{gettext('Position')}: Coordinatrice jeunesse" in to_contact.body
    assert "الإرشاد, إشراك الشباب" in to_contact.body  # the themes, named in Arabic
    assert "Bonjour" in to_member.body and "مرحبًا" in to_contact.body

    # The member sees it on their page, with whom.
    page = client_as("member").get(MY_INTRODUCTIONS).content.decode()
    assert "Introduced" in page and "To Amina Hassan" in page


def test_the_team_email_links_to_the_request_in_the_admin(
    client_as, member, profile_b, mailoutbox, django_capture_on_commit_callbacks
):
    ask(client_as("member"), profile_b.city, django_capture_on_commit_callbacks)
    introduction = IntroductionRequest.objects.get()
    [team] = [email for email in mailoutbox if email.to == [TEAM_EMAIL]]
    change_url = reverse("admin:cityprofiles_introductionrequest_change", args=[introduction.pk])
    assert change_url in team.body
    assert client_as("staff").get(change_url).status_code == 200


def test_the_counterpart_must_be_a_person_of_the_requested_city(
    client_as,
    member,
    editor_a,
    editor_b,
    profile_b,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    introduction = make_request(member, profile_b)
    response = admin_action(
        client_as("staff"),
        "introduce",
        [introduction],
        django_capture_on_commit_callbacks,
        apply="1",
        **{f"counterpart_{introduction.pk}": editor_a.member.pk},
    )
    assert response.status_code == 200  # the page again, with the error
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.REQUESTED and mailoutbox == []
    with pytest.raises(ValueError):
        mark_introduced(introduction, editor_a, editor_a.member)


def test_introducing_again_to_the_same_person_writes_to_nobody(
    staff, member, editor_b, profile_b, mailoutbox, django_capture_on_commit_callbacks
):
    introduction = make_request(member, profile_b)
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_introduced(introduction, staff, editor_b.member) is True
        assert mark_introduced(introduction, staff, editor_b.member) is False
    assert len(mailoutbox) == 2
    assert len(history_of(introduction)) == 1


def test_staff_decline_with_a_reason_told_in_the_members_language(
    client_as,
    staff,
    member,
    editor_b,
    profile_b,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    member.preferred_language = "ar"
    member.save()
    introduction = make_request(member, profile_b)
    client = client_as("staff")

    page = admin_action(client, "decline", [introduction], django_capture_on_commit_callbacks)
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    admin_action(
        client, "decline", [introduction], django_capture_on_commit_callbacks, apply="1", reason=" "
    )
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.REQUESTED and mailoutbox == []

    reason = "Mombasa's team is not available before June; please ask again then."
    response = admin_action(
        client,
        "decline",
        [introduction],
        django_capture_on_commit_callbacks,
        apply="1",
        reason=reason,
    )

    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.DECLINED
    assert introduction.decline_reason == reason
    assert (introduction.decided_by, introduction.decided_at is not None) == (staff, True)
    assert history_of(introduction) == [f"Declined. Reason: {reason}"]
    [email] = mailoutbox
    assert email.to == [member.email] and reason in email.body
    with translation.override("ar"):
        assert gettext("The reason given:") in email.body
        assert gettext("The SCN team") in email.body
    assert "مرحبًا" in email.body
    page = client_as("member").get(MY_INTRODUCTIONS).content.decode()
    assert "Declined" in page and "please ask again then" in page


def test_an_introduction_made_cannot_be_declined(
    client_as, staff, member, editor_b, profile_b, mailoutbox, django_capture_on_commit_callbacks
):
    introduction = make_request(member, profile_b)
    mark_introduced(introduction, staff, editor_b.member)
    response = admin_action(
        client_as("staff"), "decline", [introduction], django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.INTRODUCED
    assert decline_introduction(introduction, staff, "Too late") is False
    assert mailoutbox == []


def test_staff_record_the_outcome_on_the_change_form(
    client_as, staff, member, editor_b, profile_b, mailoutbox, django_capture_on_commit_callbacks
):
    introduction = make_request(member, profile_b)
    change_url = reverse("admin:cityprofiles_introductionrequest_change", args=[introduction.pk])
    client = client_as("staff")
    # Not introduced yet: the outcome cannot be set.
    client.post(change_url, {"outcome": IntroductionOutcome.MET, "_save": "1"})
    introduction.refresh_from_db()
    assert introduction.outcome == "" and history_of(introduction) == []

    mark_introduced(introduction, staff, editor_b.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            change_url,
            {
                "outcome": IntroductionOutcome.PRACTICE_ADOPTED,
                "outcome_notes": "Aarhus adopted Mombasa's mentor training.",
                "_save": "1",
            },
        )

    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.outcome == IntroductionOutcome.PRACTICE_ADOPTED
    assert introduction.outcome_notes == "Aarhus adopted Mombasa's mentor training."
    assert introduction.decided_by == staff and introduction.decided_at is not None
    assert history_of(introduction)[-1] == (
        "Outcome recorded: A practice was adopted. Notes: Aarhus adopted Mombasa's mentor training."
    )
    assert mailoutbox == []  # the outcome is the team's record
    page = client_as("member").get(MY_INTRODUCTIONS).content.decode()
    assert "A practice was adopted" in page
    # Saving again unchanged writes no new line.
    client.post(
        change_url,
        {
            "outcome": IntroductionOutcome.PRACTICE_ADOPTED,
            "outcome_notes": "Aarhus adopted Mombasa's mentor training.",
            "_save": "1",
        },
    )
    assert len(history_of(introduction)) == 2
    with pytest.raises(ValueError):
        record_outcome(introduction, staff, "invented", "")


def test_the_admin_filters_by_status_outcome_and_city(
    client_as, member, editor_a, editor_b, profile_a, profile_b, staff
):
    to_b = make_request(member, profile_b)
    to_a = make_request(editor_b, profile_a)
    mark_introduced(to_a, staff, editor_a.member)
    record_outcome(to_a, staff, IntroductionOutcome.MET, "")
    client = client_as("staff")

    def listed(**params):
        response = client.get(ADMIN_LIST, params)
        assert response.status_code == 200
        return {introduction.pk for introduction in response.context["cl"].result_list}

    assert listed(status__exact="requested") == {to_b.pk}
    assert listed(outcome__exact="met") == {to_a.pk}
    assert listed(city__id__exact=str(profile_b.city_id)) == {to_b.pk}
    assert listed(q="Aarhus") == {to_a.pk, to_b.pk}  # by either city


def test_a_request_added_by_hand_obeys_the_rules(
    client_as, member, profile_a, profile_b, initiative_a
):
    client = client_as("staff")
    add_url = reverse("admin:cityprofiles_introductionrequest_add")
    data = {
        "requester": member.member.pk,
        "city": profile_a.city_id,
        "topic": "Exchange",
        "message": "Asked by phone.",
        "initiative": "",
    }
    response = client.post(add_url, data)
    assert response.status_code == 200 and "their own city" in response.content.decode()
    response = client.post(
        add_url, {**data, "city": profile_b.city_id, "initiative": initiative_a.pk}
    )
    assert response.status_code == 200 and "not one of this city" in response.content.decode()
    response = client.post(add_url, {**data, "city": profile_b.city_id})
    assert response.status_code == 302
    assert IntroductionRequest.objects.get().status == IntroductionStatus.REQUESTED


def test_members_cannot_use_the_brokering_actions(client_as, member, editor_b, profile_b):
    introduction = make_request(member, profile_b)
    for role in ("member", "editor_b"):
        client_as(role).post(
            ADMIN_LIST,
            {
                "action": "introduce",
                "_selected_action": [introduction.pk],
                "apply": "1",
                f"counterpart_{introduction.pk}": editor_b.member.pk,
            },
        )
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.REQUESTED


# --- the member's page ---


def test_a_member_sees_only_their_own_requests(
    client_as, member, editor_a, editor_b, profile_a, profile_b
):
    make_request(member, profile_b, topic="Member's own topic")
    make_request(editor_a, profile_b, topic="Editor A's topic")
    make_request(editor_b, profile_a, topic="Editor B's topic")

    page = client_as("member").get(MY_INTRODUCTIONS).content.decode()
    assert "Member&#x27;s own topic" in page
    assert "Editor A" not in page and "Editor B" not in page
    assert "Requested" in page and "With the SCN team" in page
    page = client_as("editor_b").get(MY_INTRODUCTIONS).content.decode()
    assert "Editor B&#x27;s topic" in page
    assert "Member&#x27;s own topic" not in page and "Editor A" not in page


def test_my_introductions_filter_by_status_and_text(client_as, member, staff, editor_b, profile_b):
    make_request(member, profile_b, topic="Mentoring")
    declined = make_request(member, profile_b, topic="Schools")
    decline_introduction(declined, staff, "Not now.")
    client = client_as("member")

    def topics(**params):
        return [i.topic for i in client.get(MY_INTRODUCTIONS, params).context["object_list"]]

    assert topics() == ["Schools", "Mentoring"]
    assert topics(status="declined") == ["Schools"]
    assert topics(q="mentor") == ["Mentoring"]
    assert topics(q="mombasa") == ["Schools", "Mentoring"]


def test_my_introductions_query_count_does_not_grow_with_requests(
    client_as,
    member,
    staff,
    editor_b,
    profile_b,
    initiative_b,
    themes,
    django_assert_max_num_queries,
):
    def add_requests(count):
        for n in range(count):
            introduction = make_request(
                member, profile_b, topic=f"Topic {n}", themes=themes, initiative=initiative_b
            )
            if n % 2:
                mark_introduced(introduction, staff, editor_b.member)

    client = client_as("member")
    add_requests(2)
    with django_assert_max_num_queries(20) as few:
        assert client.get(MY_INTRODUCTIONS).status_code == 200
    add_requests(18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(MY_INTRODUCTIONS)
    assert len(response.context["object_list"]) == 20


def test_the_admin_list_query_count_does_not_grow_with_requests(
    client_as, member, staff, editor_b, profile_b, django_assert_max_num_queries
):
    client = client_as("staff")
    make_request(member, profile_b)
    with django_assert_max_num_queries(20) as few:
        assert client.get(ADMIN_LIST).status_code == 200
    for n in range(20):
        introduction = make_request(member, profile_b, topic=f"Topic {n}")
        if n % 2:
            mark_introduced(introduction, staff, editor_b.member)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(ADMIN_LIST).status_code == 200


# --- the "Ask for an introduction" link ---


def link_html(user, profile, initiative=None) -> str:
    context = {"user": user, "profile": profile}
    if initiative is not None:
        context["initiative"] = initiative
    return render_to_string("cityprofiles/inc/introduction_link.html", context).strip()


def test_the_link_is_shown_to_members_of_other_cities(
    member, editor_b, staff, profile_a, profile_b, initiative_b
):
    assert f'href="{request_url(profile_b.city)}"' in link_html(member, profile_b)
    assert f'href="{request_url(profile_b.city, initiative_b)}"' in link_html(
        member, profile_b, initiative_b
    )
    assert "Mombasa mentors" in link_html(member, profile_b, initiative_b)
    # Not to the city's own people, nor to staff without a city, nor on a draft.
    assert link_html(editor_b, profile_b) == ""
    assert link_html(member, profile_a) == ""
    assert link_html(staff, profile_b) == ""
    profile_b.published = False
    assert link_html(member, profile_b) == ""


# --- who may open what ---


PAGES = [
    "request:other_city",
    "request:own_city_of_a",
    "request:draft",
    "my_introductions",
    "admin_list",
    "admin_change",
]


def expected(role: str, page: str) -> tuple[int, str | None]:
    """(status, redirect path or, for 200, a text the page shows)."""
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if page.startswith("admin"):
        return (200, None) if role == "staff" else (302, reverse("admin:login"))
    if page == "request:draft":
        return 404, None
    if page == "request:other_city":
        # City B's own point of contact, and staff without a city, are told why not.
        return 200, {
            "member": 'name="topic"',
            "editor_a": 'name="topic"',
            "editor_b": "is your own city",
            "staff": "not linked",
        }[role]
    if page == "request:own_city_of_a":
        return 200, {
            "member": "is your own city",
            "editor_a": "is your own city",
            "editor_b": 'name="topic"',
            "staff": "not linked",
        }[role]
    return 200, None


@pytest.fixture
def pages(member, profile_a, profile_b, draft_city):
    introduction = make_request(member, profile_b)
    return {
        "request:other_city": request_url(profile_b.city),
        "request:own_city_of_a": request_url(profile_a.city),
        "request:draft": request_url(draft_city),
        "my_introductions": MY_INTRODUCTIONS,
        "admin_list": ADMIN_LIST,
        "admin_change": reverse(
            "admin:cityprofiles_introductionrequest_change", args=[introduction.pk]
        ),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_permission_matrix(client_as, pages, role, page):
    status, detail = expected(role, page)
    response = client_as(role).get(pages[page])
    assert response.status_code == status
    if status == 302:
        assert path_of(response) == detail
    elif detail:
        assert detail in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "applicant"])
def test_nobody_without_access_can_ask(client_as, role, applicant, profile_b):
    response = client_as(role).post(request_url(profile_b.city), request_data())
    assert response.status_code == 302
    assert not IntroductionRequest.objects.exists()


def test_the_profile_page_offers_the_links_to_other_cities_only(
    client_as, member, editor_b, profile_b, initiative_b
):
    profile_url = reverse("cityprofiles:profile", args=[profile_b.city.slug])
    page = client_as("member").get(profile_url).content.decode()
    assert f'href="{request_url(profile_b.city)}"' in page
    assert f'href="{request_url(profile_b.city, initiative_b)}"' in page
    assert f'href="{MY_INTRODUCTIONS}"' in page
    page = client_as("editor_b").get(profile_url).content.decode()
    assert request_url(profile_b.city) not in page
