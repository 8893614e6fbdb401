"""The trade monitor's indicators, as pure functions over values by HS chapter (no Django).

Values are ``Decimal`` amounts (US dollars in tandem); shares and the Herfindahl–Hirschman
index are floats between 0 and 1 (not the 0–10,000 "points" some authorities quote: multiply
by 10,000 to compare). The resource chapters are defined once, in ``resources``.
"""

from tandem.trade.indicators.diversification import (
    SeriesPoint,
    chapters_for_share,
    growth,
    herfindahl,
    series,
    shares,
    trend_slope,
)
from tandem.trade.indicators.resources import RESOURCE_CHAPTERS, non_resource_share

__all__ = [
    "RESOURCE_CHAPTERS",
    "SeriesPoint",
    "chapters_for_share",
    "growth",
    "herfindahl",
    "non_resource_share",
    "series",
    "shares",
    "trend_slope",
]
