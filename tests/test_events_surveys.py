"""Surveys after events: who may answer (attendees of an event that is over), one answer
each (also in the database), sending and the one reminder (dates passed as arguments), the
home page's prompt, and the staff's results and figures computed from the answers."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from events import services, surveys
from events.choices import EventKind, EventStatus, RegistrationStatus
from events.models import Registration, SurveyResponse
from tests.conftest import ROLES
from tests.event_factories import EventFactory, RegistrationFactory
from tests.factories import MemberFactory, RegionFactory

TODAY = timezone.localdate()
NOW = timezone.now()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def past_event(title="Dakar survey workshop", ended_days_ago=2, **fields):
    end = days_ago(ended_days_ago)
    return EventFactory(
        title=title, start_date=end - datetime.timedelta(days=1), end_date=end, **fields
    )


def attend(event, user, city=None, **fields):
    """A confirmed registration, checked in."""
    member = getattr(user, "member", None)
    return RegistrationFactory(
        event=event,
        user=user,
        city=city or getattr(member, "city", None),
        attended_at=timezone.now(),
        **fields,
    )


def answer(registration, knowledge_gain, **fields):
    return services.submit_survey(registration, knowledge_gain=knowledge_gain, **fields)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def event(db):
    return past_event()


@pytest.fixture
def attendee(event, city_a):
    """An approved practitioner of city A who attended `event`."""
    user = MemberFactory(
        city=city_a, user__email="attendee@example.org", user__first_name="Awa"
    ).user
    attend(event, user)
    return user


@pytest.fixture
def registered(event, city_a):
    """Registered (confirmed) for `event` but never checked in."""
    user = MemberFactory(city=city_a, user__email="registered@example.org").user
    RegistrationFactory(event=event, user=user, city=city_a)
    return user


def survey_url(event):
    return reverse("events:survey", args=[event.slug])


# --- The survey form: who may answer ------------------------------------------------------


@pytest.mark.parametrize("role", [*ROLES, "attendee", "registered"])
def test_only_attendees_open_the_survey(client_as, event, attendee, registered, role):
    response = client_as(role).get(survey_url(event))
    if role == "attendee":
        assert response.status_code == 200
        assert response.context["form"] is not None
    elif role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif role == "applicant":
        assert response.status_code == 302
        assert response.url == reverse("membership:application_status")
    else:  # members, editors, staff who did not attend, and a registered non-attendee
        assert response.status_code == 404


@pytest.mark.parametrize("role", ["member", "editor_b", "staff", "registered"])
def test_non_attendees_cannot_post_an_answer(client_as, event, attendee, registered, role):
    response = client_as(role).post(survey_url(event), {"knowledge_gain": 5})
    assert response.status_code == 404
    assert not SurveyResponse.objects.exists()


def test_a_draft_event_survey_is_a_404_even_for_its_attendee(client_as, city_a):
    draft = past_event(title="Draft event", status=EventStatus.DRAFT)
    user = MemberFactory(city=city_a).user
    attend(draft, user)
    client = client_as("member")
    client.force_login(user)
    assert client.get(survey_url(draft)).status_code == 404


def test_an_unknown_event_is_a_404(client_as, attendee):
    assert client_as("attendee").get(survey_url(past_event(title="Elsewhere"))).status_code == 404


def test_the_survey_opens_once_the_event_is_over(client_as, city_a):
    ongoing = EventFactory(title="Still on", start_date=TODAY, end_date=TODAY)
    user = MemberFactory(city=city_a).user
    attend(ongoing, user)
    client = client_as("anonymous")
    client.force_login(user)
    response = client.get(survey_url(ongoing))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert "The survey opens once the event is over" in response.content.decode()
    response = client.post(survey_url(ongoing), {"knowledge_gain": 4})
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


# --- Answering ----------------------------------------------------------------------------


def test_an_attendee_answers_once(client_as, event, attendee):
    client = client_as("attendee")
    response = client.post(
        survey_url(event),
        {"knowledge_gain": "4", "will_apply": "Risk mapping with partners", "comments": "Merci"},
    )
    assert response.status_code == 302 and response.url == survey_url(event)
    saved = SurveyResponse.objects.get()
    assert (saved.knowledge_gain, saved.will_apply, saved.comments) == (
        4,
        "Risk mapping with partners",
        "Merci",
    )
    assert saved.registration.user == attendee
    page = client.get(response.url)
    assert messages_of(page) == ["Thank you for your answers."]
    content = page.content.decode()
    assert "Thank you, you answered on" in content
    assert "Risk mapping with partners" in content
    assert page.context["form"] is None  # read-only now


def test_a_second_post_changes_nothing_and_says_so(client_as, event, attendee):
    client = client_as("attendee")
    client.post(survey_url(event), {"knowledge_gain": "4", "comments": "first"})
    response = client.post(survey_url(event), {"knowledge_gain": "1", "comments": "second"})
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert (saved.knowledge_gain, saved.comments) == (4, "first")
    assert messages_of(client.get(response.url))[-1] == (
        "You have already answered this survey: nothing changed."
    )


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({}, "knowledge_gain", "Choose how much the event increased your knowledge."),
        ({"knowledge_gain": "0"}, "knowledge_gain", "Choose one of the answers on the scale."),
        ({"knowledge_gain": "6"}, "knowledge_gain", "Choose one of the answers on the scale."),
        ({"knowledge_gain": "lots"}, "knowledge_gain", "Choose one of the answers on the scale."),
        ({"knowledge_gain": "3", "will_apply": "x" * 3001}, "will_apply", "at most 3000"),
        ({"knowledge_gain": "3", "comments": "x" * 100_000}, "comments", "at most 3000"),
        ({"knowledge_gain": "3", "comments": "nul\x00"}, "comments", "Null characters"),
    ],
)
def test_bad_answers_are_errors_not_500s(client_as, event, attendee, data, field, error):
    response = client_as("attendee").post(survey_url(event), data)
    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors[field])
    assert "Please correct the answers marked below." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_errors_are_in_the_members_language(client_as, event, attendee):
    client = client_as("attendee")
    client.cookies["django_language"] = "fr"
    response = client.post(survey_url(event), {"knowledge_gain": "9"})
    assert response.status_code == 200
    assert response.context["LANGUAGE_CODE"] == "fr"
    assert 'lang="fr"' in response.content.decode()


def test_the_database_allows_one_answer_per_attendance(event, attendee):
    registration = Registration.objects.get(user=attendee)
    answer(registration, 5)
    with pytest.raises(services.RegistrationRefused):
        answer(registration, 2)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(registration=registration, knowledge_gain=2)
    assert SurveyResponse.objects.get().knowledge_gain == 5


def test_the_database_refuses_an_answer_off_the_scale(event, attendee):
    registration = Registration.objects.get(user=attendee)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(registration=registration, knowledge_gain=6)


# --- Sending and reminding ----------------------------------------------------------------


@pytest.fixture
def attendees(event, city_a, city_b):
    """Three attendees (one French-speaking, one who has answered already), one
    registered person who did not come."""
    french = MemberFactory(
        city=city_b, user__email="fr@example.org", user__preferred_language="fr"
    ).user
    english = MemberFactory(city=city_a, user__email="en@example.org").user
    answered = MemberFactory(city=city_a, user__email="answered@example.org").user
    absent = MemberFactory(city=city_a, user__email="absent@example.org").user
    attend(event, french)
    attend(event, english)
    answer(attend(event, answered), 4)
    RegistrationFactory(event=event, user=absent, city=city_a)
    return {"fr": french, "en": english, "answered": answered, "absent": absent}


def test_attendees_get_the_survey_once_in_their_language(
    attendees, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert surveys.send_surveys(NOW) == 2
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_recipient) == {"fr@example.org", "en@example.org"}
    english = by_recipient["en@example.org"]
    assert "Tell us about Dakar survey workshop" in english.subject
    assert survey_url(event) in english.body
    stamped = Registration.objects.filter(survey_sent_at=NOW)
    assert set(stamped.values_list("user__email", flat=True)) == {
        "fr@example.org",
        "en@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert surveys.send_surveys(NOW + datetime.timedelta(hours=1)) == 0
    assert len(mailoutbox) == 2


def test_the_survey_email_is_rendered_in_the_members_language(attendees, event, monkeypatch):
    languages = []
    monkeypatch.setattr(
        surveys,
        "send_in_language",
        lambda prefix, context, to, language: languages.append((to[0], language)),
    )
    surveys.send_surveys(NOW)
    assert sorted(languages) == [("en@example.org", ""), ("fr@example.org", "fr")]


def test_no_survey_before_the_event_is_over_nor_long_after(city_a, mailoutbox):
    user = MemberFactory(city=city_a).user
    attend(EventFactory(title="Today", start_date=TODAY, end_date=TODAY), user)
    attend(past_event(title="Long ago", ended_days_ago=61), user)
    attend(past_event(title="Cancelled", status=EventStatus.CANCELLED), user)
    assert surveys.send_surveys(NOW) == 0
    # The day after "Today" ends, its survey goes.
    assert surveys.send_surveys(NOW + datetime.timedelta(days=1)) == 1


def test_one_reminder_seven_days_later_to_those_who_have_not_answered(
    attendees, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        surveys.send_surveys(NOW)
    answer(Registration.objects.get(user=attendees["fr"]), 5)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert surveys.send_reminders(NOW + datetime.timedelta(days=6, hours=23)) == 0
        assert surveys.send_reminders(NOW + datetime.timedelta(days=7)) == 1
        assert surveys.send_reminders(NOW + datetime.timedelta(days=30)) == 0  # never more
    assert [mail.to for mail in mailoutbox] == [["en@example.org"]]
    assert "Reminder: tell us about Dakar survey workshop" in mailoutbox[0].subject
    reminded = Registration.objects.get(user=attendees["en"])
    assert reminded.survey_reminded_at == NOW + datetime.timedelta(days=7)


def test_no_reminder_without_a_survey_sent(attendees):
    assert surveys.send_reminders(NOW + datetime.timedelta(days=30)) == 0


def test_the_command_sends_and_reminds_and_is_idempotent(attendees, capsys, mailoutbox):
    call_command("send_event_surveys")
    assert capsys.readouterr().out.strip() == "2 surveys sent, 0 reminders sent."
    call_command("send_event_surveys")
    assert capsys.readouterr().out.strip() == "0 surveys sent, 0 reminders sent."
    Registration.objects.filter(survey_sent_at__isnull=False).update(
        survey_sent_at=NOW - datetime.timedelta(days=8)
    )
    call_command("send_event_surveys")
    assert capsys.readouterr().out.strip() == "0 surveys sent, 2 reminders sent."


# --- The home page's prompt ---------------------------------------------------------------


def test_home_prompts_an_attendee_until_they_answer(client_as, event, attendee):
    client = client_as("attendee")
    page = client.get(reverse("home")).content.decode()
    assert "Tell us about Dakar survey workshop" in page
    assert survey_url(event) in page
    answer(Registration.objects.get(user=attendee), 3)
    assert "Tell us about" not in client.get(reverse("home")).content.decode()


def test_home_does_not_prompt_others(client_as, event, attendee, registered):
    for role in ("member", "registered", "staff"):
        assert "Tell us about" not in client_as(role).get(reverse("home")).content.decode()


def test_the_prompt_covers_events_over_in_the_last_60_days(city_a, django_assert_num_queries):
    user = MemberFactory(city=city_a).user
    recent = past_event(title="Recent", ended_days_ago=60)
    attend(recent, user)
    attend(past_event(title="Too old", ended_days_ago=61), user)
    attend(EventFactory(title="Not over", start_date=TODAY, end_date=TODAY), user)
    with django_assert_num_queries(1):
        prompts = surveys.unanswered_surveys(user)
    assert [registration.event for registration in prompts] == [recent]


def test_the_home_page_reads_next_events_and_prompts_in_one_query(
    city_a, django_assert_num_queries
):
    from events.dashboard import dashboard_events, next_events

    user = MemberFactory(city=city_a).user
    recent, older = past_event(title="Recent", ended_days_ago=3), past_event(ended_days_ago=9)
    for event in (recent, older):
        attend(event, user)
    answer(attend(past_event(title="Answered"), user), 4)
    attend(past_event(title="Too old", ended_days_ago=61), user)
    attend(past_event(title="Cancelled", status=EventStatus.CANCELLED), user)
    coming = [EventFactory(title=f"Coming {number}", start_date=TODAY + datetime.timedelta(
        days=10 - number), end_date=None) for number in range(4)]  # fmt: skip
    for event in coming:
        RegistrationFactory(event=event, user=user, status=RegistrationStatus.CONFIRMED)
    with django_assert_num_queries(1):
        dashboard = dashboard_events(user)
    assert dashboard["unanswered_surveys"] == surveys.unanswered_surveys(user)
    assert [row.event for row in dashboard["unanswered_surveys"]] == [recent, older]
    assert dashboard["next_events"] == next_events(user)
    assert [row.event for row in dashboard["next_events"]] == coming[::-1][:3]


# --- Results of an event (staff) ----------------------------------------------------------


@pytest.fixture
def answered_event(event, city_a, city_b):
    """Five attendees; four answered 5, 4, 3 and 1; a sixth registered, never came."""
    answers = [5, 4, 3, 1, None]
    for index, value in enumerate(answers):
        user = MemberFactory(
            city=city_a if index % 2 else city_b, user__first_name=f"Person{index}"
        ).user
        registration = attend(event, user)
        if value is not None:
            answer(registration, value, will_apply=f"Apply {index}", comments=f"Comment {index}")
    RegistrationFactory(event=event, user=MemberFactory(city=city_a).user)
    return event


def results_url(event):
    return reverse("events:survey_results", args=[event.slug])


def test_results_are_computed_from_the_answers(answered_event):
    results = surveys.event_results(answered_event)
    assert (results.attendees, results.respondents) == (5, 4)
    assert results.response_rate == 80
    assert results.average == pytest.approx(3.25)
    assert results.increased == 3
    assert results.increased_share == 75
    assert [(level.value, level.count, level.share) for level in results.levels] == [
        (1, 1, 25),
        (2, 0, 0),
        (3, 1, 25),
        (4, 1, 25),
        (5, 1, 25),
    ]
    assert [response.will_apply for response in results.responses] == [
        "Apply 0",
        "Apply 1",
        "Apply 2",
        "Apply 3",
    ]


def test_results_without_answers(event):
    results = surveys.event_results(event)
    assert (results.attendees, results.respondents, results.average) == (0, 0, None)
    assert results.response_rate is None and results.increased_share is None


@pytest.mark.parametrize("role", [*ROLES, "attendee"])
def test_only_staff_see_an_events_results(client_as, answered_event, attendee, role):
    response = client_as(role).get(results_url(answered_event))
    if role == "staff":
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif role == "applicant":
        assert response.status_code == 302
    else:
        assert response.status_code == 404


def test_results_page_shows_figures_bars_and_answers(client_as, answered_event):
    page = client_as("staff").get(results_url(answered_event)).content.decode()
    assert "75% of 4 respondents" in page
    assert "80%" in page
    assert "3.2" in page or "3.3" in page
    assert "progress-w-25" in page
    assert "Apply 3" in page and "Comment 0" in page
    assert "Aarhus Test" in page  # the respondent's city
    assert 'style="' not in page  # bar widths are classes (strict CSP)


def test_results_page_has_a_constant_query_count(
    client_as, event, city_a, django_assert_max_num_queries
):
    client = client_as("staff")

    def add(count):
        for value in range(count):
            registration = attend(event, MemberFactory(city=city_a).user)
            answer(registration, value % 5 + 1, comments="Thanks")

    add(2)
    with django_assert_max_num_queries(20) as few:
        client.get(results_url(event))
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(results_url(event)).status_code == 200


# --- Figures across events (staff) --------------------------------------------------------


@pytest.fixture
def figures_data(city_a, city_b):
    """Two regions, three events:

    2024 Sahel workshop    (Sahel)    answers 5, 4, 1      -> 2 of 3 increased
    2025 Global summit     (no region) answers 3, 2        -> 1 of 2
    2025 Balkans workshop  (Balkans)  answers 5, 5, 5, 3   -> 4 of 4
    """
    sahel, balkans = RegionFactory(name="Sahel test"), RegionFactory(name="Balkans test")

    def held(title, year, region, answers, kind=EventKind.REGIONAL_WORKSHOP):
        event = EventFactory(
            title=title,
            kind=kind,
            region=region,
            start_date=datetime.date(year, 3, 1),
            end_date=datetime.date(year, 3, 2),
        )
        for value in answers:
            answer(attend(event, MemberFactory(city=city_a).user), value)
        attend(event, MemberFactory(city=city_b).user)  # an attendee who did not answer
        return event

    return {
        "sahel": held("Sahel workshop", 2024, sahel, [5, 4, 1]),
        "summit": held("Global summit", 2025, None, [3, 2], EventKind.GLOBAL_SUMMIT),
        "balkans": held("Balkans workshop", 2025, balkans, [5, 5, 5, 3]),
    }


def shares(rows):
    return [(row.label, row.respondents, row.increased, row.increased_share) for row in rows]


def test_share_reporting_increased_knowledge_overall_and_per_year(figures_data):
    overall = surveys.overall_share()
    assert (overall.respondents, overall.increased, overall.increased_share) == (9, 7, 78)
    assert shares(surveys.shares_by_year()) == [("2025", 6, 5, 83), ("2024", 3, 2, 67)]
    assert surveys.survey_years() == [2025, 2024]


def test_share_per_region_and_per_event(figures_data):
    assert shares(surveys.shares_by_region()) == [
        ("Balkans test", 4, 4, 100),
        ("Sahel test", 3, 2, 67),
        ("", 2, 1, 50),
    ]
    by_event = surveys.shares_by_event(2025)
    assert shares(by_event) == [("Balkans workshop", 4, 4, 100), ("Global summit", 2, 1, 50)]
    assert [(row.attendees, row.response_rate) for row in by_event] == [(5, 80), (3, 67)]


def test_figures_page_filters_by_year(client_as, figures_data):
    client = client_as("staff")
    page = client.get(reverse("events:survey_figures")).content.decode()
    assert "78% of 9 respondents reported increased knowledge and skills." in page
    response = client.get(reverse("events:survey_figures"), {"year": "2024"})
    assert response.context["year"] == 2024
    assert "67% of 3 respondents" in response.content.decode()
    assert [row.label for row in response.context["events"]] == ["Sahel workshop"]
    # A year without answers, or nonsense, is a form error: all years are shown.
    response = client.get(reverse("events:survey_figures"), {"year": "1999'"})
    assert response.status_code == 200 and response.context["year"] is None
    assert response.context["form"].errors["year"]


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_see_the_figures(client_as, figures_data, role):
    response = client_as(role).get(reverse("events:survey_figures"))
    if role == "staff":
        assert response.status_code == 200
    elif role in ("anonymous", "applicant"):
        assert response.status_code == 302
    else:
        assert response.status_code == 404


def test_figures_page_has_a_constant_query_count(
    client_as, figures_data, city_a, django_assert_max_num_queries
):
    client = client_as("staff")
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("events:survey_figures"))
    for year in (2019, 2020, 2021):
        event = EventFactory(
            title=f"Workshop {year}",
            region=RegionFactory(),
            start_date=datetime.date(year, 5, 1),
            end_date=datetime.date(year, 5, 1),
        )
        for value in (1, 3, 5):
            answer(attend(event, MemberFactory(city=city_a).user), value)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("events:survey_figures")).status_code == 200
