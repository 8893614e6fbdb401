"""/healthz, /readyz, `tandem doctor` and the admin's low-space warning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tandem.core.enums import Role
from tandem.core.models import User

pytestmark = pytest.mark.integration

ROOMY = override_settings(TANDEM_MIN_FREE_BYTES=1)
CRAMPED = override_settings(TANDEM_MIN_FREE_BYTES=10**18)


def _stalled_job() -> None:
    long_ago = timezone.now() - dt.timedelta(hours=1)
    DBTaskResult.objects.create(
        status="READY",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tandem.committee.tasks.build_briefing_pack",
        backend_name="default",
        queue_name="default",
        run_after=long_ago,
    )


@ROOMY
def test_readyz_is_ok_with_every_check_named(client: Client, db: None) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "worker"}
    assert body["checks"]["storage"] == {"status": "ok"}  # no details for anonymous probes
    assert response["Cache-Control"].startswith("max-age=0")


@CRAMPED
def test_readyz_reports_low_space_as_degraded_and_keeps_the_node_in(
    client: Client, make_user: Callable[..., User]
) -> None:
    admin = make_user(Role.SECRETARIAT, "JP", username="ops")
    admin.is_staff = True
    admin.save(update_fields=["is_staff"])
    client.force_login(admin)
    response = client.get("/readyz")
    assert response.status_code == 200
    storage = response.json()["checks"]["storage"]
    assert storage["status"] == "degraded"
    assert "MB free" in storage["detail"]


@ROOMY
def test_a_job_waiting_past_the_stall_limit_degrades_the_worker_check(
    client: Client, db: None
) -> None:
    _stalled_job()
    body = client.get("/readyz").json()
    assert body["status"] == "degraded"
    assert body["checks"]["worker"] == {"status": "degraded"}


@ROOMY
def test_doctor_prints_every_check_and_fails_with_advice(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("doctor")
    healthy = capsys.readouterr().out
    assert "ok  database" in healthy
    assert "overall: ok" in healthy
    _stalled_job()
    with pytest.raises(CommandError, match="degraded"):
        call_command("doctor")
    out = capsys.readouterr().out
    assert "WARN  worker" in out
    assert "tandem db_worker" in out


@CRAMPED
def test_staff_see_the_low_space_warning_in_the_admin_and_on_pages(
    client: Client, make_user: Callable[..., User]
) -> None:
    staff = make_user(Role.SECRETARIAT, "JP", username="ops")
    staff.is_staff = True
    staff.is_superuser = True
    staff.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(staff)
    warning = "running out of space"
    assert warning in client.get("/admin/").content.decode()
    assert warning in client.get("/programme/").content.decode()
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    assert warning not in client.get("/programme/").content.decode()
