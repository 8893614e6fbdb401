"""Shared SVG charts (pure Python, no Django): offline, escaped, any language, pages and PDFs.

One module per chart kind. The committee's and the exchange's own charts predate this package.
"""
