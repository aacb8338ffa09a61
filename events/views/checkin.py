"""The check-in page: staff at the door of an event, on a phone, find a confirmed
participant by name or email and check them in (or undo a mistaken check-in). Works without
JavaScript: each row is a small POST form, and the page comes back with the same search."""

from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from events import services
from events.models import Event, Registration
from scn_portal.filtersets import BaseFilterSet, matching_every_word
from scn_portal.views import StaffOnlyMixin

SEARCH_MAX_LENGTH = 100


class CheckInFilterSet(BaseFilterSet):
    """The door's search: every word must match the first name, last name or email,
    accents and case ignored."""

    class Meta:
        model = Registration
        fields = ["q"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.fields["q"]
        field.label = gettext_lazy("Name or email")
        field.widget.input_type = "search"
        field.widget.attrs.update(
            {
                "class": "form-control form-control-lg",
                "autocomplete": "off",
                "maxlength": SEARCH_MAX_LENGTH,
            }
        )

    def search(self, queryset, name, value):
        fields = ["user__first_name", "user__last_name", "user__email"]
        return matching_every_word(queryset, value, fields)


class CheckInForm(forms.Form):
    """One tap: check a registration in (attended=1) or undo it (attended=0). The search
    and page travel along, so that the list comes back as it was."""

    registration = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    attended = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=int)
    q = forms.CharField(required=False, strip=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def clean_q(self):
        # The search only reads so much of itself (query_words): no need to refuse more.
        return self.cleaned_data["q"][:SEARCH_MAX_LENGTH]


class CheckInView(StaffOnlyMixin, ListView):
    """SCN staff only (404 for anyone else): the confirmed participants of an event with
    a "Check in" / "Undo" button each, and how many are checked in. Registrations that are
    not confirmed (waiting, pending, cancelled...) are not listed: they cannot attend."""

    template_name = "events/check_in.html"
    paginate_by = 50

    @cached_property
    def event(self) -> Event:
        return get_object_or_404(
            Event.objects.visible_to(self.request.user), slug=self.kwargs["slug"]
        )

    def get_queryset(self):
        participants = (
            self.event.registrations.confirmed()
            .select_related("user", "city")
            .order_by("user__last_name", "user__first_name", "user__email", "pk")
        )
        self.filterset = CheckInFilterSet(self.request.GET, queryset=participants)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        counts = self.event.registrations.confirmed().aggregate(
            confirmed=Count("pk"), checked_in=Count("pk", filter=Q(attended_at__isnull=False))
        )
        query = self.filterset.form.cleaned_data.get("q", "") if self.filterset.is_bound else ""
        return super().get_context_data(
            event=self.event, filterset=self.filterset, query=query or "", **counts, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = CheckInForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("That check-in could not be read. Please try again."))
            return redirect("events:check_in", slug=self.event.slug)
        registration = get_object_or_404(
            self.event.registrations.select_related("user"), pk=form.cleaned_data["registration"]
        )
        attended = bool(form.cleaned_data["attended"])
        name = registration.user.get_full_name() or registration.user.email
        try:
            services.mark_attendance(registration, by=request.user, attended=attended)
        except services.RegistrationRefused as refused:
            messages.error(request, refused.message)
        else:
            if attended:
                messages.success(request, _("%(name)s is checked in.") % {"name": name})
            else:
                messages.info(request, _("Check-in undone for %(name)s.") % {"name": name})
        return redirect(self.back_to_list(form.cleaned_data))

    def back_to_list(self, data) -> str:
        url = reverse("events:check_in", args=[self.event.slug])
        query = {key: data[key] for key in ("q", "page") if data.get(key)}
        return f"{url}?{urlencode(query)}" if query else url
