"""The trade file formats, read row by row into flows (pure Python, no Django).

Three formats: ``comtrade`` (UN Comtrade CSV), ``japan`` (Japan's Customs trade statistics,
long form) and ``russia`` (Russia's FTS customs statistics). docs/trade.md describes each.
``reader.FlowReader`` decodes the file (UTF-8, UTF-8 with BOM, CP932, CP1251), streams its
rows and yields a ``Flow`` or a one-line error naming the row for each.
"""

from tandem.trade.formats.base import FORMATS, FileRejectedError, Flow, Problem
from tandem.trade.formats.reader import FlowReader

__all__ = ["FORMATS", "FileRejectedError", "Flow", "FlowReader", "Problem"]
