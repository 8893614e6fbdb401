from tandem.trade.models.codes import ChapterPlanArea, HsCode
from tandem.trade.models.flows import ImportBatch, TradeAggregate, TradeFlow
from tandem.trade.models.investment import FdiFigure
from tandem.trade.models.summary import TradeIndicator, TradeTotal

__all__ = [
    "ChapterPlanArea",
    "FdiFigure",
    "HsCode",
    "ImportBatch",
    "TradeAggregate",
    "TradeFlow",
    "TradeIndicator",
    "TradeTotal",
]
