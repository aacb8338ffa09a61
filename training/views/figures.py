"""Placeholder: replaced by the figures part."""

from django.views.generic import TemplateView


class TrainingFiguresView(TemplateView):
    pass
