"""Every export of illustrative demo data says so, and stays machine-readable."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook

from tandem.committee.models import ActionItem, CommitteeSession
from tandem.core.enums import Role
from tandem.core.models import Country, User
from tandem.interop.registry_import import row_to_project_in
from tandem.programme.models import PlanArea, Programme
from tandem.projects.models import JointProject, ProjectPlanArea

pytestmark = pytest.mark.integration


@pytest.fixture
def reader(make_user: Callable[..., User], client: Client) -> Client:
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    return client


@pytest.fixture
def illustrative_project(default_programme: None) -> JointProject:
    project = JointProject.objects.create(
        programme=Programme.objects.get(),
        code="JR-2019-0900",
        title="Made-up sawmill",
        status="idea",
        status_date=dt.date(2019, 5, 6),
        disclosure="public",
        is_illustrative=True,
    )
    ProjectPlanArea.objects.create(
        project=project, plan_area=PlanArea.objects.get(code="P5"), is_primary=True
    )
    return project


def _csv(response: object) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_registry_csv_and_xlsx_have_an_illustrative_column(
    reader: Client, illustrative_project: JointProject
) -> None:
    rows = _csv(reader.get("/projects/export.csv"))
    header, row = rows[0], rows[1]
    assert row[header.index("illustrative")] == "yes"
    sheet = load_workbook(io.BytesIO(reader.get("/projects/export.xlsx").content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][list(values[0]).index("illustrative")] == "yes"
    # The registry's own file imports again: the column is read and left alone.
    assert row_to_project_in(dict(zip(header, row, strict=True))).code == "JR-2019-0900"


def test_record_files_of_illustrative_projects_say_so_in_their_name(
    reader: Client, illustrative_project: JointProject
) -> None:
    response = reader.get("/projects/export-financing.csv")
    assert response.status_code == 200
    assert "-illustrative-" in response["Content-Disposition"]
    JointProject.objects.filter(pk=illustrative_project.pk).update(is_illustrative=False)
    assert "illustrative" not in reader.get("/projects/export-financing.csv")["Content-Disposition"]


def test_alignment_export_says_it_counts_illustrative_projects(
    reader: Client, illustrative_project: JointProject
) -> None:
    response = reader.get("/alignment/export.csv")
    assert "alignment-illustrative-" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][-1] == "illustrative" and all(row[-1] == "yes" for row in rows[1:])
    sheet = load_workbook(io.BytesIO(reader.get("/alignment/export.xlsx").content)).worksheets[0]
    assert next(iter(sheet.iter_rows(values_only=True)))[-1] == "illustrative"


def test_action_items_calendar_marks_illustrative_items(
    reader: Client, default_programme: None
) -> None:
    ActionItem.objects.create(
        session=CommitteeSession.objects.get(number=15),
        number=90,
        title="Made-up action",
        owner_side=Country.objects.get(code="JP"),
        due_date=dt.date(2030, 1, 31),
        is_illustrative=True,
    )
    text = reader.get("/committee/action-items.ics").content.decode().replace("\r\n ", "")
    event = text[text.index("Made-up action") - 200 :]
    assert "Made-up action (illustrative)" in text
    assert "Illustrative demo data" in event
