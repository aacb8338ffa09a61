"""The events app's answers to two member expectations (membership.expectations), each
one query over the cities asked about. Registered from EventsConfig.ready().

A registration keeps the member's city when they registered (`Registration.city`), so an
attendance or an answer counts for that city even if the person moves later. "This year"
is the current calendar year in the hub's time zone.
"""

from django.db.models import QuerySet
from django.utils import timezone

from events.choices import EXPECTATION_KINDS
from events.models import Registration, SurveyResponse


def cities_at_summit_or_workshop(cities: QuerySet, year: int | None = None):
    """ "Took part in a global summit or regional workshop this year": someone from the
    city attended (attendance marked) a global summit or regional workshop that starts
    this calendar year."""
    year = year or timezone.localdate().year
    return (
        Registration.objects.attended()
        .filter(city__in=cities, event__kind__in=EXPECTATION_KINDS, event__start_date__year=year)
        .values_list("city_id", flat=True)
        .distinct()
    )


def cities_answering_surveys(cities: QuerySet, year: int | None = None):
    """ "Answered the SCN surveys": someone from the city answered an event's feedback
    survey (the only surveys the hub runs) during this calendar year, whatever the event's
    own date."""
    year = year or timezone.localdate().year
    return (
        SurveyResponse.objects.filter(registration__city__in=cities, submitted_at__year=year)
        .values_list("registration__city_id", flat=True)
        .distinct()
    )
