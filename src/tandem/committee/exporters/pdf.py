"""HTML to PDF with WeasyPrint; fonts come from the system (Noto Sans, Noto Sans CJK JP)."""

from __future__ import annotations

from weasyprint import HTML

PDF_FONTS = "'Noto Sans CJK JP', 'Noto Sans', sans-serif"


def html_to_pdf(html: str) -> bytes:
    """The PDF of a self-contained HTML document (its fonts embedded as subsets)."""
    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf
