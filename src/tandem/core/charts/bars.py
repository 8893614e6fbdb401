"""Horizontal bars with their values, one per labelled item (pure Python, no Django).

A standalone ``<svg>``: ``<title>``/``<desc>`` for screen readers, every label escaped, fonts
named so that pages and WeasyPrint PDFs render English, Japanese and Russian offline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from html import escape

from tandem.core.charts.style import FONT, INK

ACCENT = "#1f5796"
EMPTY = "#c65d7b"


def _width(text: str) -> int:
    """Rough width in Latin characters: East Asian characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` Latin characters' width, with an ellipsis."""
    if _width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > limit - 1:
            break
        out += ch
    return out.rstrip() + "…"


def plain_number(value: float) -> str:
    """A whole number as it is, another with one decimal."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def horizontal_bars_svg(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str = "",
    width: int = 520,
    bar: int = 18,
    label_width: int = 230,
    mark_empty: bool = True,
    maximum: float | None = None,
    shown: Callable[[float], str] = plain_number,
    heading: bool = False,
) -> str:
    """One bar per ``(label, value)``; with ``mark_empty`` a zero is written in the gap colour.

    The tandem's one bar-chart writer (the dashboard, the open data pages, the briefing pack,
    the exchange and trade reports). A full bar is ``maximum`` (by default the largest value;
    a value below 0 draws no bar); ``shown`` writes a value (e.g. as a percentage); with
    ``heading`` the title is also written above the bars. Long labels are shortened to fit
    ``label_width``; the bar's tooltip has the whole label.
    """
    limit = max(8, (label_width - 10) // 6)
    top = 34 if heading else 6
    height = top + len(items) * (bar + 6) + 2
    if maximum is None:
        maximum = max((float(value) for _label, value in items), default=0.0)
    room = width - label_width - 56
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{escape(FONT)}" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>" if description else "",
        (
            f'<text x="0" y="16" font-size="14" font-weight="bold" fill="{INK}">'
            f"{escape(title)}</text>"
            if heading
            else ""
        ),
    ]
    for index, (label, value) in enumerate(items):
        y = top + index * (bar + 6)
        length = room * max(float(value), 0.0) / maximum if maximum > 0 else 0.0
        text = shown(value)
        colour = EMPTY if mark_empty and not value else INK
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar / 2 + 4:.1f}" text-anchor="end" '
            f'fill="{INK}">{escape(shorten(label, limit))}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" '
            f'fill="{ACCENT}"><title>{escape(label)}: {escape(text)}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + bar / 2 + 4:.1f}" '
            f'fill="{colour}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(part for part in parts if part)
