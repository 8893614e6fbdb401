"""Writes of briefing jobs: created by a reader, advanced and finished by the task worker."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import ngettext

from tandem.committee.enums import BriefingFormat, JobStatus
from tandem.committee.models import BriefingJob, CommitteeSession
from tandem.core.jobs import MAX_ATTEMPTS, MAX_WAITING_PER_USER, waiting_count
from tandem.core.messages import message_text

WAITING = (JobStatus.QUEUED, JobStatus.RUNNING)


@transaction.atomic
def briefing_job_create(
    *,
    session: CommitteeSession,
    language: str,
    file_format: str = BriefingFormat.PDF,
    as_of: dt.date,
    actor: Any,
) -> BriefingJob:
    """Record a pack for the worker to make; a user has at most ``MAX_WAITING_PER_USER``
    waiting or being made at once."""
    if waiting_count(BriefingJob, actor=actor, statuses=WAITING) >= MAX_WAITING_PER_USER:
        raise ValidationError(
            ngettext(
                "You already have %(count)d briefing pack waiting or being made: wait until it "
                "is ready before asking for another.",
                "You already have %(count)d briefing packs waiting or being made: wait until "
                "one is ready before asking for another.",
                MAX_WAITING_PER_USER,
            )
            % {"count": MAX_WAITING_PER_USER},
            code="too_many_jobs",
        )
    job = BriefingJob(
        session=session,
        language=language,
        file_format=file_format,
        as_of=as_of,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    job.full_clean()
    job.save()
    return job


def briefing_job_start(*, job: BriefingJob) -> bool:
    """The worker takes ``job``: running, one more attempt, the lease begun. False when the
    job is no longer queued (given up, or taken by another run)."""
    now = timezone.now()
    taken = BriefingJob.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, attempts=F("attempts") + 1, heartbeat_at=now
    )
    if taken:
        job.refresh_from_db(fields=["status", "attempts", "heartbeat_at"])
    return bool(taken)


def briefing_job_take_back(*, job: BriefingJob) -> bool:
    """The worker stopped working on ``job`` (its lease expired): queue it again while it has
    attempts left (True), else fail it with the reason (False)."""
    if job.attempts < MAX_ATTEMPTS:
        queued = BriefingJob.objects.filter(
            pk=job.pk, status=JobStatus.RUNNING, heartbeat_at=job.heartbeat_at
        ).update(status=JobStatus.QUEUED, progress=0, step="", heartbeat_at=None)
        return bool(queued)
    briefing_job_fail(
        job=job,
        error=message_text("given_up", count=job.attempts),  # committee.messages
    )
    return False


def briefing_job_progress(*, job: BriefingJob, percent: int, step: str) -> None:
    job.status = JobStatus.RUNNING
    job.progress = max(0, min(percent, 99))
    job.step = step[:200]
    BriefingJob.objects.filter(pk=job.pk).update(
        status=job.status, progress=job.progress, step=job.step
    )


def briefing_job_finish(*, job: BriefingJob, content: bytes) -> BriefingJob:
    name = f"briefing-session-{job.session.number}-{job.language}.{job.file_format}"
    job.result.save(name, ContentFile(content), save=False)
    job.status = JobStatus.DONE
    job.progress = 100
    job.step = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["result", "status", "progress", "step", "finished_at"])
    return job


def briefing_job_fail(*, job: BriefingJob, error: str) -> BriefingJob:
    job.status = JobStatus.FAILED
    job.error = error[:2000]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    return job
