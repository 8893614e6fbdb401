"""Mutable schedule under construction, with O(1) feasibility masks and an undo log.

* ``free[p]``: bitmask of slots where participant ``p`` is available and has no meeting.
* ``table_full``: bitmask of slots where every table is taken.
* ``class_free[c]``: bitmask of slots where some interpreter of class ``c`` is free.

Interpreters within a slot form a bipartite matching (meeting -> interpreter); placing a meeting
that finds no free interpreter tries an augmenting path that re-assigns the interpreters of other
meetings in the same slot (never those fixed by a pinned meeting).

Every change is appended to ``log`` so that :meth:`State.undo` can roll a tentative move back.
"""

from __future__ import annotations

from .instance import Instance, bits

# Log entries: (kind, request, slot, old interpreter, new interpreter)
_PLACE, _REMOVE, _INTERP = 0, 1, 2


class State:
    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        S = inst.S
        self.slot_of = [-1] * inst.R
        self.interp_of = [-1] * inst.R
        self.occ = [[-1] * S for _ in range(inst.P)]
        self.free = list(inst.avail)
        self.table_used = [0] * S
        self.table_full = 0 if inst.T > 0 else inst.all_slots
        self.table_meets: list[set[int]] = [set() for _ in range(S)]
        self.interp_meets: list[set[int]] = [set() for _ in range(S)]
        self.ibusy: list[dict[int, int]] = [{} for _ in range(S)]
        self.free_count = [
            [sum(1 for i in members if inst.interp_avail[i] >> s & 1) for s in range(S)]
            for members in inst.class_members
        ]
        self.class_free = list(inst.class_mask)
        self.value = 0.0
        self.count = 0
        self.log: list[tuple[int, int, int, int, int]] = []
        # Pinned meetings with a named interpreter first, so the others cannot take it.
        pins = sorted(inst.pin_slot.items(), key=lambda kv: (kv[0] not in inst.pin_interp, kv[0]))
        for r, s in pins:
            if not self.place(r, s, inst.pin_interp.get(r, -1)):
                raise PinError(
                    f"pinned meeting for request '{inst.req_ids[r]}': no interpreter left for "
                    f"{inst.rlabel[r]} in slot '{inst.slot_ids[s]}'"
                )
        self.log.clear()

    # -- queries ------------------------------------------------------------------------------

    def direct_mask(self, r: int) -> int:
        """Slots where ``r`` can be placed right now without moving anything."""
        inst = self.inst
        m = inst.rfeas[r] & self.free[inst.ra[r]] & self.free[inst.rb[r]]
        if inst.rtable[r]:
            m &= ~self.table_full
        c = inst.rclass[r]
        if c >= 0:
            m &= self.class_free[c]
        return m

    def fits_resources(self, r: int, s: int) -> bool:
        """Table / interpreter free in ``s`` for ``r`` (participants not checked)."""
        inst = self.inst
        if inst.rtable[r] and self.table_full >> s & 1:
            return False
        c = inst.rclass[r]
        return c < 0 or bool(self.class_free[c] >> s & 1)

    # -- primitive changes ---------------------------------------------------------------------

    def _occupy(self, r: int, s: int) -> None:
        inst = self.inst
        a, b = inst.ra[r], inst.rb[r]
        self.slot_of[r] = s
        self.occ[a][s] = r
        self.occ[b][s] = r
        bit = 1 << s
        self.free[a] &= ~bit
        self.free[b] &= ~bit
        if inst.rtable[r]:
            self.table_used[s] += 1
            self.table_meets[s].add(r)
            if self.table_used[s] >= inst.T:
                self.table_full |= bit
        if inst.rclass[r] >= 0:
            self.interp_meets[s].add(r)
        self.value += inst.rw[r]
        self.count += 1

    def _vacate(self, r: int) -> int:
        inst = self.inst
        s = self.slot_of[r]
        a, b = inst.ra[r], inst.rb[r]
        self.slot_of[r] = -1
        self.occ[a][s] = -1
        self.occ[b][s] = -1
        bit = 1 << s
        self.free[a] |= bit
        self.free[b] |= bit
        if inst.rtable[r]:
            self.table_used[s] -= 1
            self.table_meets[s].discard(r)
            self.table_full &= ~bit
        if inst.rclass[r] >= 0:
            self.interp_meets[s].discard(r)
        self.value -= inst.rw[r]
        self.count -= 1
        return s

    def _set_interp(self, r: int, s: int, i: int) -> None:
        """Give interpreter ``i`` (free in ``s``) to ``r``, releasing its previous one."""
        old = self.interp_of[r]
        if old >= 0:
            self._release_interp(r, s)
        self.interp_of[r] = i
        self.ibusy[s][i] = r
        for c in self.inst.classes_of_interp[i]:
            row = self.free_count[c]
            row[s] -= 1
            if row[s] == 0:
                self.class_free[c] &= ~(1 << s)
        self.log.append((_INTERP, r, s, old, i))

    def _release_interp(self, r: int, s: int) -> None:
        i = self.interp_of[r]
        self.interp_of[r] = -1
        del self.ibusy[s][i]
        for c in self.inst.classes_of_interp[i]:
            self.free_count[c][s] += 1
            self.class_free[c] |= 1 << s

    def _augment(self, r: int, s: int, visited: set[int]) -> bool:
        inst = self.inst
        busy = self.ibusy[s]
        members = inst.class_members[inst.rclass[r]]
        for i in members:  # a free interpreter first
            if i not in busy and inst.interp_avail[i] >> s & 1:
                self._set_interp(r, s, i)
                return True
        for i in members:
            if i in visited or not inst.interp_avail[i] >> s & 1:
                continue
            visited.add(i)
            holder = busy[i]
            if holder == r or holder in inst.pin_interp:
                continue
            if self._augment(holder, s, visited):
                self._set_interp(r, s, i)
                return True
        return False

    # -- public changes ------------------------------------------------------------------------

    def place(self, r: int, s: int, interp: int = -1) -> bool:
        """Put ``r`` in slot ``s``; participants and table must be free there.

        Returns ``False`` (and changes nothing) when no interpreter can be matched.
        """
        inst = self.inst
        if self.slot_of[r] >= 0:
            raise RuntimeError(f"request {r} is already placed")
        if inst.rclass[r] >= 0:
            if interp >= 0:
                self._occupy(r, s)
                self.log.append((_PLACE, r, s, -1, -1))
                self._set_interp(r, s, interp)
                return True
            mark = len(self.log)
            if not self._augment(r, s, set()):
                self.undo(mark)
                return False
            # The interpreter entries precede the placement in the log; undo handles either order.
            self._occupy(r, s)
            self.log.append((_PLACE, r, s, -1, -1))
            return True
        self._occupy(r, s)
        self.log.append((_PLACE, r, s, -1, -1))
        return True

    def remove(self, r: int) -> int:
        s = self.slot_of[r]
        i = self.interp_of[r]
        if i >= 0:
            self._release_interp(r, s)
            self.log.append((_INTERP, r, s, i, -1))
        self._vacate(r)
        self.log.append((_REMOVE, r, s, -1, -1))
        return s

    def undo(self, mark: int) -> None:
        """Roll back every change logged after position ``mark``."""
        log = self.log
        while len(log) > mark:
            kind, r, s, old, new = log.pop()
            if kind == _PLACE:
                self._vacate(r)
            elif kind == _REMOVE:
                self._occupy(r, s)
            else:
                if new >= 0:
                    self._release_interp(r, s)
                if old >= 0:
                    self._set_interp(r, s, old)
                    log.pop()  # _set_interp logged itself

    def commit(self) -> None:
        self.log.clear()

    # -- helpers -------------------------------------------------------------------------------

    def scheduled(self) -> list[int]:
        return [r for r in range(self.inst.R) if self.slot_of[r] >= 0]

    def free_slots(self, p: int) -> list[int]:
        return list(bits(self.free[p]))


class PinError(ValueError):
    """The pinned meetings cannot all be given an interpreter."""
