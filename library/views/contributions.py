"""Members contributing to the library: upload a document (reviewed by the SCN team before
it is published), follow their uploads, and change them until they are reviewed."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from library import services
from library.choices import DocumentStatus
from library.contributions import DocumentNotEditable, update_document
from library.forms import DocumentForm, MyUploadsFilterSet
from library.models import Document


class UploadDocumentView(FormView):
    """A member uploads a document: pending until the SCN team reviews it. Staff's own
    uploads are published at once (they are the reviewers)."""

    template_name = "library/upload.html"
    form_class = DocumentForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        decision = {}
        if user.is_staff:
            decision = {"status": DocumentStatus.PUBLISHED, "decided_by": user,
                        "decided_at": timezone.now()}  # fmt: skip
        document = services.create_document(
            upload=form.cleaned_data["file"],
            file_kind=form.file_kind,
            uploaded_by=user,
            **form.document_fields(),
            **decision,
        )
        if document.is_published:
            message = _("“%(title)s” is published in the library.")
        else:
            message = _(
                "Thank you. “%(title)s” will be published once the SCN team has reviewed it."
            )
        messages.success(self.request, message % {"title": document.title})
        return redirect("library:my_uploads")


class MyUploadsView(ListView):
    """The documents a member uploaded, newest first, with where each stands: pending
    review (editable), published, rejected (with the reason) or archived."""

    template_name = "library/my_uploads.html"
    paginate_by = 20

    def get_queryset(self):
        user = self.request.user
        documents = (
            Document.objects.visible_to(user)
            .filter(uploaded_by=user)
            .defer("extracted_text", "search_vector", "themes_text")
            .order_by("-created", "-pk")
        )
        self.filterset = MyUploadsFilterSet(self.request.GET, queryset=documents)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


class EditDocumentView(FormView):
    """The uploader changes their document (description, optionally the file) until it
    is reviewed; staff may change any. Everyone else: 404."""

    template_name = "library/edit.html"
    form_class = DocumentForm

    def dispatch(self, request, *args, pk, **kwargs):
        self.document = get_object_or_404(Document.objects.editable_by(request.user), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": self.document}

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=self.document, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data.get("file")
        try:
            update_document(
                self.document,
                self.request.user,
                upload=upload,
                file_kind=form.file_kind if upload else None,
                **form.document_fields(),
            )
        except DocumentNotEditable:
            messages.error(
                self.request,
                _("This document has been reviewed in the meantime and can no longer be "
                  "changed."),
            )  # fmt: skip
        else:
            messages.success(self.request, _("Your changes are saved."))
        return redirect("library:my_uploads")
