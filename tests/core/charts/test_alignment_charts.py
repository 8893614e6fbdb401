import xml.etree.ElementTree as ET

import pytest

from tandem.core.charts.bars import horizontal_bars_svg
from tandem.core.charts.choropleth import area_codes, choropleth_svg, schematic_panels, shade
from tandem.core.charts.timeseries import Series, stacked_area_svg

pytestmark = pytest.mark.unit

SVG = "{http://www.w3.org/2000/svg}"


def test_stacked_area_escapes_labels_and_stacks_the_bands() -> None:
    svg = stacked_area_svg(
        ["2016", "2017", "2018"],
        [Series("<b>Idea</b>", [1, 2, 0]), Series("合意", [0, 3, 4])],
        title="Проекты & статусы",
    )
    root = ET.fromstring(svg)  # well-formed
    assert root.findtext(f"{SVG}title") == "Проекты & статусы"
    assert "<b>" not in svg and "&lt;b&gt;Idea&lt;/b&gt;" in svg
    bands = root.findall(f"{SVG}polygon")
    assert len(bands) == 2
    assert "合意 — 2016: 0, 2017: 3, 2018: 4" in bands[1].findtext(f"{SVG}title", "")


def test_stacked_area_draws_a_single_period_and_no_data() -> None:
    ET.fromstring(stacked_area_svg(["2016"], [Series("a", [3])], title="t"))
    ET.fromstring(stacked_area_svg([], [], title="empty"))


def test_bars_mark_the_empty_items() -> None:
    svg = horizontal_bars_svg([("P1 <x>", 3), ("P2", 0)], title="t")
    ET.fromstring(svg)
    assert "P1 &lt;x&gt;: 3" in svg
    assert 'fill="#c65d7b">0<' in svg


def test_the_schematic_shapes_cover_the_districts_and_the_regions_of_japan() -> None:
    codes = area_codes()
    assert set(codes["RU"]) == {"CFD", "NWFD", "SFD", "NCFD", "VFD", "UFD", "SibFD", "FEFD"}
    assert set(codes["JP"]) == {
        "Hokkaido",
        "Tohoku",
        "Kanto",
        "Chubu",
        "Kinki",
        "Chugoku",
        "Shikoku",
        "Kyushu-Okinawa",
    }
    for panel in schematic_panels():
        lon0, lat0, lon1, lat1 = panel.bbox
        for rings in panel.areas.values():
            for ring in rings:
                assert len(ring) >= 3
                assert all(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in ring)


def test_the_choropleth_shades_by_value_and_says_it_is_schematic() -> None:
    svg = choropleth_svg(
        {"FEFD": 10, "Kanto": 5},
        {"FEFD": "Дальневосточный <ФО>", "Kanto": "関東"},
        title="t",
        headings={"RU": "Россия", "JP": "日本"},
        schematic_note="Schematic shapes, not a map",
    )
    root = ET.fromstring(svg)
    paths = {p.get("data-area"): p for p in root.iter(f"{SVG}path")}
    assert len(paths) == 16
    assert paths["FEFD"].get("fill") == shade(10, 10)
    assert paths["CFD"].get("fill") == shade(0, 10)
    assert paths["Kanto"].get("fill") != paths["CFD"].get("fill")
    assert paths["FEFD"].findtext(f"{SVG}title") == "Дальневосточный <ФО>: 10"
    assert "Schematic shapes, not a map" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_the_three_charts_render_in_a_pdf_in_three_languages() -> None:
    from weasyprint import HTML

    charts = [
        stacked_area_svg(
            ["2016", "2017"], [Series("構想", [1, 2]), Series("Идея", [0, 1])], title="t"
        ),
        horizontal_bars_svg([("P6 極東における産業振興・輸出基地化", 4)], title="t"),
        choropleth_svg(
            {"FEFD": 3}, {}, title="t", headings={"RU": "Россия", "JP": "日本"}, schematic_note="s"
        ),
    ]
    pdf = HTML(string="<html><body>" + "".join(charts) + "</body></html>").write_pdf()
    assert pdf is not None and pdf.startswith(b"%PDF")
