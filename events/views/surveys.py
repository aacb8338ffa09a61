"""Feedback surveys after events: the attendee's form (one answer each), the SCN team's
results for an event, and the figures across events (the share of respondents reporting
increased knowledge and skills, per event, year and region)."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from events import services, surveys
from events.choices import INCREASED_KNOWLEDGE_FROM, KnowledgeGain
from events.models import Event, Registration
from scn_portal.forms import YearChoiceForm
from scn_portal.views import StaffOnlyMixin

ANSWER_MAX_LENGTH = 3000


class SurveyForm(forms.Form):
    """The three questions of an event's survey. Lengths are capped, so a pasted novel
    gets a clear error rather than filling the database."""

    knowledge_gain = forms.TypedChoiceField(
        label=gettext_lazy("How much did this event increase your knowledge and skills?"),
        choices=KnowledgeGain.choices,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": gettext_lazy("Choose how much the event increased your knowledge."),
            "invalid_choice": gettext_lazy("Choose one of the answers on the scale."),
        },
    )
    will_apply = forms.CharField(
        label=gettext_lazy("What will you apply in your work?"),
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    comments = forms.CharField(
        label=gettext_lazy("Any other comments"),
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SurveyView(TemplateView):
    """An attendee's survey for an event: the form once the event is over, then, once
    answered, the answers (read-only). Anyone who did not attend — a member registered
    but not checked in included — gets a 404."""

    template_name = "events/survey.html"

    @cached_property
    def registration(self) -> Registration:
        return get_object_or_404(
            Registration.objects.attended()
            .select_related("event", "survey_response")
            .filter(event__in=Event.objects.visible_to(self.request.user)),
            user=self.request.user,
            event__slug=self.kwargs["slug"],
        )

    @property
    def response(self):
        return getattr(self.registration, "survey_response", None)

    def get_context_data(self, form=None, **kwargs):
        event = self.registration.event
        is_open = event.is_over() and self.response is None
        return super().get_context_data(
            event=event,
            response=self.response,
            is_over=event.is_over(),
            form=(form or SurveyForm()) if is_open else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        event = self.registration.event
        if self.response is not None:
            messages.info(request, _("You have already answered this survey: nothing changed."))
            return redirect("events:survey", slug=event.slug)
        if not event.is_over():
            messages.error(request, _("The survey opens once the event is over."))
            return redirect("events:survey", slug=event.slug)
        form = SurveyForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.submit_survey(self.registration, **form.cleaned_data)
        except services.RegistrationRefused as refused:
            # Answered meanwhile (another tab, a double click): the first answer stands.
            messages.info(request, refused.message)
        else:
            messages.success(request, _("Thank you for your answers."))
        return redirect("events:survey", slug=event.slug)


class SurveyResultsView(StaffOnlyMixin, TemplateView):
    """SCN staff only: an event's survey results. Staff see who answered (name and city):
    they run the events and follow up on what people say they will apply."""

    template_name = "events/survey_results.html"

    def get_context_data(self, **kwargs):
        event = get_object_or_404(
            Event.objects.visible_to(self.request.user).select_related("region"),
            slug=self.kwargs["slug"],
        )
        return super().get_context_data(
            event=event,
            results=surveys.event_results(event),
            increased_from=KnowledgeGain(INCREASED_KNOWLEDGE_FROM).label,
            **kwargs,
        )


class SurveyFiguresView(StaffOnlyMixin, TemplateView):
    """SCN staff only: across events, the share of respondents reporting increased
    knowledge and skills (the network's published figure), overall and per event, year
    and region of the event; `?year=` keeps one year of events."""

    template_name = "events/survey_figures.html"

    def get_context_data(self, **kwargs):
        form = YearChoiceForm(
            self.request.GET or None,
            years=surveys.survey_years(),
            label=gettext_lazy("Year of the events"),
        )
        year = form.cleaned_data["year"] if form.is_valid() else None
        return super().get_context_data(
            form=form,
            year=year,
            overall=surveys.overall_share(year),
            events=surveys.shares_by_event(year),
            years=surveys.shares_by_year(year),
            regions=surveys.shares_by_region(year),
            increased_from=KnowledgeGain(INCREASED_KNOWLEDGE_FROM).label,
            **kwargs,
        )
