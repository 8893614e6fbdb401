"""The mutable state under the search: masks, interpreter matching, undo."""

from __future__ import annotations

import random
import time

import pytest

from tandem.fairs.scheduling import parse_event
from tandem.fairs.scheduling.instance import Instance
from tandem.fairs.scheduling.search import Search
from tandem.fairs.scheduling.state import State

pytestmark = pytest.mark.unit


def snapshot(st: State) -> tuple:
    return (
        list(st.slot_of),
        list(st.interp_of),
        [list(row) for row in st.occ],
        list(st.free),
        list(st.table_used),
        st.table_full,
        [dict(d) for d in st.ibusy],
        list(st.class_free),
        [list(row) for row in st.free_count],
        st.value,
        st.count,
    )


@pytest.fixture
def interp_event(sched_event):
    # r1 (ja/ru) can use i1 or i2; r2 (en/ru) only i1: placing r2 after r1 must move r1 to i2.
    return parse_event(
        sched_event(
            1,
            {
                "a": {"languages": ["ja"]},
                "b": {"languages": ["ru"]},
                "c": {"languages": ["en"]},
                "d": {"languages": ["ru"]},
            },
            [("r1", "a", "b", 1), ("r2", "c", "d", 1)],
            tables=2,
            interpreters=[
                {"id": "i1", "languages": ["ja", "ru", "en"]},
                {"id": "i2", "languages": ["ja", "ru"]},
            ],
        )
    )


def test_augmenting_path_and_exact_undo(interp_event):
    inst = Instance(interp_event)
    st = State(inst)
    r1, r2 = inst.req_index["r1"], inst.req_index["r2"]
    assert st.place(r1, 0)
    assert st.interp_of[r1] == 0  # i1, the first free one
    st.commit()
    before = snapshot(st)
    assert st.direct_mask(r2) == 0  # i1 is busy: no direct placement
    assert st.place(r2, 0)  # ... but r1 can switch to i2
    assert (st.interp_of[r1], st.interp_of[r2]) == (1, 0)
    st.undo(0)
    assert snapshot(st) == before
    st.remove(r1)
    st.undo(0)
    assert snapshot(st) == before


def test_placing_twice_is_refused(interp_event):
    inst = Instance(interp_event)
    st = State(inst)
    st.place(0, 0)
    with pytest.raises(RuntimeError):
        st.place(0, 0)


def test_moves_ignore_requests_placed_meanwhile(interp_event):
    inst = Instance(interp_event)
    st = State(inst)
    st.place(0, 0)
    search = Search(st, random.Random(0), time.monotonic() + 10)
    before = snapshot(st)
    assert search.insert(0, depth=2)  # already placed: nothing to do
    assert not search.eject(0, level=1)
    assert snapshot(st) == before


def test_random_moves_undo_exactly(sched_random_event):
    event = parse_event(sched_random_event(3, n=30, m=150, slots=4))
    inst = Instance(event)
    st = State(inst)
    rng = random.Random(1)
    search = Search(st, rng, time.monotonic() + 30)
    for _ in range(200):
        before = snapshot(st)
        r = rng.randrange(inst.R)
        if st.slot_of[r] >= 0:
            search.relocate(r, {}, depth=2)
        elif not search.insert(r, depth=2):
            search.eject(r, level=1)
        if rng.random() < 0.5:
            st.undo(0)
            assert snapshot(st) == before
        st.commit()
