"""Totals, growth, composition and product diversification of one flow over the years.

- ``shares``: each chapter's value over the total (0–1).
- ``herfindahl``: the Herfindahl–Hirschman index, the sum of the squared shares, between
  1/n (value spread evenly over n chapters) and 1 (one chapter only). Scale 0–1 throughout.
- ``chapters_for_share``: the smallest number of chapters, largest first, whose cumulative
  share reaches the threshold (0.9 by default): "how many chapters make up 90% of value".
- ``growth``: the change on the year before, as a fraction (0.1 is +10%); None without a
  positive value the year before.
- ``trend_slope``: the least-squares slope of a yearly series (units per year).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from tandem.trade.indicators.resources import non_resource_share


def shares(values: Mapping[str, Decimal]) -> dict[str, float]:
    total = sum(values.values(), Decimal(0))
    if total <= 0:
        return {}
    return {key: float(value / total) for key, value in values.items() if value}


def herfindahl(values: Mapping[str, Decimal]) -> float | None:
    """Sum of squared shares (0–1); None when the total is zero."""
    total = sum(values.values(), Decimal(0))
    if total <= 0:
        return None
    return float(sum(((value / total) ** 2 for value in values.values()), Decimal(0)))


def chapters_for_share(values: Mapping[str, Decimal], threshold: Decimal = Decimal("0.9")) -> int:
    """How many of the largest chapters it takes for their cumulative share to reach
    ``threshold``, compared exactly (in decimals, not floats); 0 when there is no value."""
    total = sum(values.values(), Decimal(0))
    if total <= 0:
        return 0
    needed = total * threshold
    running = Decimal(0)
    for count, value in enumerate(sorted(values.values(), reverse=True), start=1):
        running += value
        if running >= needed:
            return count
    return len(values)


def growth(previous: Decimal | None, current: Decimal) -> float | None:
    if previous is None or previous <= 0:
        return None
    return float(current / previous - 1)


def trend_slope(points: Sequence[tuple[int, float]]) -> float | None:
    """Least-squares slope of (year, value) points; None with fewer than two years."""
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


@dataclass(frozen=True)
class SeriesPoint:
    year: int
    total: Decimal
    growth: float | None
    hhi: float | None
    chapters_for_90: int
    non_resource_share: float | None


def series(by_year: Mapping[int, Mapping[str, Decimal]]) -> list[SeriesPoint]:
    """The indicators of each year of one flow (values by chapter for each year)."""
    points = []
    previous: Decimal | None = None
    last_year: int | None = None
    for year in sorted(by_year):
        values = by_year[year]
        total = sum(values.values(), Decimal(0))
        points.append(
            SeriesPoint(
                year=year,
                total=total,
                growth=growth(previous, total) if last_year == year - 1 else None,
                hhi=herfindahl(values),
                chapters_for_90=chapters_for_share(values),
                non_resource_share=non_resource_share(values),
            )
        )
        previous, last_year = total, year
    return points
