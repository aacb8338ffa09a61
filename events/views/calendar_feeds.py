"""Placeholder: replaced by its part."""

from django.views.generic import TemplateView


class CalendarFeedView(TemplateView):
    pass


class PersonalFeedView(TemplateView):
    pass


class EventIcsView(TemplateView):
    pass
