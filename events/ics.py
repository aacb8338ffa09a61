"""Events as iCalendar (RFC 5545): the per-event download, the attachment of confirmation
emails and the member's personal feed.

One VEVENT per event, with a UID stable per event (event-<pk>@<host>), so a calendar app
that sees the same event again (in the feed, in a second email) updates it instead of
adding a copy. Published with METHOD:PUBLISH: the hub informs, it does not invite (no
REQUEST, which would ask the calendar app to send a reply to the hub).

The online link of a webinar is for confirmed participants only: it is written only when
the caller says so (`online_link_for`), never in the public per-event file.
"""

import datetime
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.choices import EventStatus
from events.models import Event
from scn_portal.mail import absolute_url

PRODID = "-//SCN Online Hub//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often calendar apps that honour it should poll a feed.
REFRESH_INTERVAL = datetime.timedelta(hours=1)


def event_uid(event: Event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "scn-hub"
    return f"event-{event.pk}@{host}"


def event_location(event: Event) -> str:
    parts = [event.venue, event.city_name, event.country.name if event.country else ""]
    return ", ".join(part for part in parts if part)


def event_description(event: Event, online_link: bool = False) -> str:
    lines = [event.summary.strip()] if event.summary.strip() else []
    if online_link and event.online_link:
        lines.append(event.online_link)
    lines.append(absolute_url(event.get_absolute_url()))
    return "\n\n".join(lines)


def _zone(event: Event) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(event.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def add_dates(component: CalendarEvent, event: Event) -> None:
    """A timed event (it has a start time) in its own time zone; otherwise whole days, with
    the exclusive end RFC 5545 asks for (the day after the last day)."""
    if event.start_time is None:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.last_day + datetime.timedelta(days=1))
        return
    zone = _zone(event)
    start = datetime.datetime.combine(event.start_date, event.start_time, tzinfo=zone)
    if event.end_time is not None:
        end = datetime.datetime.combine(event.last_day, event.end_time, tzinfo=zone)
    else:
        # No end time: until the end of the last day, rather than a guessed length.
        end = datetime.datetime.combine(
            event.last_day + datetime.timedelta(days=1), datetime.time(0), tzinfo=zone
        )
    if end <= start:
        end = start + datetime.timedelta(hours=1)
    component.add("dtstart", start)
    component.add("dtend", end)


def vevent(
    event: Event, *, online_link: bool = False, tentative: bool = False, stamp=None
) -> CalendarEvent:
    """The event as a VEVENT. `online_link`: include the webinar link (confirmed
    participants only). `tentative`: the viewer's place is not confirmed yet (pending,
    waiting list, interest)."""
    component = CalendarEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or timezone.now())
    component.add("last-modified", event.updated)
    component.add("summary", event.title)
    component.add("description", event_description(event, online_link))
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", absolute_url(event.get_absolute_url()))
    if event.status == EventStatus.CANCELLED:
        status = "CANCELLED"
    elif tentative:
        status = "TENTATIVE"
    else:
        status = "CONFIRMED"
    component.add("status", status)
    add_dates(component, event)
    return component


def calendar(
    events, *, online_link_for=frozenset(), tentative_for=frozenset(), name: str = ""
) -> Calendar:
    """A VCALENDAR of `events`. `online_link_for` / `tentative_for`: sets of event pks."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("name", name)
        cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT1H")
    stamp = timezone.now()
    years = []
    for event in events:
        cal.add_component(
            vevent(
                event,
                online_link=event.pk in online_link_for,
                tentative=event.pk in tentative_for,
                stamp=stamp,
            )
        )
        years += [event.start_date.year, event.last_day.year]
    if years:
        # Time zone definitions only for the years the events need, not 1970-2038.
        cal.add_missing_timezones(
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 1, 12, 31),
        )
    return cal


def event_file(event: Event, *, online_link: bool = False) -> bytes:
    """One event as an .ics file."""
    return calendar([event], online_link_for={event.pk} if online_link else frozenset()).to_ical()


def filename_for(event: Event) -> str:
    """A file name safe in a Content-Disposition header and on any file system."""
    stem = "".join(c for c in event.slug if c.isascii() and (c.isalnum() or c == "-"))[:80]
    return f"{stem or 'event'}.ics"
