"""An import records its projects' label examples together (issue 25): a few statements
whatever the number of projects (before: a savepoint, a read and a save per project, 2.5 ms
of CPU each), the same examples as one by one, kept or replaced as one by one."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.core.models import User
from tandem.interop.registry_import import commit, plan_table
from tandem.interop.tabular.read import read_table
from tandem.programme.models import LabelExample, Programme
from tandem.projects.models import JointProject
from tandem.projects.services.label_examples import (
    project_label_example_record,
    project_label_examples_record,
)

pytestmark = pytest.mark.integration

LIMITS = {"max_bytes": 1024 * 1024, "max_rows": 100}


def _import(first: int, count: int, user: User) -> int:
    rows = b"".join(
        b"JR-2022-%04d,Greenhouses in Khabarovsk %d,P6; P4,N12,internal\n" % (n, n)
        for n in range(first, first + count)
    )
    table = read_table(
        b"code,title_en,plan_areas,national_projects,disclosure\n" + rows, "l.csv", **LIMITS
    )
    programme = Programme.objects.get()
    plan = plan_table(table, user, programme, "l.csv")
    with CaptureQueriesContext(connection) as queries:
        commit(plan, user, programme)
    return sum("labelexample" in q["sql"].lower() for q in queries.captured_queries)


def test_an_import_records_its_examples_in_as_many_statements_for_six_as_for_two(
    default_programme: None, secretariat_jp: User
) -> None:
    two = _import(100, 2, secretariat_jp)
    six = _import(200, 6, secretariat_jp)
    assert six == two
    assert LabelExample.objects.filter(project_code__startswith="JR-2022-").count() == 8


def _project(code: str, **fields: Any) -> JointProject:
    given = {
        "title_en": "Lean production at a machine-tool plant",
        "summary_en": "Engineers of a Yekaterinburg plant learn lean production.",
        "disclosure": "public",
    }
    return JointProject(code=code, **(given | fields))


CASES: list[tuple[dict[str, Any], list[str], list[str]]] = [
    ({}, ["P5", "P3"], ["N7"]),
    ({"is_illustrative": True}, ["P5"], []),
    ({"disclosure": "side_confidential"}, ["P5"], []),
    ({}, [], ["N7"]),  # no plan area: no example
    ({}, ["P9"], []),  # a label the suggester does not know: no example
    ({"title_en": "", "summary_en": ""}, ["P5"], []),  # no text: no example
]


def _fields(example: LabelExample) -> tuple[Any, ...]:
    return (
        example.language,
        example.title,
        example.description,
        example.primary_plan_area,
        example.plan_areas,
        example.national_projects,
        example.accepted_by_id,
    )


def test_the_examples_are_those_recorded_one_by_one(
    default_programme: None, secretariat_jp: User
) -> None:
    for n, (fields, areas, nationals) in enumerate(CASES):
        project_label_example_record(
            project=_project(f"JR-2023-{n:04d}", **fields),
            actor=secretariat_jp,
            plan_areas=areas,
            national_projects=nationals,
        )
    written = project_label_examples_record(
        projects=[
            (_project(f"JR-2024-{n:04d}", **fields), areas, nationals)
            for n, (fields, areas, nationals) in enumerate(CASES)
        ],
        actor=secretariat_jp,
    )
    one_by_one = LabelExample.objects.filter(project_code__startswith="JR-2023-").order_by("pk")
    together = LabelExample.objects.filter(project_code__startswith="JR-2024-").order_by("pk")
    assert written == 1
    assert [_fields(e) for e in together] == [_fields(e) for e in one_by_one]
    assert [e.project_code[-4:] for e in together] == [e.project_code[-4:] for e in one_by_one]
    record = LabelExample.history.get(project_code="JR-2024-0000")  # type: ignore[attr-defined]
    assert record.history_user == secretariat_jp


def test_unchanged_labels_keep_the_example_and_changed_ones_replace_it(
    default_programme: None, secretariat_jp: User
) -> None:
    def record(areas: list[str]) -> int:
        return project_label_examples_record(
            projects=[(_project("JR-2025-0001"), areas, [])], actor=secretariat_jp
        )

    assert record(["P5", "P3"]) == 1
    first = LabelExample.objects.get(project_code="JR-2025-0001")
    assert record(["P5", "P3"]) == 0
    assert LabelExample.objects.get(project_code="JR-2025-0001").pk == first.pk
    assert record(["P3"]) == 1
    now = LabelExample.objects.get(project_code="JR-2025-0001")
    assert (now.pk != first.pk, now.plan_areas) == (True, ["P3"])
