"""The trade section of the committee's briefing pack: each side's exports to the other over
the last years, with growth, diversification and the non-resource share, and a chart."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tandem.core.dates import reader_language
from tandem.trade.charts.svg import Line, line_chart
from tandem.trade.enums import Direction
from tandem.trade.selectors.figures import TradeFilter, flow_series, mirror, pair, trade_data

YEARS_SHOWN = 6


def trade_figures(*, last_year: int | None = None) -> dict[str, Any] | None:
    """None when no trade figures are loaded (the pack then has no trade section)."""
    data = trade_data(TradeFilter(last_year=last_year))
    partner_side, plan_side = pair()
    keys = [
        (partner_side, plan_side, Direction.EXPORTS.value),
        (plan_side, partner_side, Direction.EXPORTS.value),
    ]
    flows = flow_series(data, keys)
    if not flows:
        return None
    years = sorted({p.year for f in flows for p in f.points})[-YEARS_SHOWN:]
    return {
        "flows": [(f.label, [p for p in f.points if p.year in years], f.hhi_trend) for f in flows],
        "mirror": [row for row in mirror(data, partner_side, plan_side) if row.year in years],
        "exporter": partner_side,
        "importer": plan_side,
        "chart": line_chart(
            [Line(f.label, [(p.year, float(p.total)) for p in f.points]) for f in flows],
            title=_("Exports of each side to the other, US dollars"),
            width=640,
            height=240,
            language=reader_language(),
        ),
        "illustrative": data.illustrative,
    }
