"""A proven upper bound on the objective: the LP relaxation of the time-indexed model.

Variables ``x[r,s]`` in ``[0, 1]`` for each accepted, non-pinned request ``r`` and each slot ``s``
where both sides are available (and not held by a pinned meeting). Constraints, all valid for
every schedule:

* each request at most once: ``sum_s x[r,s] <= 1``;
* each participant at most one meeting per slot;
* per slot, table meetings <= tables left after the pinned ones;
* per slot and per set ``U`` of interpreters (every union of the sets able to serve one language
  pairing): the meetings that can *only* be served from ``U`` number at most the interpreters of
  ``U`` working in that slot, less the pinned meetings that must use them (Hall's condition of
  the interpreter matching; with these rows the integer program is exact).

The LP is solved with HiGHS (``scipy.optimize.linprog``, interior point). The bound is not read
off the solver's objective but recomputed by weak duality from its dual values ``y >= 0``::

    bound = pinned + y.b + sum_j max(0, w_j - (A^T y)_j)      (every x_j <= 1)

which holds for *any* ``y >= 0``, so it stays valid whatever the solver's tolerance or status.
With integral priorities it is rounded down to an integer.

Fallback when the time-indexed LP cannot be solved in time: the *aggregated* relaxation, one
variable per request (a max-weight b-matching: each participant at most as many meetings as the
slots they can use; tables and each interpreter set at most their total capacity over the slots),
a sum of the rows above, so also valid; it is much smaller but looser.
"""

from __future__ import annotations

import functools
import math
import time
import warnings
from dataclasses import dataclass

import numpy as np
from scipy.optimize import OptimizeWarning, linprog
from scipy.sparse import csr_matrix

from .instance import Instance, bits
from .state import State

#: Rough cost of the interior-point solve per non-zero of the time-indexed LP (measured: about
#: 1e-5 s on one core of a 2-core machine), to skip it when it clearly cannot finish in time.
SECONDS_PER_NONZERO = 5e-6


@functools.cache
def _crossover_off() -> str | bool:
    """HiGHS's value for "no crossover": ``"off"`` in recent SciPy builds, ``False`` in older
    ones (whose HiGHS had a boolean option); found once on a one-variable LP."""
    for value in ("off", False):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            linprog([-1.0], bounds=(0.0, 1.0), method="highs-ipm", options={"run_crossover": value})
        if not any(
            "run_crossover" in str(w.message) and "allowed" in str(w.message) for w in caught
        ):
            return value
    return "off"  # pragma: no cover


class Relaxation:
    """``max w.x  s.t.  A x <= rhs, 0 <= x <= 1`` plus the value of the pinned meetings."""

    def __init__(
        self,
        weights: list[float],
        rows: list[list[int]],
        rhs: list[float],
        pinned_value: float,
        integral: bool,
    ) -> None:
        self.n, self.m = len(weights), len(rows)
        self.weights = np.array(weights, dtype=float)
        self.rhs = np.array(rhs, dtype=float)
        row_idx = np.array([i for i, vs in enumerate(rows) for _ in vs], dtype=np.int64)
        col_idx = np.array([j for vs in rows for j in vs], dtype=np.int64)
        self.A = csr_matrix((np.ones(len(col_idx)), (row_idx, col_idx)), shape=(self.m, self.n))
        self.pinned_value = pinned_value
        self.integral = integral

    def dual_bound(self, y: np.ndarray) -> float:
        """Weak-duality bound for multipliers ``y`` (clipped to >= 0)."""
        y = np.maximum(y, 0.0)
        reduced = self.weights - self.A.T @ y
        value = math.fsum(y * self.rhs) + math.fsum(np.maximum(reduced, 0.0))
        return self.finish(self.pinned_value + value)

    def finish(self, value: float) -> float:
        if self.integral:
            return float(math.floor(value + 1e-7 * max(1.0, abs(value)) + 1e-6))
        return math.ceil(value * 1e6) / 1e6

    def solve(self, time_limit: float) -> tuple[np.ndarray, float] | None:
        """Primal solution and bound, or ``None`` if HiGHS did not finish in time."""
        if self.m == 0:  # no coupling row: every variable at 1 is optimal
            return np.ones(self.n), self.dual_bound(np.zeros(0))
        if time_limit < 0.2:
            return None
        try:
            # Interior point without crossover (and without presolve, so that the duals are
            # those of our rows) is several times faster here than simplex; weak duality
            # needs no vertex.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", OptimizeWarning)
                res = linprog(
                    -self.weights,
                    A_ub=self.A,
                    b_ub=self.rhs,
                    bounds=(0.0, 1.0),
                    method="highs-ipm",
                    options={
                        "time_limit": time_limit,
                        "presolve": False,
                        "run_crossover": _crossover_off(),
                        "ipm_optimality_tolerance": 1e-8,
                    },
                )
        except (ValueError, MemoryError):  # pragma: no cover - solver trouble: no LP
            return None
        marg = getattr(getattr(res, "ineqlin", None), "marginals", None)
        if marg is None or res.x is None or len(marg) != self.m:
            return None
        x = np.clip(np.asarray(res.x, dtype=float), 0.0, 1.0)
        return x, self.dual_bound(-np.asarray(marg, dtype=float))


class LPModel:
    """Builds the time-indexed relaxation (and its aggregated version) of an instance."""

    def __init__(self, inst: Instance) -> None:
        st0 = State(inst)  # pinned meetings only
        self.pinned_value = st0.value
        self.integral = all(float(w).is_integer() for w in inst.rw)
        var_r: list[int] = []
        var_s: list[int] = []
        ps_vars: dict[tuple[int, int], list[int]] = {}
        self.table_vars: list[list[int]] = [[] for _ in range(inst.S)]
        interp_vars: list[dict[int, list[int]]] = [{} for _ in range(inst.S)]
        self.req_vars: dict[int, list[int]] = {}
        for r in range(inst.R):
            if inst.fixed[r]:
                continue
            a, b = inst.ra[r], inst.rb[r]
            mask = inst.rfeas[r] & st0.free[a] & st0.free[b]
            if inst.rtable[r]:
                mask &= ~st0.table_full
            for s in bits(mask):
                j = len(var_r)
                var_r.append(r)
                var_s.append(s)
                self.req_vars.setdefault(r, []).append(j)
                ps_vars.setdefault((a, s), []).append(j)
                ps_vars.setdefault((b, s), []).append(j)
                if inst.rtable[r]:
                    self.table_vars[s].append(j)
                if inst.rclass[r] >= 0:
                    interp_vars[s].setdefault(inst.rclass[r], []).append(j)
        self.inst = inst
        self.var_r, self.var_s = var_r, var_s
        self.ps_vars = ps_vars
        self.table_cap = [inst.T - st0.table_used[s] for s in range(inst.S)]
        # Interpreter Hall groups: (slot, capacity, variables) for each union U of class sets.
        member_sets = [frozenset(m) for m in inst.class_members]
        families = _unions(member_sets, limit=256)
        subsets = [[c for c, mc in enumerate(member_sets) if mc <= u] for u in families]
        pinned_at: list[list[int]] = [[] for _ in range(inst.S)]
        for r, s in inst.pin_slot.items():
            if inst.rclass[r] >= 0:
                pinned_at[s].append(r)
        self.hall: list[tuple[int, int, int, list[int]]] = []  # (family, slot, cap, vars)
        for s in range(inst.S):
            if not interp_vars[s]:
                continue
            for f, (u, cs) in enumerate(zip(families, subsets, strict=True)):
                vs = [j for c in cs for j in interp_vars[s].get(c, [])]
                if not vs:
                    continue
                cap = sum(1 for i in u if inst.interp_avail[i] >> s & 1)
                for r in pinned_at[s]:
                    if r in inst.pin_interp:
                        cap -= inst.pin_interp[r] in u
                    else:
                        cap -= member_sets[inst.rclass[r]] <= u
                self.hall.append((f, s, max(cap, 0), vs))

    def full(self) -> Relaxation:
        rows: list[list[int]] = []
        rhs: list[float] = []
        for vs in self.req_vars.values():
            if len(vs) > 1:
                rows.append(vs)
                rhs.append(1.0)
        for vs in self.ps_vars.values():
            if len(vs) > 1:
                rows.append(vs)
                rhs.append(1.0)
        for s, vs in enumerate(self.table_vars):
            if len(vs) > self.table_cap[s]:
                rows.append(vs)
                rhs.append(float(self.table_cap[s]))
        for _f, _s, cap, vs in self.hall:
            if len(vs) > cap:
                rows.append(vs)
                rhs.append(float(cap))
        weights = [self.inst.rw[r] for r in self.var_r]
        return Relaxation(weights, rows, rhs, self.pinned_value, self.integral)

    def aggregated(self) -> Relaxation:
        """One variable per request; each group of rows summed over the slots."""
        reqs = sorted(self.req_vars)
        col = {r: k for k, r in enumerate(reqs)}
        groups: dict[tuple[str, int], tuple[set[int], float]] = {}

        def add(key: tuple[str, int], vs: list[int], cap: float) -> None:
            cols, total = groups.get(key, (set(), 0.0))
            cols.update(col[self.var_r[j]] for j in vs)
            groups[key] = (cols, total + cap)

        for (p, _s), vs in self.ps_vars.items():
            add(("p", p), vs, 1.0)
        for s, vs in enumerate(self.table_vars):
            if vs:
                add(("t", 0), vs, float(self.table_cap[s]))
        for f, _s, cap, vs in self.hall:
            add(("h", f), vs, float(cap))
        rows: list[list[int]] = []
        rhs: list[float] = []
        for cols, total in groups.values():
            if len(cols) > total:
                rows.append(sorted(cols))
                rhs.append(total)
        weights = [self.inst.rw[r] for r in reqs]
        return Relaxation(weights, rows, rhs, self.pinned_value, self.integral)


def _unions(sets: list[frozenset[int]], limit: int) -> list[frozenset[int]]:
    """Distinct non-empty unions of ``sets`` (closure under union), at most ``limit`` of them;
    the union of all is always included."""
    out: set[frozenset[int]] = {s for s in sets if s}
    frontier = set(out)
    while frontier and len(out) < limit:
        grown = {u | s for u in frontier for s in sets if not s <= u}
        frontier = grown - out
        out |= set(sorted(frontier, key=lambda u: (len(u), sorted(u)))[: limit - len(out)])
    everyone: frozenset[int] = frozenset().union(*sets)
    if everyone:
        out.add(everyone)
    return sorted(out, key=lambda u: (len(u), sorted(u)))


@dataclass(frozen=True, slots=True)
class LPSolution:
    """The bound, plus the LP's fractional schedule as a hint for the construction."""

    bound: float
    #: per request: LP value sum_s x[r,s]; per request: {slot: x[r,s]} for the non-zero ones.
    request_value: list[float]
    slot_value: list[dict[int, float]]


def solve_lp(inst: Instance, time_limit: float, model: LPModel | None = None) -> LPSolution | None:
    """Solve the time-indexed relaxation; ``None`` if HiGHS did not finish within the limit."""
    start = time.monotonic()
    model = model or LPModel(inst)
    relax = model.full()
    left = time_limit - (time.monotonic() - start)
    if relax.A.nnz * SECONDS_PER_NONZERO > left:  # hopeless: leave the time to the fallback
        return None
    solved = relax.solve(left)
    if solved is None:
        return None
    x, bound = solved
    totals = np.bincount(np.array(model.var_r, dtype=np.int64), weights=x, minlength=inst.R)
    slot_value: list[dict[int, float]] = [{} for _ in range(inst.R)]
    for j in np.flatnonzero(x > 1e-6).tolist():
        slot_value[model.var_r[j]][model.var_s[j]] = float(x[j])
    return LPSolution(bound, [float(v) for v in totals], slot_value)


def solve_aggregated(
    inst: Instance, time_limit: float, model: LPModel | None = None
) -> LPSolution | None:
    """The looser but much smaller b-matching relaxation (``None`` if not solved in time);
    its hint has request values only, no slots."""
    start = time.monotonic()
    model = model or LPModel(inst)
    solved = model.aggregated().solve(time_limit - (time.monotonic() - start))
    if solved is None:
        return None
    x, bound = solved
    request_value = [0.0] * inst.R
    for k, r in enumerate(sorted(model.req_vars)):
        request_value[r] = float(x[k])
    return LPSolution(bound, request_value, [{} for _ in range(inst.R)])


def aggregated_bound(inst: Instance, time_limit: float) -> float | None:
    sol = solve_aggregated(inst, time_limit)
    return None if sol is None else sol.bound


def lp_bound(inst: Instance, time_limit: float = 60.0) -> float | None:
    """The best bound obtainable within ``time_limit``: the time-indexed LP, else the
    aggregated one, else ``None``."""
    start = time.monotonic()
    model = LPModel(inst)
    sol = solve_lp(inst, 0.75 * time_limit, model)
    if sol is None:
        sol = solve_aggregated(inst, time_limit - (time.monotonic() - start), model)
    return None if sol is None else sol.bound
