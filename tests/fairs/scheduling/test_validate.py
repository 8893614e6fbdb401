"""Conflict checks of a schedule after hand moves."""

from __future__ import annotations

import dataclasses

import pytest

from tandem.fairs.scheduling import Meeting, parse_event, solve, validate_meetings

pytestmark = pytest.mark.unit


@pytest.fixture
def event(sched_event):
    return parse_event(
        sched_event(
            2,
            {
                "a": {"languages": ["ja"]},
                "b": {"languages": ["ru"]},
                "c": {"languages": ["ja"]},
                "e": {"languages": ["ja"], "exhibitor": True, "available": [1]},
            },
            [
                ("r1", "a", "b", 1),
                ("r2", "a", "c", 1),
                ("r3", "c", "e", 1),
                ("r4", "b", "c", 1, "pending"),
            ],
            tables=1,
            interpreters=[
                {"id": "i1", "languages": ["ja", "ru"], "available": ["s1"]},
                {"id": "i2", "languages": ["ja", "en"]},
            ],
            pinned=[{"request": "r3", "slot": "s1"}],
        )
    )


def kinds(event, meetings):
    return sorted(c.kind for c in validate_meetings(event, meetings))


GOOD = (
    Meeting("r1", "s1", "t1", "i1"),
    Meeting("r2", "s2", "t1", None),
    Meeting("r3", "s1", None, None),
)


def test_a_valid_schedule_has_no_conflict(event):
    assert validate_meetings(event, GOOD) == []


def test_the_solvers_schedule_is_valid(event):
    schedule = solve(event, time_limit=5)
    assert validate_meetings(event, schedule.meetings) == []
    assert schedule.objective == 3


def test_double_booking(event):
    moved = (GOOD[0], dataclasses.replace(GOOD[1], slot="s1", table=None), GOOD[2])
    conflicts = validate_meetings(event, moved)
    kinds_ = sorted(c.kind for c in conflicts)
    assert "double-booked" in kinds_
    clash = next(c for c in conflicts if c.kind == "double-booked")
    assert set(clash.requests) == {"r1", "r2"}
    assert "participant 'a' has two meetings in slot 's1'" in clash.message


def test_unavailable_participant(event):
    moved = (GOOD[0], GOOD[1], Meeting("r3", "s2", None, None))
    assert "unavailable" in kinds(event, moved)


def test_tables(event):
    assert kinds(event, (GOOD[0], dataclasses.replace(GOOD[1], table=None), GOOD[2])) == [
        "missing-table"
    ]
    assert kinds(event, (GOOD[0], GOOD[1], dataclasses.replace(GOOD[2], table="t1"))) == [
        "table-at-booth"
    ]
    assert "unknown-table" in kinds(event, (dataclasses.replace(GOOD[0], table="t9"), *GOOD[1:]))


def test_table_clash(sched_event):
    ev = parse_event(
        sched_event(1, {p: {} for p in "abcd"}, [("r1", "a", "b", 1), ("r2", "c", "d", 1)])
    )
    meetings = (Meeting("r1", "s1", "t1"), Meeting("r2", "s1", "t1"))
    assert kinds(ev, meetings) == ["table-clash"]


def test_interpreters(event):
    assert kinds(event, (dataclasses.replace(GOOD[0], interpreter=None), *GOOD[1:])) == [
        "missing-interpreter"
    ]
    assert kinds(event, (dataclasses.replace(GOOD[0], interpreter="i2"), *GOOD[1:])) == [
        "interpreter-languages"
    ]
    assert kinds(
        event,
        (dataclasses.replace(GOOD[0], slot="s2", interpreter="i1"), GOOD[2]),
    ) == ["interpreter-unavailable"]
    assert kinds(event, (dataclasses.replace(GOOD[0], interpreter="i7"), *GOOD[1:])) == [
        "unknown-interpreter"
    ]


def test_interpreter_clash(sched_event):
    ev = parse_event(
        sched_event(
            1,
            {
                "a": {"languages": ["ja"]},
                "b": {"languages": ["ru"]},
                "c": {"languages": ["ja"]},
                "d": {"languages": ["ru"]},
            },
            [("r1", "a", "b", 1), ("r2", "c", "d", 1)],
            interpreters=[{"id": "i1", "languages": ["ja", "ru"]}],
        )
    )
    meetings = (Meeting("r1", "s1", "t1", "i1"), Meeting("r2", "s1", "t2", "i1"))
    assert kinds(ev, meetings) == ["interpreter-clash"]


def test_requests(event):
    assert "unknown-request" in kinds(event, (*GOOD, Meeting("r99", "s1")))
    assert "not-accepted" in kinds(event, (*GOOD, Meeting("r4", "s2", "t1", "i2")))
    assert "duplicate" in kinds(event, (*GOOD, GOOD[0]))
    assert "unknown-slot" in kinds(event, (*GOOD[:1], Meeting("r2", "s9", "t1"), GOOD[2]))


def test_pinned_meeting_moved_or_dropped(event):
    assert kinds(event, GOOD[:2]) == ["pinned-moved"]
