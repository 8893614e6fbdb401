"""The one bar-chart writer's options (tandem.core.charts.bars.horizontal_bars_svg): the scale,
the value's writing and the visible heading that the briefing, exchange and trade charts use."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tandem.core.charts.bars import horizontal_bars_svg

pytestmark = pytest.mark.unit

SVG = "{http://www.w3.org/2000/svg}"


def _widths(svg: str) -> list[float]:
    return [float(rect.get("width", 0)) for rect in ET.fromstring(svg).iter(f"{SVG}rect")]


def test_the_largest_value_is_the_full_bar_unless_a_maximum_is_given() -> None:
    relative = _widths(horizontal_bars_svg([("a", 0.5), ("b", 0.25)], title="t"))
    assert relative[0] == pytest.approx(2 * relative[1])
    absolute = _widths(horizontal_bars_svg([("a", 0.5), ("b", -1)], title="t", maximum=1.0))
    full = _widths(horizontal_bars_svg([("a", 1.0)], title="t"))[0]
    assert absolute == [pytest.approx(full / 2), 0.0]


def test_values_are_written_as_asked_and_the_heading_is_shown() -> None:
    svg = horizontal_bars_svg(
        [("Машины", 0.125)], title="Доли & главы", shown=lambda v: f"{v:.1%}", heading=True
    )
    root = ET.fromstring(svg)
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts[0] == "Доли & главы"
    assert "12.5%" in texts
    plain = horizontal_bars_svg([("a", 3), ("b", 2.5)], title="t")
    assert ">3</text>" in plain and ">2.5</text>" in plain and "font-weight" not in plain
