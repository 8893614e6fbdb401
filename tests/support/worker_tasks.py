"""Jobs for the tests that run real task workers (tests/core/test_workers_on_nodes.py): each
notes its run in a file, so that the test counts how often each ran and in which process."""

from __future__ import annotations

import os
import time

from django_tasks import task


@task()
def note_run(path: str, number: int) -> int:
    with open(path, "a", encoding="utf-8") as runs:  # one line, appended whole
        runs.write(f"{number} {os.getpid()}\n")
    time.sleep(0.05)
    return number


@task()
def run_long(path: str, seconds: float) -> None:
    with open(path, "a", encoding="utf-8") as runs:
        runs.write(f"started {os.getpid()}\n")
    time.sleep(seconds)
