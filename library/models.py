"""The library: documents members read, search, download and contribute."""

import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from library.choices import (
    DOCUMENT_LANGUAGES,
    DocumentStatus,
    DocumentType,
    ExtractionStatus,
    FileKind,
)
from membership.access import has_member_access
from membership.models import City, Region, ThemedItem
from membership.models.base import DecisionRecord
from scn_portal.choice_labels import ChoiceLabelsMixin


def document_upload_path(document, filename: str) -> str:
    # A random name: the uploader's file name never reaches the disk.
    return f"library/{uuid.uuid4().hex}.{document.file_kind or 'bin'}"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=DocumentStatus.PUBLISHED)

    def visible_to(self, user):
        """Staff see every document; members see the published ones and their own uploads
        (pending or rejected); nobody else sees any."""
        if not has_member_access(user):
            return self.none()
        if user.is_staff:
            return self
        return self.filter(Q(status=DocumentStatus.PUBLISHED) | Q(uploaded_by=user))

    def editable_by(self, user):
        """Staff edit any document; an uploader edits their own until it is reviewed."""
        if not has_member_access(user):
            return self.none()
        if user.is_staff:
            return self
        return self.filter(uploaded_by=user, status=DocumentStatus.PENDING)


class Document(ChoiceLabelsMixin, DecisionRecord):
    """A document of the library: its file, what it is about, and its review status.

    `search_vector` is computed by PostgreSQL (a generated column) from the title (weight
    A), summary and themes (B) and extracted text (C), with the text-search configuration
    of the document's language and, for words across languages, a word-for-word copy."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=DOCUMENT_LANGUAGES, default="en", db_index=True
    )
    document_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices, db_index=True
    )
    themes = TaggableManager(through=ThemedItem, blank=True, verbose_name=_("themes"))
    cities = models.ManyToManyField(
        City,
        blank=True,
        related_name="documents",
        verbose_name=_("cities"),
        help_text=_("Member cities the document is about or comes from."),
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="regional_documents",
        verbose_name=_("regions"),
        help_text=_("For regional documents. The regions of the cities above are added."),
    )
    covered_regions = models.ManyToManyField(
        Region,
        blank=True,
        editable=False,
        related_name="documents",
        verbose_name=_("regions covered"),
        help_text=_("The regions above and those of the document's cities (kept up to date)."),
    )
    year_published = models.PositiveSmallIntegerField(
        _("year published"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    author = models.CharField(_("author or publisher"), max_length=300, blank=True)
    source_url = models.URLField(
        _("source link"), max_length=500, blank=True, help_text=_("For public documents.")
    )
    file = models.FileField(_("file"), upload_to=document_upload_path, max_length=200)
    file_kind = models.CharField(_("file type"), max_length=10, choices=FileKind.choices)
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"))
    checksum = models.CharField(_("SHA-256 of the file"), max_length=64, db_index=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
    )
    extraction_error = models.CharField(_("extraction problem"), max_length=500, blank=True)
    # The document's themes in every interface language, for the search index.
    themes_text = models.TextField(blank=True, editable=False)
    search_vector = models.GeneratedField(
        expression=Func(
            Func(F("language"), function="scn_search_config"),
            F("title"),
            F("summary"),
            F("themes_text"),
            F("extracted_text"),
            function="scn_document_vector",
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    contributing_city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributed_documents",
        verbose_name=_("contribution of"),
        help_text=_("The city whose own work this is (a local action plan, evaluation...)."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploaded_documents",
        verbose_name=_("uploaded by"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DocumentStatus.choices,
        default=DocumentStatus.PENDING,
        db_index=True,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_at", "-created"]
        indexes = [
            GinIndex(fields=["search_vector"], name="document_search_gin"),
            models.Index(fields=["status", "-published_at"], name="document_recent"),
            models.Index(fields=["status", "-download_count"], name="document_popular"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED


class Download(models.Model):
    """One download of a document by a member: the library's usage record."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="downloads", verbose_name=_("document")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.document} ({self.at:%Y-%m-%d %H:%M})"


class SearchResultSet(models.Model):
    """What one search of the published library found (library.results.SearchResults,
    pickled), kept until the library changes or for RESULTS_SECONDS. Written by the
    search page, emptied by library.results.library_changed: never edited by hand."""

    key = models.CharField(primary_key=True, max_length=64)
    results = models.BinaryField()
    computed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("kept search result")
        verbose_name_plural = _("kept search results")

    def __str__(self):
        return self.key
