"""Schedule computations as jobs: created by an organiser, run and finished by the worker."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.actors import worker_actor
from tandem.core.jobs import (
    MAX_ATTEMPTS,
    MAX_WAITING_PER_USER,
    heartbeat,
    lease_expired,
    waiting_count,
)
from tandem.core.messages import message_text
from tandem.fairs.enums import RUNNING_JOB_STATUSES, JobStatus
from tandem.fairs.messages import JOB_ERRORS
from tandem.fairs.models import Fair, ScheduleJob, ScheduleVersion
from tandem.fairs.services.schedules import MAX_TIME_LIMIT, schedule_compute

#: A queued job no worker took within this time is taken as abandoned (no worker running).
#: A running one is abandoned as soon as its lease expires (tandem.core.jobs).
STALE_AFTER = dt.timedelta(minutes=30)


def _abandon_stale(fair: Fair) -> None:
    now = timezone.now()
    for job in ScheduleJob.objects.filter(fair=fair, status__in=RUNNING_JOB_STATUSES):
        if job.status == JobStatus.RUNNING and lease_expired(job.heartbeat_at, now=now):
            schedule_job_fail(
                job=job,
                error=message_text("worker_stopped"),  # fairs.messages.JOB_ERRORS
            )
        elif job.status == JobStatus.QUEUED and now - job.created_at > STALE_AFTER:
            schedule_job_fail(job=job, error=message_text("not_finished"))


@transaction.atomic
def schedule_job_create(*, fair: Fair, time_limit: float, seed: int, actor: Any) -> ScheduleJob:
    """Record a computation for the worker; one at a time per fair."""
    Fair.objects.select_for_update().filter(pk=fair.pk).first()
    if not 1 <= time_limit <= MAX_TIME_LIMIT:
        raise ValidationError(
            _("Give a time limit between 1 and %(max)s seconds.") % {"max": f"{MAX_TIME_LIMIT:g}"}
        )
    _abandon_stale(fair)
    waiting = waiting_count(ScheduleJob, actor=actor, statuses=RUNNING_JOB_STATUSES)
    if waiting >= MAX_WAITING_PER_USER:
        raise ValidationError(
            ngettext(
                "You already have %(count)d schedule computation waiting or running: wait "
                "until it finishes before starting another.",
                "You already have %(count)d schedule computations waiting or running: wait "
                "until one finishes before starting another.",
                MAX_WAITING_PER_USER,
            )
            % {"count": MAX_WAITING_PER_USER},
            code="too_many_jobs",
        )
    if ScheduleJob.objects.filter(fair=fair, status__in=RUNNING_JOB_STATUSES).exists():
        raise ValidationError(
            _("A schedule is already being computed for this fair; wait for it to finish.")
        )
    job = ScheduleJob(
        fair=fair,
        time_limit=time_limit,
        seed=seed,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    job.full_clean()
    job.save()
    return job


def schedule_job_start(*, job: ScheduleJob) -> bool:
    """The worker takes ``job``: running (committed at once, so that the job page sees it),
    one more attempt, the lease begun. False when it is no longer queued."""
    now = timezone.now()
    taken = ScheduleJob.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, attempts=F("attempts") + 1, heartbeat_at=now
    )
    if taken:
        job.refresh_from_db(fields=["status", "started_at", "attempts", "heartbeat_at"])
    return bool(taken)


def schedule_job_take_back(*, job: ScheduleJob) -> bool:
    """The worker stopped computing ``job`` (its lease expired): queue it again while it has
    attempts left (True), else fail it with the reason (False)."""
    if job.attempts < MAX_ATTEMPTS:
        queued = ScheduleJob.objects.filter(
            pk=job.pk, status=JobStatus.RUNNING, heartbeat_at=job.heartbeat_at
        ).update(status=JobStatus.QUEUED, started_at=None, heartbeat_at=None)
        return bool(queued)
    schedule_job_fail(
        job=job,
        error=message_text("given_up", count=job.attempts),
    )
    return False


def schedule_job_finish(*, job: ScheduleJob, version: ScheduleVersion) -> ScheduleJob:
    job.status = JobStatus.DONE
    job.version = version
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "version", "finished_at"])
    return job


def schedule_job_fail(*, job: ScheduleJob, error: str) -> ScheduleJob:
    job.status = JobStatus.FAILED
    job.error = error[:2000]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    return job


def schedule_job_run(job: ScheduleJob) -> ScheduleJob:
    """Compute the version for ``job`` and record the outcome on the job (the worker's part).

    A rule the fair's data breaks (``ValidationError``) is a failure in the organiser's words;
    anything else is recorded by its type and then raised, for the worker's log."""
    if not schedule_job_start(job=job):  # given up as abandoned, or run already
        job.refresh_from_db()
        return job
    try:
        with heartbeat(ScheduleJob, job.pk):
            version = schedule_compute(
                fair=job.fair,
                time_limit=job.time_limit,
                seed=job.seed,
                actor=worker_actor(f"schedule job {job.pk}", job.requested_by),
            )
    except ValidationError as error:
        code = getattr(error, "code", None)
        text = message_text(code) if code in JOB_ERRORS else " ".join(error.messages)
        schedule_job_fail(job=job, error=text)
        return job
    except Exception as exc:
        schedule_job_fail(job=job, error=f"{type(exc).__name__}: {exc}")
        raise
    return schedule_job_finish(job=job, version=version)
