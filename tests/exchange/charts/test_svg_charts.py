import xml.etree.ElementTree as ET

import pytest

from tandem.exchange.charts import BarItem, ForestRow, bar_chart, forest_plot

pytestmark = pytest.mark.unit
SVG = "{http://www.w3.org/2000/svg}"


def test_forest_plot_is_valid_svg_with_escaped_labels_and_no_style_attributes() -> None:
    svg = forest_plot(
        [
            ForestRow("All <served>", 15.2, 10.1, 20.3, 30, emphasis=True),
            ForestRow("Приморский край", -4.0, -9.5, 1.5, 5),
            ForestRow("愛知県", 2.0, None, None, 2),
        ],
        title="労働生産性 & change",
        axis_label="per cent",
    )
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    texts = "".join(root.itertext())
    assert "All <served>" in texts and "Приморский край" in texts and "愛知県" in texts
    assert "style=" not in svg and "<script" not in svg
    assert len(root.findall(f"{SVG}line")) >= 3  # grid, zero line and the two intervals
    assert "+15.2%" in texts


def test_forest_plot_puts_larger_estimates_further_right() -> None:
    svg = forest_plot(
        [ForestRow("a", -10.0, -12.0, -8.0, 9), ForestRow("b", 20.0, 18.0, 22.0, 9)],
        title="t",
        axis_label="x",
    )
    circles = ET.fromstring(svg).findall(f"{SVG}circle")
    assert float(circles[0].get("cx", 0)) < float(circles[1].get("cx", 0))


def test_bar_chart_scales_bars_to_the_largest_value() -> None:
    svg = bar_chart([BarItem("contracts", 16), BarItem("projects", 8)], title="Outcomes")
    rects = ET.fromstring(svg).findall(f"{SVG}rect")
    assert float(rects[0].get("width", 0)) == pytest.approx(2 * float(rects[1].get("width", 0)))
