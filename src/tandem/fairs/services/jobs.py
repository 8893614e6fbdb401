"""Schedule computations as jobs: created by an organiser, run and finished by the worker."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.fairs.enums import RUNNING_JOB_STATUSES, JobStatus
from tandem.fairs.models import Fair, ScheduleJob, ScheduleVersion
from tandem.fairs.services.schedules import MAX_TIME_LIMIT, schedule_compute

#: A queued job no worker took within this time, or a running one past twice its time limit
#: and this margin, is taken as abandoned (no worker running, or a worker that died).
STALE_AFTER = dt.timedelta(minutes=30)


def _abandon_stale(fair: Fair) -> None:
    now = timezone.now()
    for job in ScheduleJob.objects.filter(fair=fair, status__in=RUNNING_JOB_STATUSES):
        since = job.started_at or job.created_at
        allowed = STALE_AFTER + dt.timedelta(seconds=2 * job.time_limit if job.started_at else 0)
        if now - since > allowed:
            schedule_job_fail(
                job=job, error=_("The task worker did not finish this computation in time.")
            )


@transaction.atomic
def schedule_job_create(*, fair: Fair, time_limit: float, seed: int, actor: Any) -> ScheduleJob:
    """Record a computation for the worker; one at a time per fair."""
    Fair.objects.select_for_update().filter(pk=fair.pk).first()
    if not 1 <= time_limit <= MAX_TIME_LIMIT:
        raise ValidationError(
            _("Give a time limit between 1 and %(max)s seconds.") % {"max": f"{MAX_TIME_LIMIT:g}"}
        )
    _abandon_stale(fair)
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


def schedule_job_start(*, job: ScheduleJob) -> ScheduleJob:
    """Mark the job running (committed at once, so that the job page sees it)."""
    job.status = JobStatus.RUNNING
    job.started_at = timezone.now()
    ScheduleJob.objects.filter(pk=job.pk).update(status=job.status, started_at=job.started_at)
    return job


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
    if job.status != JobStatus.QUEUED:  # given up as abandoned, or run already
        return job
    schedule_job_start(job=job)
    try:
        version = schedule_compute(
            fair=job.fair, time_limit=job.time_limit, seed=job.seed, actor=job.requested_by
        )
    except ValidationError as error:
        schedule_job_fail(job=job, error=" ".join(error.messages))
        return job
    except Exception as exc:
        schedule_job_fail(job=job, error=f"{type(exc).__name__}: {exc}")
        raise
    return schedule_job_finish(job=job, version=version)
