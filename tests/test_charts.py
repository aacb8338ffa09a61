"""The server-side SVG bar charts (scn_portal.charts): well-formed XML, bars in proportion
to their values, labels escaped, mirrored in right-to-left languages, and a message when
there is nothing to draw."""

import pytest
from defusedxml import ElementTree as ET
from django.utils import translation
from django.utils.safestring import SafeString

from scn_portal.charts import CHAR_WIDTH, WIDTH, bar_chart, fit, nice_scale

SVG = "{http://www.w3.org/2000/svg}"
YEARS = [("2016", 2), ("2017", 9), ("2018", 5), ("2019", 0)]


def parse(markup: str):
    return ET.fromstring(str(markup))


def bars(svg) -> list:
    return svg.findall(f".//{SVG}rect[@class='chart-bar']")


def texts(svg, css_class: str) -> list[str]:
    return [
        "".join(text.itertext())
        for text in svg.iter(f"{SVG}text")
        if text.get("class") == css_class
    ]


def test_chart_is_safe_well_formed_svg_named_for_assistive_technology():
    markup = bar_chart(YEARS, chart_id="events", title="Events held", description="By year")

    assert isinstance(markup, SafeString)
    svg = parse(markup)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "events-title events-desc"
    assert svg.find(f"{SVG}title").get("id") == "events-title"
    assert svg.find(f"{SVG}title").text == "Events held"
    assert svg.find(f"{SVG}desc").text == "By year"
    assert "style=" not in markup and "<script" not in markup


def test_bar_heights_are_proportional_to_the_values():
    svg = parse(bar_chart(YEARS, chart_id="c", title="t"))

    heights = {bar.get("data-label"): float(bar.get("height")) for bar in bars(svg)}
    assert heights["2019"] == 0
    assert heights["2017"] / heights["2016"] == pytest.approx(9 / 2, rel=0.01)
    assert heights["2018"] / heights["2016"] == pytest.approx(5 / 2, rel=0.01)
    # The bars stand on the same baseline.
    bottoms = {float(bar.get("y")) + float(bar.get("height")) for bar in bars(svg)}
    assert len(bottoms) == 1


def test_horizontal_bar_lengths_are_proportional_to_the_values():
    rows = [("Europe", 40), ("West Africa", 10), ("Asia-Pacific", 20)]
    svg = parse(bar_chart(rows, chart_id="c", title="t", horizontal=True))

    widths = {bar.get("data-label"): float(bar.get("width")) for bar in bars(svg)}
    assert widths["Europe"] / widths["West Africa"] == pytest.approx(4, rel=0.01)
    assert widths["Asia-Pacific"] / widths["West Africa"] == pytest.approx(2, rel=0.01)


def test_values_and_labels_are_written_on_the_chart():
    svg = parse(
        bar_chart(
            YEARS, chart_id="c", title="t", value_axis_label="Events", category_axis_label="Year"
        )
    )

    assert texts(svg, "chart-label") == ["2016", "2017", "2018", "2019"]
    assert texts(svg, "chart-value") == ["2", "9", "5", "0"]
    assert set(texts(svg, "chart-axis-title")) == {"Events", "Year"}
    ticks = texts(svg, "chart-tick")
    assert ticks[0] == "0" and int(ticks[-1]) >= 9


def test_large_values_are_grouped_in_the_interface_language():
    svg = parse(bar_chart([("2024", 12500)], chart_id="c", title="t"))

    assert texts(svg, "chart-value") == ["12,500"]


def test_labels_and_titles_are_escaped():
    evil = '<script>alert("x")</script> & "quotes"'
    markup = bar_chart([(evil, 3)], chart_id="c", title=evil, description=evil,
                       horizontal=True)  # fmt: skip

    assert "<script>" not in markup
    svg = parse(markup)  # still well-formed
    assert svg.find(f"{SVG}title").text == evil
    assert bars(svg)[0].get("data-label") == evil


def test_no_data_gives_a_message_instead_of_a_chart():
    markup = bar_chart([], chart_id="c", title="t")

    assert isinstance(markup, SafeString)
    assert "<svg" not in markup
    assert parse(markup).text == "No figures to show yet."
    custom = bar_chart([], chart_id="c", title="t", empty_message="Nothing <here>")
    assert "Nothing &lt;here&gt;" in custom


def test_all_zero_values_still_draw_an_axis():
    svg = parse(bar_chart([("2024", 0), ("2025", 0)], chart_id="c", title="t"))

    assert [float(bar.get("height")) for bar in bars(svg)] == [0, 0]
    assert texts(svg, "chart-tick") == ["0", "1"]


def test_arabic_mirrors_the_order_of_the_bars():
    def first_bar_x(rtl):
        svg = parse(bar_chart(YEARS, chart_id="c", title="t", rtl=rtl))
        return [float(bar.get("x")) for bar in bars(svg)]

    ltr, rtl = first_bar_x(False), first_bar_x(True)
    assert ltr == sorted(ltr), "left to right: the first year on the left"
    assert rtl == sorted(rtl, reverse=True), "right to left: the first year on the right"

    with translation.override("ar"):
        svg = parse(bar_chart(YEARS, chart_id="c", title="t"))
    assert svg.get("data-rtl") == "true"
    assert [float(bar.get("x")) for bar in bars(svg)] == rtl


def test_arabic_puts_the_value_axis_and_the_names_on_the_right():
    svg = parse(bar_chart(YEARS, chart_id="c", title="t", rtl=True))
    ticks = [text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart-tick"]
    assert all(float(tick.get("x")) > WIDTH * 0.85 for tick in ticks)
    assert all(tick.get("text-anchor") == "start" for tick in ticks)

    svg = parse(bar_chart([("Europe", 3)], chart_id="c", title="t", horizontal=True, rtl=True))
    label = next(t for t in svg.iter(f"{SVG}text") if t.get("class") == "chart-label")
    bar = bars(svg)[0]
    assert float(label.get("x")) > float(bar.get("x")) + float(bar.get("width"))


def test_long_labels_are_shortened_on_the_chart_only():
    name = "Latin America and the Caribbean and some more words"
    svg = parse(bar_chart([(name, 1)], chart_id="c", title="t", horizontal=True))

    shown = texts(svg, "chart-label")[0]
    assert shown.endswith("…") and len(shown) < len(name)
    assert bars(svg)[0].get("data-label") == name
    assert name in bars(svg)[0].find(f"{SVG}title").text


def test_many_years_label_every_few_bars():
    rows = [(str(year), year % 7) for year in range(1990, 2027)]
    svg = parse(bar_chart(rows, chart_id="c", title="t"))

    labels = texts(svg, "chart-label")
    assert len(bars(svg)) == len(rows)
    assert 2 < len(labels) < len(rows)
    assert labels[-1] == "2026"


def test_description_by_default_names_the_highest_value():
    svg = parse(bar_chart(YEARS, chart_id="c", title="t"))

    assert svg.find(f"{SVG}desc").text == ("Bar chart of 4 values; the highest is 2017, with 9.")


@pytest.mark.parametrize(
    ("highest", "expected"),
    [(0, [0, 1]), (1, [0, 1]), (9, [0, 5, 10]), (10, [0, 5, 10]), (47, [0, 20, 40, 60]),
     (1234, [0, 500, 1000, 1500])],
)  # fmt: skip
def test_axis_ticks_are_round_numbers(highest, expected):
    assert nice_scale(highest) == expected


def test_fit_breaks_labels_into_lines():
    assert fit("Middle East and North Africa", 13 * CHAR_WIDTH, max_lines=2) == (
        "Middle East",
        "and North Af…",
    )
    assert fit("2024", 4 * CHAR_WIDTH) == ("2024",)
    assert fit("Asia-Pacific", 5 * CHAR_WIDTH) == ("Asia…",)
    assert fit("", 50) == ("",)
