from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.core.services.users import api_token_create
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=4, organisations=20, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=4, count=120, actor=DEMO_ACTOR)


def bearer(user: User) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="test", actor=user, scope="write")
    return {"Authorization": f"Bearer {raw}"}


def test_the_public_lists_public_projects_page_by_page(client: Client, registry: None) -> None:
    first = client.get("/api/v1/projects", {"limit": 20}).json()
    assert len(first["items"]) == 20
    assert {item["disclosure"] for item in first["items"]} == {"public"}
    second = client.get("/api/v1/projects", {"limit": 20, "after": first["next"]}).json()
    assert first["items"][-1]["code"] < second["items"][0]["code"]


def test_filters_match_the_pages(client: Client, registry: None, secretariat_jp: User) -> None:
    items = client.get(
        "/api/v1/projects", {"plan_area": "P6", "limit": 200}, headers=bearer(secretariat_jp)
    ).json()["items"]
    assert items
    assert all("P6" in item["plan_areas"] for item in items)


def test_a_hidden_project_answers_404(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    project = JointProject.objects.filter(disclosure="side_confidential").first()
    assert project is not None
    other = "RU" if project.confidential_side.code == "JP" else "JP"  # type: ignore[union-attr]
    response = client.get(
        f"/api/v1/projects/{project.code}", headers=bearer(make_user(Role.OFFICIAL, other))
    )
    assert response.status_code == 404


def test_create_then_update_with_a_version_check(
    client: Client, registry: None, secretariat_jp: User
) -> None:
    headers = bearer(secretariat_jp)
    created = client.post(
        "/api/v1/projects",
        {"code": "JR-2022-0001", "title_ru": "Порт в Находке", "plan_areas": ["P6"]},
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201, created.content
    version = created.json()["version"]
    changes = {"code": "JR-2022-0001", "places": "Nakhodka"}
    ok = client.patch(
        "/api/v1/projects/JR-2022-0001",
        {"version": version, "changes": changes},
        content_type="application/json",
        headers=headers,
    )
    assert ok.status_code == 200
    stale = client.patch(
        "/api/v1/projects/JR-2022-0001",
        {"version": version, "changes": {"code": "JR-2022-0001", "places": "Vladivostok"}},
        content_type="application/json",
        headers=headers,
    )
    assert stale.status_code == 409
    assert "changed by someone else" in stale.json()["detail"]
    assert JointProject.objects.get(code="JR-2022-0001").places == "Nakhodka"


def test_invalid_input_answers_422_with_the_reason(
    client: Client, registry: None, secretariat_jp: User
) -> None:
    response = client.post(
        "/api/v1/projects",
        {"code": "JR-2022-0002", "title_en": "X", "plan_areas": ["P42"]},
        content_type="application/json",
        headers=bearer(secretariat_jp),
    )
    assert response.status_code == 422
    assert "P42" in response.json()["detail"]


def test_an_auditor_cannot_write(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    response = client.post(
        "/api/v1/projects",
        {"code": "JR-2022-0003", "title_en": "X", "plan_areas": ["P1"]},
        content_type="application/json",
        headers=bearer(make_user(Role.AUDITOR)),
    )
    assert response.status_code == 403


def test_export_escapes_formulas(client: Client, registry: None, secretariat_jp: User) -> None:
    public = JointProject.objects.filter(disclosure="public").first()
    assert public is not None
    JointProject.objects.filter(pk=public.pk).update(places="=1+1")
    response = client.get("/api/v1/projects/export.csv", headers=bearer(secretariat_jp))
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    assert "'=1+1" in text
