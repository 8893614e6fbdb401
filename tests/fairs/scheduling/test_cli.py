"""The command-line entry: output, one-line summary, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tandem.fairs.scheduling.cli import main, run

pytestmark = pytest.mark.unit


@pytest.fixture
def event_file(tmp_path, sched_event):
    data = sched_event(
        2, {"a": {}, "b": {}, "c": {}}, [("r1", "a", "b", 2), ("r2", "a", "c", 1, "declined")]
    )
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_run_writes_the_schedule_and_a_summary(event_file, tmp_path, capsys):
    out = tmp_path / "out.json"
    assert run(str(event_file), str(out), 10.0, 0) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["objective"] == 2 and result["bound"] == 2
    assert [m["request"] for m in result["meetings"]] == ["r1"]
    assert result["unscheduled"] == [{"request": "r2", "reason": "not accepted (status declined)"}]
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("scheduled 1 of 1 accepted requests, objective 2, bound 2, gap 0.00 %")
    assert err.endswith(" s")


def test_run_to_stdout(event_file, capsys):
    assert run(str(event_file), None, 10.0, 0) == 0
    assert json.loads(capsys.readouterr().out)["objective"] == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "invalid JSON"),
        (
            '{"event": {"slots": []}, "participants": [], "requests": [{"id": "r1"}]}',
            "request 'r1': missing field 'from'",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert run(str(path), None, 10.0, 0) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in captured.err


def test_missing_file_and_bad_time_limit(tmp_path, event_file, capsys):
    assert run(str(tmp_path / "nope.json"), None, 10.0, 0) == 2
    assert "cannot read" in capsys.readouterr().err
    assert run(str(event_file), None, 0.0, 0) == 2
    assert "time limit must be positive" in capsys.readouterr().err


def test_main_validate_and_quick(event_file, tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main([str(event_file), "-o", str(out), "--quick"]) == 0
    capsys.readouterr()
    assert main([str(event_file), "--validate", str(out)]) == 0
    schedule = json.loads(out.read_text(encoding="utf-8"))
    schedule["meetings"][0]["table"] = None
    out.write_text(json.dumps(schedule), encoding="utf-8")
    assert main([str(event_file), "--validate", str(out)]) == 1
    assert "missing-table: request 'r1': needs a table" in capsys.readouterr().out


SAMPLE = Path(__file__).resolve().parents[2] / "data" / "fairs" / "innoprom_small.json"


def test_sample_event_reaches_its_proven_optimum(tmp_path, capsys):
    # The optimum (21) needs a swap: r1 and r3 trade slots so that r4 fits in its only slot.
    out = tmp_path / "out.json"
    assert run(str(SAMPLE), str(out), 10.0, 0) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["objective"] == 21 and result["bound"] == 21
    placed = {m["request"]: m for m in result["meetings"]}
    assert placed["r2"]["slot"] == "d1-1000" and placed["r2"]["interpreter"] == "int-sato"
    assert placed["r2"]["booth"] == "ru-uralmash"
    assert placed["r4"]["table"] == "T1" and placed["r4"]["interpreter"] == "int-sato"
    reasons = {u["request"]: u["reason"] for u in result["unscheduled"]}
    assert reasons["r8"] == "not accepted (status declined)"
    assert "gap 0.00 %" in capsys.readouterr().err
    assert main([str(SAMPLE), "--validate", str(out)]) == 0
