"""Placeholder: replaced by its part."""

from django.http import Http404
from django.views import View


class SurveyFiguresView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class SurveyView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class SurveyResultsView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
