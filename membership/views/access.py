"""People of my city: a city's point of contact sees who asks to join the hub for their
city and who already has access, and approves or refuses the requests, outside the admin."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView

from membership.choices import MemberStatus
from membership.expectations import city_expectations
from membership.forms.access import CityPeopleFilterSet, MemberDecision, MemberDecisionForm
from membership.models import City, Member
from membership.services.access import approve_member, reject_member

# A point of contact decides on requests; withdrawing someone's access is for SCN staff.
AWAITING_DECISION = {MemberStatus.PENDING, MemberStatus.MORE_INFORMATION}


def city_of_point_of_contact(user) -> City:
    """The city `user` speaks for as its point of contact; 404 for anyone else (members,
    editors, staff without a city): the page does not exist for them."""
    member = getattr(user, "member", None)
    if member is None or not member.is_point_of_contact:
        raise Http404("not a point of contact")
    return member.city


class MyCityView(ListView):
    """The people of the point of contact's city: requests awaiting a decision (each with
    approve and refuse forms), then the people who have access (searchable, paginated)."""

    template_name = "membership/my_city.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        self.city = city_of_point_of_contact(request.user)
        return super().dispatch(request, *args, **kwargs)

    def people(self):
        """Everyone the point of contact may decide on: their city's people but themselves."""
        return Member.objects.decidable_by(self.request.user).filter(city=self.city)

    def get_queryset(self):
        approved = (
            self.people()
            .approved()
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )
        self.filterset = CityPeopleFilterSet(self.request.GET, queryset=approved)
        return self.filterset.qs

    def get_context_data(self, *, failed_decision=None, **kwargs):
        """`failed_decision`: (member, bound form) of a refusal sent without a reason, shown
        again on that person's row with the error."""
        awaiting = self.people().awaiting_decision().select_related("user").order_by("created")
        return super().get_context_data(
            city=self.city,
            awaiting=awaiting,
            failed_decision=failed_decision,
            filterset=self.filterset,
            expectations=city_expectations(self.city),
            **kwargs,
        )


class DecideMemberView(MyCityView):
    """POST only: the point of contact approves or refuses one person of their city.
    People outside their scope (another city, themselves, no such person) are a 404."""

    http_method_names = ["post"]

    def post(self, request, pk):
        member = get_object_or_404(self.people().select_related("user"), pk=pk)
        form = MemberDecisionForm(request.POST)
        if not form.is_valid():
            self.object_list = self.get_queryset()
            context = self.get_context_data(failed_decision=(member, form))
            return self.render_to_response(context)
        name = member.user.get_full_name() or member.user.email
        if member.status not in AWAITING_DECISION:
            # Someone (staff, or this same person in another tab) decided first.
            messages.info(
                request, _("%(name)s's request has already been decided.") % {"name": name}
            )
        elif form.cleaned_data["decision"] == MemberDecision.APPROVE:
            try:
                approve_member(member, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("%(name)s now has access to the hub.") % {"name": name})
        else:
            reject_member(member, request.user, form.cleaned_data["reason"])
            messages.success(request, _("%(name)s's request was refused.") % {"name": name})
        return redirect("membership:my_city")
