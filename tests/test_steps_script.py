"""scripts/steps.sh (what `make demo` runs its steps with) says what each step does, how long
it took and about how long the rest will take, and is never silent for long."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "steps.sh"

pytestmark = pytest.mark.integration


def _run(tmp_path: Path, *steps: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"STEP_TIMES": str(tmp_path / "times.tsv"), "STEP_HEARTBEAT": "1"}
    return subprocess.run(
        ["bash", str(SCRIPT), *steps], env=env, capture_output=True, text=True, timeout=60
    )


def test_each_step_says_its_estimate_its_time_and_what_is_left(tmp_path: Path) -> None:
    run = _run(tmp_path, "90 slow step :: sleep 2.5", "30 quick step :: true")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("2 steps, about 2 min 0 s in all")
    assert "[1/2] slow step (about 1 min 30 s)" in lines
    assert any(line.strip().startswith("... slow step still running: 1 s so far") for line in lines)
    assert any(
        line.startswith("[1/2] slow step done in ") and line.endswith("about 30 s to go")
        for line in lines
    )
    assert lines[-1].startswith("All 2 steps done in ")
    # The times measured here are the next run's estimates.
    again = _run(tmp_path, "90 slow step :: true", "30 quick step :: true")
    assert "[1/2] slow step (about 2 s)" in again.stdout or "(about 3 s)" in again.stdout


def test_the_first_failing_step_stops_the_run_with_its_status(tmp_path: Path) -> None:
    run = _run(tmp_path, "5 broken :: exit 3", "5 never :: touch never-made")
    assert run.returncode == 3
    assert "[1/2] broken FAILED (exit 3)" in run.stderr
    assert "never" not in run.stdout
