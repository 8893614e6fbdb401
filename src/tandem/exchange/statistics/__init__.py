"""Statistics of the effect report (pure: numpy and scipy, no Django).

The estimand is the mean relative change of an indicator from its baseline,
``mean(follow_up / baseline - 1)``, over the enterprises of a cohort, in per cent. Each
enterprise contributes a pair (baseline, follow-up): the intervals are paired.
"""

from tandem.exchange.statistics.paired import (
    Interval,
    difference_bootstrap,
    paired_bootstrap,
    paired_change,
    paired_t_test,
    relative_changes,
)

__all__ = [
    "Interval",
    "difference_bootstrap",
    "paired_bootstrap",
    "paired_change",
    "paired_t_test",
    "relative_changes",
]
