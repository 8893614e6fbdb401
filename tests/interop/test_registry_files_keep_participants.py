"""The registry's own CSV/XLSX carry every participant with its role, and importing a file
(the registry's own export, or a file with some participant columns, or none) never deletes a
participant that a cell did not name."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from full_project import CODE, ROLES, make_full_project, make_people, snapshot
from openpyxl import load_workbook

from tandem.core.models import Organisation, User
from tandem.interop.registry_import import commit, plan_table
from tandem.interop.tabular.read import read_table
from tandem.programme.models import Programme
from tandem.projects.enums import ParticipantRole
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration

LIMITS = {"max_bytes": 20 * 1024 * 1024, "max_rows": 20_000}


@pytest.fixture
def people(default_programme: None) -> dict[str, Organisation]:
    return make_people()


@pytest.fixture
def full_project(people: dict[str, Organisation], secretariat_jp: User) -> JointProject:
    return make_full_project(people, secretariat_jp)


def _export(client: Client, file_format: str) -> bytes:
    response = client.get(f"/projects/export.{file_format}")
    assert response.status_code == 200
    if file_format == "csv":
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response.content


def _rows(raw: bytes, file_format: str) -> list[dict[str, str]]:
    if file_format == "csv":
        return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(raw), read_only=True).worksheets[0]
    header, *rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    return [dict(zip(header, row, strict=True)) for row in rows]


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _import(raw: bytes, name: str, user: User) -> list[str]:
    programme = Programme.objects.get()
    plan = plan_table(read_table(raw, name, **LIMITS), user, programme, name)
    assert plan.can_commit, [(o.action, o.messages) for o in plan.outcomes] + plan.file_problems
    commit(plan, user, programme)
    return [o.action for o in plan.outcomes]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_names_every_participant_with_its_role(
    client: Client, full_project: JointProject, secretariat_jp: User, file_format: str
) -> None:
    client.force_login(secretariat_jp)
    (row,) = _rows(_export(client, file_format), file_format)
    for role in ParticipantRole:
        for side in ("jp", "ru"):
            assert row[f"{role}_{side}"] == f"{str(role).title()} {side.upper()} one"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_reimporting_the_own_export_with_one_change_keeps_every_participant(
    client: Client, full_project: JointProject, secretariat_jp: User, file_format: str
) -> None:
    client.force_login(secretariat_jp)
    raw = _export(client, file_format)
    (row,) = _rows(raw, file_format)
    programme = Programme.objects.get()
    table = read_table(raw, f"export.{file_format}", **LIMITS)
    unchanged = plan_table(table, secretariat_jp, programme, "export")
    assert [o.action for o in unchanged.outcomes] == ["unchanged"]
    before = snapshot(CODE)
    row["title_en"] = "Sawmill modernisation in Khabarovsk, phase 2"
    assert _import(_csv([row]), "edited.csv", secretariat_jp) == ["change"]
    after = snapshot(CODE)
    assert {key for key in before if before[key] != after[key]} == {"title_en"}


def test_a_file_with_blank_or_missing_participant_cells_deletes_nobody(
    full_project: JointProject, secretariat_jp: User
) -> None:
    before = snapshot(CODE)
    columns = ["code", "title_en", *(f"{role}_{side}" for role in ROLES for side in ("jp", "ru"))]
    blank = dict.fromkeys(columns, "") | {"code": CODE, "title_en": "Sawmill, phase 2"}
    _import(_csv([blank]), "blank.csv", secretariat_jp)
    old_format = {"code": CODE, "title_en": "Sawmill, phase 3", "lead_jp": "", "lead_ru": ""}
    _import(_csv([old_format]), "old.csv", secretariat_jp)
    after = snapshot(CODE)
    assert {key for key in before if before[key] != after[key]} == {"title_en"}


def test_a_cell_replaces_the_participants_of_its_role_and_side_only(
    full_project: JointProject, secretariat_jp: User
) -> None:
    before = snapshot(CODE)
    row = {"code": CODE, "funder_ru": "Funder RU one; Funder RU two", "lead_jp": "Lead JP two"}
    assert _import(_csv([row]), "funders.csv", secretariat_jp) == ["change"]
    after = snapshot(CODE)
    assert {key for key in before if before[key] != after[key]} == {"participants"}
    expected = set(before["participants"]) - {("Lead JP one", "JP", "lead")} | {
        ("Funder RU two", "RU", "funder"),
        ("Lead JP two", "JP", "lead"),
    }
    assert set(after["participants"]) == expected
