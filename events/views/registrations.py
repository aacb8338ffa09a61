"""A member's registrations: register and cancel (POST, from the event page's panel), the
member's own events ("My events", with their calendar address) and an event's
participant list.

Events are scoped with Event.objects.visible_to (members: published and cancelled events;
staff: drafts too). The rules (capacity, waiting list, approval, closing) live in
events.services; the views validate a form, call one service and say what happened.
"""

from django.contrib import messages
from django.db.models import BooleanField, Case, Count, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from events import services
from events.choices import RegistrationStatus
from events.forms import CalendarFeedForm, CancelForm, RegisterForm
from events.models import CalendarFeed, Event, Registration

# Registrations that let a member see who else takes part (interest alone does not).
PARTICIPANT_STATUSES = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.PENDING,
)


def visible_events(user):
    return Event.objects.visible_to(user)


def registered_message(registration: Registration) -> str:
    """What the member reads after registering, by the status they got."""
    title = registration.event.title
    messages_by_status = {
        RegistrationStatus.CONFIRMED: _(
            "You are registered for “%(title)s”. A confirmation is on its way to your inbox."
        ),
        RegistrationStatus.WAITLISTED: _(
            "“%(title)s” is full: you are on the waiting list. We will email you if a seat "
            "frees up."
        ),
        RegistrationStatus.PENDING: _(
            "Your registration for “%(title)s” awaits the SCN team's approval. We will email "
            "you their decision."
        ),
        RegistrationStatus.INTERESTED: _(
            "Your interest in “%(title)s” is recorded. Come back to register when "
            "registration opens."
        ),
    }
    return messages_by_status[registration.status] % {"title": title}


class RegisterView(View):
    """Register for an event (or register interest before registration opens)."""

    http_method_names = ["post"]

    def post(self, request, slug):
        event = get_object_or_404(visible_events(request.user), slug=slug)
        form = RegisterForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(event)
        before = (
            Registration.objects.filter(event=event, user=request.user)
            .values_list("status", flat=True)
            .first()
        )
        try:
            registration = services.register(request.user, event, **form.cleaned_data)
        except services.RegistrationRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(event)
        if registration.status == before:
            messages.info(request, _("You are already registered: nothing has changed."))
        else:
            messages.success(request, registered_message(registration))
        return redirect(event)


class CancelView(View):
    """The member cancels their own registration (or interest)."""

    http_method_names = ["post"]

    def post(self, request, slug):
        event = get_object_or_404(visible_events(request.user), slug=slug)
        registration = Registration.objects.active().filter(event=event, user=request.user).first()
        if registration is None:
            messages.info(request, _("You have no registration to cancel for this event."))
            return redirect(event)
        if not CancelForm(request.POST).is_valid():
            messages.error(request, _("Confirm the cancellation with its button."))
            return redirect(event)
        try:
            services.cancel(registration)
        except services.RegistrationRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(event)
        messages.success(
            request,
            _("Your registration for “%(title)s” is cancelled.") % {"title": event.title},
        )
        return redirect(event)


class MyEventsView(ListView):
    """The member's registrations, upcoming first (soonest first), then past ones (most
    recent first), with their status and attendance; and the box of their personal
    calendar address. Three queries whatever the number of registrations."""

    template_name = "events/my_events.html"
    context_object_name = "registrations"
    paginate_by = 30

    def get_queryset(self):
        user = self.request.user
        today = timezone.localdate()
        return (
            Registration.objects.filter(user=user, event__in=visible_events(user))
            .select_related("event")
            .annotate(
                event_last_day=Coalesce("event__end_date", "event__start_date"),
                is_past=Case(
                    When(event_last_day__lt=today, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                ),
            )
            .order_by(
                "is_past",
                Case(When(is_past=False, then=F("event__start_date"))).asc(nulls_last=True),
                F("event__start_date").desc(),
                "pk",
            )
        )

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            feed=CalendarFeed.objects.filter(user=user).first(),
            feed_form=CalendarFeedForm(),
            **kwargs,
        )


class ParticipantListView(ListView):
    """Who takes part in an event, for those who take part (and staff).

    Members with a registration (confirmed, waiting or awaiting approval) see the
    participants who agreed to be shown, confirmed first, and how many others there are.
    Staff see everyone, marked whether they agreed to be shown. Anyone else: 404."""

    template_name = "events/participants.html"
    context_object_name = "participants"
    paginate_by = 50

    def get(self, request, *args, slug, **kwargs):
        self.event = get_object_or_404(visible_events(request.user), slug=slug)
        self.show_everyone = request.user.is_staff
        if not self.show_everyone and not (
            Registration.objects.filter(
                event=self.event, user=request.user, status__in=PARTICIPANT_STATUSES
            ).exists()
        ):
            raise Http404
        return super().get(request, *args, **kwargs)

    def participants(self):
        return self.event.registrations.filter(status__in=PARTICIPANT_STATUSES)

    def get_queryset(self):
        queryset = self.participants()
        if not self.show_everyone:
            queryset = queryset.filter(listed=True)
        return queryset.select_related("user__member", "city").order_by(
            Case(
                When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
                When(status=RegistrationStatus.WAITLISTED, then=Value(1)),
                default=Value(2),
            ),
            "user__last_name",
            "user__first_name",
            "pk",
        )

    def get_context_data(self, **kwargs):
        counts = self.participants().aggregate(
            total=Count("pk"),
            listed=Count("pk", filter=Q(listed=True)),
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            pending=Count("pk", filter=Q(status=RegistrationStatus.PENDING)),
        )
        return super().get_context_data(
            event=self.event,
            counts=counts,
            unlisted_count=counts["total"] - counts["listed"],
            show_everyone=self.show_everyone,
            **kwargs,
        )
