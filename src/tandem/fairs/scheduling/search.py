"""Local search on a feasible state: every move keeps the schedule valid.

Moves, tried for unscheduled requests by decreasing priority:

* **insert**: place the request where both sides, a table and an interpreter are free;
* **relocation chain**: free a slot for it by moving the meetings in the way (and, if needed, a
  meeting holding the last table or interpreter) to other slots, recursively up to a depth;
* **ejection**: put it in a slot by taking out lighter meetings, then try to re-insert those
  (themselves by relocation or by ejecting still lighter ones); kept only if the total priority
  grows;
* **participant re-assignment**: for one participant, choose the best set of their requests and
  the slots for them at once, all other meetings fixed, as a maximum-weight bipartite matching
  (requests x slots, ``scipy.optimize.linear_sum_assignment``).

Rounds repeat until one brings no gain, so a run does the same work whatever the machine's speed;
the deadline only stops it early on inputs too large for the time limit.
"""

from __future__ import annotations

import random
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

from .instance import bits
from .state import State

EPS = 1e-9


def popcount(mask: int) -> int:
    return bin(mask).count("1")


class Deadline(Exception):
    """Raised inside a move when time is up; the move is rolled back."""


class Search:
    def __init__(self, st: State, rng: random.Random, deadline: float) -> None:
        self.st = st
        self.inst = st.inst
        self.rng = rng
        self.deadline = deadline
        self.ticks = 0
        inst = self.inst
        # Static demand of each participant in each slot, to pick the least wanted free slot.
        self.demand = [[0.0] * inst.S for _ in range(inst.P)]
        for r in range(inst.R):
            n = popcount(inst.rfeas[r])
            if n:
                share = inst.rw[r] / n
                for s in bits(inst.rfeas[r]):
                    self.demand[inst.ra[r]][s] += share
                    self.demand[inst.rb[r]][s] += share

    # -- helpers -------------------------------------------------------------------------------

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks & 1023 == 0 and time.monotonic() > self.deadline:
            raise Deadline

    def best_slot(self, r: int, mask: int) -> int:
        da, db = self.demand[self.inst.ra[r]], self.demand[self.inst.rb[r]]
        best, score = -1, 0.0
        for s in bits(mask):
            v = da[s] + db[s]
            if best < 0 or v < score:
                best, score = s, v
        return best

    def place_direct(self, r: int, forbid: int = 0) -> bool:
        m = self.st.direct_mask(r) & ~forbid
        if not m:
            return False
        return self.st.place(r, self.best_slot(r, m))

    # -- relocation chains --------------------------------------------------------------------
    #
    # ``reserved`` maps a participant to the slots that must stay free for them (the cells a
    # move in progress is opening); meetings moved by the chain avoid those cells.

    def reserve(self, reserved: dict[int, int], r: int, s: int) -> dict[int, int]:
        out = dict(reserved)
        for p in (self.inst.ra[r], self.inst.rb[r]):
            out[p] = out.get(p, 0) | (1 << s)
        return out

    def can_take(self, r: int, s: int) -> bool:
        """Both sides free in ``s`` and a table there if needed (interpreters: see place)."""
        inst, st = self.inst, self.st
        if not (st.free[inst.ra[r]] >> s & 1 and st.free[inst.rb[r]] >> s & 1):
            return False
        return not (inst.rtable[r] and st.table_full >> s & 1)

    def relocate(self, m: int, reserved: dict[int, int], depth: int) -> bool:
        """Move placed meeting ``m`` to another slot, avoiding the reserved cells."""
        self.tick()
        inst, st = self.inst, self.st
        if inst.fixed[m]:
            return False
        forbid = reserved.get(inst.ra[m], 0) | reserved.get(inst.rb[m], 0) | (1 << st.slot_of[m])
        mark = len(st.log)
        st.remove(m)  # its old slot is free for the others of the chain (swaps)
        if self.place_direct(m, forbid):
            return True
        if depth > 0:
            for s in bits(inst.rfeas[m] & ~forbid):
                mark2 = len(st.log)
                if (
                    self.open_slot(m, s, self.reserve(reserved, m, s), depth - 1)
                    and self.can_take(m, s)
                    and st.place(m, s)
                ):
                    return True
                st.undo(mark2)
        st.undo(mark)
        return False

    def open_slot(self, r: int, s: int, reserved: dict[int, int], depth: int) -> bool:
        """Make slot ``s`` usable for ``r`` by relocating what is in the way (no ejection).

        ``reserved`` already holds ``r``'s cells in ``s``. On failure the caller undoes."""
        inst, st = self.inst, self.st
        for p in (inst.ra[r], inst.rb[r]):
            x = st.occ[p][s]
            if x >= 0 and x != r and not self.relocate(x, reserved, depth):
                return False
        if (
            inst.rtable[r]
            and st.table_full >> s & 1
            and not self.free_resource(st.table_meets[s], r, reserved)
        ):
            return False
        c = inst.rclass[r]
        if c >= 0 and not st.class_free[c] >> s & 1:
            members = set(inst.class_members[c])
            holders = {h for i, h in st.ibusy[s].items() if i in members}
            if not self.free_resource(holders, r, reserved):
                return False
        return True

    def free_resource(self, holders: set[int], r: int, reserved: dict[int, int]) -> bool:
        """Move one of ``holders`` (of a table / interpreter) elsewhere, directly."""
        inst = self.inst
        a, b = inst.ra[r], inst.rb[r]
        tries = 0
        for h in sorted(holders, key=lambda h: (inst.rw[h], h)):
            if inst.fixed[h] or h == r or inst.ra[h] in (a, b) or inst.rb[h] in (a, b):
                continue
            if self.relocate(h, reserved, 0):
                return True
            tries += 1
            if tries >= 6:
                break
        return False

    def insert(self, r: int, depth: int) -> bool:
        """Place unscheduled ``r``, moving other meetings but dropping none."""
        inst, st = self.inst, self.st
        if st.slot_of[r] >= 0:  # placed meanwhile by an earlier step of the same move
            return True
        if self.place_direct(r):
            return True
        if depth <= 0:
            return False
        slots = sorted(bits(inst.rfeas[r]), key=lambda s: self.blockers_weight(r, s))
        for s in slots:
            mark = len(st.log)
            if (
                self.open_slot(r, s, self.reserve({}, r, s), depth - 1)
                and self.can_take(r, s)
                and st.place(r, s)
            ):
                return True
            st.undo(mark)
        return False

    def blockers_weight(self, r: int, s: int) -> float:
        inst, st = self.inst, self.st
        x, y = st.occ[inst.ra[r]][s], st.occ[inst.rb[r]][s]
        w = 0.0
        if x >= 0:
            w += inst.rw[x] + (1e6 if inst.fixed[x] else 0.0)
        if y >= 0 and y != x:
            w += inst.rw[y] + (1e6 if inst.fixed[y] else 0.0)
        return w

    # -- ejection -----------------------------------------------------------------------------

    def eject(self, r: int, level: int) -> bool:
        """Place ``r`` by removing meetings of smaller total priority, then re-insert those.

        Returns True if done with a strict gain (else everything is rolled back)."""
        self.tick()
        inst, st = self.inst, self.st
        if st.slot_of[r] >= 0:
            return False
        w = inst.rw[r]
        options: list[tuple[float, int, list[int]]] = []
        for s in bits(inst.rfeas[r]):
            out = self.ejection_set(r, s)
            if out is None:
                continue
            cost = sum(inst.rw[x] for x in out)
            if cost <= w + EPS:
                options.append((cost, s, out))
        options.sort(key=lambda o: (o[0], len(o[2])))
        for _cost, s, out in options[:8]:
            mark = len(st.log)
            before = st.value
            for x in out:
                st.remove(x)
            if not st.place(r, s):
                st.undo(mark)
                continue
            lost = []
            for x in sorted(out, key=lambda x: -inst.rw[x]):
                if st.slot_of[x] >= 0:  # put back by an earlier re-insertion
                    continue
                if not self.insert(x, depth=1) and not (level > 0 and self.eject(x, level - 1)):
                    lost.append(x)
            lost = [x for x in lost if st.slot_of[x] < 0]
            if st.value <= before + EPS and lost:
                # The sides that lost a meeting have a free slot now: fill it.
                self.refill(lost, (inst.ra[r], inst.rb[r]))
            if st.value > before + EPS:
                return True
            st.undo(mark)
        return False

    def refill(self, lost: list[int], skip: tuple[int, int]) -> None:
        inst, st = self.inst, self.st
        for x in lost:
            for q in (inst.ra[x], inst.rb[x]):
                if q in skip:
                    continue
                waiting = [
                    u
                    for u in inst.by_part[q]
                    if st.slot_of[u] < 0 and u != x and not inst.fixed[u] and inst.rfeas[u]
                ]
                waiting.sort(key=lambda u: -inst.rw[u])
                for u in waiting[:6]:
                    if st.slot_of[u] < 0 and self.insert(u, depth=1):
                        break

    def ejection_set(self, r: int, s: int) -> list[int] | None:
        """Meetings to take out of slot ``s`` so that ``r`` fits there, or None."""
        inst, st = self.inst, self.st
        a, b = inst.ra[r], inst.rb[r]
        out: list[int] = []
        for p in (a, b):
            x = st.occ[p][s]
            if x >= 0 and x not in out:
                if inst.fixed[x]:
                    return None
                out.append(x)
        if inst.rtable[r] and st.table_full >> s & 1 and not any(inst.rtable[x] for x in out):
            h = self.lightest(st.table_meets[s], out)
            if h < 0:
                return None
            out.append(h)
        c = inst.rclass[r]
        if c >= 0 and not st.class_free[c] >> s & 1:
            members = inst.class_members[c]
            if not any(st.interp_of[x] in members for x in out):
                busy = st.ibusy[s]
                h = self.lightest({busy[i] for i in members if i in busy}, out)
                if h < 0:
                    return None
                out.append(h)
        return out

    def lightest(self, holders: set[int], exclude: list[int]) -> int:
        inst = self.inst
        best = -1
        for h in holders:
            if inst.fixed[h] or h in exclude:
                continue
            if best < 0 or (inst.rw[h], h) < (inst.rw[best], best):
                best = h
        return best

    # -- participant re-assignment -------------------------------------------------------------

    def reassign(self, p: int) -> bool:
        """Best choice of ``p``'s requests and their slots, everything else fixed."""
        self.tick()
        inst, st = self.inst, self.st
        reqs = [r for r in inst.by_part[p] if not inst.fixed[r] and inst.rfeas[r]]
        if not reqs:
            return False
        before_value, before_count = st.value, st.count
        mark = len(st.log)
        for r in reqs:
            if st.slot_of[r] >= 0:
                st.remove(r)
        slots = list(bits(st.free[p]))
        if not slots:
            st.undo(mark)
            return False
        col = {s: j for j, s in enumerate(slots)}
        weight = np.zeros((len(reqs), len(slots)))
        for i, r in enumerate(reqs):
            m = st.direct_mask(r)
            v = inst.rw[r] + 1e-4
            for s in bits(m):
                weight[i, col[s]] = v
        rows, cols = linear_sum_assignment(weight, maximize=True)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if weight[i, j] > 0 and not st.place(reqs[i], slots[j]):
                st.undo(mark)
                return False
        if st.value > before_value + EPS or (
            st.value > before_value - EPS and st.count > before_count
        ):
            return True
        st.undo(mark)
        return False

    # -- driver --------------------------------------------------------------------------------

    def unscheduled(self) -> list[int]:
        inst, st = self.inst, self.st
        todo = [
            r for r in range(inst.R) if st.slot_of[r] < 0 and not inst.fixed[r] and inst.rfeas[r]
        ]
        keys = {r: (-inst.rw[r], popcount(inst.rfeas[r]), self.rng.random()) for r in todo}
        return sorted(todo, key=keys.__getitem__)

    def run(self, max_rounds: int = 30) -> None:
        st = self.st
        try:
            for _ in range(max_rounds):
                start = st.value
                for r in self.unscheduled():
                    if st.slot_of[r] < 0 and self.insert(r, depth=2):
                        st.commit()
                for r in self.unscheduled():
                    if st.slot_of[r] < 0 and self.eject(r, level=1):
                        st.commit()
                touched = sorted({q for r in self.unscheduled() for q in self.ends(r)})
                for p in touched:
                    if self.reassign(p):
                        st.commit()
                if st.value <= start + EPS:
                    break
        except Deadline:
            pass
        st.undo(0)  # a move cut short by the deadline is rolled back
        st.commit()

    def fill(self) -> None:
        """Place whatever fits directly (a last pass after the search)."""
        for r in self.unscheduled():
            self.place_direct(r)
        self.st.commit()

    def ends(self, r: int) -> tuple[int, int]:
        return self.inst.ra[r], self.inst.rb[r]
