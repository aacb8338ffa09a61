"""Placeholder: replaced by its part."""

from django.http import Http404
from django.views import View


class MyEventsView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class RegisterView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class CancelView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class ParticipantListView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
