from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.models import User
from tandem.matchmaking.models import CompanyProfile

pytestmark = pytest.mark.integration


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_api_suggestions_introduction_and_answer(
    make_profile: Callable[..., CompanyProfile], company_user: Callable[[str, str], User]
) -> None:
    jp_user, ru_user = company_user("JP", "kawada"), company_user("RU", "ural")
    jp = make_profile(
        "Kawada", "JP", "en", "CNC lathes", "machine tool distributors",
        organisation=jp_user.organisation,
    )  # fmt: skip
    ru = make_profile(
        "Uralstanok", "RU", "en", "machine tool distribution", "CNC lathes",
        organisation=ru_user.organisation,
    )  # fmt: skip
    jp_client = _client(jp_user)
    other = jp_client.get(f"/api/v1/matchmaking/profiles/{ru.pk}").json()
    assert other["contact"] is None
    suggestions = jp_client.get(f"/api/v1/matchmaking/profiles/{jp.pk}/suggestions?top=5")
    assert suggestions.status_code == 200
    assert [s["id"] for s in suggestions.json()] == [ru.pk]
    assert jp_client.get(f"/api/v1/matchmaking/profiles/{ru.pk}/suggestions").status_code == 404
    created = jp_client.post(
        "/api/v1/matchmaking/introductions",
        {"requester": jp.pk, "recipient": ru.pk},
        content_type="application/json",
    )
    assert created.status_code == 201
    introduction_id = created.json()["id"]
    answered = _client(ru_user).post(
        f"/api/v1/matchmaking/introductions/{introduction_id}/answer",
        {"accept": True},
        content_type="application/json",
    )
    assert answered.json()["status"] == "accepted"
    assert jp_client.get(f"/api/v1/matchmaking/profiles/{ru.pk}").json()["contact"]["email"]
    base = f"/api/v1/matchmaking/introductions/{introduction_id}"
    met = jp_client.post(
        f"{base}/meeting",
        {"met_on": "2026-07-09", "venue": "fair", "place": "Innoprom"},
        content_type="application/json",
    )
    assert met.json()["met_on"] == "2026-07-09"
    unknown = jp_client.post(
        f"{base}/outcome",
        {"outcome": "joint_project", "joint_project": "JR-2099-0001"},
        content_type="application/json",
    )
    assert unknown.status_code == 422
    nda = jp_client.post(f"{base}/outcome", {"outcome": "nda"}, content_type="application/json")
    assert nda.json()["outcome"] == "nda"


def test_api_profile_search_and_funnel_need_the_right_role(
    make_profile: Callable[..., CompanyProfile], secretariat_jp: User
) -> None:
    make_profile("Kawada", "JP", "en", "CNC lathes", "machine tool distributors")
    client = _client(secretariat_jp)
    found = client.get("/api/v1/matchmaking/profiles?q=lathes").json()
    assert found["count"] == 1 and found["items"][0]["contact"] is None
    assert client.get("/api/v1/matchmaking/funnel").status_code == 200
    assert client.get("/api/v1/matchmaking/introductions").status_code == 403
    assert Client().get("/api/v1/matchmaking/profiles").status_code == 401
