"""Working-group toolkits: the list, a toolkit's page, its whole-toolkit ZIP, and the pages
its curators use.

Reading is for members (the gate in scn_portal/middleware.py; Toolkit.objects.visible_to),
and what a reader sees inside a toolkit is scoped by training.toolkit_services. Curating is
for staff and the group's coordinators (Toolkit.objects.curated_by): anyone else gets a
404 on the curation pages, like any object outside their scope.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from library.views.downloads import attachment_header
from training import toolkit_services as services
from training.filtersets import ToolkitFilterSet
from training.forms_toolkits import ItemFormSet, SectionFormSet, ToolkitIntroductionForm
from training.models import Toolkit, ToolkitSection
from training.toolkit_zip import build_toolkit_zip


class ToolkitListView(ListView):
    """Every working group's toolkit, searchable by text and theme, with the number of
    items and documents each holds for the reader and whether the reader curates it.

    A fixed number of queries: the page's toolkits with their group and counts, their
    themes, the reader's curated toolkits, and the filter form's choices."""

    template_name = "training/toolkit_list.html"
    context_object_name = "toolkits"
    paginate_by = 24

    def get_queryset(self):
        self.filterset = ToolkitFilterSet(
            self.request.GET, queryset=services.toolkit_list(self.request.user)
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        curated = Toolkit.objects.curated_by(self.request.user).values_list("pk", flat=True)
        return super().get_context_data(
            filterset=self.filterset, curated_ids=set(curated), **kwargs
        )


class ReadableToolkitMixin:
    """The toolkit of the URL's group with what the reader may see of it, or a 404."""

    def get_toolkit(self, slug: str) -> Toolkit:
        toolkit = services.readable_toolkit(self.request.user, slug)
        if toolkit is None:
            raise Http404("no toolkit this user may read")
        return toolkit


class ToolkitDetailView(ReadableToolkitMixin, TemplateView):
    """A toolkit's page: the group's introduction, its sections and their items, the
    group's training modules, and the whole toolkit as one download."""

    template_name = "training/toolkit_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        toolkit = self.get_toolkit(self.kwargs["slug"])
        can_curate = services.is_curator(user, toolkit)
        sections = list(toolkit.sections.all())
        if not can_curate:
            # Readers see the sections that have something to show; curators see every
            # section, with the link to fill it.
            sections = [s for s in sections if s.visible_items or s.introduction.strip()]
        return super().get_context_data(
            toolkit=toolkit,
            group=toolkit.working_group,
            themes=sorted(toolkit.working_group.themes.all(), key=lambda t: t.localized_name),
            sections=sections,
            has_items=any(section.visible_items for section in toolkit.sections.all()),
            modules=services.group_modules(user, toolkit),
            documents=services.document_summary(toolkit),
            can_curate=can_curate,
            **kwargs,
        )


class ToolkitDownloadView(ReadableToolkitMixin, View):
    """The whole toolkit as one ZIP: its documents the reader may see, and index.html."""

    # HEAD would build the whole archive for nothing.
    http_method_names = ["get"]

    def get(self, request, slug):
        toolkit = self.get_toolkit(slug)
        archive = build_toolkit_zip(
            toolkit,
            modules=services.group_modules(request.user, toolkit),
            absolute_url=request.build_absolute_uri,
        )
        response = FileResponse(archive, content_type="application/zip")
        name = _("%(group)s toolkit") % {"group": toolkit.working_group.name}
        response["Content-Disposition"] = attachment_header(name, ".zip")
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class CuratedToolkitMixin:
    """The toolkit of the URL's group if the user curates it (staff, or a coordinator of
    the group), or a 404."""

    def dispatch(self, request, *args, **kwargs):
        self.toolkit = get_object_or_404(
            Toolkit.objects.curated_by(request.user).select_related("working_group"),
            working_group__slug=kwargs["slug"],
        )
        return super().dispatch(request, *args, **kwargs)


class ToolkitEditView(CuratedToolkitMixin, TemplateView):
    """Change the toolkit's introduction and its sections (add, change, reorder, delete)."""

    template_name = "training/toolkit_edit.html"

    def forms(self, data=None):
        return (
            ToolkitIntroductionForm(data, instance=self.toolkit),
            SectionFormSet(data, instance=self.toolkit, prefix="sections"),
        )

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"], kwargs["formset"] = self.forms()
        return super().get_context_data(
            toolkit=self.toolkit, group=self.toolkit.working_group, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        services.save_toolkit(
            self.toolkit,
            request.user,
            introduction=form.cleaned_data["introduction"],
            sections=formset,
        )
        messages.success(request, _("The toolkit is saved."))
        return redirect(self.toolkit)


class SectionEditView(CuratedToolkitMixin, TemplateView):
    """Change one section's items: add, change, reorder or delete documents, links, city
    initiatives and texts."""

    template_name = "training/toolkit_section_edit.html"

    def get_section(self) -> ToolkitSection:
        return get_object_or_404(
            ToolkitSection.objects.filter(toolkit=self.toolkit), pk=self.kwargs["pk"]
        )

    def formset(self, section, data=None):
        return ItemFormSet(data, instance=section, prefix="items", user=self.request.user)

    def get(self, request, *args, **kwargs):
        section = self.get_section()
        return self.render_to_response(
            self.get_context_data(section=section, formset=self.formset(section))
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            toolkit=self.toolkit, group=self.toolkit.working_group, **kwargs
        )

    def post(self, request, *args, **kwargs):
        section = self.get_section()
        formset = self.formset(section, request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(section=section, formset=formset))
        section.toolkit = self.toolkit
        services.save_section_items(section, request.user, items=formset)
        messages.success(
            request,
            _("The items of “%(section)s” are saved.") % {"section": section.heading},
        )
        return redirect(self.toolkit.get_absolute_url() + f"#section-{section.pk}")
