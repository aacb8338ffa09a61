"""The parts of an event's card in the events list that are the same for every member:
its kind, title, dates and place (the head), its themes and, once it is over, its
published figures (the tail). They are drawn once per event, language and day and kept
until an event changes (scn_portal.kept; receivers in events.apps), so a page of twenty
events reads them in one cache query; only the registration state, the seats left and the
viewer's own registration are drawn at each request (events/inc/event_card.html)."""

import datetime

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from events.filtersets import EVENTS_TOPIC
from events.models import Event
from events.queries import city_events
from scn_portal.kept import kept_many_until_changed, kept_until_changed

HEAD_TEMPLATE = "events/inc/event_card_head.html"
TAIL_TEMPLATE = "events/inc/event_card_tail.html"
CITY_EVENTS_TEMPLATE = "events/inc/city_events.html"


def attach_card_parts(events: list, today: datetime.date, selected_themes=()) -> None:
    """Set `card_head` and `card_tail` (HTML) on each of `events`; the tail marks the
    `selected_themes` (the list's theme filter)."""
    language = get_language()
    # The day is part of the name (an event that is over shows its figures), and so are
    # the themes the tail marks.
    marked = ",".join(sorted(theme.slug for theme in selected_themes))
    names = {
        event.pk: f"card:{language}:{today.isoformat()}:{marked}:{event.pk}" for event in events
    }

    def draw(missing: list[str]) -> dict[str, tuple[str, str]]:
        # The events again, whole, with what their cards show (the list has only what a
        # card needs at each request).
        wanted = [pk for pk, name in names.items() if name in missing]
        to_draw = (
            Event.objects.filter(pk__in=wanted)
            .select_related("host_city", "visiting_city", "region")
            .prefetch_related(Prefetch("themes", to_attr="theme_list"))
        )
        return {
            names[event.pk]: (
                render_to_string(HEAD_TEMPLATE, {"event": event}),
                render_to_string(
                    TAIL_TEMPLATE,
                    {"event": event, "today": today, "selected_themes": selected_themes},
                ),
            )
            for event in to_draw
        }

    parts = kept_many_until_changed(EVENTS_TOPIC, list(names.values()), draw)
    for event in events:  # (an event deleted this instant has no parts: an empty card)
        event.card_head, event.card_tail = parts.get(names[event.pk], ("", ""))


def city_events_html(city, shown: int) -> str:
    """The events section of `city`'s profile page (events/inc/city_events.html): its
    `shown` newest events and a link to the others. The same for every member: drawn once
    per city, language and day (an event that is over changes tense) and kept until an
    event changes."""
    today = timezone.localdate()

    def draw() -> str:
        events = city_events(city, shown + 1)  # one more: is there a link to make?
        context = {"city": city, "events": events[:shown], "more_events": len(events) > shown}
        return render_to_string(CITY_EVENTS_TEMPLATE, context)

    name = f"city-events:{get_language()}:{today.isoformat()}:{city.pk}:{shown}"
    return kept_until_changed(EVENTS_TOPIC, name, draw)
