"""Parsing the event file: clear one-line errors that name the offending id; JSON output."""

from __future__ import annotations

import json

import pytest

from tandem.fairs.scheduling import EventError, parse_event, schedule_to_dict, solve
from tandem.fairs.scheduling.io import load_event, parse_meetings

pytestmark = pytest.mark.unit


@pytest.fixture
def data(sched_event):
    return sched_event(
        2,
        {"a": {"languages": ["JA"]}, "b": {"exhibitor": True, "languages": ["ja", "en"]}, "c": {}},
        [("r1", "a", "b", 2)],
        interpreters=[{"id": "i1", "languages": ["ja", "ru"], "available": ["s1"]}],
    )


def test_parses_a_valid_event(data):
    event = parse_event(data)
    assert [s.id for s in event.slots] == ["s1", "s2"]
    assert event.participant("a").languages == frozenset({"ja"})  # normalised to lower case
    assert event.participant("c").languages == frozenset()  # no languages listed
    assert event.participant("b").exhibitor
    assert event.request("r1").priority == 2.0 and event.request("r1").accepted
    assert event.interpreters[0].available == frozenset({"s1"})


def test_interpreters_are_optional(data):
    del data["event"]["interpreters"]
    assert parse_event(data).interpreters == ()


def error(data) -> str:
    with pytest.raises(EventError) as info:
        parse_event(data)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_unknown_participant_in_request(data):
    data["requests"][0]["to"] = "zz"
    assert error(data) == "request 'r1': unknown participant 'zz' in 'to'"


def test_self_request(data):
    data["requests"][0]["to"] = "a"
    assert error(data) == "request 'r1': 'from' and 'to' are the same participant 'a'"


def test_unknown_slot_in_availability(data):
    data["participants"][1]["available"] = ["s1", "s7"]
    assert error(data) == "participant 'b' available: unknown slot 's7'"


def test_unknown_slot_for_interpreter(data):
    data["event"]["interpreters"][0]["available"] = ["x"]
    assert error(data) == "interpreter 'i1' available: unknown slot 'x'"


def test_duplicate_ids(data):
    data["participants"].append(dict(data["participants"][0]))
    assert error(data) == "participant 'a': duplicate id"
    data["participants"].pop()
    data["requests"].append(dict(data["requests"][0]))
    assert error(data) == "request 'r1': duplicate id"


@pytest.mark.parametrize(
    ("value", "message"),
    [("high", "priority must be a number"), (-1, "priority must be a finite number >= 0")],
)
def test_bad_priority(data, value, message):
    data["requests"][0]["priority"] = value
    assert error(data).startswith(f"request 'r1': {message}")


def test_missing_fields(data):
    del data["participants"][0]["available"]
    assert error(data) == "participant 'a': missing field 'available'"
    data["participants"][0]["available"] = []
    del data["requests"][0]["status"]
    assert error(data) == "request 'r1': missing field 'status'"
    del data["event"]["slots"]
    assert error(data) == "event: missing field 'slots'"


def test_wrong_types(data):
    assert error([]) == "event file: expected an object, got list"
    data["participants"][0]["exhibitor"] = "yes"
    assert error(data) == "participant 'a': field 'exhibitor' must be true or false"
    data["participants"] = {}
    assert error(data) == "participants: expected a list, got dict"


def test_slot_times(data):
    data["event"]["slots"][0]["end"] = "2025-07-07T08:00"
    assert error(data).startswith("slot 's1': start '2025-07-07T09:00' is not before end")


def test_interpreter_needs_languages(data):
    del data["event"]["interpreters"][0]["languages"]
    assert error(data) == "interpreter 'i1': missing field 'languages'"


def test_load_event_errors(tmp_path):
    missing = tmp_path / "none.json"
    with pytest.raises(EventError, match="cannot read"):
        load_event(missing)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(EventError, match="invalid JSON at line 1"):
        load_event(bad)


def test_output_format(data):
    schedule = solve(parse_event(data), time_limit=5)
    out = schedule_to_dict(schedule)
    assert out == {
        "meetings": [
            {"request": "r1", "slot": "s1", "table": None, "interpreter": None, "booth": "b"}
        ],
        "unscheduled": [],
        "objective": 2,
        "bound": 2,
    }
    json.dumps(out)


def test_parse_meetings_accepts_the_output_format(data):
    schedule = solve(parse_event(data), time_limit=5)
    meetings = parse_meetings(json.loads(json.dumps(schedule_to_dict(schedule))))
    assert [m.request for m in meetings] == ["r1"]
    with pytest.raises(EventError, match="meeting #1: missing field 'request'"):
        parse_meetings([{"slot": "s1"}])
