"""factory-boy factories for the events app."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from events.choices import EventKind, EventStatus, RegistrationStatus
from events.models import Event, Registration


class EventFactory(factory.django.DjangoModelFactory):
    """A published regional workshop a month from now, open for registration, no limit on
    seats (pass `capacity=` for one)."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Regional workshop {n}")
    slug = factory.LazyAttribute(lambda event: slugify(event.title))
    summary = "Practitioners share local action plans."
    kind = EventKind.REGIONAL_WORKSHOP
    status = EventStatus.PUBLISHED
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda event: event.start_date + datetime.timedelta(days=1))
    city_name = "Dakar"
    country = "SN"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration (the row only: events.services.register applies the
    rules; use it in tests of the rules)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    status = RegistrationStatus.CONFIRMED
