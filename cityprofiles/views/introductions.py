"""Introductions: a member asks the SCN team to put them in touch with a counterpart in
another city (from the city's profile, or one of its initiatives), then follows their
requests. The SCN team brokers them in the admin (cityprofiles.admin_introductions)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from cityprofiles.forms_introductions import (
    InitiativeQueryForm,
    IntroductionRequestForm,
    MyIntroductionsFilterSet,
)
from cityprofiles.models import IntroductionRequest
from cityprofiles.services_introductions import (
    IntroductionNotAllowed,
    introducible_profiles,
    request_introduction,
)


def requesting_member(user):
    """The approved Member record through which `user` asks for introductions, or None
    (SCN staff without a city of their own)."""
    member = getattr(user, "member", None)
    return member if member is not None and member.approved else None


class RequestIntroductionView(FormView):
    """The form asking for an introduction to a city with a published profile, optionally
    about one of its initiatives (`?initiative=<pk>`, checked to be one of the city's).
    Draft profiles and unknown cities are a 404; one's own city and staff without a city
    get a page explaining why they cannot ask."""

    template_name = "cityprofiles/introduction_form.html"
    form_class = IntroductionRequestForm

    def dispatch(self, request, *args, slug, **kwargs):
        self.profile = get_object_or_404(
            introducible_profiles(request.user).select_related("city"), city__slug=slug
        )
        self.member = requesting_member(request.user)
        self.query = InitiativeQueryForm(request.GET, profile=self.profile)
        if self.member is None or self.member.city_id == self.profile.city_id:
            return TemplateResponse(
                request,
                "cityprofiles/introduction_unavailable.html",
                {"profile": self.profile, "own_city": self.member is not None},
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initiative = self.query.initiative
        if initiative is None:
            return {}
        return {
            "initiative": initiative.pk,
            "topic": initiative.title[:200],
            "themes": list(initiative.themes.all()),
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "profile": self.profile}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            profile=self.profile,
            initiative=self.query.initiative,
            initiative_refused=self.query.refused,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            introduction = request_introduction(
                self.member,
                profile=self.profile,
                initiative=form.cleaned_data["initiative"],
                topic=form.cleaned_data["topic"],
                themes=form.cleaned_data["themes"],
                message=form.cleaned_data["message"],
                language=translation.get_language(),
            )
        except IntroductionNotAllowed:
            # Checked above; only a change in the meantime (the profile unpublished) is left.
            messages.error(self.request, _("This introduction can no longer be requested."))
            return redirect("cityprofiles:my_introductions")
        messages.success(
            self.request,
            _(
                "Your request for an introduction to %(city)s is with the SCN team. "
                "They will write to you by email."
            )
            % {"city": introduction.city.name},
        )
        return redirect("cityprofiles:my_introductions")


class MyIntroductionsView(ListView):
    """The member's own introduction requests, newest first: where each stands (requested,
    introduced to whom, declined and why) and its outcome. Nobody else's."""

    template_name = "cityprofiles/my_introductions.html"
    paginate_by = 20

    def get_queryset(self):
        introductions = (
            IntroductionRequest.objects.filter(requester__user=self.request.user)
            # The city's profile: linked to while it is published.
            .select_related("city__profile", "initiative", "counterpart__user")
            .prefetch_related("themes")
            .order_by("-created", "-pk")
        )
        self.filterset = MyIntroductionsFilterSet(self.request.GET, queryset=introductions)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filterset=self.filterset,
            can_request=requesting_member(self.request.user) is not None,
            **kwargs,
        )
