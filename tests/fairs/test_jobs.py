"""Computing a schedule in the background: the job, its page (with htmx polling), its result
and its failure; run by the tests' immediate backend and by the database worker."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.fairs.enums import JobStatus
from tandem.fairs.models import MeetingRequest, ScheduledMeeting, ScheduleJob, ScheduleVersion
from tandem.fairs.services.jobs import schedule_job_create, schedule_job_fail, schedule_job_run
from tandem.fairs.services.schedules import meeting_pin, schedule_compute
from tandem.fairs.services.setup import participant_set_availability
from tandem.fairs.tasks import schedule_start

pytestmark = pytest.mark.integration

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _language_restored() -> Any:
    """A signed-in reader's language is activated by the middleware for the whole thread: keep
    it out of the tests that run after these."""
    language = translation.get_language()
    yield
    translation.activate(language)


def test_schedule_job_compute_runs_and_links_the_version(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
) -> None:
    accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    client.force_login(organiser)
    response = client.post("/fairs/innoprom-2019/schedules/compute/", {"time_limit": 2, "seed": 0})
    job = ScheduleJob.objects.get()
    assert response["Location"] == f"/fairs/innoprom-2019/schedules/jobs/{job.pk}/"
    assert job.status == JobStatus.DONE and job.version == ScheduleVersion.objects.get()
    assert job.requested_by == organiser and job.progress() == 100
    page = client.get(response["Location"]).content.decode()
    assert "Computing a schedule" in page and "Open schedule v1" in page
    assert 'hx-get="' not in page  # finished: no more polling


def test_schedule_job_page_polls_while_running(
    client: Client, small_fair: Any, organiser: User
) -> None:
    job = schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    client.force_login(organiser)
    url = f"/fairs/innoprom-2019/schedules/jobs/{job.pk}/"
    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page and 'hx-trigger="every 2s"' in page
    assert "Waiting for the task worker" in page
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith('<div id="job-status"') and "<html" not in part


def test_schedule_job_failure_says_why(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
) -> None:
    request = accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    version = schedule_compute(fair=small_fair.fair, time_limit=2, actor=DEMO_ACTOR)
    meeting = ScheduledMeeting.objects.get(version=version, request=request)
    meeting_pin(meeting=meeting, pinned=True, actor=DEMO_ACTOR)
    other = next(s for s in small_fair.slots if s != meeting.slot)
    participant_set_availability(participant=small_fair.ru[0], slots=[other], actor=DEMO_ACTOR)
    job = schedule_start(fair=small_fair.fair, time_limit=2, seed=0, actor=organiser)
    assert job.status == JobStatus.FAILED and job.version is None
    assert "pinned meetings" in job.error
    client.force_login(organiser)
    page = client.get(f"/fairs/innoprom-2019/schedules/jobs/{job.pk}/").content.decode()
    assert "The schedule could not be computed." in page and 'role="alert"' in page


def test_schedule_job_one_at_a_time_per_fair(
    client: Client, small_fair: Any, organiser: User
) -> None:
    schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    client.force_login(organiser)
    response = client.post(
        "/fairs/innoprom-2019/schedules/compute/", {"time_limit": 2, "seed": 0}, follow=True
    )
    assert "already being computed" in response.content.decode()
    assert ScheduleJob.objects.count() == 1


@pytest.mark.django_db(transaction=True)  # the worker closes connections between batches
def test_schedule_job_of_the_database_worker_runs_end_to_end(
    small_fair: Any, organiser: User, accept_request: Callable[..., MeetingRequest]
) -> None:
    accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    with override_settings(TASKS=DATABASE_TASKS):
        job = schedule_start(fair=small_fair.fair, time_limit=2, seed=0, actor=organiser)
        assert job.status == JobStatus.QUEUED and job.progress() == 0
        call_command("db_worker", batch=True, verbosity=0)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.version is not None
    assert job.version.objective == 3 and job.started_at and job.finished_at


def test_schedule_job_progress_follows_the_time_limit(small_fair: Any) -> None:
    job = schedule_job_create(fair=small_fair.fair, time_limit=100, seed=0, actor=DEMO_ACTOR)
    assert job.progress() == 0
    job.status = JobStatus.RUNNING
    job.started_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert job.progress(job.started_at + dt.timedelta(seconds=50)) == 47
    assert job.progress(job.started_at + dt.timedelta(seconds=500)) == 95


def test_schedule_job_page_is_for_organisers_of_that_fair(
    client: Client, small_fair: Any, organiser: User, representative_of: Callable[..., User]
) -> None:
    job = schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    client.force_login(representative_of(small_fair.jp[1]))
    assert client.get(f"/fairs/innoprom-2019/schedules/jobs/{job.pk}/").status_code == 403
    client.force_login(organiser)
    assert client.get(f"/fairs/ceatec-2019/schedules/jobs/{job.pk}/").status_code == 404


def test_schedule_job_time_limit_is_bounded(small_fair: Any, make_user: Any) -> None:
    with pytest.raises(ValidationError):
        schedule_job_create(
            fair=small_fair.fair, time_limit=10_000, seed=0, actor=make_user(Role.AGENCY_STAFF)
        )


def test_schedule_job_abandoned_by_the_worker_does_not_block_the_fair(
    small_fair: Any, organiser: User
) -> None:
    stale = schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    ScheduleJob.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=2)
    )
    fresh = schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    stale.refresh_from_db()
    assert stale.status == JobStatus.FAILED and "did not finish" in stale.error_text
    assert fresh.status == JobStatus.QUEUED


def test_schedule_job_given_up_is_not_run_later(small_fair: Any, organiser: User) -> None:
    job = schedule_job_create(fair=small_fair.fair, time_limit=2, seed=0, actor=organiser)
    schedule_job_fail(job=job, error="abandoned")
    schedule_job_run(job)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.version is None
    assert not ScheduleVersion.objects.exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ja", "タスクワーカー"), ("ru", "Обработчик задач не завершил этот расчёт")],
)
def test_schedule_job_failure_is_read_in_the_readers_language(
    client: Any, small_fair: Any, organiser: User, language: str, expected: str
) -> None:
    """The job keeps the failure as a code: whoever reads it, on the page or over the API, reads
    it in their language, whatever language the worker (or the organiser) had."""
    with translation.override("ja" if language == "ru" else "ru"):  # written in the other one
        stale = schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
        ScheduleJob.objects.filter(pk=stale.pk).update(
            created_at=timezone.now() - dt.timedelta(hours=2)
        )
        schedule_job_create(fair=small_fair.fair, time_limit=60, seed=0, actor=organiser)
    stale.refresh_from_db()
    assert stale.error.startswith('{"code":"not_finished"')
    organiser.language = language
    organiser.save(update_fields=["language"])
    client.force_login(organiser)
    api = client.get(f"/api/v1/fairs/innoprom-2019/schedule-jobs/{stale.pk}").json()
    assert expected in api["error"] and "did not finish" not in api["error"]
    page = client.get(reverse("web:fair_schedule_job", args=[small_fair.fair.slug, stale.pk]))
    text = page.content.decode()
    assert expected in text and "did not finish" not in text and '"code"' not in text
