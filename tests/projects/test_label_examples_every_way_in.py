"""A saved project's labels become a suggester example however it came in (issue 20)."""

import pytest
from django.test import Client

from tandem.core.models import User
from tandem.core.services.users import api_token_create
from tandem.interop.registry_import import commit, plan_table
from tandem.interop.tabular.read import read_table
from tandem.programme.models import LabelExample, Programme

pytestmark = pytest.mark.integration

LIMITS = {"max_bytes": 1024 * 1024, "max_rows": 100}


def bearer(user: User) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="test", actor=user, scope="write")
    return {"Authorization": f"Bearer {raw}"}


def test_a_project_written_through_the_api_leaves_its_labels_as_an_example(
    client: Client, default_programme: None, secretariat_jp: User
) -> None:
    headers = bearer(secretariat_jp)
    created = client.post(
        "/api/v1/projects",
        {
            "code": "JR-2022-0101",
            "title_ru": "Порт в Находке",
            "summary_ru": "Угольный терминал.",
            "plan_areas": ["P6", "P4"],
            "national_projects": ["N12"],
        },
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201, created.content
    example = LabelExample.objects.get(project_code="JR-2022-0101")
    assert (example.language, example.primary_plan_area) == ("ru", "P6")
    assert example.plan_areas == ["P6", "P4"]
    assert example.national_projects == ["N12"]
    changed = client.patch(
        "/api/v1/projects/JR-2022-0101",
        {
            "version": created.json()["version"],
            "changes": {"code": "JR-2022-0101", "plan_areas": ["P4"]},
        },
        content_type="application/json",
        headers=headers,
    )
    assert changed.status_code == 200, changed.content
    again = LabelExample.objects.get(project_code="JR-2022-0101")
    assert (again.primary_plan_area, again.plan_areas) == ("P4", ["P4"])


def test_an_imported_project_leaves_its_labels_as_an_example(
    default_programme: None, secretariat_jp: User
) -> None:
    programme = Programme.objects.get()
    table = read_table(
        b"code,title_en,plan_areas,national_projects,disclosure\n"
        b"JR-2022-0102,Greenhouses in Khabarovsk,P6; P4,N12,internal\n",
        "labels.csv",
        **LIMITS,
    )
    plan = plan_table(table, secretariat_jp, programme, "labels.csv")
    commit(plan, secretariat_jp, programme)
    example = LabelExample.objects.get(project_code="JR-2022-0102")
    assert (example.language, example.plan_areas) == ("en", ["P6", "P4"])
    assert example.national_projects == ["N12"]
