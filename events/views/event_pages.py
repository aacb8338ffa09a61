"""The events pages for members: the list (upcoming by default, with filters), the
calendar month, and an event's page.

Events are scoped with Event.objects.visible_to (members: published and cancelled
events; staff: drafts too). Anything outside a user's scope is a 404. Every page costs a
fixed number of queries, whatever the number of events."""

from django import forms
from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from cityprofiles.models import CityProfile
from events.cards import attach_card_parts
from events.filtersets import EVENTS_TOPIC, EventFilterSet
from events.models import Event, Registration
from events.queries import confirmed_count, describe_cards, month_grid, with_card_figures
from library.choices import DOCUMENT_LANGUAGES
from library.models import Document
from membership.models import City
from scn_portal.kept import kept_until_changed, state_name

# The calendar goes back to the network's prehistory and forward a good while; outside
# these years a month is refused (and the previous/next links stay within them).
FIRST_YEAR, LAST_YEAR = 1900, 2200


def visible_events(user):
    return Event.objects.visible_to(user)


# What a card needs at each request (registration state, seats left); events.cards draws
# the rest once.
LIVE_CARD_FIELDS = ("pk", "status", "start_date", "end_date", "capacity",
                    "registration_opens", "registration_closes")  # fmt: skip


class EventListView(ListView):
    """Upcoming events (soonest first) or past ones (newest first), filtered by text,
    kind, region, member city, themes and year; each card says when and where, the
    registration state and seats left, and the viewer's own registration."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        """The ids of the events found, in order: the same for every member (staff also
        see drafts), so kept per search, audience and day until an event changes
        (scn_portal.kept); a page then fetches its twenty events by primary key."""
        user = self.request.user
        self.filterset = EventFilterSet(
            self.request.GET, queryset=visible_events(user), request=self.request
        )
        audience = "staff" if user.is_staff else "members"
        state = {**self.filterset.state(), "when": self.filterset.when_value}
        name = f"ids:{audience}:{timezone.localdate().isoformat()}:{state_name(state)}"
        return kept_until_changed(
            EVENTS_TOPIC, name, lambda: list(self.filterset.qs.values_list("pk", flat=True))
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, ids, is_paginated = super().paginate_queryset(queryset, page_size)
        ids = list(ids)
        # Seats left and the viewer's registration: at each request (events.queries), from
        # the fields they need only; the rest is on the cards' kept parts (events.cards).
        live = Event.objects.filter(pk__in=ids).only(*LIVE_CARD_FIELDS)
        by_id = {event.pk: event for event in with_card_figures(live, self.request.user)}
        page.object_list = [by_id[pk] for pk in ids if pk in by_id]
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        today = timezone.localdate()
        context["when"] = self.filterset.when_value
        # when_value validated the form; the themes that were valid are marked.
        selected_themes = self.filterset.form.cleaned_data.get("theme") or []
        describe_cards(context["events"])
        attach_card_parts(context["events"], today, selected_themes)
        context["selected_themes"] = selected_themes
        context["today"] = today
        return context


class MonthForm(forms.Form):
    """?month=YYYY-MM, within the calendar's years."""

    month = forms.DateField(input_formats=["%Y-%m"], required=False)

    def clean_month(self):
        month = self.cleaned_data["month"]
        if month and not FIRST_YEAR <= month.year <= LAST_YEAR:
            raise forms.ValidationError(_("That month is outside the calendar."))
        return month


class CalendarMonthView(TemplateView):
    """A month of events as a grid of weeks (from the locale's first day of the week),
    with the events known only to the month or the year listed under it, and the same
    days as a list for small screens. A month that cannot be read shows the current
    month, with a message."""

    template_name = "events/calendar.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = MonthForm(self.request.GET)
        first = today.replace(day=1)
        if form.is_valid():
            first = form.cleaned_data["month"] or first
        else:
            messages.warning(
                self.request,
                _("That month could not be read; here is the current month."),
            )
        grid = month_grid(visible_events(self.request.user), first, today)
        return super().get_context_data(
            grid=grid,
            today=today,
            has_previous=grid.previous.year >= FIRST_YEAR,
            has_next=grid.next.year <= LAST_YEAR,
            is_current_month=first == today.replace(day=1),
            **kwargs,
        )


def _admin_url(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # that part of the admin is not registered (yet)
        return ""


class EventDetailView(TemplateView):
    """Everything about an event: what, when (with the precision known), where, who
    (host, visiting and participating cities), themes, languages, agenda and report, the
    published figures, and the registration panel (events/inc/registration_panel.html,
    whose context this view provides: event, registration, registration_state,
    seats_left, participant_count)."""

    template_name = "events/event_detail.html"

    facts_template_name = "events/inc/event_facts.html"

    def get(self, request, *args, slug, **kwargs):
        self.event = get_object_or_404(
            visible_events(request.user)
            .select_related("region", "host_city", "visiting_city")
            # Counted from the index of registrations (events.queries): a summit has
            # thousands.
            .annotate(participant_count=confirmed_count()),
            slug=slug,
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        event = self.event
        documents = {
            document.pk: document
            for document in Document.objects.visible_to(user)
            .filter(pk__in=[pk for pk in (event.agenda_id, event.report_id) if pk])
            .only("pk", "title", "language", "document_type", "year_published", "published_at")
        }
        seats_left = (
            None if event.capacity is None else max(0, event.capacity - event.participant_count)
        )
        context = super().get_context_data(
            event=event,
            facts_html=self.facts_html(),
            registration=Registration.objects.filter(event=event, user_id=user.pk).first(),
            registration_state=event.registration_state(),
            seats_left=seats_left,
            participant_count=event.participant_count,
            agenda=documents.get(event.agenda_id),
            report=documents.get(event.report_id),
            is_past=event.is_over(),
            has_figures=any(
                value is not None
                for value in (
                    event.delegates,
                    event.cities_represented,
                    event.countries_represented,
                )
            ),
            **kwargs,
        )
        if user.is_staff:
            context.update(
                admin_url=_admin_url("admin:events_event_change", event.pk),
                check_in_url=reverse("events:check_in", args=[event.slug]),
                survey_results_url=reverse("events:survey_results", args=[event.slug]),
            )
        return context

    def facts_html(self) -> str:
        """When, where, who, languages and themes (events/inc/event_facts.html): the same
        for every member (staff also see links to draft profiles), drawn once per event,
        language and audience and kept until an event, a city, a profile or a theme link
        changes (receivers in events.apps). A summit lists a hundred cities and more."""
        user = self.request.user
        audience = "staff" if user.is_staff else "members"
        name = f"facts:{get_language()}:{audience}:{self.event.pk}"
        return kept_until_changed(EVENTS_TOPIC, name, self.draw_facts)

    def draw_facts(self) -> str:
        event = self.event
        cities = City.objects.only("pk", "name", "slug", "country")
        prefetch_related_objects(
            [event], "themes", Prefetch("participating_cities", queryset=cities)
        )
        participating = list(event.participating_cities.all())
        involved = [city for city in (event.host_city, event.visiting_city) if city]
        profiles = set(
            CityProfile.objects.visible_to(self.request.user)
            .filter(city__in=[city.pk for city in involved + participating])
            .values_list("city_id", flat=True)
        )
        language_names = dict(DOCUMENT_LANGUAGES)
        context = {
            "event": event,
            "participating_cities": participating,
            "cities_with_profile": profiles,
            "other_participants": [
                line.strip() for line in event.other_participants.splitlines() if line.strip()
            ],
            "themes": event.themes.all(),
            "languages": [language_names.get(code, code) for code in event.languages],
        }
        return render_to_string(self.facts_template_name, context, request=self.request)
