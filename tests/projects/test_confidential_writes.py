"""A side never writes into the other side's confidential space: the API, the pages and the
import refuse (403, or a rejected row) and nothing is written."""

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.users import api_token_create
from tandem.interop.registry_import import REJECT, plan_table
from tandem.interop.tabular.read import Table
from tandem.programme.models import Programme
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration

NEW = {
    "code": "JR-2026-7001",
    "title_en": "Probe written into the other side",
    "plan_areas": ["P5"],
    "status": "idea",
    "disclosure": "side_confidential",
    "confidential_side": "RU",
}


def bearer(user: User) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="test", actor=user, scope="write")
    return {"Authorization": f"Bearer {raw}"}


def test_api_create_into_the_other_sides_space_is_403_and_writes_nothing(
    client: Client, secretariat_jp: User
) -> None:
    before = JointProject.history.count()  # type: ignore[attr-defined]
    response = client.post(
        "/api/v1/projects", NEW, content_type="application/json", headers=bearer(secretariat_jp)
    )
    assert response.status_code == 403
    assert "other side" in response.json()["detail"]
    assert not JointProject.objects.filter(code=NEW["code"]).exists()
    assert JointProject.history.count() == before  # type: ignore[attr-defined]


def test_api_patch_into_the_other_sides_space_is_403_and_writes_nothing(
    client: Client, make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project()
    changes = {"code": project.code, "disclosure": "side_confidential", "confidential_side": "RU"}
    response = client.patch(
        f"/api/v1/projects/{project.code}",
        {"version": project.version, "changes": changes},
        content_type="application/json",
        headers=bearer(secretariat_jp),
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert (project.disclosure, project.confidential_side_id) == ("internal", None)
    assert project.history.count() == 1  # type: ignore[attr-defined]


def test_api_own_side_confidential_create_still_works(
    client: Client, make_user: Callable[..., User]
) -> None:
    response = client.post(
        "/api/v1/projects",
        NEW,
        content_type="application/json",
        headers=bearer(make_user(Role.SECRETARIAT, "RU")),
    )
    assert response.status_code == 201, response.content


def test_page_create_into_the_other_sides_space_is_403_and_writes_nothing(
    client: Client, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    form = {
        "code": NEW["code"],
        "title_en": NEW["title_en"],
        "status": "idea",
        "status_date": "2026-01-10",
        "primary_plan_area": "P5",
        "disclosure": "side_confidential",
        "confidential_side": "RU",
    }
    response = client.post("/projects/new/", form)
    assert response.status_code == 403
    assert not JointProject.objects.filter(code=NEW["code"]).exists()


def test_import_rejects_a_row_into_the_other_sides_space(
    make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    existing = make_project()
    header = ["code", "title_en", "plan_areas", "status", "disclosure", "confidential_side"]
    rows = [
        (2, dict(zip(header, ["JR-2026-7001", "New", "P5", "idea", "side_confidential", "RU"]))),
        (3, {"code": existing.code, "disclosure": "side_confidential", "confidential_side": "RU"}),
    ]
    table = Table(header=header, rows=rows)
    plan = plan_table(table, secretariat_jp, Programme.objects.get(), "probe.csv")
    assert [o.action for o in plan.outcomes] == [REJECT, REJECT], plan.outcomes
    assert all("other side" in " ".join(o.messages) for o in plan.outcomes)
