"""Text for the generated rows, drawn with a fixed seed from the demo library's texts
(library/demo_content.py): sentences in English, French and Arabic, in general and about
each theme. Documents, profiles, initiatives and events all read like the demo content."""

import random
import re
from dataclasses import dataclass, field
from functools import cache

from library.demo_content import DEMO_DOCUMENTS, THEME_PARAGRAPHS, TYPE_PARAGRAPHS

LANGUAGES = ("en", "fr", "ar")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [sentence for sentence in _SENTENCE_END.split(text.strip()) if sentence]


@dataclass
class Vocabulary:
    """The sentences of one language: all of them, and those about each theme."""

    general: list[str] = field(default_factory=list)
    by_theme: dict[str, list[str]] = field(default_factory=dict)

    def about(self, theme_name: str) -> list[str]:
        return self.by_theme.get(theme_name) or self.general


@cache
def vocabularies() -> dict[str, Vocabulary]:
    words = {language: Vocabulary() for language in LANGUAGES}
    for theme, texts in THEME_PARAGRAPHS.items():
        for language, text in texts.items():
            words[language].by_theme[theme] = sentences(text)
            words[language].general += sentences(text)
    for texts in TYPE_PARAGRAPHS.values():
        for language, text in texts.items():
            words[language].general += sentences(text)
    for spec in DEMO_DOCUMENTS:
        words[spec.language].general += sentences(spec.body) + sentences(spec.summary)
    return words


def about(rng: random.Random, language: str, theme_names: list[str], count: int) -> str:
    """`count` sentences in `language`, mostly about the given themes."""
    vocabulary = vocabularies()[language]
    chosen = []
    for _ in range(count):
        if theme_names and rng.random() < 0.75:
            pool = vocabulary.about(rng.choice(theme_names))
        else:
            pool = vocabulary.general
        chosen.append(rng.choice(pool))
    return " ".join(chosen)
