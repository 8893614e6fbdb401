"""API operations of the trade monitor, mounted under /api/v1/.

Read-only: the aggregates (by year, reporter, partner, direction and HS chapter, summed over
imports) and the indicators per flow and year. Every programme role may read them (see
tandem/trade/rules.py); imports go through the pages or `tandem trade import`.
"""

from decimal import Decimal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from tandem.api.schemas import responses
from tandem.api.security import require
from tandem.trade.enums import Direction
from tandem.trade.selectors.figures import TradeFilter, report_rows, total_rows, trade_data

router = Router(tags=["trade"])


class TradeFilterIn(Schema):
    first_year: int | None = None
    last_year: int | None = None
    reporter: str = ""
    direction: str = ""


class AggregateOut(Schema):
    year: int
    reporter: str
    partner: str
    direction: str
    chapter: str
    value_usd: Decimal


class AggregatesOut(Schema):
    illustrative: bool
    rows: list[AggregateOut]


class IndicatorRowOut(Schema):
    reporter: str
    partner: str
    direction: str
    year: int
    total_usd: Decimal
    growth: float | None
    hhi: float | None
    chapters_for_90: int
    non_resource_share: float | None
    months_covered: int


class IndicatorsOut(Schema):
    illustrative: bool
    hhi_scale: str
    rows: list[IndicatorRowOut]


def _filter(filters: TradeFilterIn) -> TradeFilter:
    direction = {"exports": "X", "imports": "M"}.get(filters.direction, filters.direction)
    if direction not in ("", *Direction.values):
        direction = "none"
    return TradeFilter(
        first_year=filters.first_year,
        last_year=filters.last_year,
        reporter=filters.reporter.upper()[:3],
        direction=direction,
    )


@router.get(
    "/trade/aggregates",
    response=responses(AggregatesOut),
    summary="Trade values in US dollars by year, reporter, partner, direction and HS chapter",
)
@require("trade.view_trade")
def trade_aggregates(request: HttpRequest, filters: Query[TradeFilterIn]) -> AggregatesOut:
    rows, illustrative = [], False
    for year, reporter, partner, direction, chapter, value, demo in total_rows(_filter(filters)):
        rows.append(
            AggregateOut(
                year=year,
                reporter=reporter,
                partner=partner,
                direction="exports" if direction == Direction.EXPORTS else "imports",
                chapter=chapter,
                value_usd=value,
            )
        )
        illustrative = illustrative or demo
    return AggregatesOut(illustrative=illustrative, rows=rows)


@router.get(
    "/trade/indicators",
    response=responses(IndicatorsOut),
    summary="Per flow and year: total, growth, HHI (0–1), chapters for 90%, non-resource share",
)
@require("trade.view_trade")
def trade_indicators(request: HttpRequest, filters: Query[TradeFilterIn]) -> IndicatorsOut:
    data = trade_data(_filter(filters))
    return IndicatorsOut(
        illustrative=data.illustrative,
        hhi_scale="0-1",
        rows=[IndicatorRowOut(**row) for row in report_rows(data)],
    )
