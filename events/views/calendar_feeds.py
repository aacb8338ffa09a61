"""Events in calendar apps: one event's .ics file, and the member's personal feed.

Calendar apps cannot log in, so the personal feed's address carries a secret token
(events.services keeps only its SHA-256). The address is shown once, on the page that
answers its creation (never stored, never put in the session), and a new one replaces
the old. Unknown, replaced or revoked tokens, and members who lost access, all get the
same 404.
"""

import datetime

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from events import ics, services
from events.choices import RegistrationStatus
from events.forms import CalendarFeedForm
from events.models import Event, Registration
from membership.access import has_member_access

# Past events stay in the personal feed for a year, then drop out of it.
FEED_KEEPS_PAST = datetime.timedelta(days=365)


def calendar_response(content: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(content, content_type=ics.CONTENT_TYPE)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIcsView(View):
    """One event as an .ics file, for members. Never the online link (this file is easily
    forwarded): confirmed participants find it on the event page and in their feed."""

    http_method_names = ["get", "head"]

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.visible_to(request.user).published(), slug=slug)
        return calendar_response(ics.event_file(event), ics.filename_for(event))


def feed_registrations(user):
    """The registrations of the personal feed: alive (not cancelled, not rejected), of
    published events that are upcoming or ended less than a year ago."""
    since = timezone.localdate() - FEED_KEEPS_PAST
    return (
        Registration.objects.active()
        .filter(user=user, event__in=Event.objects.published())
        .filter(Q(event__end_date__gte=since) | Q(event__start_date__gte=since))
        .select_related("event")
        .order_by("event__start_date", "pk")
    )


class PersonalFeedView(View):
    """The member's personal calendar feed (no login: the token is the authentication).
    Confirmed registrations carry the online link; the others are marked tentative."""

    http_method_names = ["get", "head"]

    def get(self, request, token):
        user = services.calendar_feed_user(token)
        if user is None or not has_member_access(user):
            raise Http404
        registrations = list(feed_registrations(user))
        confirmed = {
            registration.event_id
            for registration in registrations
            if registration.status == RegistrationStatus.CONFIRMED
        }
        content = ics.calendar(
            [registration.event for registration in registrations],
            online_link_for=confirmed,
            tentative_for={registration.event_id for registration in registrations} - confirmed,
            name=_("My SCN events"),
        ).to_ical()
        response = calendar_response(content)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class CalendarFeedView(View):
    """Create, replace or stop the member's calendar address (POST from "My events").

    A new address is shown on the page this POST answers, once: it is not stored, and the
    page is not cached."""

    http_method_names = ["post"]

    def post(self, request):
        form = CalendarFeedForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose what to do with your calendar address."))
            return redirect("events:my_events")
        if form.cleaned_data["action"] == CalendarFeedForm.REVOKE:
            services.revoke_calendar_feed(request.user)
            messages.success(
                request,
                _("Your calendar address no longer works. Remove the calendar from your app."),
            )
            return redirect("events:my_events")
        token = services.new_calendar_feed(request.user)
        feed_path = reverse("events:feed", args=[token])
        feed_url = request.build_absolute_uri(feed_path)
        response = TemplateResponse(
            request,
            "events/calendar_feed_created.html",
            {
                "feed_url": feed_url,
                "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
                "replaced": form.cleaned_data["action"] == CalendarFeedForm.REPLACE,
            },
        )
        response["Cache-Control"] = "private, no-store"
        return response
