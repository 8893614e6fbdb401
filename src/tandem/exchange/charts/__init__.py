"""Server-side SVG charts (pure Python): the same markup in pages and in PDFs, no script."""

from tandem.exchange.charts.svg import BarItem, ForestRow, bar_chart, forest_plot

__all__ = ["BarItem", "ForestRow", "bar_chart", "forest_plot"]
