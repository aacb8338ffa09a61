"""Placeholder: replaced by its part."""

from django.views.generic import TemplateView


class EventListView(TemplateView):
    pass


class CalendarMonthView(TemplateView):
    pass


class EventDetailView(TemplateView):
    pass
