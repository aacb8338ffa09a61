# ruff: noqa: RUF001 - Arabic and full-width letters are the point of these titles
"""Safe file names in Content-Disposition (issue 9), for every download: library
documents, certificates and toolkit ZIPs (library.views.downloads.attachment_header),
and .ics files (events.ics.filename_for). Whatever the title: one header line, an ASCII
`filename="..."` without quotes, backslashes, controls, path separators or direction
characters, a correct RFC 8187 `filename*=UTF-8''...` without direction characters, and
the real extension at the end."""

import re
import unicodedata
from types import SimpleNamespace
from urllib.parse import unquote

from hypothesis import given, settings
from hypothesis import strategies as st

from events import ics
from library.views.downloads import MAX_NAME_LENGTH, attachment_header

DIRECTION_CHARACTERS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HEADER = re.compile(
    r"attachment; filename=\"(?P<fallback>[^\"\\]*)\""
    r"(?:; filename\*=UTF-8''(?P<encoded>[A-Za-z0-9%._~!$&'()*+,;=:@-]+))?"
)
# RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~", everything else percent-encoded.
ATTR_CHARS = re.compile(r"(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+")
TRICKY_TITLES = [
    'Plan "final"', "back\\slash", "line\r\nSet-Cookie: x=1", "nul\x00byte", "tab\there",
    "Évaluation à l'école", "الوقاية من التطرف العنيف", "evil\u202efdp.exe", "a\u2066b\u2069c",
    "mark\u200fed", "../../etc/passwd", "C:\\Windows\\system32", "con", "...", "",
    "x" * 5000, "é" * 5000, "ا" * 5000, "\u202e" * 100, "trailing dots...", " spaces ",
    "emoji 🙂 plan", "combining e\u0301", "fullwidth ＡＢＣ", "zero\u200bwidth",
]  # fmt: skip
EXTENSIONS = [".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".zip", ".ics"]


def assert_safe(header: str, extension: str) -> None:
    assert header.isascii()
    assert not any(character in header for character in "\r\n\x00")
    match = HEADER.fullmatch(header)
    assert match, header
    fallback = match["fallback"]
    assert fallback.endswith(extension)
    assert fallback[: -len(extension)], "an empty name before the extension"
    assert not any(character in fallback for character in '"\\/:*?<>|')
    assert all(32 <= ord(character) < 127 for character in fallback)
    assert not fallback.startswith((".", " "))
    assert len(fallback) <= MAX_NAME_LENGTH + len(extension)
    if match["encoded"]:
        assert ATTR_CHARS.fullmatch(match["encoded"]), match["encoded"]
        name = unquote(match["encoded"], errors="strict")
        assert name.endswith(extension)
        assert not any(character in name for character in DIRECTION_CHARACTERS)
        assert not any(unicodedata.category(character) == "Cc" for character in name)
        assert not any(character in name for character in '"\\/')
        assert len(name) <= MAX_NAME_LENGTH + len(extension)


def test_tricky_titles_give_safe_headers_for_every_extension():
    for title in TRICKY_TITLES:
        for extension in EXTENSIONS:
            assert_safe(attachment_header(title, extension), extension)


def test_the_extension_cannot_be_displaced_by_a_direction_override():
    header = attachment_header("invoice\u202efdp.exe", ".pdf")
    assert header == 'attachment; filename="invoice fdp.exe.pdf"'


def test_arabic_and_accented_titles_keep_their_letters_in_the_utf8_name():
    header = attachment_header("Prévention الوقاية", ".pdf")
    encoded = HEADER.fullmatch(header)["encoded"]
    assert unquote(encoded) == "Prévention الوقاية.pdf"
    assert HEADER.fullmatch(header)["fallback"] == "Prevention.pdf"


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    title=st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
    | st.text(st.sampled_from('"\\\r\n\x00/:.é ا\u202e\u2066\u200fa'), max_size=60),
    extension=st.sampled_from(EXTENSIONS),
)
def test_any_title_gives_a_safe_header(title, extension):
    assert_safe(attachment_header(title, extension), extension)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(slug=st.text(st.characters(exclude_categories=("Cs",)), max_size=200))
def test_any_event_slug_gives_a_safe_ics_name(slug):
    # The .ics name comes from the slug (a SlugField may hold Unicode letters).
    name = ics.filename_for(SimpleNamespace(slug=slug))
    assert_safe(f'attachment; filename="{name}"', ".ics")


def test_every_download_view_builds_its_header_safely():
    # The views that send files: each uses attachment_header or a name it builds from
    # ASCII only (a slug filtered to ASCII, a year).
    import inspect

    from events.views import calendar_feeds
    from library.views import downloads
    from training.views import certificates, figures, toolkits

    for module in (downloads, certificates, toolkits):
        source = inspect.getsource(module)
        assert 'response["Content-Disposition"] = attachment_header(' in source, module
    assert "ics.filename_for(" in inspect.getsource(calendar_feeds)
    assert 'f"training-figures-{self.year}.csv"' in inspect.getsource(figures)
