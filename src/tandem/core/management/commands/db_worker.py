"""``tandem db_worker``: django_tasks_db's worker, which survives a locked or lost database
(:mod:`tandem.core.task_worker`). The same options, but no ``--reload``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from tandem.core.task_worker import ResilientWorker


class Command(DatabaseWorkerCommand):
    help = (
        "Run the task worker (briefing packs, schedules, the matching index, the press inbox); "
        "on a locked or lost database it waits and tries again instead of stopping."
    )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
