"""Task workers on several nodes share one queue: every job is run by exactly one of them,
and a job whose worker was killed is failed with the reason once its lease runs out, never
left running.

Real `tandem db_worker` processes on the test database; PostgreSQL only (TANDEM_DATABASE_URL):
SQLite's test database lives in the test process's memory, where no other process reaches."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from worker_tasks import note_run, run_long

from tandem.core.models import WorkerBeat

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

TANDEM = str(Path(sys.executable).with_name("tandem"))
SUPPORT = str(Path(__file__).parents[1] / "support")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOBS = 40
LEASE = 3


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "real worker processes need a database server: SQLite's test database is in "
            "this process's memory (set TANDEM_DATABASE_URL=postgresql://…)"
        )


def _node_env(tmp_path: Path, node: str) -> dict[str, str]:
    settings = connection.settings_dict
    url = (
        f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("TANDEM_")}
    return environment | {
        "DJANGO_SETTINGS_MODULE": "tandem.settings.base",
        "TANDEM_DATABASE_URL": url,
        "TANDEM_DATA_DIR": str(tmp_path / node),
        "TANDEM_JOB_LEASE_SECONDS": str(LEASE),
        "PYTHONPATH": SUPPORT,
    }


def _worker(tmp_path: Path, node: str, *options: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            TANDEM,
            "db_worker",
            "--interval",
            "0.1",
            "--no-startup-delay",
            "--worker-id",
            node,
            *options,
        ],
        env=_node_env(tmp_path, node),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_two_workers_run_every_job_exactly_once(tmp_path: Path) -> None:
    runs = tmp_path / "runs.txt"
    with override_settings(TASKS=DATABASE_TASKS):
        for number in range(JOBS):
            note_run.enqueue(str(runs), number)
    workers = [_worker(tmp_path, node, "--batch") for node in ("node-a", "node-b")]
    for worker in workers:
        _, errors = worker.communicate(timeout=600)
        assert worker.returncode == 0, errors.decode()
    lines = [line.split() for line in runs.read_text().splitlines()]
    assert Counter(int(number) for number, _pid in lines) == Counter(range(JOBS))
    assert len({pid for _number, pid in lines}) == 2, "both workers took jobs"
    results = list(DBTaskResult.objects.all())
    assert {result.status for result in results} == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)
    assert not WorkerBeat.objects.exists(), "a worker that stopped as asked signs off"


def test_a_job_whose_worker_was_killed_is_failed_with_the_reason(tmp_path: Path) -> None:
    started = tmp_path / "started.txt"
    with override_settings(TASKS=DATABASE_TASKS):
        job = run_long.enqueue(str(started), 300.0)
    doomed = _worker(tmp_path, "node-a")
    try:
        deadline = time.monotonic() + 300
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert started.exists(), "the first worker never took the job"
    finally:
        doomed.send_signal(signal.SIGKILL)  # the node is lost: no sign-off, no result
        doomed.wait()
    assert DBTaskResult.objects.get(id=job.id).status == "RUNNING"
    time.sleep(LEASE + 1)  # no sign of life for longer than the lease
    survivor = _worker(tmp_path, "node-b", "--batch")
    _, errors = survivor.communicate(timeout=600)
    assert survivor.returncode == 0, errors.decode()
    result = DBTaskResult.objects.get(id=job.id)
    assert result.status == "FAILED"
    assert result.exception_class_path == "tandem.core.jobs.WorkerLost"
    assert "the task worker node-a stopped while running this job" in result.traceback
