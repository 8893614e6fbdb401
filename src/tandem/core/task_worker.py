"""The task worker that outlives its database's bad moments.

django_tasks_db's worker exits on any database error but a lock it meets while claiming a
job: a lock met elsewhere (committing the claim, recording a result), a lost connection or a
database file replaced by a restore stops it, and every queued briefing pack, schedule and
press scan waits for someone to notice. :class:`ResilientWorker` runs the same loop and, on
such an error, closes its connections, waits (doubling from one second to a minute) and
carries on. It writes its own beat while it runs, and every lease it takes back the jobs
whose worker stopped (``tandem.core.jobs``): any number of workers, on any number of nodes,
share one queue, each job run by one of them.
``tandem db_worker`` runs it; ``scripts/run-worker.sh`` restarts the process
itself should it die all the same (``make demo`` uses it).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker

from tandem.core.jobs import (
    heartbeat_seconds,
    lease_seconds,
    reclaim_expired_jobs,
    worker_beat,
    worker_gone,
)

logger = logging.getLogger("tandem.worker")

#: Errors of the database, not of the work: wait and try again.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@dataclass
class Backoff:
    """Waits that double from ``first`` to ``most`` seconds; ``reset`` after a good spell."""

    first: float = 1.0
    most: float = 60.0
    current: float = 0.0

    def next(self) -> float:
        self.current = self.first if self.current == 0 else min(self.current * 2, self.most)
        return self.current

    def reset(self) -> None:
        self.current = 0.0


class ResilientWorker(Worker):
    """django_tasks_db's worker loop, restarted after a transient database error."""

    def __init__(self, *, backoff: Backoff | None = None, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.backoff = backoff or Backoff()
        self.transient_errors = 0

    def run(self) -> None:
        self._beat()
        reclaim_expired_jobs()  # at once: a worker that died may be being replaced by this one
        stop = threading.Event()
        beating = threading.Thread(
            target=self._beat_and_reclaim, args=(stop,), name="beat-and-reclaim", daemon=True
        )
        beating.start()
        try:
            self._run_until_done()
        finally:
            stop.set()
            beating.join(timeout=5)
            try:
                worker_gone(self.worker_id)
            except TRANSIENT_ERRORS as error:
                logger.warning("The worker could not sign off (%s).", error)

    def _beat(self) -> None:
        try:
            worker_beat(self.worker_id, host=socket.gethostname(), pid=os.getpid())
        except TRANSIENT_ERRORS as error:  # the next beat may get through
            logger.warning("The worker's beat was missed: %s", error)

    def _beat_and_reclaim(self, stop: threading.Event) -> None:
        """Say this worker is alive a few times a lease, and take back the jobs whose lease
        expired once a lease."""
        last_reclaim = time.monotonic()
        try:
            while not stop.wait(heartbeat_seconds()):
                self._beat()
                if time.monotonic() - last_reclaim >= lease_seconds():
                    reclaim_expired_jobs()
                    last_reclaim = time.monotonic()
        finally:
            connections.close_all()  # this thread's own

    def _run_until_done(self) -> None:
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return  # a batch done, or the most tasks run: the worker stops as asked
            except TRANSIENT_ERRORS as error:
                self.transient_errors += 1
                if time.monotonic() - started > self.backoff.most:
                    self.backoff.reset()  # it had been working: start the waits afresh
                wait = self.backoff.next()
                logger.warning(
                    "The database is unavailable (%s); the worker tries again in %.0f s.",
                    error,
                    wait,
                )
                self._forget_connections()
                time.sleep(wait)

    @staticmethod
    def _forget_connections() -> None:
        """Drop every connection: a lost or replaced database needs a new one."""
        for connection in connections.all(initialized_only=True):
            try:
                if connection.in_atomic_block:
                    connection.needs_rollback = True
                connection.close()
            except TRANSIENT_ERRORS:
                connection.connection = None
