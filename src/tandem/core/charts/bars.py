"""Horizontal bars with their values, one per labelled item (pure Python, no Django).

A standalone ``<svg>``: ``<title>``/``<desc>`` for screen readers, every label escaped, fonts
named so that pages and WeasyPrint PDFs render English, Japanese and Russian offline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import escape

FONT = "'Noto Sans CJK JP', 'Noto Sans', sans-serif"
INK = "#1f2933"
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


def horizontal_bars_svg(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str = "",
    width: int = 520,
    bar: int = 18,
    label_width: int = 230,
    mark_empty: bool = True,
) -> str:
    """One bar per ``(label, value)``; with ``mark_empty`` a zero is written in the gap colour.

    Long labels are shortened to fit ``label_width``; the bar's tooltip has the whole label.
    """
    limit = max(8, (label_width - 10) // 6)
    height = len(items) * (bar + 6) + 8
    maximum = max((float(value) for _label, value in items), default=0.0)
    room = width - label_width - 56
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{escape(FONT)}" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>" if description else "",
    ]
    for index, (label, value) in enumerate(items):
        y = 6 + index * (bar + 6)
        length = room * float(value) / maximum if maximum else 0.0
        shown = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        colour = EMPTY if mark_empty and not value else INK
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar / 2 + 4:.1f}" text-anchor="end" '
            f'fill="{INK}">{escape(shorten(label, limit))}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" '
            f'fill="{ACCENT}"><title>{escape(label)}: {shown}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + bar / 2 + 4:.1f}" '
            f'fill="{colour}">{shown}</text>'
        )
    parts.append("</svg>")
    return "".join(part for part in parts if part)
