"""Small SVG charts: a heat-map matrix and horizontal bars.

The output is a standalone ``<svg>`` element with a ``<title>`` and ``<desc>`` for screen
readers; every label is escaped. Fonts are named, not embedded: the page's CSS and WeasyPrint
resolve them from the system (Noto Sans, Noto Sans CJK JP), so the same chart works in
Japanese and Russian pages and PDFs, offline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from tandem.core.charts.bars import horizontal_bars_svg
from tandem.core.charts.style import FONT, INK

MUTED = "#52606d"
ACCENT = (31, 87, 150)


def _shade(value: int, maximum: int) -> str:
    if maximum <= 0 or value <= 0:
        return "#f5f7fa"
    weight = 0.15 + 0.85 * value / maximum
    r, g, b = (round(255 - (255 - c) * weight) for c in ACCENT)
    return f"rgb({r},{g},{b})"


def matrix_svg(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Mapping[tuple[str, str], int],
    *,
    title: str,
    description: str = "",
    cell: int = 30,
) -> str:
    """A heat-map of ``values[(row, column)]`` with the numbers written in the cells."""
    left, top = 46, 26
    width = left + cell * len(columns) + 4
    height = top + cell * len(rows) + 4
    maximum = max(values.values(), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart matrix" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{escape(FONT)}" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>" if description else "",
    ]
    for j, column in enumerate(columns):
        x = left + j * cell + cell / 2
        parts.append(
            f'<text x="{x:.1f}" y="{top - 8}" text-anchor="middle" fill="{MUTED}">'
            f"{escape(column)}</text>"
        )
    for i, row in enumerate(rows):
        y = top + i * cell
        parts.append(
            f'<text x="{left - 6}" y="{y + cell / 2 + 4:.1f}" text-anchor="end" '
            f'fill="{MUTED}">{escape(row)}</text>'
        )
        for j, column in enumerate(columns):
            value = values.get((row, column), 0)
            x = left + j * cell
            colour = _shade(value, maximum)
            text_colour = "#ffffff" if maximum and value > maximum / 2 else INK
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{colour}">'
                f"<title>{escape(row)} × {escape(column)}: {value}</title></rect>"
            )
            if value:
                parts.append(
                    f'<text x="{x + (cell - 2) / 2:.1f}" y="{y + cell / 2 + 3:.1f}" '
                    f'text-anchor="middle" fill="{text_colour}">{value}</text>'
                )
    parts.append("</svg>")
    return "".join(part for part in parts if part)


def bars_svg(
    items: Sequence[tuple[str, int]],
    *,
    title: str,
    width: int = 420,
    bar: int = 18,
    label_width: int = 170,
) -> str:
    """Horizontal bars, one per ``(label, value)``, with the value at the end of each bar."""
    return horizontal_bars_svg(
        items, title=title, width=width, bar=bar, label_width=label_width, mark_empty=False
    )
