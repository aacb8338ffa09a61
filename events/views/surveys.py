"""Placeholder: replaced by its part."""

from django.views.generic import TemplateView


class SurveyFiguresView(TemplateView):
    pass


class SurveyView(TemplateView):
    pass


class SurveyResultsView(TemplateView):
    pass
