from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.exchange.models import BusinessOutcome, EnterpriseProfile, SpecialistDispatch
from tandem.programme.models import Programme
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create

pytestmark = pytest.mark.integration


@pytest.fixture
def project(pair: dict[str, Any], make_user: Callable[..., User]) -> Any:
    data = {
        "code": "JR-2020-0007",
        "title_en": "Lean production centre in Yekaterinburg",
        "plan_areas": ["P5"],
        "status": "agreed",
    }
    return project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(**data),
        actor=make_user(Role.SECRETARIAT, "JP", username="secretariat-projects"),
    )


@pytest.fixture
def outcomes(pair: dict[str, Any], project: Any, dispatch: SpecialistDispatch) -> None:
    BusinessOutcome.objects.create(
        enterprise=pair["enterprise"],
        kind="follow_up_project",
        date=date(2020, 2, 1),
        description="Lean centre as a joint project",
        joint_project=project,
        dispatch=dispatch,
    )
    BusinessOutcome.objects.create(
        enterprise=pair["enterprise"],
        kind="contract",
        date=date(2019, 11, 1),
        description="Tooling supply contract",
        amount=12_000_000,
        currency="RUB",
    )
    BusinessOutcome.objects.create(
        enterprise=pair["company"], kind="contract", date=date(2019, 12, 1), description="Parts"
    )


def test_outcome_list_counts_and_links_to_the_registry(
    client: Client, outcomes: None, project: Any, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.COORDINATOR, "JP"))
    response = client.get("/exchange/outcomes/")
    html = response.content.decode()
    assert response.status_code == 200
    counts = response.context["counts"]
    assert counts["total"] == 3 and counts["by_kind"] == {"contract": 2, "follow_up_project": 1}
    assert counts["linked_projects"] == 1 and counts["enterprises"] == 2
    assert f'href="/projects/{project.code}/"' in html or project.code in html
    filtered = client.get("/exchange/outcomes/?kind=contract&year=2019")
    assert filtered.context["page"].paginator.count == 2


def test_outcome_api_lists_and_a_coordinator_creates(
    client: Client, pair: dict[str, Any], outcomes: None, project: Any, coordinator: User
) -> None:
    client.force_login(coordinator)
    listed = client.get("/api/v1/exchange/outcomes").json()
    assert [o["kind"] for o in listed] == ["follow_up_project", "contract", "contract"]
    assert listed[0]["joint_project"] == project.code
    created = client.post(
        "/api/v1/exchange/outcomes",
        {
            "enterprise": pair["enterprise"].pk,
            "kind": "follow_up_project",
            "date": "2020-05-01",
            "description": {"en": "", "ja": "共同プロジェクト", "ru": "Совместный проект"},
            "joint_project": project.code,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["description"]["ja"] == "共同プロジェクト"
    missing_project = client.post(
        "/api/v1/exchange/outcomes",
        {
            "enterprise": pair["enterprise"].pk,
            "kind": "follow_up_project",
            "date": "2020-05-01",
            "description": {"en": "Project", "ja": "", "ru": ""},
        },
        content_type="application/json",
    )
    assert missing_project.status_code == 422
    assert "Link the follow-up joint project" in missing_project.json()["detail"]


def test_outcome_api_create_is_for_coordinators(
    client: Client, pair: dict[str, Any], make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.AUDITOR, "RU"))
    payload = {
        "enterprise": pair["enterprise"].pk,
        "kind": "contract",
        "date": "2020-05-01",
        "description": {"en": "Contract", "ja": "", "ru": ""},
    }
    response = client.post("/api/v1/exchange/outcomes", payload, content_type="application/json")
    assert response.status_code == 403
    assert not BusinessOutcome.objects.exists()


def test_an_enterprise_sees_its_own_outcomes_only(
    client: Client,
    pair: dict[str, Any],
    outcomes: None,
    representative_of: Callable[[EnterpriseProfile], User],
) -> None:
    client.force_login(representative_of(pair["company"]))
    page = client.get("/exchange/outcomes/")
    assert [o.description for o in page.context["page"]] == ["Parts"]
    assert page.context["counts"]["total"] == 1
    assert [o["description"]["en"] for o in client.get("/api/v1/exchange/outcomes").json()] == [
        "Parts"
    ]
    other = f"/api/v1/exchange/outcomes?enterprise={pair['enterprise'].pk}"
    assert client.get(other).json() == []
