"""A stacked-area chart of counts over periods (e.g. projects by status, year by year).

Pure Python, no Django: a standalone ``<svg>`` with ``<title>``/``<desc>``, every label
escaped, fonts named (Noto Sans, Noto Sans CJK JP) so that the page's CSS and WeasyPrint resolve
them offline in English, Japanese and Russian. Each band carries a ``<title>`` with its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from tandem.core.charts.style import FONT, INK

MUTED = "#52606d"
GRID = "#d9e2ec"
PALETTE = (
    "#9fb3c8",
    "#f0b429",
    "#3ebd93",
    "#2680c2",
    "#1f5796",
    "#c65d7b",
    "#7b8794",
    "#8e6bbf",
)


@dataclass(frozen=True)
class Series:
    """One band: a label and one value per period."""

    label: str
    values: Sequence[float]
    colour: str = ""


def _nice_maximum(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def stacked_area_svg(
    periods: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str = "",
    width: int = 640,
    height: int = 280,
    legend_width: int = 170,
    label_every: int = 0,
) -> str:
    """Bands stacked bottom-up in ``series`` order; ``periods`` label the x axis.

    ``label_every`` writes every n-th period label (0: as many as fit).
    """
    left, top, bottom = 40, 12, 26
    plot_w = max(width - left - legend_width - 10, 40)
    plot_h = max(height - top - bottom, 40)
    n = len(periods)
    totals = [sum(float(s.values[i]) for s in series) for i in range(n)]
    maximum = _nice_maximum(max(totals, default=0))
    step_x = plot_w / max(n - 1, 1)

    def x(i: int) -> float:
        return left + (i * step_x if n > 1 else plot_w / 2)

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / maximum

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeseries" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{escape(FONT)}" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>" if description else "",
    ]
    for k in range(5):
        value = maximum * k / 4
        yy = y(value)
        parts.append(
            f'<line x1="{left}" y1="{yy:.1f}" x2="{left + plot_w}" y2="{yy:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 4}" y="{yy + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{_number(value)}</text>"
        )
    every = label_every or max(1, -(-n * 48 // max(plot_w, 1)))
    for i, period in enumerate(periods):
        if i % every == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'fill="{MUTED}">{escape(period)}</text>'
            )
    base = [0.0] * n
    for index, band in enumerate(series):
        colour = band.colour or PALETTE[index % len(PALETTE)]
        upper = [base[i] + float(band.values[i]) for i in range(n)]
        if n == 1:
            points = [
                (x(0) - 8, y(upper[0])),
                (x(0) + 8, y(upper[0])),
                (x(0) + 8, y(base[0])),
                (x(0) - 8, y(base[0])),
            ]
        else:
            points = [(x(i), y(upper[i])) for i in range(n)]
            points += [(x(i), y(base[i])) for i in reversed(range(n))]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        numbers = ", ".join(
            f"{escape(periods[i])}: {_number(float(band.values[i]))}" for i in range(n)
        )
        parts.append(
            f'<polygon points="{path}" fill="{escape(colour)}" stroke="#ffffff" '
            f'stroke-width="0.5"><title>{escape(band.label)} — {numbers}</title></polygon>'
        )
        base = upper
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    )
    legend_x = left + plot_w + 14
    for index, band in enumerate(reversed(series)):
        colour = band.colour or PALETTE[(len(series) - 1 - index) % len(PALETTE)]
        yy = top + 4 + index * 18
        parts.append(
            f'<rect x="{legend_x}" y="{yy}" width="12" height="12" fill="{escape(colour)}"/>'
            f'<text x="{legend_x + 18}" y="{yy + 10}" fill="{INK}">{escape(band.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(part for part in parts if part)
