"""The training app's models: toolkits, modules and their lessons, and each member's
progress through them."""

from training.models.modules import Choice, Lesson, LessonLink, Module, ModuleQuerySet, Question
from training.models.progress import (
    Enrolment,
    EnrolmentQuerySet,
    LessonCompletion,
    QuizAnswer,
    QuizAttempt,
)
from training.models.toolkits import Toolkit, ToolkitItem, ToolkitQuerySet, ToolkitSection

__all__ = [
    "Choice",
    "Enrolment",
    "EnrolmentQuerySet",
    "Lesson",
    "LessonCompletion",
    "LessonLink",
    "Module",
    "ModuleQuerySet",
    "Question",
    "QuizAnswer",
    "QuizAttempt",
    "Toolkit",
    "ToolkitItem",
    "ToolkitQuerySet",
    "ToolkitSection",
]
