"""Work the task worker does (``tandem db_worker``): schedule computations and e-mail."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from tandem.core.jobs import lease_expired
from tandem.fairs.enums import JobStatus
from tandem.fairs.models import Fair, ScheduleJob
from tandem.fairs.services.jobs import (
    schedule_job_create,
    schedule_job_run,
    schedule_job_take_back,
)
from tandem.fairs.services.mail import send_notice_mail


@task()
def compute_schedule(job_id: int) -> int | None:
    job = ScheduleJob.objects.select_related("fair", "requested_by").get(pk=job_id)
    schedule_job_run(job)
    return job.version_id


def schedule_jobs_reclaim() -> int:
    """Take back the computations whose worker stopped (lease expired): queued again, or
    failed with the reason after ``MAX_ATTEMPTS``. The worker runs this (tandem.core.jobs)."""
    taken = 0
    for job in ScheduleJob.objects.filter(status=JobStatus.RUNNING):
        if not lease_expired(job.heartbeat_at):
            continue
        taken += 1
        if schedule_job_take_back(job=job):
            compute_schedule.enqueue(job.pk)
    return taken


@task()
def send_notice(kind: str, object_id: int) -> int:
    return send_notice_mail(kind, object_id)


def schedule_start(*, fair: Fair, time_limit: float, seed: int, actor: Any) -> ScheduleJob:
    """Record a computation and hand it to the worker (the immediate backend of the tests
    runs it at once)."""
    job = schedule_job_create(fair=fair, time_limit=time_limit, seed=seed, actor=actor)
    compute_schedule.enqueue(job.pk)  # a failed run is recorded on the job itself
    job.refresh_from_db()
    return job
