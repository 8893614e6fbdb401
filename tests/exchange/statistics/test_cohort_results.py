import pytest

from tandem.exchange.statistics.cohorts import (
    DIFFERENCE,
    NOT_YET_SERVED,
    Observation,
    cohort_results,
)
from tandem.exchange.statistics.simulate import simulated_cohort

pytestmark = pytest.mark.unit


def _observations() -> list[Observation]:
    served_before, served_after = simulated_cohort(1, 30)
    waiting_before, waiting_after = simulated_cohort(2, 10, true_change=0.0)
    rows = [
        Observation(
            i,
            "labour_productivity",
            12,
            float(b),
            float(a),
            True,
            (
                ("year", "2018" if i % 2 else "2019"),
                ("topic", "lean_production"),
                ("topic", "lean_production"),
            ),
        )
        for i, (b, a) in enumerate(zip(served_before, served_after, strict=True))
    ]
    rows += [
        Observation(100 + i, "labour_productivity", 12, float(b), float(a), False)
        for i, (b, a) in enumerate(zip(waiting_before, waiting_after, strict=True))
    ]
    return rows


def test_cohorts_split_the_served_and_compare_with_the_not_yet_served() -> None:
    results = {(r.dimension, r.cohort): r.interval for r in cohort_results(_observations())}
    assert results[("all", "all")].n == 30
    assert results[("year", "2018")].n + results[("year", "2019")].n == 30
    assert results[("topic", "lean_production")].n == 30  # counted once despite two entries
    assert results[(NOT_YET_SERVED, "all")].n == 10
    assert results[(DIFFERENCE, "all")].n == 40
    assert results[("all", "all")].excludes_zero
    difference_low = results[(DIFFERENCE, "all")].low
    assert difference_low is not None and difference_low > 0


def test_cohort_results_are_deterministic_and_ordered() -> None:
    first = cohort_results(_observations(), seed=3)
    assert first == cohort_results(_observations(), seed=3)
    order = ["all", "year", "region", "sector", "topic", NOT_YET_SERVED, DIFFERENCE]
    dimensions = [order.index(r.dimension) for r in first]
    assert dimensions == sorted(dimensions)
    assert first[0].dimension == "all"


def test_a_cohort_of_two_pairs_has_an_estimate_but_no_interval() -> None:
    rows = [
        Observation(1, "lead_time", 6, 10.0, 9.0, True, (("region", "RU-SVE"),)),
        Observation(2, "lead_time", 6, 20.0, 17.0, True, (("region", "RU-SVE"),)),
    ]
    (overall, region) = cohort_results(rows)
    assert region.interval.n == 2
    assert region.interval.estimate == pytest.approx(-12.5)
    assert region.interval.low is None
    assert region.interval.method == "too few pairs"
    assert overall.dimension == "all"
