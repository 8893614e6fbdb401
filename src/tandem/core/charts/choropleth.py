"""A schematic choropleth of Russia (by federal district) and Japan (by traditional region).

Pure Python, no Django, no tiles: the shapes are rough polygons shipped as data
(``data/schematic_regions.json``), projected here (equirectangular, longitude shrunk by the
cosine of the panel's mid latitude). The chart says it is schematic. Every label is escaped and
every area carries a ``<title>`` with its name and value; fonts are named, not embedded.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from tandem.core.charts.style import FONT, INK

MUTED = "#52606d"
EMPTY = "#eef2f6"
ACCENT = (31, 87, 150)
SHADES = 5


@dataclass(frozen=True)
class Panel:
    id: str
    bbox: tuple[float, float, float, float]
    areas: dict[str, list[list[tuple[float, float]]]]


@lru_cache(maxsize=1)
def schematic_panels() -> tuple[Panel, ...]:
    """The bundled shapes: panel ``RU`` (federal districts) and ``JP`` (regions of Japan)."""
    raw: dict[str, Any] = json.loads(
        resources.files("tandem.core.charts.data")
        .joinpath("schematic_regions.json")
        .read_text(encoding="utf-8")
    )
    return tuple(
        Panel(
            id=p["id"],
            bbox=tuple(p["bbox"]),
            areas={
                a["code"]: [[(float(x), float(y)) for x, y in ring] for ring in a["polygons"]]
                for a in p["areas"]
            },
        )
        for p in raw["panels"]
    )


def area_codes() -> dict[str, tuple[str, ...]]:
    """The area codes of each panel, in drawing order."""
    return {panel.id: tuple(panel.areas) for panel in schematic_panels()}


def shade(value: float, maximum: float) -> str:
    if maximum <= 0 or value <= 0:
        return EMPTY
    step = max(1, min(SHADES, math.ceil(value * SHADES / maximum)))
    weight = 0.15 + 0.85 * step / SHADES
    r, g, b = (round(255 - (255 - c) * weight) for c in ACCENT)
    return f"rgb({r},{g},{b})"


def _ring_area(ring: list[tuple[float, float]]) -> float:
    return abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
    )


def _panel_svg(
    panel: Panel,
    box: tuple[float, float, float, float],
    values: Mapping[str, float],
    names: Mapping[str, str],
    maximum: float,
    heading: str,
) -> tuple[list[str], float]:
    """The panel drawn into ``box`` (x, y, width, height); returns the parts and its height."""
    lon0, lat0, lon1, lat1 = panel.bbox
    squeeze = math.cos(math.radians((lat0 + lat1) / 2))
    bx, by, bw, bh = box
    scale = min(bw / ((lon1 - lon0) * squeeze), (bh - 16) / (lat1 - lat0))
    top = by + 16

    def point(lon: float, lat: float) -> tuple[float, float]:
        return bx + (lon - lon0) * squeeze * scale, top + (lat1 - lat) * scale

    parts = [
        f'<text x="{bx:.1f}" y="{by + 11:.1f}" font-weight="bold" fill="{INK}">'
        f"{escape(heading)}</text>"
    ]
    labels: list[str] = []
    for code, rings in panel.areas.items():
        value = float(values.get(code, 0))
        name = names.get(code, code)
        shown = f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
        paths = " ".join(
            "M" + " L".join(f"{px:.1f},{py:.1f}" for px, py in (point(*p) for p in ring)) + " Z"
            for ring in rings
        )
        parts.append(
            f'<path d="{paths}" fill="{shade(value, maximum)}" stroke="#ffffff" '
            f'stroke-width="1" data-area="{escape(code)}">'
            f"<title>{escape(name)}: {shown}</title></path>"
        )
        main = max(rings, key=_ring_area)
        cx = sum(p[0] for p in main) / len(main)
        cy = sum(p[1] for p in main) / len(main)
        lx, ly = point(cx, cy)
        colour = "#ffffff" if maximum and value > maximum / 2 else INK
        labels.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="middle" fill="{colour}" '
            f'font-size="10" aria-hidden="true">{shown}</text>'
        )
    height = (lat1 - lat0) * scale + 16
    return parts + labels, height


def choropleth_svg(
    values: Mapping[str, float],
    names: Mapping[str, str],
    *,
    title: str,
    headings: Mapping[str, str],
    schematic_note: str,
    description: str = "",
    width: int = 640,
) -> str:
    """Both panels, shaded by ``values[area code]`` (one scale for the two countries).

    ``names`` gives each area's name in the page's language; ``headings`` each panel's
    heading (``RU``, ``JP``); ``schematic_note`` is written under the chart.
    """
    panels = {panel.id: panel for panel in schematic_panels()}
    maximum = max((float(v) for v in values.values()), default=0.0)
    ru_parts, ru_height = _panel_svg(
        panels["RU"], (8, 4, width - 16, 330), values, names, maximum, headings.get("RU", "RU")
    )
    jp_top = 4 + ru_height + 10
    jp_parts, jp_height = _panel_svg(
        panels["JP"], (8, jp_top, 240, 250), values, names, maximum, headings.get("JP", "JP")
    )
    height = jp_top + jp_height + 8
    legend_x, legend_y = 290, jp_top + 24
    legend: list[str] = []
    for step in range(SHADES + 1):
        low = 0 if step == 0 else math.floor(maximum * (step - 1) / SHADES) + 1
        high = 0 if step == 0 else math.floor(maximum * step / SHADES)
        if step and high < low:
            continue
        colour = shade(high, maximum) if step else EMPTY
        label = "0" if step == 0 else (f"{low}" if low == high else f"{low}–{high}")
        y = legend_y + len(legend) * 18
        legend.append(
            f'<rect x="{legend_x}" y="{y}" width="14" height="12" fill="{colour}" '
            f'stroke="{MUTED}" stroke-width="0.5"/>'
            f'<text x="{legend_x + 20}" y="{y + 10}" fill="{INK}">{label}</text>'
        )
    note_y = legend_y + len(legend) * 18 + 14
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart choropleth" role="img" '
        f'width="{width}" height="{height:.0f}" viewBox="0 0 {width} {height:.0f}" '
        f'font-family="{escape(FONT)}" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>" if description else "",
        *ru_parts,
        *jp_parts,
        *legend,
        f'<text x="{legend_x}" y="{note_y:.1f}" fill="{MUTED}" font-style="italic">'
        f"{escape(schematic_note)}</text>",
        "</svg>",
    ]
    return "".join(part for part in parts if part)
