"""The statistics on generated cohorts with a known true effect.

Each cohort has 40 enterprises whose relative changes have mean exactly +15% (or 0 for the
null); half the seeds draw skewed (centred gamma) changes. Over 1,000 seeds a 95% interval
should cover the truth about 95% of the time and a null cohort should show an effect about
5% of the time. The tolerance, two points, is three binomial standard errors (0.7 points
each at 1,000 seeds) — the seeds are fixed, so the test is deterministic.
"""

import ast
from pathlib import Path

import numpy as np
import pytest

from tandem.exchange.statistics import (
    difference_bootstrap,
    paired_bootstrap,
    paired_change,
    paired_t_test,
    relative_changes,
)
from tandem.exchange.statistics.paired import Method
from tandem.exchange.statistics.simulate import simulated_cohort

pytestmark = pytest.mark.unit

SEEDS = 1000
PAIRS = 40
TRUE_CHANGE = 15.0
TOLERANCE = 0.02


def _coverage(method: Method, *, confidence: float = 0.95) -> float:
    hits = 0
    for seed in range(SEEDS):
        baseline, follow_up = simulated_cohort(seed, PAIRS, skewed=seed % 2 == 0)
        interval = paired_change(
            baseline,
            follow_up,
            method=method,
            confidence=confidence,
            seed=seed,
        )
        assert interval.low is not None and interval.high is not None
        hits += interval.low <= TRUE_CHANGE <= interval.high
    return hits / SEEDS


def _false_positive_rate(method: Method) -> float:
    alarms = 0
    for seed in range(SEEDS):
        baseline, follow_up = simulated_cohort(50_000 + seed, PAIRS, true_change=0.0)
        interval = paired_change(baseline, follow_up, method=method, seed=seed)
        alarms += interval.excludes_zero
    return alarms / SEEDS


@pytest.mark.parametrize("method", ["t-test", "bootstrap-bca", "auto"])
def test_interval_covers_a_true_15_percent_change_at_the_stated_level(method: Method) -> None:
    assert abs(_coverage(method) - 0.95) <= TOLERANCE


def test_a_90_percent_interval_covers_at_90_percent() -> None:
    assert abs(_coverage("t-test", confidence=0.90) - 0.90) <= TOLERANCE + 0.01


@pytest.mark.parametrize("method", ["t-test", "bootstrap-bca", "auto"])
def test_null_cohort_shows_no_effect_more_often_than_the_level(method: Method) -> None:
    assert _false_positive_rate(method) <= 0.05 + TOLERANCE


def test_an_effect_of_15_percent_is_detected_in_a_cohort_of_40() -> None:
    detected = 0
    for seed in range(200):
        baseline, follow_up = simulated_cohort(seed, PAIRS)
        detected += paired_change(baseline, follow_up, seed=seed).excludes_zero
    assert detected / 200 > 0.99


def test_bootstrap_is_deterministic_by_seed() -> None:
    baseline, follow_up = simulated_cohort(7, PAIRS)
    first = paired_bootstrap(baseline, follow_up, seed=11)
    assert first == paired_bootstrap(baseline, follow_up, seed=11)
    assert first != paired_bootstrap(baseline, follow_up, seed=12)
    assert first.method == "bootstrap-bca"


def test_t_test_matches_scipy_on_the_relative_changes() -> None:
    from scipy import stats

    baseline, follow_up = simulated_cohort(3, 12)
    interval = paired_t_test(baseline, follow_up)
    changes = relative_changes(baseline, follow_up)
    expected = stats.ttest_1samp(changes, 0.0).confidence_interval(0.95)
    assert interval.low == pytest.approx(expected.low * 100)
    assert interval.high == pytest.approx(expected.high * 100)
    assert interval.estimate == pytest.approx(changes.mean() * 100)


def test_auto_method_uses_the_t_test_for_few_pairs() -> None:
    baseline, follow_up = simulated_cohort(5, 8, skewed=True)
    assert paired_change(baseline, follow_up).method == "t-test"


def test_interval_with_one_pair_has_no_bounds() -> None:
    interval = paired_change([100.0], [115.0])
    assert interval.n == 1
    assert interval.estimate == pytest.approx(15.0)
    assert interval.low is None and interval.high is None


def test_relative_change_refuses_a_zero_baseline() -> None:
    with pytest.raises(ValueError, match="positive baseline"):
        relative_changes([0.0, 1.0], [1.0, 1.0])


def test_difference_of_two_null_groups_rarely_excludes_zero() -> None:
    alarms = 0
    for seed in range(300):
        rng = np.random.default_rng(seed)
        served = rng.normal(0.05, 0.1, 30)
        comparison = rng.normal(0.05, 0.1, 12)
        alarms += difference_bootstrap(served, comparison, seed=seed).excludes_zero
    assert alarms / 300 <= 0.05 + 0.04  # percentile intervals of small groups run a bit narrow


def test_pure_modules_import_no_django() -> None:
    app = Path(__file__).resolve().parents[3] / "src" / "tandem" / "exchange"
    modules = [*app.glob("statistics/*.py"), *app.glob("charts/*.py"), app / "demo.py"]
    imported: set[str] = set()
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
    assert not any(name.split(".")[0] == "django" for name in imported)
    assert {"tandem.exchange.statistics.paired", "tandem.exchange.charts.svg"} <= imported
