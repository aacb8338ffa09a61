from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The languages a document can be written in: the hub's three first, then others seen in
# the network's cities. Names come from Django's own list, which Django translates.
DOCUMENT_LANGUAGE_CODES = [
    "en", "fr", "ar", "es", "pt", "de", "it", "nl", "da", "nb", "sv", "fi", "ru", "uk",
    "tr", "sq", "sr", "bs", "hr", "mk", "bg", "el", "ro", "hu", "pl", "ur", "bn", "hi",
    "id", "ms", "sw", "fa", "ckb", "kk", "ky", "uz", "tg", "zh-hans",
]  # fmt: skip
_DJANGO_LANGUAGE_NAMES = dict(global_settings.LANGUAGES)
DOCUMENT_LANGUAGES = [(code, _(_DJANGO_LANGUAGE_NAMES[code])) for code in DOCUMENT_LANGUAGE_CODES]

# PostgreSQL text-search configuration per document language (migration 0001 creates the
# scn_* ones: the built-in ones plus unaccent). Other languages are indexed word for word.
SEARCH_CONFIGS = {"en": "scn_english", "fr": "scn_french", "ar": "arabic"}
SIMPLE_SEARCH_CONFIG = "scn_simple"


class DocumentType(models.TextChoices):
    RESEARCH = "research", _("Research")
    STRATEGY = "strategy", _("Strategy or policy paper")
    ANALYSIS = "analysis", _("Analysis")
    CASE_STUDY = "case_study", _("Case study")
    TOOLKIT = "toolkit", _("Toolkit")
    LOCAL_ACTION_PLAN = "local_action_plan", _("Local action plan")
    EVALUATION = "evaluation", _("Evaluation")
    GOOD_PRACTICE = "good_practice", _("Good-practice guide")
    TRAINING = "training", _("Training material")


# What a city editor may mark as their city's own contribution.
CITY_CONTRIBUTION_TYPES = {
    DocumentType.LOCAL_ACTION_PLAN,
    DocumentType.EVALUATION,
    DocumentType.STRATEGY,
}


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class FileKind(models.TextChoices):
    """The file formats the library accepts, recognised by their content."""

    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"
    XLSX = "xlsx", "Excel (XLSX)"
    PPTX = "pptx", "PowerPoint (PPTX)"
    ODT = "odt", "OpenDocument (ODT)"


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Searchable text extracted")
    FAILED = "failed", _("No searchable text")
