"""Small bar charts drawn on the server as SVG: no JavaScript, no chart library, no style
attributes (colours are SVG presentation attributes, which a strict Content-Security-Policy
allows).

`bar_chart(rows, ...)` returns the markup (templates/inc/chart_bar.svg) as a SafeString;
every label passes through the template's escaping. The geometry is worked out left to
right, then mirrored for right-to-left languages, so that in Arabic the first bar stands
at the right and the value axis is on the right. The text keeps `direction="ltr"` inside
the drawing and its anchors are mirrored explicitly, so that browsers place it the same
way whatever they make of `direction` in SVG.

Each chart needs a table version of its figures next to it (the SVG is one image to
assistive technology): templates/inc/chart_figure.html draws both.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# The drawing's own units; the SVG scales to the width of its container.
WIDTH = 480
VERTICAL_HEIGHT = 300
FONT_SIZE = 13
CHAR_WIDTH = FONT_SIZE * 0.6  # an average glyph, to decide how much text fits
BAR_COLOUR = "#0b5e7e"  # the hub's accent (portal.css --scn-accent)
TEXT_COLOUR = "#212529"
AXIS_COLOUR = "#6c757d"
GRID_COLOUR = "#dee2e6"

# Vertical bars: room around the plot for the labels.
TOP = 24  # value labels above the tallest bar
BOTTOM = 56  # category labels (two lines) and the category axis title
VALUE_AXIS = 56  # tick labels and the value axis title
FAR_SIDE = 12

# Horizontal bars: one row per category, labels in a column at the start.
ROW_HEIGHT = 38  # room for a name on two lines
LABEL_COLUMN = 170
VALUE_ROOM = 48  # the value written after the end of the longest bar


@dataclass(frozen=True)
class Rect:
    """A bar: its category, value (as a number and as shown) and place."""

    label: str
    value: float
    shown: str
    x: str
    y: str
    width: str
    height: str


@dataclass(frozen=True)
class Line:
    x1: str
    y1: str
    x2: str
    y2: str
    colour: str


@dataclass(frozen=True)
class Text:
    """A piece of text; several `lines` are stacked with <tspan>s."""

    x: str
    y: str
    lines: tuple[str, ...]
    anchor: str = "middle"
    css_class: str = ""
    transform: str = ""
    line_height: str = str(FONT_SIZE + 2)


def number(value) -> str:
    """A coordinate for the markup: never localised (a French "12,5" would break it)."""
    return f"{value:.1f}".removesuffix(".0")


def shown_value(value) -> str:
    """The value as people read it in the interface language (thousands grouped)."""
    return formats.number_format(value, force_grouping=True)


def nice_scale(highest: float, integers: bool = True, ticks: int = 4) -> list[float]:
    """Round tick values from 0 to a little above `highest`: steps of 1, 2 or 5 times a
    power of ten. At least [0, 1], so that all-zero data still has an axis."""
    if highest <= 0:
        return [0, 1]
    raw = highest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if integers:
        step = max(1, round(step))
    top = math.ceil(highest / step) * step
    count = round(top / step)
    return [step * index for index in range(count + 1)]


def fit(text: str, width: float, max_lines: int = 1) -> tuple[str, ...]:
    """Break `text` into at most `max_lines` lines of about `width` units, keeping words
    whole; what does not fit ends in an ellipsis (the table and the bar's tooltip have the
    whole label)."""
    limit = max(3, int(width / CHAR_WIDTH))
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= limit:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] += " " + " ".join(words)
    lines = [line if len(line) <= limit else line[: limit - 1].rstrip() + "…" for line in lines]
    return tuple(lines) or ("",)


class _Mirror:
    """Turns left-to-right x positions and text anchors into right-to-left ones."""

    def __init__(self, rtl: bool):
        self.rtl = rtl

    def x(self, value: float) -> float:
        return WIDTH - value if self.rtl else value

    def span(self, start: float, width: float) -> float:
        """The left edge, once mirrored, of a box from `start` that is `width` wide."""
        return WIDTH - start - width if self.rtl else start

    def anchor(self, anchor: str) -> str:
        if not self.rtl or anchor == "middle":
            return anchor
        return "end" if anchor == "start" else "start"


def _vertical(rows, scale, mirror: _Mirror, value_axis_label, category_axis_label):
    height = VERTICAL_HEIGHT
    bottom = height - BOTTOM
    plot_height = bottom - TOP
    left, right = VALUE_AXIS, WIDTH - FAR_SIDE
    slot = (right - left) / len(rows)
    bar_width = min(slot * 0.7, 56)
    top_value = scale[-1]
    # When the slots are too narrow for every label, label every n-th bar.
    # (Labels wrap onto two lines, so the longest word is what must fit.)
    longest_word = max(len(word) for label, _value in rows for word in label.split() or [""])
    every = max(1, math.ceil((longest_word * CHAR_WIDTH + 4) / slot))
    bars, texts = [], []
    grid = []
    for tick in scale:
        y = bottom - plot_height * tick / top_value
        grid.append(
            Line(
                number(mirror.x(left)),
                number(y),
                number(mirror.x(right)),
                number(y),
                AXIS_COLOUR if tick == 0 else GRID_COLOUR,
            )
        )
        texts.append(
            Text(
                number(mirror.x(left - 6)),
                number(y + 4),
                (shown_value(tick),),
                mirror.anchor("end"),
                "chart-tick",
            )
        )
    for index, (label, value) in enumerate(rows):
        bar_height = plot_height * value / top_value
        start = left + index * slot + (slot - bar_width) / 2
        centre = mirror.x(start + bar_width / 2)
        bars.append(
            Rect(
                label,
                value,
                shown_value(value),
                number(mirror.span(start, bar_width)),
                number(bottom - bar_height),
                number(bar_width),
                number(bar_height),
            )
        )
        texts.append(
            Text(
                number(centre),
                number(bottom - bar_height - 5),
                (shown_value(value),),
                css_class="chart-value",
            )
        )
        if (len(rows) - 1 - index) % every == 0:  # counted from the latest, always labelled
            lines = fit(label, slot * every - 4, max_lines=2)
            texts.append(Text(number(centre), number(bottom + 16), lines, css_class="chart-label"))
    if category_axis_label:
        texts.append(
            Text(
                number(mirror.x((left + right) / 2)),
                number(height - 6),
                (category_axis_label,),
                css_class="chart-axis-title",
            )
        )
    if value_axis_label:
        # Read upwards beside a left axis; downwards beside a right one (the mirror image).
        x, y = mirror.x(16), (TOP + bottom) / 2
        angle = 90 if mirror.rtl else -90
        texts.append(
            Text(
                number(x),
                number(y),
                fit(value_axis_label, plot_height),
                css_class="chart-axis-title",
                transform=f"rotate({angle} {number(x)} {number(y)})",
            )
        )
    return height, bars, grid, texts


def _horizontal(rows, scale, mirror: _Mirror, value_axis_label):
    top = 8
    height = top + ROW_HEIGHT * len(rows) + (32 if value_axis_label else 12)
    start = LABEL_COLUMN + 8
    plot_width = WIDTH - start - VALUE_ROOM
    top_value = scale[-1]
    bars, texts = [], []
    for index, (label, value) in enumerate(rows):
        y = top + index * ROW_HEIGHT
        bar_width = plot_width * value / top_value
        bars.append(
            Rect(
                label,
                value,
                shown_value(value),
                number(mirror.span(start, bar_width)),
                number(y + 8),
                number(bar_width),
                number(ROW_HEIGHT - 16),
            )
        )
        middle = y + ROW_HEIGHT / 2 + 4
        lines = fit(label, LABEL_COLUMN - 8, max_lines=2)
        texts.append(
            Text(
                number(mirror.x(LABEL_COLUMN)),
                number(middle - (len(lines) - 1) * (FONT_SIZE + 2) / 2),
                lines,
                mirror.anchor("end"),
                "chart-label",
            )
        )
        texts.append(
            Text(
                number(mirror.x(start + bar_width + 6)),
                number(middle),
                (shown_value(value),),
                mirror.anchor("start"),
                "chart-value",
            )
        )
    bottom = top + ROW_HEIGHT * len(rows)
    grid = [
        Line(*(number(v) for v in (mirror.x(start), top, mirror.x(start), bottom)), AXIS_COLOUR)
    ]
    if value_axis_label:
        texts.append(
            Text(
                number(mirror.x(start + plot_width / 2)),
                number(height - 8),
                (value_axis_label,),
                css_class="chart-axis-title",
            )
        )
    return height, bars, grid, texts


def default_description(rows: Sequence[tuple[str, float]]) -> str:
    label, value = max(rows, key=lambda row: row[1])
    return _("Bar chart of %(count)s values; the highest is %(label)s, with %(value)s.") % {
        "count": len(rows),
        "label": label,
        "value": shown_value(value),
    }


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    chart_id: str,
    title: str,
    description: str = "",
    value_axis_label: str = "",
    category_axis_label: str = "",
    horizontal: bool = False,
    rtl: bool | None = None,
    empty_message: str = "",
) -> SafeString:
    """An SVG bar chart of `rows` (label, value), in their order (mirrored in a
    right-to-left language). `chart_id` must be unique on the page (it names the title
    and description). Vertical bars suit short labels such as years; `horizontal` bars
    suit names. Negative values are drawn as zero. Without rows: a short paragraph saying
    there is nothing to show."""
    if not rows:
        return format_html(
            '<p class="chart-empty text-body-secondary">{}</p>',
            empty_message or _("No figures to show yet."),
        )
    rows = [(str(label), max(0, value or 0)) for label, value in rows]
    rtl = translation.get_language_bidi() if rtl is None else rtl
    mirror = _Mirror(rtl)
    integers = all(float(value).is_integer() for _label, value in rows)
    scale = nice_scale(max(value for _label, value in rows), integers=integers)
    if horizontal:
        height, bars, grid, texts = _horizontal(rows, scale, mirror, value_axis_label)
    else:
        height, bars, grid, texts = _vertical(
            rows, scale, mirror, value_axis_label, category_axis_label
        )
    markup = render_to_string(
        "inc/chart_bar.svg",
        {
            "chart_id": chart_id,
            "title": title,
            "description": description or default_description(rows),
            "width": WIDTH,
            "height": height,
            "font_size": FONT_SIZE,
            "bars": bars,
            "grid": grid,
            "texts": texts,
            "bar_colour": BAR_COLOUR,
            "text_colour": TEXT_COLOUR,
            "rtl": rtl,
            "orientation": "horizontal" if horizontal else "vertical",
        },
    )
    return mark_safe(markup.strip())  # noqa: S308 - the template escaped every label
