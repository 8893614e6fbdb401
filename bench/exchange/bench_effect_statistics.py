"""Time the effect report's statistics (pure Python, no database) and measure their coverage.

    .venv/bin/python bench/exchange/bench_effect_statistics.py [--enterprises 400] [--seeds 2000]

Prints the time to compute every cohort of a programme of ``--enterprises`` enterprises
(5 indicators, 2 horizons, cohorts by year, region, sector and topic, a comparison group),
and the coverage of a true +15% change and the false-alarm rate of a null cohort over
``--seeds`` generated cohorts of 40 enterprises, per method.
"""

from __future__ import annotations

import argparse
import random
import time

from tandem.exchange.statistics.cohorts import Observation, cohort_results
from tandem.exchange.statistics.paired import paired_change
from tandem.exchange.statistics.simulate import simulated_cohort

KINDS = ("labour_productivity", "lead_time", "defect_rate", "inventory_turnover", "on_time")


def programme(enterprises: int, seed: int = 1) -> list[Observation]:
    rng = random.Random(seed)
    rows = []
    for enterprise in range(enterprises):
        served = rng.random() < 0.75
        cohorts = (
            (
                ("year", str(rng.randrange(2017, 2022))),
                ("region", f"RU-{rng.randrange(40):02d}"),
                ("sector", rng.choice(("machinery", "food", "metals", "wood"))),
                ("topic", rng.choice(("lean_production", "quality_control", "logistics"))),
            )
            if served
            else ()
        )
        for kind in KINDS:
            baseline = rng.uniform(100, 2000)
            for horizon in (6, 12):
                change = (0.15 if served else 0.02) * horizon / 12 + rng.gauss(0, 0.1)
                rows.append(
                    Observation(
                        enterprise,
                        kind,
                        horizon,
                        baseline,
                        baseline * (1 + change),
                        served,
                        cohorts,
                    )
                )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=400)
    parser.add_argument("--seeds", type=int, default=2000)
    args = parser.parse_args()
    rows = programme(args.enterprises)
    start = time.perf_counter()
    results = cohort_results(rows)
    elapsed = time.perf_counter() - start
    print(f"{args.enterprises} enterprises: {len(results)} cohort intervals in {elapsed:.2f} s")
    print("| method | coverage of +15% (95%) | null cohorts showing an effect | seconds |")
    print("|---|---:|---:|---:|")
    for method in ("t-test", "bootstrap-bca", "bootstrap-percentile", "auto"):
        start = time.perf_counter()
        covered = alarms = 0
        for seed in range(args.seeds):
            before, after = simulated_cohort(seed, 40, skewed=seed % 2 == 0)
            interval = paired_change(before, after, method=method, seed=seed)  # type: ignore[arg-type]
            covered += interval.low is not None and interval.low <= 15 <= (interval.high or 0)
            before, after = simulated_cohort(10**6 + seed, 40, true_change=0.0)
            alarms += paired_change(before, after, method=method, seed=seed).excludes_zero  # type: ignore[arg-type]
        took = time.perf_counter() - start
        print(f"| {method} | {covered / args.seeds:.3f} | {alarms / args.seeds:.3f} | {took:.1f} |")


if __name__ == "__main__":
    main()
