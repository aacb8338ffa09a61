from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class ModuleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")


class SectionKind(models.TextChoices):
    """The parts of a working group's toolkit (DOMAIN.md), in their usual order."""

    BACKGROUND = "background", _("Background research")
    INTEREST = "interest", _("Interest pieces")
    CASE_STUDIES = "case_studies", _("Case studies from around the world")
    MEMBER_CITIES = "member_cities", _("Relevant work in member cities")
    OTHER = "other", _("Other resources")


class ItemKind(models.TextChoices):
    DOCUMENT = "document", _("Library document")
    LINK = "link", _("External link")
    INITIATIVE = "initiative", _("City initiative")
    TEXT = "text", _("Short text")
