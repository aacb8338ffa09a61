"""Placeholder: replaced by its part."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views import View

from scn_portal.views import AreaIndexView


class EventListView(AreaIndexView):
    area_url_name = "events:index"
    empty_message = _("No events have been published yet.")


class CalendarMonthView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class EventDetailView(View):
    def get(self, request, *args, **kwargs):
        raise Http404
