"""Work the task worker does (``tandem db_worker``): briefing packs and reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from tandem.committee.enums import BriefingFormat, JobStatus
from tandem.committee.exporters.briefing import render_briefing
from tandem.committee.models import BriefingJob, CommitteeSession
from tandem.committee.services.actions import action_reminders_send
from tandem.committee.services.briefing import (
    briefing_job_create,
    briefing_job_fail,
    briefing_job_finish,
    briefing_job_progress,
    briefing_job_start,
    briefing_job_take_back,
)
from tandem.core.enums import Role
from tandem.core.jobs import heartbeat, lease_expired, priority_for
from tandem.core.models import User

#: Whose work a briefing pack is: their packs are made first.
BRIEFING_ROLES = (Role.SECRETARIAT, Role.OFFICIAL)


@task()
def build_briefing(job_id: int) -> str:
    job = BriefingJob.objects.select_related("session__committee", "requested_by").get(pk=job_id)
    if not briefing_job_start(job=job):
        return ""  # given up, or made by another run
    reader = job.requested_by or User(role="auditor", is_active=True)

    def progress(percent: int, step: str) -> None:
        briefing_job_progress(job=job, percent=percent, step=step)

    with heartbeat(BriefingJob, job.pk):
        try:
            content = render_briefing(
                job.session,
                reader,
                language=job.language,
                file_format=job.file_format,
                as_of=job.as_of,
                progress=progress,
            )
        except Exception as exc:  # the job records the failure; the worker logs the traceback
            briefing_job_fail(job=job, error=f"{type(exc).__name__}: {exc}")
            raise
        briefing_job_finish(job=job, content=content)
    return str(job.result.name)


def _enqueue(job: BriefingJob) -> None:
    priority = priority_for(job.requested_by, own_roles=BRIEFING_ROLES)
    build_briefing.using(priority=priority).enqueue(job.pk)


def briefing_jobs_reclaim() -> int:
    """Take back the packs whose worker stopped (lease expired): queued again, or failed
    with the reason after ``MAX_ATTEMPTS``. The worker runs this (tandem.core.jobs)."""
    taken = 0
    running = BriefingJob.objects.filter(status=JobStatus.RUNNING).select_related("requested_by")
    for job in running:
        if not lease_expired(job.heartbeat_at):
            continue
        taken += 1
        if briefing_job_take_back(job=job):
            _enqueue(job)
    return taken


@task()
def send_action_reminders() -> int:
    return action_reminders_send()


def briefing_start(
    *,
    session: CommitteeSession,
    language: str,
    actor: Any,
    as_of: dt.date,
    file_format: str = BriefingFormat.PDF,
) -> BriefingJob:
    """Record a job and hand it to the worker (run at once by the immediate backend): the
    secretariat's and officials' packs before others'."""
    job = briefing_job_create(
        session=session, language=language, file_format=file_format, as_of=as_of, actor=actor
    )
    try:
        _enqueue(job)
    except Exception:  # a failed build is recorded on the job itself
        job.refresh_from_db()
        return job
    job.refresh_from_db()
    return job
