"""Placeholder: replaced by the modules part."""

from django.views.generic import TemplateView


class TrainingHomeView(TemplateView):
    pass


class ModuleDetailView(TemplateView):
    pass


class EnrolView(TemplateView):
    pass


class LessonView(TemplateView):
    pass
