"""The portal's dump on demand: the secretariat asks, the task worker writes it
(:func:`tandem.interop.tasks.build_open_dump`, the same job as the daily one), and the page
follows the job through django_tasks' own result (queued, running, done with its day, or
failed). One dump at a time: asking while one waits or runs returns that one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django_tasks import TaskResultStatus, default_task_backend

from tandem.core.actors import Actor, actor_user
from tandem.interop.tasks import build_open_dump

MAKE_DUMP = "interop.make_open_dump"
WAITING = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


@dataclass(frozen=True)
class OpenDumpJob:
    id: str
    status: str
    enqueued_at: dt.datetime | None
    finished_at: dt.datetime | None
    day: str  # the dump's day once it is written

    @property
    def waiting(self) -> bool:
        return self.status in WAITING


def tracked() -> bool:
    """Whether the task backend keeps results (the database backend of every deployment; the
    tests' immediate backend runs the job at once and keeps none)."""
    return bool(default_task_backend.supports_get_result)


def open_dump_jobs(*, limit: int = 10) -> list[OpenDumpJob]:
    """The latest dump jobs, the newest first (daily and on demand alike)."""
    if not tracked():
        return []
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=build_open_dump.module_path).order_by(
        "-enqueued_at"
    )[:limit]
    return [
        OpenDumpJob(
            id=str(row.id),
            status=str(row.status),
            enqueued_at=row.enqueued_at,
            finished_at=row.finished_at,
            day=str(row.return_value or "") if row.status == TaskResultStatus.SUCCESSFUL else "",
        )
        for row in rows
    ]


def open_dump_request(*, actor: Actor) -> OpenDumpJob:
    """Queue a dump for the worker on ``actor``'s behalf (the dump's manifest names them)."""
    if not actor.has_perm(MAKE_DUMP):
        raise PermissionDenied("Only the secretariat asks for an open-data dump.")
    waiting = [job for job in open_dump_jobs(limit=3) if job.waiting]
    if waiting:
        return waiting[0]
    user = actor_user(actor)
    result = build_open_dump.enqueue(requested_by=user.pk if user else None)
    return OpenDumpJob(
        id=str(result.id),
        status=str(result.status),
        enqueued_at=result.enqueued_at,
        finished_at=result.finished_at,
        day=str(result.return_value) if result.status == TaskResultStatus.SUCCESSFUL else "",
    )
