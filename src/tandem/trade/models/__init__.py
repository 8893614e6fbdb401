from tandem.trade.models.codes import ChapterPlanArea, HsCode
from tandem.trade.models.flows import ImportBatch, TradeAggregate, TradeFlow
from tandem.trade.models.investment import FdiFigure

__all__ = [
    "ChapterPlanArea",
    "FdiFigure",
    "HsCode",
    "ImportBatch",
    "TradeAggregate",
    "TradeFlow",
]
