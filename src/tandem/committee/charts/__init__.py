"""Charts as SVG text, made by pure Python (no Django, no JavaScript): pages and PDFs alike."""
