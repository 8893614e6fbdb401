"""Greedy construction.

Without a hint: requests by priority (scarcest first among equals), each in the free slot that
its two sides and the shared resources are least likely to need for later requests.
With the LP solution as a hint: requests by their LP value (how much of them the relaxation
schedules), then priority, each in the free slot where the LP puts most of it.
"""

from __future__ import annotations

import random

from .bound import LPSolution
from .instance import Instance, bits
from .state import State


def popcount(mask: int) -> int:
    return bin(mask).count("1")


def greedy_order(inst: Instance, rng: random.Random, hint: LPSolution | None = None) -> list[int]:
    """Candidates by priority; among equals the one with fewer possible slots and busier sides
    first, the rest broken by the seeded generator."""
    slots_of = [max(1, popcount(m)) for m in inst.avail]
    load = [0.0] * inst.P
    for r in range(inst.R):
        load[inst.ra[r]] += 1.0
        load[inst.rb[r]] += 1.0
    load = [load[p] / slots_of[p] for p in range(inst.P)]
    lp = hint.request_value if hint is not None else [0.0] * inst.R
    keys = {
        r: (
            -round(lp[r], 3),
            -inst.rw[r],
            popcount(inst.rfeas[r]),
            -max(load[inst.ra[r]], load[inst.rb[r]]),
            rng.random(),
        )
        for r in range(inst.R)
        if not inst.fixed[r] and inst.rfeas[r]
    }
    return sorted(keys, key=keys.__getitem__)


def greedy(st: State, rng: random.Random, hint: LPSolution | None = None) -> None:
    inst = st.inst
    order = greedy_order(inst, rng, hint)
    empty: dict[int, float] = {}
    # pressure[p][s]: expected demand on participant p in slot s by requests not yet handled.
    pressure = [[0.0] * inst.S for _ in range(inst.P)]
    share: dict[int, float] = {}
    for r in order:
        w = inst.rw[r] / popcount(inst.rfeas[r])
        share[r] = w
        pa, pb = pressure[inst.ra[r]], pressure[inst.rb[r]]
        for s in bits(inst.rfeas[r]):
            pa[s] += w
            pb[s] += w
    table_load = [0.0] * inst.S
    for r in order:
        if inst.rtable[r]:
            for s in bits(inst.rfeas[r]):
                table_load[s] += share[r]
    tcap = max(1, inst.T)
    for r in order:
        a, b = inst.ra[r], inst.rb[r]
        pa, pb = pressure[a], pressure[b]
        w = share[r]
        for s in bits(inst.rfeas[r]):
            pa[s] -= w
            pb[s] -= w
        if inst.rtable[r]:
            for s in bits(inst.rfeas[r]):
                table_load[s] -= w
        m = st.direct_mask(r)
        if not m:
            continue
        pref = hint.slot_value[r] if hint is not None else empty
        best, best_score = -1, (0.0, 0.0)
        for s in bits(m):
            score = pa[s] + pb[s]
            if inst.rtable[r]:
                score += table_load[s] / tcap
            key = (-round(pref.get(s, 0.0), 3), score)
            if best < 0 or key < best_score:
                best, best_score = s, key
        st.place(r, best)
    st.commit()
