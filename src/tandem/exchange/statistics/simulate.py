"""Generated cohorts with a known true effect, for the tests and the benchmark."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def simulated_cohort(
    seed: int,
    n: int,
    *,
    true_change: float = 0.15,
    noise: float = 0.12,
    skewed: bool = False,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Baselines and follow-ups whose relative changes have mean ``true_change`` exactly.

    Baselines are log-normal (enterprises differ in scale). The per-enterprise change is
    ``true_change + e`` with ``e`` of mean zero: normal, or a centred gamma when ``skewed``.
    """
    rng = np.random.default_rng(seed)
    baseline = rng.lognormal(mean=np.log(1500.0), sigma=0.5, size=n)
    if skewed:
        shape = 2.0
        e = (rng.gamma(shape, 1.0, size=n) - shape) / np.sqrt(shape) * noise
    else:
        e = rng.normal(0.0, noise, size=n)
    follow_up: NDArray[np.float64] = baseline * (1.0 + true_change + e)
    return baseline, follow_up
