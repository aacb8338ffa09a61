from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # The membership app must not import this one: it learns from here which cities
        # took part in a summit or workshop, and which answered surveys, this year.
        from events.expectations import cities_answering_surveys, cities_at_summit_or_workshop
        from membership.expectations import register_source

        register_source("summit_or_workshop", cities_at_summit_or_workshop)
        register_source("surveys", cities_answering_surveys)

        # The events list's city and year menus, its cards' fixed parts and the facts of an
        # event's page are kept until an event, a city, a theme link or a profile changes
        # (events.filtersets, events.cards, EventDetailView.facts_html).
        # (A profile counts: an event's page links the cities whose profile is published.)
        from cityprofiles.models import CityProfile
        from events.filtersets import EVENTS_TOPIC
        from events.models import Event
        from membership.models import City, Region, Theme, ThemedItem
        from scn_portal.kept import forget_on_changes

        forget_on_changes(
            EVENTS_TOPIC, Event, Event.participating_cities.through, City, ThemedItem,
            CityProfile, Region, Theme,
        )  # fmt: skip
