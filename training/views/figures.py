"""The SCN team's training figures: who trained, in which modules, cities and regions.
Staff only; everyone else gets a 404."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView

from scn_portal.forms import YearChoiceForm
from scn_portal.views import StaffOnlyMixin
from training import figures


def spreadsheet_safe(text: str) -> str:
    """A cell that spreadsheet programs show as text, never run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class TrainingFiguresView(StaffOnlyMixin, TemplateView):
    """Headline numbers, then per module (each language of a module family), per city and
    per region; `?year=` counts one year of completions, `?export=csv` downloads the
    module table."""

    template_name = "training/figures.html"

    def get(self, request, *args, **kwargs):
        self.form = YearChoiceForm(
            request.GET or None,
            years=figures.completion_years(),
            label=gettext_lazy("Year of completion"),
        )
        self.year = self.form.cleaned_data["year"] if self.form.is_valid() else None
        if request.GET.get("export") == "csv":
            return self.csv_response(figures.module_figures(self.year))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.form,
            year=self.year,
            totals=figures.totals(self.year),
            module_families=figures.module_figures(self.year),
            cities=figures.figures_by_city(self.year),
            regions=figures.figures_by_region(self.year),
            **kwargs,
        )

    def csv_response(self, families) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"training-figures-{self.year}.csv" if self.year else "training-figures.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Module"),
                _("Original module"),
                _("Language"),
                _("Status"),
                _("Enrolled"),
                pgettext("number of enrolments", "Completed"),
                _("Completion rate (%)"),
                _("Average score (%)"),
                _("Average attempts per quiz"),
            ]
        )
        for family in families:
            for row in family.languages:
                writer.writerow(
                    [
                        spreadsheet_safe(row.module.title),
                        spreadsheet_safe(family.original.title),
                        row.module.language,
                        row.module.status,
                        row.enrolled,
                        row.completed,
                        "" if row.completion_rate is None else row.completion_rate,
                        "" if row.average_score is None else round(row.average_score),
                        "" if row.average_attempts is None else round(row.average_attempts, 1),
                    ]
                )
        return response
