"""Agendas and table plans as PDFs, from the same templates as the pages (WeasyPrint; fonts
'Noto Sans CJK JP' and 'Noto Sans' from the system)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

PDF_FONTS = "'Noto Sans CJK JP', 'Noto Sans', sans-serif"


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # imported here: loading WeasyPrint takes a while

    html = render_to_string(template, {**context, "pdf_fonts": PDF_FONTS})
    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf


def agenda_pdf(context: dict[str, Any]) -> bytes:
    return _pdf("web/fairs/agenda_pdf.html", context)


def table_plan_pdf(context: dict[str, Any]) -> bytes:
    """One page per slot: who sits at which table, and the meetings at booths."""
    return _pdf("web/fairs/table_plan_pdf.html", context)
