"""The effect report's table: per indicator, horizon and cohort, the change with its interval.

Input is a flat list of :class:`Observation` (one enterprise, one indicator, one follow-up);
output is a list of :class:`CohortResult` in a stable order. Served enterprises form the
cohorts ('all', then by year, region, sector and topic); enterprises not yet served when the
follow-up was measured form the comparison group, and the difference between the two is
given with its own (independent-samples) interval.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tandem.exchange.statistics.paired import (
    Interval,
    Method,
    difference_bootstrap,
    paired_change,
    relative_changes,
)

ALL = "all"
DIMENSIONS = ("all", "year", "region", "sector", "topic")
NOT_YET_SERVED = "not_yet_served"
DIFFERENCE = "served_minus_not_yet_served"
MIN_PAIRS = 3


@dataclass(frozen=True)
class Observation:
    enterprise: int
    indicator: str
    horizon: int
    baseline: float
    follow_up: float
    served: bool
    cohorts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CohortResult:
    indicator: str
    horizon: int
    dimension: str
    cohort: str
    interval: Interval

    def as_dict(self) -> dict[str, object]:
        return {
            "horizon_months": self.horizon,
            "dimension": self.dimension,
            "cohort": self.cohort,
            **self.interval.as_dict(),
        }


def _seed(base: int, *parts: object) -> int:
    return zlib.crc32(":".join(str(p) for p in (base, *parts)).encode("utf-8"))


def _interval(
    pairs: Sequence[Observation], *, method: Method, confidence: float, seed: int
) -> Interval:
    n = len(pairs)
    if n < MIN_PAIRS:
        estimate = None
        if n:
            changes = relative_changes([p.baseline for p in pairs], [p.follow_up for p in pairs])
            estimate = float(changes.mean() * 100)
        return Interval(n, estimate, None, None, "too few pairs", confidence)
    return paired_change(
        [p.baseline for p in pairs],
        [p.follow_up for p in pairs],
        method=method,
        confidence=confidence,
        seed=seed,
    )


def cohort_results(
    observations: Iterable[Observation],
    *,
    method: Method = "auto",
    confidence: float = 0.95,
    seed: int = 2019,
) -> list[CohortResult]:
    """Every (indicator, horizon, cohort) with at least one pair, in a stable order."""
    groups: dict[tuple[str, int], list[Observation]] = defaultdict(list)
    for observation in observations:
        groups[(observation.indicator, observation.horizon)].append(observation)
    results: list[CohortResult] = []
    for (indicator, horizon), rows in sorted(groups.items()):
        served = [row for row in rows if row.served]
        comparison = [row for row in rows if not row.served]
        by_cohort: dict[tuple[str, str], list[Observation]] = defaultdict(list)
        for row in served:
            by_cohort[(ALL, ALL)].append(row)
            for key in dict.fromkeys(row.cohorts):  # an enterprise counts once per cohort
                by_cohort[key].append(row)
        order = sorted(by_cohort, key=lambda key: (DIMENSIONS.index(key[0]), key[1]))
        for dimension, cohort in order:
            interval = _interval(
                by_cohort[(dimension, cohort)],
                method=method,
                confidence=confidence,
                seed=_seed(seed, indicator, horizon, dimension, cohort),
            )
            results.append(CohortResult(indicator, horizon, dimension, cohort, interval))
        if comparison:
            interval = _interval(
                comparison,
                method=method,
                confidence=confidence,
                seed=_seed(seed, indicator, horizon, NOT_YET_SERVED),
            )
            results.append(CohortResult(indicator, horizon, NOT_YET_SERVED, ALL, interval))
            difference = difference_bootstrap(
                _changes(served),
                _changes(comparison),
                confidence=confidence,
                seed=_seed(seed, indicator, horizon, DIFFERENCE),
            )
            results.append(CohortResult(indicator, horizon, DIFFERENCE, ALL, difference))
    return results


def _changes(rows: Sequence[Observation]) -> np.ndarray:
    if not rows:
        return np.empty(0)
    return relative_changes([r.baseline for r in rows], [r.follow_up for r in rows])
