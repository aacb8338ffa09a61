from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """The network's kinds of events (DOMAIN.md "Summits and workshops"). The values are
    those of shared/data/network_events.csv."""

    GLOBAL_SUMMIT = "global_summit", _("Global summit")
    REGIONAL_WORKSHOP = "regional_workshop", _("Regional workshop")
    NATIONAL_WORKSHOP = "national_workshop", _("National workshop")
    CITY_EXCHANGE = "city_exchange", _("City exchange")
    MAYORAL_EXCHANGE = "mayoral_exchange", _("Mayoral exchange")
    YOUTH_LAB = "youth_lab", _("Youth lab")
    CONSULTATION = "city_consultation", _("Consultation")
    VISITOR_PROGRAMME = "visitor_programme", _("Visitor programme")
    TRAINING = "training", _("Training")
    CONFERENCE_SIDE_EVENT = "conference", _("Conference side-event")
    WEBINAR = "webinar", _("Webinar")


# The kinds that count for the member expectation "took part in a global summit or a
# regional workshop this year".
EXPECTATION_KINDS = (EventKind.GLOBAL_SUMMIT, EventKind.REGIONAL_WORKSHOP)
# Kinds where one city visits another.
EXCHANGE_KINDS = (EventKind.CITY_EXCHANGE, EventKind.MAYORAL_EXCHANGE)


class DatePrecision(models.TextChoices):
    """How precisely an event's dates are known: historic events often only to the month
    or the year."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    INTERESTED = "interested", _("Interested")  # before registration opens
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not accepted")
    CANCELLED = "cancelled", _("Cancelled")


# Registrations that hold a seat (count against the capacity).
SEAT_HOLDING = (RegistrationStatus.CONFIRMED,)
# Registrations still alive (a member can cancel them; they block a second registration).
ACTIVE_REGISTRATION = (
    RegistrationStatus.INTERESTED,
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
)


class KnowledgeGain(models.IntegerChoices):
    """The survey's 1-5 scale: how much the event increased knowledge and skills."""

    NONE = 1, _("Not at all")
    LITTLE = 2, _("A little")
    SOME = 3, _("Somewhat")
    MUCH = 4, _("Much")
    VERY_MUCH = 5, _("Very much")


# From this answer up, a respondent "reported increased knowledge and skills" (the
# network's published "95%" figure): anything above "a little".
INCREASED_KNOWLEDGE_FROM = KnowledgeGain.SOME
