"""Placeholder: replaced by its part."""

from django.views.generic import TemplateView


class CheckInView(TemplateView):
    pass
