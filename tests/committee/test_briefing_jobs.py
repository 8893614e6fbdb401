"""Briefing jobs hold a lease that their heartbeat renews: a job whose worker died (killed
with -9, say, at 75 %) is made again, or failed with the reason once it has used its attempts.
A user has at most three packs waiting at once, and the worker takes the secretariat's and
officials' packs before others'."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tandem.committee.enums import JobStatus
from tandem.committee.models import BriefingJob, CommitteeSession
from tandem.committee.services.briefing import briefing_job_create
from tandem.committee.tasks import briefing_jobs_reclaim, briefing_start
from tandem.core.enums import Role
from tandem.core.jobs import LEASE_SECONDS, heartbeat, reclaim_expired_jobs
from tandem.core.models import User

pytestmark = pytest.mark.integration

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
AS_OF = dt.date(2019, 12, 1)


def abandoned_at_75(session: CommitteeSession, actor: User, *, attempts: int) -> BriefingJob:
    """A job as a worker killed with -9 leaves it: running, 75 %, its last beat long ago."""
    job = briefing_job_create(session=session, language="en", as_of=AS_OF, actor=actor)
    BriefingJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        progress=75,
        step="Charts",
        attempts=attempts,
        heartbeat_at=timezone.now() - dt.timedelta(seconds=LEASE_SECONDS + 60),
    )
    job.refresh_from_db()
    return job


def test_a_job_whose_worker_died_is_made_again(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    job = abandoned_at_75(session_15, secretariat_jp, attempts=1)
    assert reclaim_expired_jobs() == 1  # the apps' reclaimers, as the worker runs them
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.progress == 100 and job.result
    assert job.attempts == 2


def test_a_job_abandoned_at_its_last_attempt_fails_with_the_reason(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    job = abandoned_at_75(session_15, secretariat_jp, attempts=2)
    assert briefing_jobs_reclaim() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "task worker stopped" in job.error_text and "2 times" in job.error_text


def test_a_job_with_a_fresh_heartbeat_is_left_to_its_worker(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    job = abandoned_at_75(session_15, secretariat_jp, attempts=1)
    BriefingJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    assert briefing_jobs_reclaim() == 0
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.progress == 75


@pytest.mark.django_db(transaction=True)  # the heartbeat writes from a thread of its own
def test_the_heartbeat_renews_the_lease_while_the_job_runs(
    session_15: CommitteeSession, secretariat_jp: User
) -> None:
    job = briefing_job_create(session=session_15, language="en", as_of=AS_OF, actor=secretariat_jp)
    with heartbeat(BriefingJob, job.pk, every=0.05):
        job.refresh_from_db()
        first = job.heartbeat_at
        time.sleep(0.5)
    job.refresh_from_db()
    assert first is not None and job.heartbeat_at is not None and job.heartbeat_at > first


def test_a_user_has_at_most_three_packs_waiting(
    session_15: CommitteeSession, make_user: Callable[..., User]
) -> None:
    auditor = make_user(Role.AUDITOR, username="busy-auditor")
    for _ in range(3):
        briefing_job_create(session=session_15, language="en", as_of=AS_OF, actor=auditor)
    with pytest.raises(ValidationError, match="already have 3 briefing packs waiting"):
        briefing_job_create(session=session_15, language="en", as_of=AS_OF, actor=auditor)
    other = make_user(Role.SECRETARIAT, "RU", username="waiting-secretariat")
    briefing_job_create(session=session_15, language="en", as_of=AS_OF, actor=other)
    client = Client()
    client.force_login(auditor)
    page = client.post(
        f"/committee/{session_15.number}/briefing/",
        {"language": "en", "file_format": "pdf", "as_of": "2019-12-01"},
    )
    assert page.status_code == 200
    assert "already have 3 briefing packs waiting" in page.content.decode()
    assert BriefingJob.objects.filter(requested_by=auditor).count() == 3


def test_the_secretariats_pack_is_made_before_the_auditors(
    session_15: CommitteeSession, secretariat_jp: User, make_user: Callable[..., User]
) -> None:
    auditor = make_user(Role.AUDITOR, username="early-auditor")
    with override_settings(TASKS=DATABASE_TASKS):
        for _ in range(3):
            briefing_start(session=session_15, language="en", as_of=AS_OF, actor=auditor)
        mine = briefing_start(session=session_15, language="en", as_of=AS_OF, actor=secretariat_jp)
    first = DBTaskResult.objects.ready().first()
    assert first is not None and first.args_kwargs["args"] == [mine.pk]
