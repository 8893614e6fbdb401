"""Iterated local search: ruin a small neighbourhood of the schedule and rebuild it.

Each step picks (with the seeded generator) a participant who has unscheduled requests, takes
out the non-pinned meetings of that participant and of some of their partners, then rebuilds:
the freed and waiting requests of those people by priority (insert, relocation, ejection),
followed by a bipartite re-assignment of each of them. The step is kept when the total priority
does not drop (so the search can drift across equally good schedules) and rolled back otherwise.
The number of steps is fixed by the input size, so runs are reproducible; the deadline only stops
early.
"""

from __future__ import annotations

from .search import EPS, Deadline, Search

RUIN_PER_PERSON = 5  # meetings taken out per person of the neighbourhood
REBUILD_LIMIT = 30  # waiting requests of the neighbourhood tried again, best first
EJECT_LIMIT = 15  # of which this many may also eject lighter meetings


def perturb(
    search: Search,
    steps: int,
    weight_hint: list[float] | None = None,
    stop_at: float | None = None,
) -> int:
    """Run up to ``steps`` ruin-and-rebuild steps; returns how many improved the schedule.

    Stops early once the objective reaches ``stop_at`` (the upper bound)."""
    st, inst, rng = search.st, search.inst, search.rng
    hint = weight_hint or [0.0] * inst.R
    improved = 0
    best = st.value
    try:
        waiting: list[int] = []
        for step in range(steps):
            if step % 25 == 0:  # people with a request still waiting (refreshed now and then)
                waiting = sorted(
                    {
                        p
                        for r in range(inst.R)
                        if st.slot_of[r] < 0 and not inst.fixed[r] and inst.rfeas[r]
                        for p in (inst.ra[r], inst.rb[r])
                    }
                )
            if not waiting or (stop_at is not None and st.value >= stop_at - EPS):
                break
            p = waiting[rng.randrange(len(waiting))]
            mark = len(st.log)
            before = st.value
            people = {p}
            partners = [
                inst.rb[r] if inst.ra[r] == p else inst.ra[r]
                for r in inst.by_part[p]
                if st.slot_of[r] >= 0
            ]
            rng.shuffle(partners)
            people.update(partners[:3])
            freed: list[int] = []
            for q in sorted(people):
                mine = [r for r in inst.by_part[q] if st.slot_of[r] >= 0 and not inst.fixed[r]]
                rng.shuffle(mine)
                for r in mine[:RUIN_PER_PERSON]:
                    if st.slot_of[r] >= 0:
                        st.remove(r)
                        freed.append(r)
            waiting_here = sorted(
                {
                    r
                    for q in people
                    for r in inst.by_part[q]
                    if st.slot_of[r] < 0 and not inst.fixed[r] and inst.rfeas[r]
                }
            )
            keys = {r: (-inst.rw[r], -hint[r], rng.random()) for r in waiting_here}
            todo = sorted(waiting_here, key=keys.__getitem__)[:REBUILD_LIMIT]
            todo += [r for r in freed if r not in set(todo)]
            for r in todo:
                if st.slot_of[r] < 0:
                    search.insert(r, depth=1)
            for r in todo[:EJECT_LIMIT]:
                if st.slot_of[r] < 0:
                    search.eject(r, level=1)
            for q in sorted(people):
                search.reassign(q)
            if st.value >= before - EPS:
                st.commit()
                if st.value > best + EPS:
                    best = st.value
                    improved += 1
            else:
                st.undo(mark)
    except Deadline:
        pass
    st.undo(0)
    st.commit()
    return improved
