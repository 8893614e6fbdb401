"""The API of a project's records: /projects/{code}/financing, milestones, results, sources."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.users import api_token_create
from tandem.programme.models import Programme
from tandem.projects.enums import Disclosure
from tandem.projects.models import FinancingLine, JointProject, Milestone, ResultIndicator
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create

pytestmark = pytest.mark.integration
CODE = "JR-2020-0101"
BASE = f"/api/v1/projects/{CODE}"


@pytest.fixture
def project(default_programme: None, secretariat_jp: User) -> JointProject:
    return project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(
            code=CODE,
            title_en="Port logistics in Vostochny",
            plan_areas=["P6"],
            disclosure=Disclosure.INTERNAL,
        ),
        actor=secretariat_jp,
    )


def bearer(user: User) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="t", actor=user, scope="write")
    return {"Authorization": f"Bearer {raw}"}


def _version() -> int:
    return JointProject.objects.get(code=CODE).version


def _send(client: Client, method: str, url: str, body: Any, user: User) -> Any:
    return client.generic(method, url, json.dumps(body), "application/json", headers=bearer(user))


LOAN = {"kind": "loan", "amount": "2500000.00", "currency": "JPY", "date": "2021-06-30"}
RESULT = {
    "title_en": "Containers handled",
    "unit": "TEU",
    "baseline": "1200",
    "baseline_date": "2020-01-01",
    "target": "5000",
    "values": [{"period_start": "2021-01-01", "period_end": "2021-12-31", "actual": "2100"}],
}


def test_financing_create_change_list_delete(
    client: Client, project: JointProject, secretariat_jp: User
) -> None:
    created = _send(
        client, "POST", f"{BASE}/financing", {"version": _version(), "record": LOAN}, secretariat_jp
    )
    assert created.status_code == 201, created.content
    line_id, version = created.json()["record"]["id"], created.json()["version"]
    assert version == _version()
    changed = _send(
        client,
        "PATCH",
        f"{BASE}/financing/{line_id}",
        {"version": version, "changes": {"amount": "3000000", "is_disbursement": True}},
        secretariat_jp,
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["record"]["amount"] == "3000000.00"
    listed = client.get(f"{BASE}/financing", headers=bearer(secretariat_jp)).json()
    assert [(item["id"], item["kind"], item["is_disbursement"]) for item in listed] == [
        (line_id, "loan", True)
    ]
    deleted = client.delete(
        f"{BASE}/financing/{line_id}?version={changed.json()['version']}",
        headers=bearer(secretariat_jp),
    )
    assert deleted.status_code == 200, deleted.content
    assert not FinancingLine.objects.exists()
    assert FinancingLine.history.filter(history_user=secretariat_jp).count() == 3  # type: ignore[attr-defined]


def test_a_stale_version_answers_409_and_writes_nothing(
    client: Client, project: JointProject, secretariat_jp: User
) -> None:
    stale = _version()
    first = _send(
        client,
        "POST",
        f"{BASE}/milestones",
        {"version": stale, "record": {"title_en": "Berth"}},
        secretariat_jp,
    )
    assert first.status_code == 201
    second = _send(
        client,
        "POST",
        f"{BASE}/milestones",
        {"version": stale, "record": {"title_en": "Crane"}},
        secretariat_jp,
    )
    assert second.status_code == 409
    assert "changed by someone else" in second.json()["detail"]
    assert list(Milestone.objects.values_list("title_en", flat=True)) == ["Berth"]


def test_invalid_records_answer_422_with_the_reason(
    client: Client, project: JointProject, secretariat_jp: User
) -> None:
    no_title = _send(
        client, "POST", f"{BASE}/milestones", {"version": _version(), "record": {}}, secretariat_jp
    )
    assert no_title.status_code == 422
    assert "title" in str(no_title.json()["detail"])
    reversed_period = RESULT | {
        "values": [{"period_start": "2021-12-31", "period_end": "2021-01-01", "actual": "1"}]
    }
    refused = _send(
        client,
        "POST",
        f"{BASE}/results",
        {"version": _version(), "record": reversed_period},
        secretariat_jp,
    )
    assert refused.status_code == 422
    assert "ends before it starts" in str(refused.json()["detail"])
    assert not ResultIndicator.objects.exists()


def test_results_and_sources_round_trip_through_the_api(
    client: Client, project: JointProject, secretariat_jp: User
) -> None:
    created = _send(
        client, "POST", f"{BASE}/results", {"version": _version(), "record": RESULT}, secretariat_jp
    )
    assert created.status_code == 201, created.content
    result = created.json()["record"]
    assert (result["baseline"], result["target"], result["values"][0]["actual"]) == (
        "1200.0000",
        "5000.0000",
        "2100.0000",
    )
    source = _send(
        client,
        "POST",
        f"{BASE}/sources",
        {"version": _version(), "record": {"kind": "document", "title": "Port concession"}},
        secretariat_jp,
    )
    assert source.status_code == 201, source.content
    listed = client.get(f"{BASE}/sources", headers=bearer(secretariat_jp)).json()
    assert [item["title"] for item in listed] == ["Port concession"]


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.AUDITOR, Role.AGENCY_STAFF])
def test_roles_that_may_not_edit_the_project_get_403(
    client: Client, project: JointProject, make_user: Callable[..., User], role: str
) -> None:
    user = make_user(role, "JP")
    assert client.get(f"{BASE}/financing", headers=bearer(user)).status_code == 200
    refused = _send(
        client, "POST", f"{BASE}/financing", {"version": _version(), "record": LOAN}, user
    )
    assert refused.status_code == 403
    assert not FinancingLine.objects.exists()


def test_the_public_does_not_see_an_internal_projects_records(
    client: Client, project: JointProject
) -> None:
    assert client.get(f"{BASE}/results").status_code == 404


def test_a_record_of_another_project_answers_404(
    client: Client, project: JointProject, secretariat_jp: User
) -> None:
    other = project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(code="JR-2020-0102", title_en="Other", plan_areas=["P6"]),
        actor=secretariat_jp,
    )
    line = FinancingLine.objects.create(
        project=other, kind="grant", amount=1, currency="USD", date="2021-01-01"
    )
    response = _send(
        client,
        "PATCH",
        f"{BASE}/financing/{line.pk}",
        {"version": _version(), "changes": {"amount": "2"}},
        secretariat_jp,
    )
    assert response.status_code == 404
