"""Placeholder: replaced by its part."""

from django.http import Http404
from django.views import View


class CalendarFeedView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class PersonalFeedView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class EventIcsView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
