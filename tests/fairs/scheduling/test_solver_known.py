"""Small hand-made events whose optimum is known."""

from __future__ import annotations

import re

import pytest

from tandem.fairs.scheduling import (
    EventError,
    Schedule,
    parse_event,
    quick_schedule,
    schedule_to_dict,
    solve,
    validate_schedule,
)

pytestmark = pytest.mark.unit

JA = {"languages": ["ja"]}
RU = {"languages": ["ru"]}


def run(data: dict, **kw) -> Schedule:
    event = parse_event(data)
    schedule = solve(event, time_limit=20, seed=kw.pop("seed", 0), perturb_steps=50, **kw)
    assert validate_schedule(event, schedule) == []
    assert schedule.bound is None or schedule.bound >= schedule.objective
    return schedule


def meeting(schedule: Schedule, rid: str):
    found = [m for m in schedule.meetings if m.request == rid]
    return found[0] if found else None


def reason(schedule: Schedule, rid: str) -> str:
    return next(u.reason for u in schedule.unscheduled if u.request == rid)


def test_single_meeting_at_a_table(sched_event):
    s = run(sched_event(1, {"a": {}, "b": {}}, [("r1", "a", "b", 3)]))
    m = meeting(s, "r1")
    assert m is not None and m.slot == "s1" and m.table == "t1" and m.interpreter is None
    assert m.booth is None
    assert s.objective == 3 and s.bound == 3


def test_priority_beats_greedy_by_weight(sched_event):
    # a-b (3) blocks both a-c (2) and b-d (2) in the only slot: optimum is 4, not 3.
    data = sched_event(
        1,
        {p: {} for p in "abcd"},
        [("r1", "a", "b", 3), ("r2", "a", "c", 2), ("r3", "b", "d", 2)],
    )
    s = run(data)
    assert s.objective == 4
    assert {m.request for m in s.meetings} == {"r2", "r3"}
    assert s.bound == 4
    assert "fully booked" in reason(s, "r1")


def test_triangle_needs_three_slots(sched_event):
    data = sched_event(
        2, {p: {} for p in "abc"}, [("r1", "a", "b", 1), ("r2", "b", "c", 1), ("r3", "a", "c", 5)]
    )
    s = run(data)
    assert s.objective == 6  # two of the three fit in two slots; the heavy one is among them
    assert meeting(s, "r3") is not None


def test_exhibitor_booth_takes_no_table(sched_event):
    data = sched_event(
        2,
        {"e": {"exhibitor": True}, "x": {"available": [1]}, "y": {"available": [1]}},
        [("r1", "x", "e", 2), ("r2", "y", "e", 5)],
        tables=0,
    )
    s = run(data)
    m = meeting(s, "r2")
    assert m is not None and m.table is None and m.booth == "e"
    assert meeting(s, "r1") is None
    assert s.objective == 5 and s.bound == 5
    assert "'e' fully booked" in reason(s, "r1")


def test_two_exhibitors_meet_at_the_receivers_booth(sched_event):
    data = sched_event(
        1, {"e1": {"exhibitor": True}, "e2": {"exhibitor": True}}, [("r1", "e1", "e2", 1)]
    )
    s = run(data)
    assert meeting(s, "r1").booth == "e2"
    assert meeting(s, "r1").table is None


def test_tables_are_limited(sched_event):
    data = sched_event(
        1,
        {p: {} for p in "abcd"},
        [("r1", "a", "b", 1), ("r2", "c", "d", 2)],
        tables=1,
    )
    s = run(data)
    assert s.objective == 2 and s.bound == 2
    assert meeting(s, "r2").table == "t1"
    assert reason(s, "r1").startswith("no free table")


def test_no_tables_at_all(sched_event):
    s = run(sched_event(1, {"a": {}, "b": {}}, [("r1", "a", "b", 1)], tables=0))
    assert s.objective == 0 and s.bound == 0
    assert "no free table" in reason(s, "r1")


def test_a_fair_without_interpreters_schedules_cross_language_meetings_flagged(sched_event):
    data = sched_event(
        1, {"a": JA, "b": RU, "c": {}, "d": JA}, [("r1", "a", "b", 1), ("r2", "c", "d", 1)]
    )
    s = run(data)
    assert s.unscheduled == ()
    assert meeting(s, "r1").interpreter is None and meeting(s, "r1").language_gap == "ja/ru"
    assert meeting(s, "r2").language_gap == "(none listed)/ja"
    assert schedule_to_dict(s)["meetings"][0]["language_gap"] == "ja/ru"


def test_a_shared_language_is_never_flagged(sched_event):
    data = sched_event(1, {"a": {"languages": ["ja", "en"]}, "b": {"languages": ["en"]}},
                       [("r1", "a", "b", 1)])  # fmt: skip
    assert meeting(run(data), "r1").language_gap is None
    assert "language_gap" not in schedule_to_dict(run(data))["meetings"][0]


def test_interpreter_needed_and_missing(sched_event):
    data = sched_event(1, {"a": JA, "b": RU}, [("r1", "a", "b", 1)])
    data["event"]["interpreters"] = [{"id": "i1", "languages": ["ja", "en"]}]
    assert reason(run(data), "r1") == "no interpreter for ja/ru"
    data["event"]["interpreters"].append({"id": "i2", "languages": ["ru", "ja"]})
    s = run(data)
    assert meeting(s, "r1").interpreter == "i2"


def test_shared_language_needs_no_interpreter(sched_event):
    data = sched_event(
        1,
        {"a": {"languages": ["ja", "en"]}, "b": {"languages": ["ru", "en"]}},
        [("r1", "a", "b", 1)],
    )
    assert meeting(run(data), "r1").interpreter is None


def test_unlisted_languages(sched_event):
    # Neither lists a language: assumed to manage; one lists none: no interpreter can serve.
    data = sched_event(
        1,
        {"a": {}, "b": {}, "c": JA},
        [("r1", "a", "b", 1), ("r2", "a", "c", 1)],
        interpreters=[{"id": "i1", "languages": ["ja", "ru"]}],
    )
    s = run(data)
    assert meeting(s, "r1") is not None
    assert reason(s, "r2") == "no interpreter for (none listed)/ja"


def test_interpreters_are_matched_per_slot(sched_event):
    # i1 speaks everything, i2 only ja/ru: the en/ru meeting must get i1, the ja/ru one i2.
    data = sched_event(
        1,
        {"a": JA, "b": RU, "c": {"languages": ["en"]}, "d": RU},
        [("r1", "a", "b", 1), ("r2", "c", "d", 1)],
        interpreters=[
            {"id": "i1", "languages": ["ja", "ru", "en"]},
            {"id": "i2", "languages": ["ja", "ru"]},
        ],
    )
    s = run(data)
    assert s.objective == 2
    assert meeting(s, "r2").interpreter == "i1" and meeting(s, "r1").interpreter == "i2"


def test_interpreter_availability(sched_event):
    data = sched_event(
        2,
        {"a": JA, "b": RU},
        [("r1", "a", "b", 1)],
        interpreters=[{"id": "i1", "languages": ["ja", "ru"], "available": ["s2"]}],
    )
    assert meeting(run(data), "r1").slot == "s2"
    data["participants"][0]["available"] = ["s1"]
    assert "available in a common slot" in reason(run(data), "r1")


def test_one_interpreter_for_two_meetings_in_one_slot(sched_event):
    data = sched_event(
        1,
        {"a": JA, "b": RU, "c": JA, "d": RU},
        [("r1", "a", "b", 1), ("r2", "c", "d", 4)],
        interpreters=[{"id": "i1", "languages": ["ja", "ru"]}],
    )
    s = run(data)
    assert s.objective == 4 and s.bound == 4
    assert "no interpreter for ja/ru free" in reason(s, "r1")


def test_unavailable_participants(sched_event):
    data = sched_event(
        3,
        {"a": {"available": []}, "b": {}, "c": {"available": [1]}, "d": {"available": [2, 3]}},
        [("r1", "a", "b", 1), ("r2", "c", "d", 1)],
    )
    s = run(data)
    assert s.meetings == ()
    assert reason(s, "r1") == "participant 'a' has no available slot"
    assert reason(s, "r2") == "no common available slot"


def test_non_accepted_requests_are_reported_not_scheduled(sched_event):
    data = sched_event(
        2,
        {"a": {}, "b": {}, "c": {}},
        [("r1", "a", "b", 5, "declined"), ("r2", "a", "c", 1, "pending"), ("r3", "b", "c", 1)],
    )
    s = run(data)
    assert [m.request for m in s.meetings] == ["r3"]
    assert reason(s, "r1") == "not accepted (status declined)"
    assert reason(s, "r2") == "not accepted (status pending)"
    assert s.objective == 1


def test_fully_booked_reason(sched_event):
    data = sched_event(1, {"a": {}, "b": {}, "c": {}}, [("r1", "a", "b", 2), ("r2", "a", "c", 1)])
    s = run(data)
    assert reason(s, "r2") == "participant 'a' fully booked in their available slots"


def test_pinned_meeting_stays_even_if_worse(sched_event):
    people = {p: {} for p in "abc"}
    reqs = [("r1", "a", "b", 1), ("r2", "a", "c", 5)]
    free = run(sched_event(1, people, reqs))
    assert free.objective == 5
    pinned = [{"request": "r1", "slot": "s1"}]
    s = run(sched_event(1, people, reqs, pinned=pinned))
    assert meeting(s, "r1").slot == "s1"
    assert meeting(s, "r2") is None
    assert s.objective == 1 and s.bound == 1


def test_pinned_table_and_interpreter_are_kept(sched_event):
    data = sched_event(
        2,
        {"a": JA, "b": RU, "c": JA, "d": RU},
        [("r1", "a", "b", 1), ("r2", "c", "d", 1)],
        tables=2,
        interpreters=[
            {"id": "i1", "languages": ["ja", "ru"]},
            {"id": "i2", "languages": ["ja", "ru"]},
        ],
        pinned=[{"request": "r2", "slot": "s2", "table": "t2", "interpreter": "i2"}],
    )
    s = run(data)
    m = meeting(s, "r2")
    assert (m.slot, m.table, m.interpreter) == ("s2", "t2", "i2")
    assert s.objective == 2


def test_organisers_rerun_around_pins(sched_event):
    data = sched_event(
        3,
        {p: {} for p in "abcd"},
        [("r1", "a", "b", 1), ("r2", "a", "c", 1), ("r3", "a", "d", 1), ("r4", "b", "c", 1)],
    )
    first = run(data)
    assert first.objective == 4
    data["pinned"] = [{"request": "r1", "slot": "s3"}, {"request": "r4", "slot": "s1"}]
    s = run(data)
    assert meeting(s, "r1").slot == "s3" and meeting(s, "r4").slot == "s1"
    assert s.objective == 4


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ({"request": "r1", "slot": "s2"}, "participant 'a' is not available in slot 's2'"),
        ({"request": "r9", "slot": "s1"}, "request 'r9': no such request"),
        ({"request": "r2", "slot": "s1"}, "not accepted (status declined)"),
        ({"request": "r1", "slot": "s1", "table": "t7"}, "no such table 't7'"),
    ],
)
def test_invalid_pins_are_input_errors(sched_event, pin, message):
    data = sched_event(
        2,
        {"a": {"available": [1]}, "b": {}},
        [("r1", "a", "b", 1), ("r2", "b", "a", 1, "declined")],
        pinned=[pin],
    )
    with pytest.raises(EventError, match="pinned meetings: .*" + re.escape(message)):
        solve(parse_event(data), time_limit=5)


def test_quick_is_first_come_first_served_in_natural_id_order(sched_event):
    data = sched_event(1, {"a": {}, "b": {}, "c": {}}, [("r10", "a", "b", 5), ("r2", "a", "c", 1)])
    q = quick_schedule(parse_event(data))
    assert [m.request for m in q.meetings] == ["r2"]  # r2 came first, r10 lost the slot
    assert q.objective == 1 and q.bound is None
    assert run(data).objective == 5
