"""Large-neighbourhood search with exact sub-problems: re-optimise a window of slots by MILP.

For a window of a few consecutive slots, every non-pinned meeting in it is taken out and the
best set of meetings for those slots is chosen among them and all unscheduled requests, with
everything outside the window fixed. The sub-problem is the time-indexed model of
:mod:`.bound` restricted to the window, with integer variables (exact, interpreters included
through the Hall rows), solved by HiGHS (``scipy.optimize.milp``) with a node limit rather than a
time limit so that runs are reproducible. The current meetings are a feasible solution of it, so
a window never gets worse; the new meetings are kept only if the objective grows.
"""

from __future__ import annotations

import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

from .bound import _unions
from .instance import bits
from .search import EPS, Search


def window_search(
    search: Search,
    width: int = 4,
    step: int = 2,
    deadline: float = float("inf"),
    stop_at: float | None = None,
) -> int:
    """One sweep of windows over the slots; returns the number of windows improved.

    Stops early at ``deadline`` or once the objective reaches ``stop_at`` (the bound)."""
    inst = search.inst
    member_sets = [frozenset(m) for m in inst.class_members]
    families = _unions(member_sets, limit=256)
    subsets = [[c for c, mc in enumerate(member_sets) if mc <= u] for u in families]
    improved = 0
    for first in range(0, max(1, inst.S - width + step), step):
        if time.monotonic() > deadline:
            break
        if stop_at is not None and search.st.value >= stop_at - EPS:
            break
        window = 0
        for s in range(first, min(first + width, inst.S)):
            window |= 1 << s
        if _improve_window(search, window, families, subsets, deadline):
            improved += 1
    return improved


def _improve_window(
    search: Search,
    window: int,
    families: list[frozenset[int]],
    subsets: list[list[int]],
    deadline: float,
) -> bool:
    inst, st = search.inst, search.st
    # Cells of the window held by movable meetings count as free.
    movable = [r for s in bits(window) for r in _meetings_in(search, s) if not inst.fixed[r]]
    free = list(st.free)
    for r in movable:
        bit = 1 << st.slot_of[r]
        free[inst.ra[r]] |= bit
        free[inst.rb[r]] |= bit
    movable_set = set(movable)
    var_r: list[int] = []
    var_s: list[int] = []
    for r in range(inst.R):
        if inst.fixed[r] or (st.slot_of[r] >= 0 and r not in movable_set):
            continue
        mask = inst.rfeas[r] & window & free[inst.ra[r]] & free[inst.rb[r]]
        for s in bits(mask):
            var_r.append(r)
            var_s.append(s)
    if not var_r:
        return False
    rows: list[list[int]] = []
    rhs: list[float] = []
    by_req: dict[int, list[int]] = {}
    by_cell: dict[tuple[int, int], list[int]] = {}
    by_table: dict[int, list[int]] = {}
    by_class: dict[tuple[int, int], list[int]] = {}
    for j, (r, s) in enumerate(zip(var_r, var_s, strict=True)):
        by_req.setdefault(r, []).append(j)
        by_cell.setdefault((inst.ra[r], s), []).append(j)
        by_cell.setdefault((inst.rb[r], s), []).append(j)
        if inst.rtable[r]:
            by_table.setdefault(s, []).append(j)
        if inst.rclass[r] >= 0:
            by_class.setdefault((inst.rclass[r], s), []).append(j)
    for group in (by_req, by_cell):
        for vs in group.values():
            if len(vs) > 1:
                rows.append(vs)
                rhs.append(1.0)
    fixed_in = {s: [r for r in _meetings_in(search, s) if inst.fixed[r]] for s in bits(window)}
    for s, vs in by_table.items():
        cap = inst.T - sum(1 for r in fixed_in[s] if inst.rtable[r])
        if len(vs) > cap:
            rows.append(vs)
            rhs.append(float(max(cap, 0)))
    member_sets = [frozenset(m) for m in inst.class_members]
    for s in bits(window):
        for u, cs in zip(families, subsets, strict=True):
            vs = [j for c in cs for j in by_class.get((c, s), [])]
            if not vs:
                continue
            cap = sum(1 for i in u if inst.interp_avail[i] >> s & 1)
            for r in fixed_in[s]:
                if inst.rclass[r] < 0:
                    continue
                if r in inst.pin_interp:
                    cap -= inst.pin_interp[r] in u
                else:
                    cap -= member_sets[inst.rclass[r]] <= u
            if len(vs) > cap:
                rows.append(vs)
                rhs.append(float(max(cap, 0)))
    weights = np.array([inst.rw[r] for r in var_r], dtype=float)
    old_value = sum(inst.rw[r] for r in movable)
    n = len(var_r)
    left = deadline - time.monotonic()
    if left < 0.2:
        return False
    if rows:
        row_idx = np.array([i for i, vs in enumerate(rows) for _ in vs], dtype=np.int64)
        col_idx = np.array([j for vs in rows for j in vs], dtype=np.int64)
        matrix = csr_matrix((np.ones(len(col_idx)), (row_idx, col_idx)), shape=(len(rows), n))
        constraints = [LinearConstraint(matrix, -np.inf, np.array(rhs))]
    else:
        constraints = []
    res = milp(
        -weights,
        constraints=constraints,
        integrality=np.ones(n),
        bounds=Bounds(0.0, 1.0),
        options={"node_limit": 500, "time_limit": min(left, 30.0), "presolve": True},
    )
    if res.x is None:
        return False
    chosen: list[int] = np.flatnonzero(res.x > 0.5).tolist()
    new_value = float(weights[chosen].sum())
    if new_value <= old_value + EPS:
        return False
    mark = len(st.log)
    for r in movable:
        st.remove(r)
    # Table and booth meetings first, interpreter ones after (each placed by matching).
    for j in sorted(chosen, key=lambda j: (inst.rclass[var_r[j]] >= 0, var_s[j], var_r[j])):
        r, s = var_r[j], var_s[j]
        if not search.can_take(r, s) or not st.place(r, s):
            st.undo(mark)
            return False
    st.commit()
    return True


def _meetings_in(search: Search, s: int) -> list[int]:
    """Meetings in slot ``s`` (each once), from the participants' rows."""
    st, inst = search.st, search.inst
    out = {st.occ[p][s] for p in range(inst.P) if st.occ[p][s] >= 0}
    return sorted(out)
