"""The library in the admin: the SCN team's review queue and curation of documents.

Members' uploads arrive pending. Staff publish, reject (with a reason, emailed to the
uploader in their language), archive or re-extract them with the actions of the list,
which record who decided and when; they never edit the status by hand. Documents staff
add here are published at once.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library import services
from library.choices import DOCUMENT_LANGUAGES, DocumentStatus
from library.contributions import (
    archive_document,
    publish_document,
    reject_document,
    rerun_extraction,
    update_document,
)
from library.forms import DocumentAdminForm
from library.models import Document
from membership.admin.decisions import decide_with_reason

PREVIEW_CHARS = 2000
DESCRIPTION = ("title", "summary", "language", "document_type", "year_published", "author",
               "source_url")  # fmt: skip
FILE_DETAILS = ("download_link", "file_kind", "file_size", "checksum", "page_count")
REVIEW = ("status", "rejection_reason", "uploaded_by", "decided_by", "decided_at", "published_at")
EXTRACTION = ("extraction_status", "extraction_error", "extracted_text_preview",
              "search_vector_preview")  # fmt: skip
RECORD = ("download_count", "created", "updated")


class ReviewStatusFilter(admin.SimpleListFilter):
    """The review queue: each status with how many documents have it, pending first."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = dict(
            Document.objects.order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        return [
            (
                status,
                _("%(status)s (%(count)d)") % {"status": label, "count": counts.get(status, 0)},
            )
            for status, label in DocumentStatus.choices
        ]

    def queryset(self, request, queryset):
        if self.value() in DocumentStatus.values:
            return queryset.filter(status=self.value())
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    """The languages documents are written in: only those the library holds (the list
    of possible languages is long)."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        present = set(Document.objects.order_by().values_list("language", flat=True).distinct())
        return [(code, name) for code, name in DOCUMENT_LANGUAGES if code in present]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(language=self.value())
        return queryset


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Documents: the review queue (filter "Pending review"), the actions that decide on
    them, and the staff's own uploads, published directly."""

    form = DocumentAdminForm
    list_display = ["title", "status", "language", "document_type", "uploaded_by",
                    "contributing_city", "extraction_status", "created"]  # fmt: skip
    list_filter = [ReviewStatusFilter, LanguageFilter, "document_type", "themes",
                   ("covered_regions", admin.RelatedOnlyFieldListFilter), "year_published",
                   "extraction_status"]  # fmt: skip
    list_select_related = ["uploaded_by", "contributing_city"]
    search_fields = ["title", "author", "summary"]
    date_hierarchy = "created"
    autocomplete_fields = ["cities", "contributing_city"]
    filter_horizontal = ["regions"]
    actions = ["publish", "reject", "archive", "extract_text_again"]
    readonly_fields = [*FILE_DETAILS, *REVIEW, *EXTRACTION, "regions_covered", *RECORD]

    def get_fieldsets(self, request, obj=None):
        relations = (_("Themes and places"), {
            "fields": ("themes", "cities", "regions", "contributing_city"),
        })  # fmt: skip
        if obj is None:
            return (
                (_("File"), {
                    "fields": ("new_file",),
                    "description": _("Documents added here are published at once."),
                }),
                (None, {"fields": DESCRIPTION}),
                relations,
            )  # fmt: skip
        return (
            (None, {"fields": DESCRIPTION}),
            (relations[0], {"fields": (*relations[1]["fields"], "regions_covered")}),
            (_("File"), {"fields": ("new_file", *FILE_DETAILS)}),
            (_("Review"), {
                "fields": REVIEW,
                "description": _("To decide on a document, use the actions of the document "
                                 "list: they record the decision and email the uploader."),
            }),
            (_("Text extraction"), {"fields": EXTRACTION, "classes": ("collapse",)}),
            (_("Record"), {"fields": RECORD}),
        )  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_queryset(self, request):
        # The list never shows the text: leave the (large) extracted text unread.
        return super().get_queryset(request).defer("extracted_text", "themes_text")

    # --- saving: through the library's services, so files and search data stay right ---

    def save_model(self, request, obj, form, change):
        if change:
            upload = form.cleaned_data.get("new_file")
            update_document(
                obj,
                request.user,
                upload=upload,
                file_kind=form.file_kind if upload else None,
                record_history=False,  # the admin writes its own line
                **form.document_fields(),
            )
            return
        document = services.create_document(
            upload=form.cleaned_data["new_file"],
            file_kind=form.file_kind,
            uploaded_by=request.user,
            status=DocumentStatus.PUBLISHED,
            decided_by=request.user,
            decided_at=timezone.now(),
            **form.document_fields(),
        )
        # The admin goes on with the object of its form (history, redirect): make it the
        # document just created.
        for field in Document._meta.concrete_fields:
            if not field.generated:
                setattr(obj, field.attname, getattr(document, field.attname))
        obj._state.adding = False
        obj._state.db = document._state.db

    def save_related(self, request, form, formsets, change):
        # Themes, cities and regions were written by save_model's service, which then
        # refreshed the search and facet data: saving them again here would be wasted.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # A deleted document's file is removed by library.signals, whatever deletes it.

    # --- read-only details ---

    @admin.display(description=_("file"))
    def download_link(self, document):
        try:
            url = reverse("library:download", args=[document.pk])
        except NoReverseMatch:  # the download view is not there yet
            return "—"
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    @admin.display(description=_("extracted text (beginning)"))
    def extracted_text_preview(self, document):
        return Truncator(document.extracted_text).chars(PREVIEW_CHARS) or "—"

    @admin.display(description=_("search index (beginning)"))
    def search_vector_preview(self, document):
        return Truncator(document.search_vector or "").chars(PREVIEW_CHARS) or "—"

    @admin.display(description=_("regions covered"))
    def regions_covered(self, document):
        return ", ".join(region.localized_name for region in document.covered_regions.all()) or "—"

    # --- decisions ---

    @admin.action(description=_("Publish the selected documents"), permissions=["change"])
    def publish(self, request, queryset):
        selected = list(queryset.select_related("uploaded_by"))
        published = sum(publish_document(document, request.user) for document in selected)
        self.message_user(
            request,
            ngettext("%(count)d document published.", "%(count)d documents published.",
                     published) % {"count": published},
            messages.SUCCESS,
        )  # fmt: skip
        self._warn_unchanged(request, len(selected) - published, DocumentStatus.PUBLISHED)

    @admin.action(description=_("Reject the selected documents (with a reason)"),
                  permissions=["change"])  # fmt: skip
    def reject(self, request, queryset):
        return decide_with_reason(
            self,
            request,
            queryset.select_related("uploaded_by"),
            title=_("Reject documents"),
            decide=lambda document, reason: reject_document(document, request.user, reason),
            done_message=lambda count: (
                ngettext("%(count)d document rejected.", "%(count)d documents rejected.", count)
                % {"count": count}
            ),
        )

    @admin.action(description=_("Archive the selected documents"), permissions=["change"])
    def archive(self, request, queryset):
        selected = list(queryset)
        archived = sum(archive_document(document, request.user) for document in selected)
        self.message_user(
            request,
            ngettext("%(count)d document archived.", "%(count)d documents archived.",
                     archived) % {"count": archived},
            messages.SUCCESS,
        )  # fmt: skip
        self._warn_unchanged(request, len(selected) - archived, DocumentStatus.ARCHIVED)

    @admin.action(description=_("Extract the text of the selected documents again"),
                  permissions=["change"])  # fmt: skip
    def extract_text_again(self, request, queryset):
        selected = list(queryset)
        for document in selected:
            rerun_extraction(document, request.user)
        self.message_user(
            request,
            ngettext(
                "Text extraction started again for %(count)d document.",
                "Text extraction started again for %(count)d documents.",
                len(selected),
            )
            % {"count": len(selected)},
            messages.SUCCESS,
        )

    def _warn_unchanged(self, request, unchanged: int, status: str) -> None:
        if unchanged:
            self.message_user(
                request,
                ngettext(
                    "%(count)d document already was “%(status)s” and was left as it is.",
                    "%(count)d documents already were “%(status)s” and were left as they are.",
                    unchanged,
                )
                % {"count": unchanged, "status": DocumentStatus(status).label},
                messages.WARNING,
            )
