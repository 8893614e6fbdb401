"""Two small SVG charts: a forest plot of estimates with intervals, and a horizontal bar chart.

Labels arrive already translated; every text is escaped. Presentation attributes only (no
``style`` attributes), so the markup passes the pages' Content-Security-Policy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from tandem.core.charts.bars import horizontal_bars_svg
from tandem.core.charts.style import FONT, INK

MUTED = "#8a96a3"
ACCENT = "#1d5fa8"
ROW = 26
LABEL_WIDTH = 230
TOP = 34
BOTTOM = 40


@dataclass(frozen=True)
class ForestRow:
    label: str
    estimate: float | None
    low: float | None
    high: float | None
    n: int
    emphasis: bool = False


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float


def _nice_step(span: float) -> float:
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _number(value: float) -> str:
    return f"{value:+.0f}" if value else "0"


def forest_plot(rows: Sequence[ForestRow], *, title: str, axis_label: str, width: int = 680) -> str:
    """Each row a point (the estimate) and a line (the interval); a dashed line at zero."""
    values = [0.0]
    for row in rows:
        values.extend(v for v in (row.estimate, row.low, row.high) if v is not None)
    lo, hi = min(values), max(values)
    step = _nice_step(max(hi - lo, 1.0))
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    if hi == lo:
        hi = lo + step
    plot_left, plot_right = LABEL_WIDTH + 10, width - 70
    height = TOP + ROW * max(len(rows), 1) + BOTTOM

    def x(value: float) -> float:
        return plot_left + (value - lo) / (hi - lo) * (plot_right - plot_left)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(FONT)}" font-size="12" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    tick = lo
    axis_y = TOP + ROW * max(len(rows), 1)
    while tick <= hi + step / 2:
        tx = x(tick)
        parts.append(
            f'<line x1="{tx:.1f}" y1="{TOP - 6}" x2="{tx:.1f}" y2="{axis_y}" stroke="#e3e8ee"/>'
        )
        parts.append(
            f'<text x="{tx:.1f}" y="{axis_y + 14}" text-anchor="middle">{_number(tick)}</text>'
        )
        tick += step
    zero = x(0.0)
    parts.append(
        f'<line x1="{zero:.1f}" y1="{TOP - 6}" x2="{zero:.1f}" y2="{axis_y}" '
        f'stroke="{MUTED}" stroke-dasharray="4 3"/>'
    )
    for index, row in enumerate(rows):
        y = TOP + ROW * index + ROW / 2
        weight = ' font-weight="bold"' if row.emphasis else ""
        parts.append(
            f'<text x="0" y="{y + 4:.1f}"{weight}>{escape(row.label)} '
            f'<tspan fill="{MUTED}">n={row.n}</tspan></text>'
        )
        if row.low is not None and row.high is not None:
            parts.append(
                f'<line x1="{x(row.low):.1f}" y1="{y:.1f}" x2="{x(row.high):.1f}" y2="{y:.1f}" '
                f'stroke="{ACCENT}" stroke-width="2"/>'
            )
        if row.estimate is not None:
            cx = x(row.estimate)
            if row.emphasis:
                parts.append(
                    f'<rect x="{cx - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" '
                    f'fill="{ACCENT}"/>'
                )
            else:
                parts.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="4" fill="{ACCENT}"/>')
            parts.append(f'<text x="{plot_right + 8}" y="{y + 4:.1f}">{row.estimate:+.1f}%</text>')
    parts.append(
        f'<text x="{(plot_left + plot_right) / 2:.1f}" y="{height - 6}" text-anchor="middle" '
        f'fill="{MUTED}">{escape(axis_label)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(items: Sequence[BarItem], *, title: str, width: int = 680) -> str:
    """Horizontal bars with their values, the largest value the longest bar."""
    return horizontal_bars_svg(
        [(item.label, item.value) for item in items],
        title=title,
        width=width,
        label_width=LABEL_WIDTH,
        mark_empty=False,
        shown=lambda value: f"{value:g}",
        heading=True,
    )
