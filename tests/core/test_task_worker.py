"""The task worker survives a locked or lost database: it waits, tries again, and then runs
the job (``tandem db_worker`` is :class:`ResilientWorker`)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import get_commands
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tandem.core.task_worker import Backoff, ResilientWorker
from tandem.press.tasks import scan_press_inbox

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextmanager
def write_lock_held_for(seconds: float) -> Iterator[None]:
    """Another connection to the same SQLite database writes to the job table and holds its
    write lock for ``seconds``, as a long upload or import did."""
    if connection.vendor != "sqlite":
        pytest.skip("holds SQLite's write lock; PostgreSQL lets readers through")
    path = str(connection.settings_dict["NAME"])  # the test database (a shared in-memory one)
    other = sqlite3.connect(path, uri=path.startswith("file:"), check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute(f"UPDATE {DBTaskResult._meta.db_table} SET priority = priority")
    release = threading.Timer(seconds, other.rollback)
    release.start()
    try:
        yield
    finally:
        release.join()
        other.close()


def worker(**options: object) -> ResilientWorker:
    return ResilientWorker(
        queue_names=["default"],
        interval=0.05,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="probe-worker",
        excluded_queue_names=[],
        backoff=Backoff(first=0.2, most=1.0),
        **options,
    )


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_the_worker_survives_a_locked_database_and_then_runs_the_job() -> None:
    with override_settings(TASKS=DATABASE_TASKS):
        queued = scan_press_inbox.enqueue()
        running = worker()
        with write_lock_held_for(1.5):
            running.run()
    assert running.transient_errors >= 1, "the lock was never met: the test proves nothing"
    assert DBTaskResult.objects.get(id=queued.id).status == "SUCCESSFUL"


@pytest.mark.unit
def test_the_waits_double_up_to_a_minute_and_start_again() -> None:
    backoff = Backoff()
    assert [backoff.next() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    backoff.reset()
    assert backoff.next() == 1


@pytest.mark.unit
def test_tandem_db_worker_is_the_worker_that_survives() -> None:
    assert get_commands()["db_worker"] == "tandem.core"
