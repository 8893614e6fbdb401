"""What every job handed to the task worker keeps (briefing packs, schedule computations):
a lease that its heartbeat renews, a count of attempts, and a fair share of the worker.

- While the worker runs a job, :func:`heartbeat` writes the job's ``heartbeat_at`` every
  ``HEARTBEAT_SECONDS`` from a thread of its own. A job whose last beat is older than
  ``LEASE_SECONDS`` is no longer being worked on (its worker was killed, or lost its database)
  and is taken back: queued again while it has attempts left (``MAX_ATTEMPTS``), else failed
  with the reason. Each app registers the function that takes its jobs back
  (:func:`register_reclaimer`); the worker runs them when it starts and every lease.
- Every task worker writes its own beat (:func:`worker_beat`, a ``WorkerBeat`` row) while it
  runs, on any number of nodes. A job of django_tasks' table left running by a worker whose
  beat stopped for a lease (killed, its machine lost) is failed with the reason
  (:func:`task_results_reclaim`), never left running; the app's own job, if any, is queued
  again by its reclaimer. Each job is claimed by one worker (django_tasks_db takes it with
  ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, an exclusive transaction on SQLite).
- A user may have ``MAX_WAITING_PER_USER`` jobs of a kind waiting or running at once; the
  worker takes the jobs of the roles whose work it is first (:func:`priority_for`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, models
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tandem.core.models import WorkerBeat

logger = logging.getLogger("tandem.worker")

LEASE_SECONDS = 90
HEARTBEAT_SECONDS = 15
MAX_ATTEMPTS = 2
MAX_WAITING_PER_USER = 3
#: django_tasks priorities (-100 … 100): the worker takes higher ones first.
PRIORITY_OWN_WORK = 10
PRIORITY_OTHERS = -10

RECLAIMERS: list[Callable[[], int]] = []


def lease_seconds() -> int:
    """How long a running job may go unheard of (TANDEM_JOB_LEASE_SECONDS, 90 by default)."""
    return int(getattr(settings, "TANDEM_JOB_LEASE_SECONDS", LEASE_SECONDS))


def heartbeat_seconds() -> float:
    """How often a running job, and each worker, says it is alive: a few times a lease."""
    return min(HEARTBEAT_SECONDS, lease_seconds() / 3)


def lease_expired(heartbeat_at: dt.datetime | None, *, now: dt.datetime | None = None) -> bool:
    """A running job's lease has run out: no heartbeat within the lease."""
    if heartbeat_at is None:
        return True
    return (now or timezone.now()) - heartbeat_at > dt.timedelta(seconds=lease_seconds())


@contextmanager
def heartbeat(model: type[models.Model], pk: int, *, every: float | None = None) -> Iterator[None]:
    """Renew the lease of job ``pk`` now and every ``every`` seconds until the block ends."""
    every = heartbeat_seconds() if every is None else every
    manager = model._default_manager
    manager.filter(pk=pk).update(heartbeat_at=timezone.now())
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(every):
                try:
                    manager.filter(pk=pk).update(heartbeat_at=timezone.now())
                except DatabaseError as error:  # the next beat may get through
                    logger.warning("Heartbeat of %s %s missed: %s", model.__name__, pk, error)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{model.__name__}-{pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def waiting_count(
    model: type[models.Model], *, actor: Any, statuses: Collection[str], field: str = "requested_by"
) -> int:
    """How many jobs of ``model`` that ``actor`` asked for are waiting or running."""
    if not getattr(actor, "pk", None):
        return 0
    return model._default_manager.filter(**{field: actor, "status__in": statuses}).count()


def priority_for(actor: Any, *, own_roles: Collection[str]) -> int:
    """Jobs of the roles whose work it is go first; everyone else's after them."""
    role = getattr(actor, "role", "")
    return PRIORITY_OWN_WORK if role in own_roles else PRIORITY_OTHERS


def register_reclaimer(reclaim: Callable[[], int]) -> None:
    """``reclaim()`` takes back the app's jobs whose lease expired and says how many."""
    if reclaim not in RECLAIMERS:
        RECLAIMERS.append(reclaim)


def reclaim_expired_jobs() -> int:
    """Run every app's reclaimer; a database error is logged and left for the next round."""
    taken = 0
    for reclaim in RECLAIMERS:
        try:
            taken += reclaim()
        except DatabaseError as error:
            logger.warning("Taking back abandoned jobs failed (%s); trying again later.", error)
    return taken


class WorkerLost(Exception):
    """The task worker running a job stopped (killed, or its machine lost) before finishing."""


def worker_beat(worker_id: str, *, host: str, pid: int) -> None:
    """Worker ``worker_id`` is alive now."""
    now = timezone.now()
    if not WorkerBeat.objects.filter(worker_id=worker_id).update(beat_at=now):
        WorkerBeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"host": host, "pid": pid, "beat_at": now, "started_at": now},
        )


def worker_gone(worker_id: str) -> None:
    """Worker ``worker_id`` stopped as asked: it runs no job any more."""
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


def task_results_reclaim() -> int:
    """Fail, with the reason, the jobs of django_tasks' table that a worker left running:
    started over a lease ago by a worker that has not beaten within the lease. Says how many."""
    now = timezone.now()
    lease = dt.timedelta(seconds=lease_seconds())
    alive = set(
        WorkerBeat.objects.filter(beat_at__gte=now - lease).values_list("worker_id", flat=True)
    )
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - lease
    ).only("id", "worker_ids", "started_at")
    reason = WorkerLost.__module__ + "." + WorkerLost.__qualname__
    failed = 0
    for result in running:
        worker = result.worker_ids[-1] if result.worker_ids else ""
        if worker in alive:
            continue
        failed += DBTaskResult.objects.filter(
            id=result.id, status=TaskResultStatus.RUNNING, started_at=result.started_at
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=reason,
            traceback=(
                f"{reason}: the task worker {worker or '(unknown)'} stopped while running this "
                f"job (no sign of life for {lease_seconds()} s: it was killed, or its machine "
                "was lost). The job's own record, if it has one, is queued again or failed."
            ),
            return_value=None,
        )
    if failed:
        logger.warning("Failed %d jobs left running by a stopped task worker.", failed)
    return failed


register_reclaimer(task_results_reclaim)
