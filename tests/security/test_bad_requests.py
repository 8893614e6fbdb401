"""Bad numbers and dates in requests get a clear 4xx, never a 500: offsets and ids beyond a
64-bit integer (bounded once, in ``tandem.api.bounds`` and the ``<id:…>`` URL converter), and
dates outside the range tandem computes with (bounded on every model's date fields)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from tandem.committee.models import BriefingJob, CommitteeSession
from tandem.core.models import User
from tandem.core.services.users import api_token_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

HUGE = 2**63
LISTS = [
    "/api/v1/exchange/enterprises",
    "/api/v1/exchange/dispatches",
    "/api/v1/exchange/placements",
    "/api/v1/exchange/outcomes",
    "/api/v1/matchmaking/profiles",
    "/api/v1/press/articles",
    "/api/v1/press/proposals",
]


@pytest.fixture
def admin(default_programme: None) -> dict[str, str]:
    user = User.objects.create_superuser(username="probe-admin", password="a-long-test-password")
    _token, raw = api_token_create(user=user, name="probe", actor=user, scope="write")
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("offset", [HUGE, 10**30])
def test_a_list_refuses_an_offset_beyond_64_bits(
    client: Client, admin: dict[str, str], path: str, offset: int
) -> None:
    response = client.get(path, {"offset": offset}, headers=admin)
    assert response.status_code == 422, response.content[:300]
    assert "out of range" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/press/articles/{n}", "/api/v1/exchange/enterprises/{n}", "/api/v1/sessions/{n}"],
)
def test_an_api_id_beyond_64_bits_is_422(client: Client, admin: dict[str, str], path: str) -> None:
    response = client.get(path.format(n=HUGE), headers=admin)
    assert response.status_code == 422


@pytest.mark.parametrize(
    "path",
    [f"/press/mentions/person/{HUGE}/", f"/press/mentions/person/{10**40}/", f"/committee/{HUGE}/"],
)
def test_a_page_id_beyond_64_bits_is_404(
    client: Client, default_programme: None, path: str
) -> None:
    client.force_login(
        User.objects.create_superuser(username="probe-admin", password="a-long-test-password")
    )
    assert client.get(path).status_code == 404


def test_a_briefing_in_year_1_is_refused_by_the_api(client: Client, admin: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/sessions/15/briefing",
        {"language": "en", "as_of": "0001-01-01"},
        content_type="application/json",
        headers=admin,
    )
    assert response.status_code == 422
    assert "date between" in response.json()["detail"]
    assert not BriefingJob.objects.exists()


def test_a_briefing_in_year_1_is_refused_by_the_model(default_programme: None) -> None:
    job = BriefingJob(
        session=CommitteeSession.objects.get(number=15),
        language="en",
        file_format="pdf",
        as_of=dt.date(1, 1, 1),
    )
    with pytest.raises(ValidationError, match="date between"):
        job.full_clean()


def test_a_briefing_in_year_1_is_refused_by_the_page(
    client: Client, default_programme: None
) -> None:
    client.force_login(
        User.objects.create_superuser(username="probe-admin", password="a-long-test-password")
    )
    response = client.post(
        "/committee/15/briefing/", {"language": "en", "file_format": "pdf", "as_of": "0001-01-01"}
    )
    assert response.status_code == 200
    assert "Give a date between 1900-01-01 and 2199-12-31" in response.content.decode()
    assert not BriefingJob.objects.exists()


def test_a_briefing_in_year_1_is_refused_by_the_command(default_programme: None) -> None:
    with pytest.raises(CommandError, match="--as-of"):
        call_command("briefing", "15", "--as-of", "0001-01-01", "-o", "/tmp/never-written.pdf")
