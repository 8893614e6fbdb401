"""What every job handed to the task worker keeps (briefing packs, schedule computations):
a lease that its heartbeat renews, a count of attempts, and a fair share of the worker.

- While the worker runs a job, :func:`heartbeat` writes the job's ``heartbeat_at`` every
  ``HEARTBEAT_SECONDS`` from a thread of its own. A job whose last beat is older than
  ``LEASE_SECONDS`` is no longer being worked on (its worker was killed, or lost its database)
  and is taken back: queued again while it has attempts left (``MAX_ATTEMPTS``), else failed
  with the reason. Each app registers the function that takes its jobs back
  (:func:`register_reclaimer`); the worker runs them when it starts and every lease.
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

from django.db import DatabaseError, connection, models
from django.utils import timezone

logger = logging.getLogger("tandem.worker")

LEASE_SECONDS = 90
HEARTBEAT_SECONDS = 15
MAX_ATTEMPTS = 2
MAX_WAITING_PER_USER = 3
#: django_tasks priorities (-100 … 100): the worker takes higher ones first.
PRIORITY_OWN_WORK = 10
PRIORITY_OTHERS = -10

RECLAIMERS: list[Callable[[], int]] = []


def lease_expired(heartbeat_at: dt.datetime | None, *, now: dt.datetime | None = None) -> bool:
    """A running job's lease has run out: no heartbeat within ``LEASE_SECONDS``."""
    if heartbeat_at is None:
        return True
    return (now or timezone.now()) - heartbeat_at > dt.timedelta(seconds=LEASE_SECONDS)


@contextmanager
def heartbeat(
    model: type[models.Model], pk: int, *, every: float = HEARTBEAT_SECONDS
) -> Iterator[None]:
    """Renew the lease of job ``pk`` now and every ``every`` seconds until the block ends."""
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
