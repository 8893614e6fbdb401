"""Schedule computations hold a lease that their heartbeat renews: one whose worker died does
not block the fair (it used to for about 32 minutes), and is computed again or failed with
the reason; an organiser has at most three computations waiting at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.jobs import LEASE_SECONDS
from tandem.core.models import User
from tandem.fairs.enums import JobStatus
from tandem.fairs.models import Fair, MeetingRequest, ScheduleJob
from tandem.fairs.services.jobs import schedule_job_create
from tandem.fairs.tasks import schedule_jobs_reclaim

pytestmark = pytest.mark.integration


def died_while_running(fair: Fair, actor: User, *, attempts: int) -> ScheduleJob:
    """A computation as a worker killed with -9 leaves it: running, its last beat long ago."""
    job = schedule_job_create(fair=fair, time_limit=60, seed=0, actor=actor)
    long_ago = timezone.now() - dt.timedelta(seconds=LEASE_SECONDS + 30)
    ScheduleJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=long_ago, heartbeat_at=long_ago, attempts=attempts
    )
    job.refresh_from_db()
    return job


def test_a_computation_whose_worker_died_does_not_block_the_fair(
    small_fair: Any, organiser: User
) -> None:
    dead = died_while_running(small_fair.fair, organiser, attempts=1)
    fresh = schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    dead.refresh_from_db()
    assert dead.status == JobStatus.FAILED and "task worker stopped" in dead.error_text
    assert fresh.status == JobStatus.QUEUED


def test_a_running_computation_with_a_fresh_heartbeat_still_blocks_the_fair(
    small_fair: Any, organiser: User
) -> None:
    alive = died_while_running(small_fair.fair, organiser, attempts=1)
    ScheduleJob.objects.filter(pk=alive.pk).update(heartbeat_at=timezone.now())
    with pytest.raises(ValidationError, match="already being computed"):
        schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)


def test_a_computation_whose_worker_died_is_computed_again_then_given_up(
    small_fair: Any, organiser: User, accept_request: Callable[..., MeetingRequest]
) -> None:
    accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    again = died_while_running(small_fair.fair, organiser, attempts=1)
    assert schedule_jobs_reclaim() == 1
    again.refresh_from_db()
    assert again.status == JobStatus.DONE and again.version is not None and again.attempts == 2
    given_up = died_while_running(small_fair.fair, organiser, attempts=2)
    assert schedule_jobs_reclaim() == 1
    given_up.refresh_from_db()
    assert given_up.status == JobStatus.FAILED and "2 times" in given_up.error_text


def test_an_organiser_has_at_most_three_computations_waiting(
    small_fair: Any, organiser: User
) -> None:
    other_fair = Fair.objects.exclude(pk=small_fair.fair.pk).earliest("pk")
    for _ in range(3):  # queued at another fair (the limit is the organiser's, across fairs)
        ScheduleJob.objects.create(fair=other_fair, time_limit=5, requested_by=organiser)
    with pytest.raises(ValidationError, match="already have 3 schedule computations"):
        schedule_job_create(fair=small_fair.fair, time_limit=5, seed=0, actor=organiser)
