"""Governance records: the caps of the Steering Committee and the advisory groups (in the
models and through the admin), the governance pages, joining and leaving working groups,
the permission matrix and query bounds of every new page."""

import datetime
import itertools
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from membership.choices import CityStatus, SeatRole, WorkingGroupRole
from membership.demo import DEMO_WORKING_GROUPS, load_demo_data
from membership.models import (
    AdvisoryGroup,
    AdvisoryGroupMembership,
    SteeringCommitteeSeat,
    Theme,
    WorkingGroup,
    WorkingGroupMembership,
)
from membership.reference import load_reference_data
from membership.services.working_groups import join_working_group, leave_working_group
from tests.conftest import ROLES
from tests.factories import CityFactory, MemberFactory, RegionFactory

YEAR_START = datetime.date(2024, 1, 1)
YEAR_END = datetime.date(2024, 12, 31)
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def make_seat(city=None, start=YEAR_START, end=YEAR_END, role=SeatRole.MEMBER):
    """A seat that passed model validation, as the admin and the loader save them."""
    seat = SteeringCommitteeSeat(
        city=city or CityFactory(), term_start=start, term_end=end, role=role
    )
    seat.full_clean()
    seat.save()
    return seat


def unsaved_seat(city=None, start=YEAR_START, end=YEAR_END):
    return SteeringCommitteeSeat(city=city or CityFactory(), term_start=start, term_end=end)


def fill_committee(count=25, start=YEAR_START, end=YEAR_END):
    return [make_seat(start=start, end=end) for __ in range(count)]


# --- Steering Committee cap (25 seats active at any date) -----------------------------


def test_twenty_five_seats_on_the_same_day_are_valid(db):
    fill_committee(24)
    unsaved_seat().full_clean()  # the 25th


def test_a_twenty_sixth_overlapping_seat_is_refused(db):
    fill_committee()
    with pytest.raises(ValidationError, match="more than 25 seats"):
        unsaved_seat().full_clean()


def test_a_twenty_sixth_seat_after_the_others_ended_is_fine(db):
    fill_committee()
    unsaved_seat(start=YEAR_END + DAY, end=None).full_clean()
    unsaved_seat(start=datetime.date(2023, 1, 1), end=YEAR_START - DAY).full_clean()


def test_a_seat_overlapping_the_full_committee_by_one_day_is_refused(db):
    fill_committee()
    with pytest.raises(ValidationError):
        unsaved_seat(start=YEAR_END, end=datetime.date(2025, 6, 30)).full_clean()


def test_the_cap_counts_seats_running_on_the_same_day_not_in_the_same_period(db):
    # 24 seats all year and one seat from January to June: 25 at most on any day.
    fill_committee(24)
    make_seat(end=datetime.date(2024, 6, 30))
    # From July a seat is free...
    unsaved_seat(start=datetime.date(2024, 7, 1)).full_clean()
    # ...but not on the last day of June.
    with pytest.raises(ValidationError):
        unsaved_seat(start=datetime.date(2024, 6, 30), end=datetime.date(2024, 7, 31)).full_clean()


def test_open_ended_seats_count_on_every_later_day(db):
    fill_committee(start=datetime.date(2020, 1, 1), end=None)
    with pytest.raises(ValidationError):
        unsaved_seat(start=datetime.date(2030, 1, 1), end=None).full_clean()
    unsaved_seat(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31)).full_clean()


def test_an_open_ended_new_seat_overlapping_a_full_committee_is_refused(db):
    fill_committee()
    with pytest.raises(ValidationError):
        unsaved_seat(start=datetime.date(2023, 1, 1), end=None).full_clean()


def test_a_city_cannot_hold_two_overlapping_seats(db):
    seat = make_seat()
    with pytest.raises(ValidationError, match="already holds a seat"):
        unsaved_seat(city=seat.city, start=datetime.date(2024, 6, 1), end=None).full_clean()
    unsaved_seat(city=seat.city, start=YEAR_END + DAY, end=None).full_clean()


def test_editing_a_seat_of_a_full_committee_does_not_count_it_twice(db):
    seats = fill_committee()
    seats[0].term_end = datetime.date(2024, 11, 30)
    seats[0].role = SeatRole.CHAIR
    seats[0].full_clean()


def test_a_term_cannot_end_before_it_starts(db):
    with pytest.raises(ValidationError):
        unsaved_seat(start=YEAR_END, end=YEAR_START).full_clean()


# --- Regional Advisory Groups (8 members, 3 of them on the Steering Committee) -----------


@pytest.fixture
def advisory_group(db):
    return AdvisoryGroup.objects.create(region=RegionFactory(name="Governance test region"))


def region_member(group, **kwargs):
    return MemberFactory(city=CityFactory(region=group.region), **kwargs)


def make_advisory_membership(group, member=None, start=YEAR_START, end=None, **kwargs):
    membership = AdvisoryGroupMembership(
        group=group, member=member or region_member(group), term_start=start, term_end=end, **kwargs
    )
    membership.full_clean()
    membership.save()
    return membership


def test_eight_advisory_members_are_fine_the_ninth_is_refused(advisory_group):
    for __ in range(8):
        make_advisory_membership(advisory_group)
    ninth = AdvisoryGroupMembership(
        group=advisory_group, member=region_member(advisory_group), term_start=YEAR_START
    )
    with pytest.raises(ValidationError, match="more than 8 members"):
        ninth.full_clean()


def test_a_ninth_member_after_one_term_ended_is_fine(advisory_group):
    make_advisory_membership(advisory_group, end=datetime.date(2024, 3, 31))
    for __ in range(7):
        make_advisory_membership(advisory_group)
    make_advisory_membership(advisory_group, start=datetime.date(2024, 4, 1))


def test_advisory_members_come_from_the_groups_region(advisory_group):
    outsider = MemberFactory()  # a city of another region
    membership = AdvisoryGroupMembership(
        group=advisory_group, member=outsider, term_start=YEAR_START
    )
    with pytest.raises(ValidationError) as refused:
        membership.full_clean()
    assert "member" in refused.value.message_dict


def test_at_most_three_advisory_members_are_flagged_on_the_steering_committee(advisory_group):
    for __ in range(3):
        make_advisory_membership(advisory_group, on_steering_committee=True)
    fourth = AdvisoryGroupMembership(
        group=advisory_group,
        member=region_member(advisory_group),
        term_start=YEAR_START,
        on_steering_committee=True,
    )
    with pytest.raises(ValidationError, match="At most 3"):
        fourth.full_clean()
    fourth.on_steering_committee = False
    fourth.full_clean()


def test_the_same_person_cannot_hold_two_overlapping_advisory_terms(advisory_group):
    first = make_advisory_membership(advisory_group)
    again = AdvisoryGroupMembership(
        group=advisory_group, member=first.member, term_start=datetime.date(2025, 1, 1)
    )
    with pytest.raises(ValidationError, match="already on the group"):
        again.full_clean()


def test_editing_an_advisory_membership_does_not_count_it_twice(advisory_group):
    rows = [
        make_advisory_membership(advisory_group, on_steering_committee=index < 3)
        for index in range(8)
    ]
    rows[0].term_end = datetime.date(2026, 1, 1)
    rows[0].full_clean()  # full group, the third flagged: still within both caps


# --- The admin enforces the caps -----------------------------------------------------------


def test_admin_refuses_a_twenty_sixth_seat_with_a_form_error(client_as):
    fill_committee()
    city = CityFactory()
    response = client_as("staff").post(
        reverse("admin:membership_steeringcommitteeseat_add"),
        {
            "city": city.pk,
            "role": SeatRole.MEMBER,
            "term_start": "2024-03-01",
            "term_end": "2024-09-30",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "more than 25 seats" in str(response.context["adminform"].form.non_field_errors())
    assert "more than 25 seats" in response.content.decode()
    assert not SteeringCommitteeSeat.objects.filter(city=city).exists()


def test_admin_adds_a_seat_within_the_cap(client_as):
    fill_committee(24)
    city = CityFactory()
    response = client_as("staff").post(
        reverse("admin:membership_steeringcommitteeseat_add"),
        {"city": city.pk, "role": SeatRole.CHAIR, "term_start": "2024-03-01", "term_end": ""},
    )
    assert response.status_code == 302
    assert SteeringCommitteeSeat.objects.get(city=city).term_end is None


def advisory_change_data(group, existing, new_rows):
    """The POST of the advisory group's change form: its fields, the existing rows
    unchanged and `new_rows` (dicts of member, term_start, on_steering_committee) added."""
    prefix = "memberships"
    data = {
        "region": group.region_id,
        "description": group.description,
        f"{prefix}-TOTAL_FORMS": str(len(existing) + len(new_rows)),
        f"{prefix}-INITIAL_FORMS": str(len(existing)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    rows = [
        {
            "id": row.pk,
            "member": row.member_id,
            "term_start": row.term_start.isoformat(),
            "term_end": row.term_end.isoformat() if row.term_end else "",
            "on_steering_committee": row.on_steering_committee,
        }
        for row in existing
    ] + [{"id": "", "term_end": "", **row} for row in new_rows]
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-group"] = group.pk or ""
        for name, value in row.items():
            if name == "on_steering_committee":
                if value:
                    data[f"{prefix}-{index}-{name}"] = "on"
            else:
                data[f"{prefix}-{index}-{name}"] = value
    return data


def test_admin_inline_counts_the_new_rows_of_the_same_form_against_the_cap(
    client_as, advisory_group
):
    existing = [make_advisory_membership(advisory_group) for __ in range(7)]
    # Each new row alone would be the 8th: together they make 9.
    new_rows = [
        {"member": region_member(advisory_group).pk, "term_start": "2024-06-01"} for __ in range(2)
    ]
    url = reverse("admin:membership_advisorygroup_change", args=[advisory_group.pk])
    response = client_as("staff").post(
        url, advisory_change_data(advisory_group, existing, new_rows)
    )
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "more than 8 members" in str(errors)
    assert "more than 8 members" in response.content.decode()  # shown on the page
    assert advisory_group.memberships.count() == 7


def test_admin_inline_refuses_a_fourth_steering_committee_flag_across_new_rows(
    client_as, advisory_group
):
    existing = [
        make_advisory_membership(advisory_group, on_steering_committee=True) for __ in range(2)
    ]
    new_rows = [
        {
            "member": region_member(advisory_group).pk,
            "term_start": "2024-06-01",
            "on_steering_committee": True,
        }
        for __ in range(2)
    ]
    url = reverse("admin:membership_advisorygroup_change", args=[advisory_group.pk])
    response = client_as("staff").post(
        url, advisory_change_data(advisory_group, existing, new_rows)
    )
    assert response.status_code == 200
    assert "At most 3" in str(
        response.context["inline_admin_formsets"][0].formset.non_form_errors()
    )
    assert advisory_group.memberships.count() == 2


def test_admin_inline_saves_rows_up_to_the_cap(client_as, advisory_group):
    existing = [make_advisory_membership(advisory_group) for __ in range(6)]
    new_rows = [
        {"member": region_member(advisory_group).pk, "term_start": "2024-06-01"} for __ in range(2)
    ]
    url = reverse("admin:membership_advisorygroup_change", args=[advisory_group.pk])
    response = client_as("staff").post(
        url, advisory_change_data(advisory_group, existing, new_rows)
    )
    assert response.status_code == 302
    assert advisory_group.memberships.count() == 8


def test_admin_inline_shows_a_member_of_another_region_as_a_form_error(client_as, advisory_group):
    url = reverse("admin:membership_advisorygroup_change", args=[advisory_group.pk])
    new_rows = [{"member": MemberFactory().pk, "term_start": "2024-06-01"}]
    response = client_as("staff").post(url, advisory_change_data(advisory_group, [], new_rows))
    assert response.status_code == 200
    form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert "region" in str(form.errors["member"])
    assert not advisory_group.memberships.exists()


def test_admin_inline_checks_a_new_group_and_its_rows_together(client_as, db):
    region = RegionFactory(name="A region without a group yet")
    unsaved = AdvisoryGroup(region=region)
    members = [MemberFactory(city=CityFactory(region=region)) for __ in range(9)]
    new_rows = [{"member": member.pk, "term_start": "2024-06-01"} for member in members]
    new_rows.append({"member": MemberFactory().pk, "term_start": "2024-06-01"})  # elsewhere
    response = client_as("staff").post(
        reverse("admin:membership_advisorygroup_add"),
        advisory_change_data(unsaved, [], new_rows),
    )
    assert response.status_code == 200
    errors = str(response.context["inline_admin_formsets"][0].formset.non_form_errors())
    assert "more than 8 members" in errors
    assert "not from a city of the group" in errors
    assert not AdvisoryGroup.objects.filter(region=region).exists()


@pytest.mark.parametrize(
    ("url_name", "query"),
    [
        ("admin:membership_steeringcommitteeseat_changelist", {"current": "yes"}),
        ("admin:membership_steeringcommitteeseat_changelist", {"current": "past"}),
        ("admin:membership_steeringcommitteeseat_changelist", {"current": "future"}),
        ("admin:membership_steeringcommitteeseat_changelist", {"year": "2024"}),
        ("admin:membership_steeringcommitteeseat_changelist", {"role__exact": "chair"}),
        ("admin:membership_advisorygroup_changelist", {}),
        ("admin:membership_workinggroup_changelist", {}),
    ],
)
def test_governance_admin_lists_and_filters(client_as, url_name, query):
    make_seat(start=TODAY - DAY, end=None)
    make_seat(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))
    assert client_as("staff").get(reverse(url_name), query).status_code == 200


def test_seat_admin_filters_current_and_by_year(client_as, db):
    current = make_seat(start=TODAY - DAY, end=None)
    old = make_seat(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31))
    url = reverse("admin:membership_steeringcommitteeseat_changelist")
    client = client_as("staff")
    assert list(client.get(url, {"current": "yes"}).context["cl"].result_list) == [current]
    assert list(client.get(url, {"year": "2019"}).context["cl"].result_list) == [old]


def test_city_admin_filters_by_steering_committee_seat(client_as, db):
    current = make_seat(start=TODAY - DAY, end=None).city
    former = make_seat(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31)).city
    never = CityFactory()
    url = reverse("admin:membership_city_changelist")
    client = client_as("staff")

    def listed(value):
        response = client.get(url, {"steering_committee": value})
        return set(response.context["cl"].result_list)

    assert listed("current") == {current}
    assert listed("ever") == {current, former}
    assert never in listed("never") and not listed("never") & {current, former}


def test_working_group_admin_adds_a_group_with_themes_and_a_coordinator(client_as, db):
    theme = Theme.objects.create(name="Mentoring", slug="mentoring")
    coordinator = MemberFactory()
    response = client_as("staff").post(
        reverse("admin:membership_workinggroup_add"),
        {
            "name": "Mentoring group",
            "slug": "mentoring-group",
            "description": "",
            "themes": "Mentoring",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-member": coordinator.pk,
            "memberships-0-role": "coordinator",
        },
    )
    assert response.status_code == 302
    group = WorkingGroup.objects.get(slug="mentoring-group")
    assert list(group.themes.all()) == [theme]
    assert group.memberships.get().role == WorkingGroupRole.COORDINATOR


# --- Pages ---------------------------------------------------------------------------------

STEERING = reverse("membership:steering_committee")
ADVISORY = reverse("membership:advisory_groups")
WORKING_GROUPS = reverse("membership:working_groups")


def test_steering_committee_lists_current_seats_chair_first_then_past_ones(client_as, db):
    member_seat = make_seat(city=CityFactory(name="Zeta"), start=TODAY - 10 * DAY, end=None)
    chair = make_seat(
        city=CityFactory(name="Omega"),
        start=TODAY - 10 * DAY,
        end=TODAY + 300 * DAY,
        role=SeatRole.CHAIR,
    )
    co_chair = make_seat(
        city=CityFactory(name="Alpha"), start=TODAY, end=TODAY, role=SeatRole.CO_CHAIR
    )
    past = make_seat(city=CityFactory(name="Yesteryear"), start=TODAY - 400 * DAY, end=TODAY - DAY)
    upcoming = make_seat(city=CityFactory(name="Tomorrowland"), start=TODAY + DAY, end=None)

    response = client_as("member").get(STEERING)

    assert response.context["current_seats"] == [chair, co_chair, member_seat]
    assert response.context["past_seats"] == [past]
    assert response.context["upcoming_seats"] == [upcoming]
    page = response.content.decode()
    assert page.index("Omega") < page.index("Alpha") < page.index("Zeta") < page.index("Yesteryear")
    assert "3 of 25 seats held" in page
    assert "No current seats are recorded yet" not in page


def test_steering_committee_says_so_when_no_seat_is_current(client_as, db):
    make_seat(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31))
    page = client_as("member").get(STEERING).content.decode()
    assert "No current seats are recorded yet" in page
    assert "Terms starting in 2019" in page


def test_advisory_groups_list_current_members_with_the_cap_and_no_email(client_as, db):
    group = AdvisoryGroup.objects.create(region=RegionFactory(name="Sahel test"))
    present = make_advisory_membership(
        group,
        region_member(
            group,
            user__first_name="Awa",
            user__last_name="Diop",
            user__email="awa@example.org",
            position="Youth officer",
        ),
        start=TODAY - DAY,
        on_steering_committee=True,
    )
    make_advisory_membership(
        group,
        region_member(group, user__first_name="Gone", user__last_name="Before"),
        start=TODAY - 300 * DAY,
        end=TODAY - DAY,
    )

    response = client_as("member").get(ADVISORY)

    page = response.content.decode()
    assert "Sahel test" in page
    assert "Awa Diop" in page and present.member.city.name in page and "Youth officer" in page
    assert "Also on the Steering Committee" in page
    assert "1 of 8 seats filled" in page
    assert "Gone Before" not in page
    assert "awa@example.org" not in page


def test_advisory_groups_without_members_say_so(client_as, db):
    AdvisoryGroup.objects.create(region=RegionFactory(name="Empty region"))
    page = client_as("member").get(ADVISORY).content.decode()
    assert "0 of 8 seats filled" in page
    assert "No current members are recorded yet" in page


@pytest.fixture
def working_groups(db):
    youth = Theme.objects.create(name="Youth engagement", slug="youth-engagement")
    online = Theme.objects.create(name="Online extremism", slug="online-extremism")
    youth_group = WorkingGroup.objects.create(
        name="Youth and families", slug="youth-and-families", description="Young people first."
    )
    youth_group.themes.add(youth)
    online_group = WorkingGroup.objects.create(
        name="Online harms", slug="online-harms", description="Social media and gaming."
    )
    online_group.themes.add(online, youth)
    return youth_group, online_group


def listed_names(response):
    return [group.name for group in response.context["object_list"]]


def test_working_groups_list_themes_and_member_counts(client_as, working_groups):
    youth_group, __ = working_groups
    WorkingGroupMembership.objects.create(group=youth_group, member=MemberFactory())
    WorkingGroupMembership.objects.create(group=youth_group, member=MemberFactory())
    WorkingGroupMembership.objects.create(group=youth_group, member=MemberFactory(approved=False))
    response = client_as("member").get(WORKING_GROUPS)
    counts = {group.name: group.member_count for group in response.context["object_list"]}
    assert counts == {"Online harms": 0, "Youth and families": 2}  # pending people not counted
    page = response.content.decode()
    assert "Youth engagement" in page and "Online extremism" in page


def test_working_groups_filter_by_theme_and_search(client_as, working_groups):
    client = client_as("member")
    by_theme = client.get(WORKING_GROUPS, {"theme": "online-extremism"})
    assert listed_names(by_theme) == ["Online harms"]
    both = client.get(WORKING_GROUPS, {"theme": "youth-engagement"})
    assert listed_names(both) == ["Online harms", "Youth and families"]
    assert listed_names(client.get(WORKING_GROUPS, {"q": "gaming"})) == ["Online harms"]
    assert listed_names(client.get(WORKING_GROUPS, {"q": "FAMILIES"})) == ["Youth and families"]


def test_working_group_theme_filter_does_not_multiply_member_counts(client_as, working_groups):
    __, online_group = working_groups
    WorkingGroupMembership.objects.create(group=online_group, member=MemberFactory())
    response = client_as("member").get(WORKING_GROUPS, {"theme": "youth-engagement"})
    counts = {group.name: group.member_count for group in response.context["object_list"]}
    assert counts["Online harms"] == 1


def test_an_unknown_theme_is_a_form_error_not_a_crash(client_as, working_groups):
    response = client_as("member").get(WORKING_GROUPS, {"theme": "atlantis"})
    assert response.status_code == 200
    assert response.context["filterset"].errors["theme"]


def test_working_group_page_lists_coordinators_and_members(client_as, working_groups, member):
    youth_group, __ = working_groups
    coordinator = MemberFactory(user__first_name="Chidi", user__last_name="Okafor")
    WorkingGroupMembership.objects.create(
        group=youth_group, member=coordinator, role=WorkingGroupRole.COORDINATOR
    )
    WorkingGroupMembership.objects.create(group=youth_group, member=member.member)
    response = client_as("member").get(youth_group_url(youth_group))
    assert [m.member for m in response.context["coordinators"]] == [coordinator]
    assert [m.member for m in response.context["members"]] == [member.member]
    page = response.content.decode()
    assert "Chidi Okafor" in page and coordinator.city.name in page
    assert "Young people first." in page and "Youth engagement" in page
    assert coordinator.user.email not in page
    assert "Leave this working group" in page


def youth_group_url(group, action=None):
    name = {None: "working_group", "join": "join_working_group", "leave": "leave_working_group"}[
        action
    ]
    return reverse(f"membership:{name}", kwargs={"slug": group.slug})


@pytest.mark.parametrize("action", [None, "join", "leave"])
def test_an_unknown_working_group_is_not_found(client_as, db, action):
    client = client_as("member")
    url = youth_group_url(WorkingGroup(slug="no-such-group"), action)
    response = client.get(url) if action is None else client.post(url)
    assert response.status_code == 404


def test_a_member_joins_and_leaves_idempotently(client_as, working_groups, member):
    youth_group, __ = working_groups
    client = client_as("member")

    response = client.post(youth_group_url(youth_group, "join"))
    assert urlsplit(response["Location"]).path == youth_group_url(youth_group)
    client.post(youth_group_url(youth_group, "join"))
    assert (
        WorkingGroupMembership.objects.filter(group=youth_group, member=member.member).count() == 1
    )

    page = client.get(youth_group_url(youth_group)).content.decode()
    assert "Leave this working group" in page and member.get_full_name() in page

    client.post(youth_group_url(youth_group, "leave"))
    response = client.post(youth_group_url(youth_group, "leave"), follow=True)
    assert not WorkingGroupMembership.objects.filter(member=member.member).exists()
    page = response.content.decode()
    assert "You are not a member of Youth and families." in page
    assert "Join this working group" in page


@pytest.mark.parametrize("action", ["join", "leave"])
def test_join_and_leave_answer_post_only(client_as, working_groups, action):
    youth_group, __ = working_groups
    response = client_as("member").get(youth_group_url(youth_group, action))
    assert response.status_code == 405
    assert not WorkingGroupMembership.objects.exists()


def test_staff_without_a_member_cannot_join_and_are_told_why(client_as, working_groups, staff):
    youth_group, __ = working_groups
    client = client_as("staff")
    page = client.get(youth_group_url(youth_group)).content.decode()
    assert "not linked to a member city" in page
    assert "Join this working group" not in page
    response = client.post(youth_group_url(youth_group, "join"), follow=True)
    assert "not linked to a member city" in response.content.decode()
    assert not WorkingGroupMembership.objects.exists()


def test_join_and_leave_services_say_whether_they_changed_anything(working_groups, member):
    youth_group, __ = working_groups
    assert join_working_group(member.member, youth_group) is True
    assert join_working_group(member.member, youth_group) is False
    assert leave_working_group(member.member, youth_group) is True
    assert leave_working_group(member.member, youth_group) is False


def test_network_index_marks_cities_holding_a_current_seat(client_as, db):
    make_seat(city=CityFactory(name="Seated city"), start=TODAY - DAY, end=None)
    make_seat(
        city=CityFactory(name="Former seat city"),
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 12, 31),
    )
    response = client_as("member").get(reverse("membership:index"))
    badges = {city.name: city.holds_steering_seat for city in response.context["object_list"]}
    assert badges["Seated city"] is True and badges["Former seat city"] is False
    page = response.content.decode()
    for url_name in ["steering_committee", "advisory_groups", "working_groups"]:
        assert f'href="{reverse(f"membership:{url_name}")}"' in page
    assert reverse("membership:expectations") not in page  # staff only


# --- Permission matrix and query bounds ------------------------------------------------------

PAGES = [
    "membership:steering_committee",
    "membership:advisory_groups",
    "membership:working_groups",
    "membership:working_group",
    "membership:expectations",
]


def page_url(url_name):
    if url_name == "membership:working_group":
        return reverse(url_name, kwargs={"slug": "youth-and-families"})
    return reverse(url_name)


def expected(role, url_name):
    if role == "anonymous":
        return 302, reverse("account_login")
    if role == "applicant":
        return 302, reverse("membership:application_status")
    if url_name == "membership:expectations" and role != "staff":
        return 404, None
    return 200, None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", PAGES)
def test_permission_matrix(client_as, working_groups, role, url_name):
    status, target = expected(role, url_name)
    response = client_as(role).get(page_url(url_name))
    assert response.status_code == status
    if target:
        assert urlsplit(response["Location"]).path == target


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["join", "leave"])
def test_join_and_leave_permission_matrix(client_as, working_groups, role, action):
    youth_group, __ = working_groups
    response = client_as(role).post(youth_group_url(youth_group, action))
    assert response.status_code == 302
    target = {
        "anonymous": reverse("account_login"),
        "applicant": reverse("membership:application_status"),
    }.get(role, youth_group_url(youth_group))
    assert urlsplit(response["Location"]).path == target
    joined = WorkingGroupMembership.objects.exists()
    assert joined == (action == "join" and role in {"member", "editor_a", "editor_b"})


GROUP_NUMBERS = itertools.count()


def add_governance_rows(count):
    """`count` more of everything the governance pages list."""
    theme = Theme.objects.get_or_create(name="Mentoring", slug="mentoring")[0]
    for __ in range(count):
        region = RegionFactory()
        group = AdvisoryGroup.objects.create(region=region)
        for __ in range(2):
            make_advisory_membership(
                group, MemberFactory(city=CityFactory(region=region)), start=TODAY - DAY
            )
        make_seat(start=TODAY - DAY, end=None)
        make_seat(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31))
        number = next(GROUP_NUMBERS)
        working_group = WorkingGroup.objects.create(name=f"Group {number}", slug=f"group-{number}")
        working_group.themes.add(theme)
        for role in [WorkingGroupRole.COORDINATOR, WorkingGroupRole.MEMBER]:
            WorkingGroupMembership.objects.create(
                group=working_group, member=MemberFactory(), role=role
            )
    # and more people in the group of the detail page
    detail_group = WorkingGroup.objects.get(slug="youth-and-families")
    for __ in range(count):
        WorkingGroupMembership.objects.create(group=detail_group, member=MemberFactory())


@pytest.mark.parametrize("url_name", [*PAGES, "membership:index"])
def test_governance_pages_have_a_constant_query_count(
    client_as, working_groups, url_name, django_assert_max_num_queries
):
    client = client_as("staff")
    add_governance_rows(1)
    with django_assert_max_num_queries(20) as few:
        assert client.get(page_url(url_name)).status_code == 200
    add_governance_rows(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(page_url(url_name)).status_code == 200


def test_member_query_budget_on_the_working_group_page(
    client_as, working_groups, member, django_assert_max_num_queries
):
    youth_group, __ = working_groups
    WorkingGroupMembership.objects.create(group=youth_group, member=member.member)
    client = client_as("member")
    # session, user, member, city (the gate), group, themes, people
    with django_assert_max_num_queries(7):
        assert client.get(youth_group_url(youth_group)).status_code == 200


def test_suspended_city_people_are_not_listed_in_working_groups(client_as, working_groups):
    youth_group, __ = working_groups
    suspended = MemberFactory(
        city=CityFactory(status=CityStatus.SUSPENDED),
        user__first_name="Hidden",
        user__last_name="Person",
    )
    WorkingGroupMembership.objects.create(group=youth_group, member=suspended)
    page = client_as("member").get(youth_group_url(youth_group)).content.decode()
    assert "Hidden Person" not in page


def test_demo_working_groups_load_twice_without_duplicates(db):
    load_reference_data()
    load_demo_data()
    load_demo_data()
    assert WorkingGroup.objects.count() == len(DEMO_WORKING_GROUPS)
    youth = WorkingGroup.objects.get(slug="youth-and-families")
    assert {theme.name for theme in youth.themes.all()} == {"Youth engagement", "Mentoring"}
    member = youth.memberships.get().member
    assert member.user.email == "member@demo.scn.example"
    # Someone who left the group is not put back by the next load.
    leave_working_group(member, youth)
    load_demo_data()
    assert not youth.memberships.exists()
