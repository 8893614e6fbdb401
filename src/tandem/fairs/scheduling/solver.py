"""The B2B meeting scheduler.

1. The LP relaxation (:mod:`.bound`) is solved first, with HiGHS: it gives the proven upper bound
   and a fractional schedule used as a hint.
2. Greedy construction guided by that hint (:mod:`.greedy`); without the LP (too large for the
   time limit) by priority and scarcity.
3. Local search to a local optimum (:mod:`.search`): insertion, relocation chains, ejection
   chains, per-participant re-assignment by bipartite matching.
4. Exact re-optimisation of windows of a few slots by MILP (:mod:`.window`).
5. Iterated local search (:mod:`.perturb`): ruin-and-rebuild steps.

Phases 4 and 5 stop as soon as the objective reaches the bound (the schedule is then proven
optimal).

Determinism: the same input and seed give the same schedule, because every phase does a fixed
amount of work; the time limit only cuts a phase short on inputs too large for it (and then the
result depends on the machine's speed). The LP gets at most 40 % of the time limit; when it
cannot finish, the much smaller aggregated (b-matching) relaxation gives the bound and a
request-level hint instead (``None`` and no hint if even that does not finish, or with
``use_lp=False``).
"""

from __future__ import annotations

import random
import time

from .bound import LPModel, LPSolution, solve_aggregated, solve_lp
from .greedy import greedy
from .instance import Instance
from .io import EventError
from .model import Event, Schedule
from .perturb import perturb
from .result import build_schedule
from .search import EPS, Search
from .state import PinError, State
from .validate import validate_meetings
from .window import window_search

#: Ruin-and-rebuild steps of the iterated local search.
PERTURB_STEPS = 1500
#: Sweeps of exact window re-optimisation: (slots per window, stride); the wider sweep only for
#: inputs with at most WIDE_WINDOWS_UP_TO accepted requests.
WINDOWS = ((4, 2), (6, 3))
WIDE_WINDOWS_UP_TO = 8000


def check_pinned(event: Event) -> None:
    """Raise :class:`EventError` if the pinned meetings are not a valid partial schedule."""
    conflicts = validate_meetings(event, event.pinned, partial=True)
    if conflicts:
        more = f" (and {len(conflicts) - 1} more)" if len(conflicts) > 1 else ""
        raise EventError(f"pinned meetings: {conflicts[0].message}{more}")


def solve(
    event: Event,
    time_limit: float = 30.0,
    seed: int = 0,
    use_lp: bool = True,
    perturb_steps: int = PERTURB_STEPS,
    use_windows: bool = True,
) -> Schedule:
    """Schedule the accepted requests of ``event``; pinned meetings are kept as they are."""
    start = time.monotonic()
    deadline = start + 0.95 * time_limit
    check_pinned(event)
    inst = Instance(event)
    try:
        st = State(inst)
    except PinError as exc:
        raise EventError(str(exc)) from None
    rng = random.Random(seed)
    lp: LPSolution | None = None
    if use_lp:
        model = LPModel(inst)
        lp = solve_lp(inst, 0.4 * time_limit - (time.monotonic() - start), model)
        if lp is None:
            lp = solve_aggregated(inst, 0.5 * time_limit - (time.monotonic() - start), model)
    bound = lp.bound if lp is not None else None
    greedy(st, rng, lp)
    search = Search(st, rng, deadline)
    search.run()
    if use_windows:
        for width, step in WINDOWS if inst.R <= WIDE_WINDOWS_UP_TO else WINDOWS[:1]:
            window_search(search, width, step, deadline, stop_at=bound)
    if bound is None or st.value < bound - EPS:
        hint = lp.request_value if lp is not None else None
        perturb(search, perturb_steps, hint, stop_at=bound)
    search.fill()
    if bound is not None and bound < st.value - EPS:  # pragma: no cover - cannot happen
        bound = None
    return build_schedule(inst, st, bound)
