"""A city's profile: the page members read, its photo, and the pages its editors use to
write it, add initiatives and publish it.

Reading is scoped with CityProfile.objects.visible_to (published profiles; drafts only for
their editors and staff), editing with CityProfile.objects.editable_by and, for a city
without a profile yet, services.cities_editable_by. Anything outside a user's scope is a
404. The city always comes from the URL, never from the submitted form.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from cityprofiles import services
from cityprofiles.forms import CityProfileForm, InitiativeForm, PublishForm
from cityprofiles.models import CityProfile, Initiative
from library.models import Document
from library.results import LIST_FIELDS, newest_about
from membership.expectations import city_expectations

LIBRARY_LIST_LENGTH = 10
PROFILE_EVENTS_SHOWN = 10


def readable_profile(user, slug: str) -> CityProfile | None:
    """The profile of the city `slug` if `user` may read it, with everything its page
    shows prefetched (a fixed number of queries, whatever the number of initiatives)."""
    documents = Document.objects.visible_to(user).only(*LIST_FIELDS)
    # Prefetched into lists (to_attr): Django then builds no queryset per initiative.
    initiatives = Initiative.objects.prefetch_related(
        Prefetch("themes", to_attr="theme_list"),
        Prefetch("documents", queryset=documents, to_attr="document_list"),
    )
    return (
        CityProfile.objects.visible_to(user)
        .filter(city__slug=slug)
        .select_related("city__region")
        .prefetch_related(
            Prefetch("initiatives", queryset=initiatives, to_attr="initiative_list"),
            Prefetch("expertise", to_attr="expertise_list"),
        )
        .first()
    )


class CityProfileView(TemplateView):
    """A city's profile page. A city without a profile (or with a draft) does not exist
    for members; its own editors see an invitation to write it instead."""

    template_name = "cityprofiles/profile.html"

    def get(self, request, *args, slug, **kwargs):
        self.profile = readable_profile(request.user, slug)
        if self.profile is None:
            city = services.cities_editable_by(request.user).filter(slug=slug).first()
            if city is None:
                raise Http404("no profile this user may read")
            # Editors see their own drafts, so a city they may edit has no profile at all.
            return TemplateResponse(request, "cityprofiles/profile_missing.html", {"city": city})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        profile = self.profile
        city = profile.city
        can_edit = CityProfile.objects.editable_by(user).filter(pk=profile.pk).exists()
        governance = services.city_governance(city)
        context = {
            "profile": profile,
            "city": city,
            "initiatives": profile.initiative_list,
            "expertise": sorted(profile.expertise_list, key=lambda theme: theme.localized_name),
            "point_of_contact": governance.point_of_contact,
            # Members all read the published library (library.results).
            "documents": newest_about(city, LIBRARY_LIST_LENGTH),
            "events_html": services.city_events_html(city, PROFILE_EVENTS_SHOWN),
            "steering_seat": governance.steering_seat,
            "advisory_roles": governance.advisory_roles,
            "can_edit": can_edit,
            # Changes with every new photo (its random name): browsers fetch the new one.
            "photo_version": profile.photo.name.rsplit("/", 1)[-1][:12] if profile.photo else "",
        }
        if can_edit:
            percent, checklist = services.completeness(profile)
            context.update(
                percent=percent,
                checklist=checklist,
                expectations=city_expectations(city),
                last_change=services.last_change(profile),
            )
        return super().get_context_data(**context, **kwargs)


class CityPhotoView(View):
    """A profile's photo, for those who may read the profile. Always the JPEG the hub
    made of the upload, sent with `nosniff` and kept by the browser only."""

    http_method_names = ["get"]

    def get(self, request, slug):
        profile = get_object_or_404(
            CityProfile.objects.visible_to(request.user).only("photo"), city__slug=slug
        )
        if not profile.photo:
            raise Http404("no photo")
        try:
            handle = profile.photo.storage.open(profile.photo.name, "rb")
        except (OSError, ValueError):
            raise Http404("photo file missing") from None
        response = FileResponse(handle, content_type="image/jpeg")
        response["X-Content-Type-Options"] = "nosniff"
        # A new photo gets a new name, and the page links it with that name (`?v=`), so
        # the browser may keep this one; a shared cache never may.
        response["Cache-Control"] = "private, max-age=86400"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response


class EditableCityMixin:
    """Finds the city of the URL among those the user may edit (404 otherwise): its
    profile, or — for an active city without one yet — the city itself."""

    def dispatch(self, request, *args, slug, **kwargs):
        self.profile = (
            CityProfile.objects.editable_by(request.user)
            .filter(city__slug=slug)
            .select_related("city")
            .first()
        )
        if self.profile is not None:
            self.city = self.profile.city
        else:
            self.city = get_object_or_404(services.cities_editable_by(request.user), slug=slug)
        return super().dispatch(request, *args, **kwargs)

    def profile_url(self, fragment: str = "") -> str:
        return reverse("cityprofiles:profile", args=[self.city.slug]) + fragment

    def get_context_data(self, **kwargs):
        return super().get_context_data(city=self.city, profile=self.profile, **kwargs)


class CityProfileEditView(EditableCityMixin, FormView):
    """The profile's editors (and staff) write it; the first save creates it as a draft."""

    template_name = "cityprofiles/edit.html"
    form_class = CityProfileForm

    def get_form_kwargs(self):
        instance = self.profile or CityProfile(city=self.city)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        last_change = services.last_change(self.profile) if self.profile else None
        return super().get_context_data(last_change=last_change, **kwargs)

    def form_valid(self, form):
        profile = services.save_profile(
            self.profile or CityProfile(city=self.city),
            self.request.user,
            **form.profile_changes(),
        )
        if profile.published:
            messages.success(self.request, _("Your changes are saved."))
        else:
            messages.success(
                self.request,
                _("Your changes are saved. The profile is a draft: members see it once you "
                  "publish it."),
            )  # fmt: skip
        return redirect(self.profile_url())


class InitiativeFormMixin(EditableCityMixin):
    template_name = "cityprofiles/initiative_form.html"
    form_class = InitiativeForm
    initiative = None

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "city": self.city,
            "user": self.request.user,
            "instance": self.initiative or Initiative(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)


class InitiativeAddView(InitiativeFormMixin, FormView):
    """A new initiative on the city's profile (which is created, as a draft, if needed)."""

    def form_valid(self, form):
        user = self.request.user
        profile = self.profile or services.get_or_create_profile(self.city, by=user)
        initiative = services.save_initiative(profile, user, **form.initiative_changes())
        messages.success(
            self.request, _("The initiative “%(title)s” is added.") % {"title": initiative.title}
        )
        return redirect(self.profile_url(f"#initiative-{initiative.pk}"))


class EditableInitiativeMixin(InitiativeFormMixin):
    """The initiative of the URL, among those of the city the user may edit."""

    def dispatch(self, request, *args, pk, **kwargs):
        self.initiative_pk = pk
        return super().dispatch(request, *args, **kwargs)

    def get_initiative(self):
        if self.profile is None:
            raise Http404("no profile")
        return get_object_or_404(self.profile.initiatives.all(), pk=self.initiative_pk)


class InitiativeEditView(EditableInitiativeMixin, FormView):
    def get_form_kwargs(self):
        self.initiative = self.get_initiative()
        return super().get_form_kwargs()

    def form_valid(self, form):
        initiative = services.save_initiative(
            self.profile, self.request.user, self.initiative, **form.initiative_changes()
        )
        messages.success(self.request, _("Your changes are saved."))
        return redirect(self.profile_url(f"#initiative-{initiative.pk}"))


class InitiativeDeleteView(EditableInitiativeMixin, TemplateView):
    """Asks for confirmation (GET), then removes the initiative (POST)."""

    template_name = "cityprofiles/initiative_confirm_delete.html"

    def get(self, request, *args, **kwargs):
        self.initiative = self.get_initiative()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        initiative = self.get_initiative()
        services.delete_initiative(initiative, request.user)
        messages.success(
            request, _("The initiative “%(title)s” is deleted.") % {"title": initiative.title}
        )
        return redirect(self.profile_url("#initiatives"))


class PublishView(EditableCityMixin, View):
    """POST only: publish the profile (members see it) or take it back to a draft."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if self.profile is None:
            raise Http404("no profile to publish")
        form = PublishForm(request.POST)
        if not form.is_valid():
            return redirect(self.profile_url())
        if form.cleaned_data["action"] == "publish":
            services.publish(self.profile, request.user)
            messages.success(request, _("The profile is published: every member can read it."))
        else:
            services.unpublish(self.profile, request.user)
            messages.success(
                request, _("The profile is a draft again: only its editors and staff see it.")
            )
        return redirect(self.profile_url())
