"""The SVG charts and the iCalendar text (pure Python)."""

import pytest

from tandem.committee.charts.svg import bars_svg, matrix_svg

pytestmark = pytest.mark.unit


def test_matrix_svg_writes_each_value_and_escapes_labels() -> None:
    svg = matrix_svg(
        ["P1", "P<2>"], ["N1", "N2"], {("P1", "N2"): 7, ("P<2>", "N1"): 3}, title="Matrix & co"
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<title>Matrix &amp; co</title>" in svg
    assert "P&lt;2&gt;" in svg and "P<2>" not in svg
    assert ">7</text>" in svg and ">3</text>" in svg
    assert svg.count("<rect") == 4


def test_bars_svg_draws_the_longest_bar_for_the_largest_value() -> None:
    svg = bars_svg([("構想", 10), ("Идея", 5)], title="Статус")
    assert "構想" in svg and "Идея" in svg
    widths = [float(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths[0] == 2 * widths[1]
