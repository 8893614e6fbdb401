"""The committee's API operations."""

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.committee.models import ActionItem
from tandem.core.models import User

pytestmark = pytest.mark.integration


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_api_session_detail_has_agenda_decisions_and_counts(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client = signed_in(secretariat_jp)
    sessions = client.get("/api/v1/sessions").json()
    assert [s["number"] for s in sessions] == [15, 16]
    assert sessions[0]["co_chairs"][0]["name"]["ja"] == "茂木敏充"
    detail = client.get("/api/v1/sessions/15").json()
    assert len(detail["decisions"]) == 6 and detail["decisions"][0]["authentic"] == ["ja", "ru"]
    assert detail["counts"]["since"] is None
    later = client.get("/api/v1/sessions/16").json()
    assert later["counts"]["since"] == "2019-12-19" and later["counts"]["registered"] == 120
    proposal = client.get("/api/v1/sessions/16/agenda-proposal").json()
    assert proposal and all(p["title"]["ru"] for p in proposal)
    assert client.get("/api/v1/sessions/99").status_code == 404


def test_api_patches_an_action_item_for_the_secretariat_only(
    demo_committee: dict[str, int], secretariat_jp: User, make_user: Callable[..., User]
) -> None:
    item = ActionItem.objects.filter(status="open").first()
    assert item is not None
    official = signed_in(make_user("official", "JP"))
    url = f"/api/v1/action-items/{item.pk}"
    assert (
        official.patch(url, {"status": "done"}, content_type="application/json").status_code == 403
    )
    response = signed_in(secretariat_jp).patch(
        url, {"status": "done"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "done"
    assert response.json()["overdue"] is False
    item.refresh_from_db()
    assert item.done_date is not None
    open_now = signed_in(secretariat_jp).get("/api/v1/action-items?status=open_any").json()
    assert item.pk not in [row["id"] for row in open_now]


def test_api_public_decisions_need_no_sign_in(demo_committee: dict[str, int]) -> None:
    assert Client().get("/api/v1/decisions/public").json() == []
    assert Client().get("/api/v1/sessions").status_code == 401


def test_api_briefing_job_is_made_and_reported(
    demo_committee: dict[str, int], secretariat_jp: User, settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    client = signed_in(secretariat_jp)
    response = client.post(
        "/api/v1/sessions/16/briefing",
        {"language": "ru", "format": "html"},
        content_type="application/json",
    )
    assert response.status_code == 202
    job = response.json()
    assert job["status"] == "done" and job["as_of"] == "2021-10-14" and job["download"]
    assert client.get(f"/api/v1/briefing-jobs/{job['id']}").json()["progress"] == 100
