"""The dump on demand: the secretariat's button runs the worker's dump job, on their behalf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.interop.open_dump_jobs import open_dump_request
from tandem.interop.open_dumps import open_dumps

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def dump_dir(settings: object, tmp_path: Path) -> Path:
    settings.TANDEM_OPEN_DUMP_DIR = tmp_path  # type: ignore[attr-defined]
    return tmp_path


def test_only_the_secretariat_asks_for_a_dump(
    client: Client, dump_dir: Path, make_user: Callable[..., User]
) -> None:
    assert client.post("/open-data/dumps/").status_code == 302  # to sign in
    for role in (Role.OFFICIAL, Role.AGENCY_STAFF):
        user = make_user(role, "JP" if role == Role.OFFICIAL else None)
        other = Client()
        other.force_login(user)
        assert other.get("/open-data/dumps/").status_code == 403
        assert other.post("/open-data/dumps/").status_code == 403
        with pytest.raises(PermissionDenied):
            open_dump_request(actor=user)
    assert open_dumps() == []


def test_the_button_runs_the_dump_job_on_the_secretarys_behalf(
    client: Client, dump_dir: Path, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.SECRETARIAT, "RU", username="secretary-ru")
    client.force_login(user)
    page = client.get("/open-data/dumps/").content.decode()
    assert "Make the dump now" in page
    response = client.post("/open-data/dumps/", follow=True)
    assert response.status_code == 200
    dumps = open_dumps()  # the tests' task backend runs the job at once
    assert len(dumps) == 1
    assert dumps[0].made_by == "worker: open data dump by secretary-ru"
    assert dumps[0].day in response.content.decode()
