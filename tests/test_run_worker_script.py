"""scripts/run-worker.sh (what `make demo` runs) starts the task worker again when it stops,
and stops with it when told to."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "run-worker.sh"

pytestmark = pytest.mark.integration


def test_the_worker_is_started_again_when_it_stops_and_the_script_stops_on_term() -> None:
    # The real `tandem db_worker`, given a backend that does not exist: it stops at once.
    env = os.environ | {
        "BIN": str(Path(sys.executable).parent),
        "TANDEM_WORKER_RESTART_PAUSE": "0.2",
    }
    script = subprocess.Popen(
        ["bash", str(SCRIPT), "--backend", "no-such-backend"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    restarts = 0
    deadline = time.monotonic() + 120
    assert script.stderr is not None
    try:
        while restarts < 2 and time.monotonic() < deadline:
            line = script.stderr.readline()
            if "task worker stopped (exit 2); starting it again" in line:
                restarts += 1
    finally:
        script.send_signal(signal.SIGTERM)
        code = script.wait(timeout=60)
    assert restarts == 2
    assert code == 0
