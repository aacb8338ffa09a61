"""Event dates as people write them, with the precision they are known to:
"9-10 March 2017" (day), "March 2017" (month), "2017" (year). Month names and the
month-year format are Django's, in the active language; the order of day, month and year
in a range is a translatable pattern.

`{% load event_dates %}` then `{{ event|event_dates }}` and `{{ event|event_times }}`."""

import datetime

from django import template
from django.utils import dateformat
from django.utils.formats import get_format, time_format
from django.utils.translation import gettext as _

from events.choices import DatePrecision

register = template.Library()


def _month(day: datetime.date) -> str:
    return dateformat.format(day, "F")


def describe_dates(
    start: datetime.date, end: datetime.date | None, precision: str = DatePrecision.DAY
) -> str:
    """The dates of an event, with their precision, in the active language."""
    if precision == DatePrecision.YEAR:
        return str(start.year)
    if precision == DatePrecision.MONTH:
        return dateformat.format(start, get_format("YEAR_MONTH_FORMAT"))
    if end is None or end == start:
        return _("%(day)s %(month)s %(year)s") % {
            "day": start.day,
            "month": _month(start),
            "year": start.year,
        }
    if (start.year, start.month) == (end.year, end.month):
        return _("%(first_day)s–%(last_day)s %(month)s %(year)s") % {  # noqa: RUF001
            "first_day": start.day,
            "last_day": end.day,
            "month": _month(start),
            "year": start.year,
        }
    if start.year == end.year:
        return _("%(first_day)s %(first_month)s – %(last_day)s %(last_month)s %(year)s") % {  # noqa: RUF001
            "first_day": start.day,
            "first_month": _month(start),
            "last_day": end.day,
            "last_month": _month(end),
            "year": start.year,
        }
    return _("%(first)s – %(last)s") % {  # noqa: RUF001
        "first": describe_dates(start, None),
        "last": describe_dates(end, None),
    }


def describe_times(start: datetime.time | None, end: datetime.time | None, zone: str) -> str:
    """ "10:00-17:00 (Africa/Dakar)", in the active language's time format; "" without
    a start time."""
    if start is None:
        return ""
    if end is None:
        return _("from %(start)s (%(zone)s)") % {"start": time_format(start), "zone": zone}
    return _("%(start)s–%(end)s (%(zone)s)") % {  # noqa: RUF001
        "start": time_format(start),
        "end": time_format(end),
        "zone": zone,
    }


@register.filter
def event_dates(event) -> str:
    return describe_dates(event.start_date, event.end_date, event.date_precision)


@register.filter
def event_times(event) -> str:
    return describe_times(event.start_time, event.end_time, event.time_zone)
