"""Placeholder: replaced by its part."""

from django.http import Http404
from django.views import View


class CheckInView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
