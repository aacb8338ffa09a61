"""The network's governance records, for members: the Steering Committee, the Regional
Advisory Groups, the thematic working groups (which members join and leave), and for SCN
staff the table of what each member city meets of the network's expectations."""

from django.contrib import messages
from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from membership.choices import CityStatus, MemberStatus, SeatRole, WorkingGroupRole
from membership.expectations import EXPECTATIONS, expectations_by_city
from membership.filtersets import CityExpectationFilterSet, WorkingGroupFilterSet
from membership.models import (
    AdvisoryGroup,
    AdvisoryGroupMembership,
    City,
    SteeringCommitteeSeat,
    WorkingGroup,
    WorkingGroupMembership,
)
from membership.services.working_groups import (
    NO_MEMBER_REASON,
    join_working_group,
    joining_member,
    leave_working_group,
)

# Chair first, then co-chairs, then the other seats.
SEAT_ORDER = Case(
    When(role=SeatRole.CHAIR, then=Value(0)),
    When(role=SeatRole.CO_CHAIR, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)

# The people of a working group that the hub lists and counts: those who may use the hub
# now. A practitioner who lost access keeps their record but is not shown.
LISTED_WORKING_GROUP_MEMBERS = Q(
    member__status=MemberStatus.APPROVED, member__city__status=CityStatus.ACTIVE
)


class SteeringCommitteeView(TemplateView):
    """The International Steering Committee: the seats held today, chair first, then the
    seats to come and the past seats by the year their term began."""

    template_name = "membership/steering_committee.html"

    def get_context_data(self, **kwargs):
        seats = SteeringCommitteeSeat.objects.select_related("city__region")
        current = list(
            seats.current().annotate(seat_order=SEAT_ORDER).order_by("seat_order", "city__name")
        )
        upcoming = list(
            seats.filter(term_start__gt=timezone.localdate()).order_by("term_start", "city__name")
        )
        past = list(
            seats.past()
            .annotate(seat_order=SEAT_ORDER)
            .order_by("-term_start", "seat_order", "city__name")
        )
        return super().get_context_data(
            current_seats=current,
            upcoming_seats=upcoming,
            past_seats=past,
            max_seats=SteeringCommitteeSeat.MAX_ACTIVE,
            **kwargs,
        )


class AdvisoryGroupListView(ListView):
    """Every Regional Advisory Group with its current members and how full it is."""

    template_name = "membership/advisory_groups.html"
    context_object_name = "groups"

    def get_queryset(self):
        current_members = (
            AdvisoryGroupMembership.objects.current()
            .select_related("member__user", "member__city")
            .order_by(
                "-on_steering_committee", "member__user__last_name", "member__user__first_name"
            )
        )
        return AdvisoryGroup.objects.select_related("region").prefetch_related(
            Prefetch("memberships", queryset=current_members, to_attr="current_memberships")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(max_members=AdvisoryGroup.MAX_ACTIVE, **kwargs)


def with_member_counts(groups):
    """Annotate `member_count`: the group's listed members, as a subquery so that filters
    joining other tables (themes) cannot multiply it."""
    counts = (
        WorkingGroupMembership.objects.filter(LISTED_WORKING_GROUP_MEMBERS, group=OuterRef("pk"))
        .order_by()
        .values("group")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return groups.annotate(member_count=Coalesce(Subquery(counts), 0))


class WorkingGroupListView(ListView):
    """The thematic working groups, searchable, filtered by theme, with their size."""

    template_name = "membership/working_group_list.html"
    paginate_by = 50

    def get_queryset(self):
        groups = with_member_counts(WorkingGroup.objects.prefetch_related("themes"))
        self.filterset = WorkingGroupFilterSet(self.request.GET, queryset=groups)
        return self.filterset.qs.order_by("name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


class WorkingGroupDetailView(DetailView):
    """A working group's page: what it works on, who is in it, and Join or Leave."""

    template_name = "membership/working_group_detail.html"
    context_object_name = "group"

    def get_queryset(self):
        people = (
            WorkingGroupMembership.objects.filter(LISTED_WORKING_GROUP_MEMBERS)
            .select_related("member__user", "member__city")
            .order_by("member__user__last_name", "member__user__first_name", "pk")
        )
        return WorkingGroup.objects.prefetch_related(
            "themes", Prefetch("memberships", queryset=people, to_attr="listed_memberships")
        )

    def get_context_data(self, **kwargs):
        group = self.object
        member = joining_member(self.request.user)
        memberships = group.listed_memberships
        return super().get_context_data(
            coordinators=[m for m in memberships if m.role == WorkingGroupRole.COORDINATOR],
            members=[m for m in memberships if m.role != WorkingGroupRole.COORDINATOR],
            joining_member=member,
            is_in_group=member is not None and any(m.member_id == member.pk for m in memberships),
            cannot_join_reason=None if member is not None else NO_MEMBER_REASON,
            **kwargs,
        )


class WorkingGroupMembershipView(View):
    """POST only: join or leave a working group, then back to its page with a message."""

    http_method_names = ["post"]
    join = True

    def post(self, request, slug):
        group = get_object_or_404(WorkingGroup, slug=slug)
        member = joining_member(request.user)
        if member is None:
            messages.error(request, NO_MEMBER_REASON)
        elif self.join:
            if join_working_group(member, group):
                messages.success(request, _("You joined %(group)s.") % {"group": group.name})
            else:
                messages.info(
                    request, _("You are already a member of %(group)s.") % {"group": group.name}
                )
        elif leave_working_group(member, group):
            messages.success(request, _("You left %(group)s.") % {"group": group.name})
        else:
            messages.info(request, _("You are not a member of %(group)s.") % {"group": group.name})
        return redirect("membership:working_group", slug=group.slug)


class ExpectationTableView(ListView):
    """SCN staff only: every active member city against every expectation, with filters
    (which cities miss what) and how many cities miss each one. Others get a 404."""

    template_name = "membership/expectations.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        cities = City.objects.active().select_related("region").order_by("name")
        self.filterset = CityExpectationFilterSet(self.request.GET, queryset=cities)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        # Every filtered city at once (one query per expectation), not only this page's:
        # the counts of cities missing each expectation are over the whole selection.
        statuses = expectations_by_city(self.object_list)
        missing_counts = []
        for index, expectation in enumerate(EXPECTATIONS):
            column = [city_statuses[index].met for city_statuses in statuses.values()]
            tracked = all(met is not None for met in column)
            missing_counts.append(
                {"expectation": expectation, "count": column.count(False) if tracked else None}
            )
        context.update(
            expectations=EXPECTATIONS,
            rows=[(city, statuses[city.pk]) for city in context["object_list"]],
            missing_counts=missing_counts,
        )
        return context
