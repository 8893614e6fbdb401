"""First-come-first-served baseline: requests in request-id order, each in its earliest slot.

This is what organisers get by hand or with a naive tool, and the yardstick for the solver.
Pinned meetings are kept; then every accepted request, in natural request-id order (``r2``
before ``r10``), takes the earliest slot where both sides, a table (if needed) and a free
interpreter (if needed) are available. Nothing is ever moved.
"""

from __future__ import annotations

from .instance import Instance
from .model import Event, Schedule
from .result import build_schedule
from .state import State


def quick_state(inst: Instance) -> State:
    st = State(inst)
    for r in inst.id_order:
        if inst.fixed[r]:
            continue
        m = st.direct_mask(r)
        if m:
            st.place(r, (m & -m).bit_length() - 1)
    st.commit()
    return st


def quick_schedule(event: Event) -> Schedule:
    """The first-come-first-served schedule of ``event`` (no bound)."""
    inst = Instance(event)
    return build_schedule(inst, quick_state(inst), None)
