"""Writes of briefing jobs: created by a reader, advanced and finished by the task worker."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tandem.committee.enums import BriefingFormat, JobStatus
from tandem.committee.models import BriefingJob, CommitteeSession


@transaction.atomic
def briefing_job_create(
    *,
    session: CommitteeSession,
    language: str,
    file_format: str = BriefingFormat.PDF,
    as_of: dt.date,
    actor: Any,
) -> BriefingJob:
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
