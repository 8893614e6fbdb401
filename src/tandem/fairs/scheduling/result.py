"""Turning a solver state into a :class:`Schedule`: tables, booths and reasons for the rest.

Unscheduled requests are listed in the order of the event file. Requests that are not accepted
are listed too, with the reason ``not accepted (status <status>)``; they never count in the
objective. Each accepted request left out gets the most specific reason that holds in the final
schedule (see :func:`reason`).
"""

from __future__ import annotations

from . import reasons
from .instance import Instance, natural_key
from .model import Meeting, Schedule, Unscheduled
from .state import State


def _popcount(mask: int) -> int:
    return bin(mask).count("1")


def reason_code(inst: Instance, st: State, r: int) -> tuple[str, dict[str, str]]:
    """Why accepted request ``r`` is not in the schedule held by ``st``: a code of
    :data:`reasons.TEMPLATES` and its parameters."""
    a, b = inst.ra[r], inst.rb[r]
    pa, pb = inst.part_ids[a], inst.part_ids[b]
    if inst.avail[a] == 0:
        return "no_available_slot", {"participant": pa}
    if inst.avail[b] == 0:
        return "no_available_slot", {"participant": pb}
    if inst.common[r] == 0:
        return "no_common_slot", {}
    c = inst.rclass[r]
    if c >= 0:
        label = inst.rlabel[r]
        if not inst.class_members[c]:
            return "no_interpreter", {"languages": label}
        if inst.rfeas[r] == 0:
            return "no_interpreter_in_common_slot", {"languages": label}
    feas = inst.rfeas[r]
    busy_a = feas & ~st.free[a]
    busy_b = feas & ~st.free[b]
    full_a, full_b = busy_a == feas, busy_b == feas
    if full_a and full_b:
        return "both_fully_booked", {"a": pa, "b": pb}
    for full, p, other, pid in ((full_a, a, pb, pa), (full_b, b, pa, pb)):
        if full:
            if st.free[p] == 0:
                return "fully_booked", {"participant": pid}
            return "fully_booked_common", {"participant": pid, "other": other}
    both = feas & st.free[a] & st.free[b]
    if both == 0:
        return "no_common_free_slot", {"a": pa, "b": pb}
    n = _popcount(both)
    if inst.rtable[r]:
        if inst.T == 0:
            return "no_tables", {}
        if both & ~st.table_full == 0:
            return "no_free_table", {"n": str(n)}
        both &= ~st.table_full
    if c >= 0 and both & st.class_free[c] == 0:
        return "no_free_interpreter", {"languages": inst.rlabel[r]}
    return "displaced", {}


def reason(inst: Instance, st: State, r: int) -> str:
    """Why accepted request ``r`` is not in the schedule held by ``st``, in English."""
    return reasons.text(*reason_code(inst, st, r))


def _unscheduled(request: str, code: str, params: dict[str, str]) -> Unscheduled:
    return Unscheduled(request, reasons.text(code, params), code, tuple(sorted(params.items())))


def build_schedule(inst: Instance, st: State, bound: float | None) -> Schedule:
    event = inst.event
    placed = sorted(
        (r for r in range(inst.R) if st.slot_of[r] >= 0),
        key=lambda r: (st.slot_of[r], natural_key(inst.req_ids[r])),
    )
    # Tables are interchangeable: pinned tables stay, the others are handed out in order.
    taken: list[set[int]] = [set() for _ in range(inst.S)]
    for r, t in inst.pin_table.items():
        taken[inst.pin_slot[r]].add(t)
    next_table = [0] * inst.S
    meetings: list[Meeting] = []
    for r in placed:
        s = st.slot_of[r]
        table: str | None = None
        if inst.rtable[r]:
            if r in inst.pin_table:
                t = inst.pin_table[r]
            else:
                t = next_table[s]
                while t in taken[s]:
                    t += 1
                taken[s].add(t)
                next_table[s] = t + 1
            table = inst.table_ids[t]
        i = st.interp_of[r]
        booth = inst.rbooth[r]
        meetings.append(
            Meeting(
                request=inst.req_ids[r],
                slot=inst.slot_ids[s],
                table=table,
                interpreter=inst.interp_ids[i] if i >= 0 else None,
                booth=inst.part_ids[booth] if booth >= 0 else None,
                language_gap=inst.rgap[r] or None,
            )
        )
    unscheduled: list[Unscheduled] = []
    for req in event.requests:
        if not req.accepted:
            unscheduled.append(_unscheduled(req.id, "not_accepted", {"status": req.status}))
            continue
        r = inst.req_index[req.id]
        if st.slot_of[r] < 0:
            unscheduled.append(_unscheduled(req.id, *reason_code(inst, st, r)))
    objective = float(sum(inst.rw[r] for r in placed))
    return Schedule(tuple(meetings), tuple(unscheduled), objective, bound)
