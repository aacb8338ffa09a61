"""Placeholder: replaced by its part."""

from django.views.generic import TemplateView


class MyEventsView(TemplateView):
    pass


class RegisterView(TemplateView):
    pass


class CancelView(TemplateView):
    pass


class ParticipantListView(TemplateView):
    pass
