"""Two SVG charts of the trade monitor: lines over the years, and horizontal share bars.

Labels arrive already translated; every text is escaped. Presentation attributes only (no
``style`` attributes or scripts), so the markup passes the pages' Content-Security-Policy and
renders offline, in pages and in PDFs, in any of the three languages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from tandem.core.charts.bars import horizontal_bars_svg
from tandem.core.charts.style import FONT, INK
from tandem.core.charts.units import compact_number

MUTED = "#8a96a3"
GRID = "#e3e8ee"
COLOURS = ("#1d5fa8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490")
LABEL_WIDTH = 260
ROW = 24


@dataclass(frozen=True)
class Line:
    label: str
    points: Sequence[tuple[int, float | None]]
    dashed: bool = False


def _nice(top: float) -> tuple[float, float]:
    """A rounded top of the scale and its step (five steps)."""
    if top <= 0:
        return 1.0, 0.2
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            step = factor * magnitude
            return step * math.ceil(top / step), step
    return top, raw


def _open(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(FONT)}" font-size="12" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]


def _tick(value: float, percent: bool, language: str) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return compact_number(value, language)


def line_chart(
    lines: Sequence[Line],
    *,
    title: str,
    axis_label: str = "",
    percent: bool = False,
    width: int = 680,
    height: int = 280,
    language: str = "en",
) -> str:
    """Lines over the years; a gap where a year has no value; a legend below. Axis numbers in
    the units of ``language`` (the reader's: bn, млрд, 億)."""
    years = sorted({year for line in lines for year, _ in line.points})
    values = [v for line in lines for _, v in line.points if v is not None]
    legend_rows = len(lines)
    total_height = height + 18 * legend_rows
    parts = _open(width, total_height, title)
    if not years or not values:
        parts.append("</svg>")
        return "".join(parts)
    top, step = _nice(max(values))
    left, right, upper, lower = 60, width - 20, 34, height - 30

    def x(year: int) -> float:
        if len(years) == 1:
            return (left + right) / 2
        return left + (year - years[0]) / (years[-1] - years[0]) * (right - left)

    def y(value: float) -> float:
        return lower - value / top * (lower - upper)

    tick = 0.0
    while tick <= top + step / 2:
        level = f"{y(tick):.1f}"
        parts.append(f'<line x1="{left}" y1="{level}" x2="{right}" y2="{level}" stroke="{GRID}"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{escape(_tick(tick, percent, language))}</text>"
        )
        tick += step
    for year in years:
        parts.append(f'<text x="{x(year):.1f}" y="{lower + 16}" text-anchor="middle">{year}</text>')
    for index, line in enumerate(lines):
        colour = COLOURS[index % len(COLOURS)]
        dash = ' stroke-dasharray="5 4"' if line.dashed else ""
        segment: list[str] = []
        for year, value in sorted(line.points):
            if value is None:
                if len(segment) > 1:
                    parts.append(_polyline(segment, colour, dash))
                segment = []
                continue
            segment.append(f"{x(year):.1f},{y(value):.1f}")
            parts.append(f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3" fill="{colour}"/>')
        if len(segment) > 1:
            parts.append(_polyline(segment, colour, dash))
        legend_y = height + 18 * index + 4
        parts.append(
            f'<line x1="0" y1="{legend_y:.1f}" x2="24" y2="{legend_y:.1f}" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
        )
        parts.append(f'<text x="30" y="{legend_y + 4:.1f}">{escape(line.label)}</text>')
    if axis_label:
        parts.append(f'<text x="{left}" y="{upper - 8}" fill="{MUTED}">{escape(axis_label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _polyline(points: list[str], colour: str, dash: str) -> str:
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
        f'stroke-width="2"{dash}/>'
    )


@dataclass(frozen=True)
class ShareBar:
    label: str
    share: float


def share_bars(items: Sequence[ShareBar], *, title: str, width: int = 680) -> str:
    """Horizontal bars of shares (0–1), labelled with the percentage."""
    return horizontal_bars_svg(
        [(item.label, item.share) for item in items],
        title=title,
        width=width,
        label_width=LABEL_WIDTH,
        mark_empty=False,
        maximum=1.0,
        shown=lambda share: f"{share:.1%}",
        heading=True,
    )
