"""Placeholder: replaced by the toolkits part."""

from django.views.generic import TemplateView


class ToolkitListView(TemplateView):
    pass


class ToolkitDetailView(TemplateView):
    pass


class ToolkitDownloadView(TemplateView):
    pass


class ToolkitEditView(TemplateView):
    pass


class SectionEditView(TemplateView):
    pass
