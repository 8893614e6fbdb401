"""``core.history.create_rows`` writes rows and their creation records with less work per
value (multi-row inserts, the records as prepared statements), holding what Django's
``bulk_create`` and simple-history's ``bulk_create_with_history`` write: the same values, the
actor's user and reason, one record per row (issue 25: an IATI import of tens of thousands of
financing lines spent most of its commit building them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from simple_history.utils import bulk_create_with_history

from tandem.core.actors import actor_reason, command_actor
from tandem.core.history import create_rows
from tandem.core.models import User
from tandem.programme.models import Programme
from tandem.projects.models import FinancingLine, JointProject

pytestmark = pytest.mark.integration

MANY = 1_234  # more than one batch of 1,000


def _project(code: str, **fields: Any) -> JointProject:
    return JointProject(
        programme=Programme.objects.get(),
        code=code,
        title="Ports",
        title_en="Ports",
        title_ja="港湾",
        title_ru="",
        summary_en="A summary",
        summary_ja="",
        summary_ru="Сводка",
        other_texts={"title": {"es": "Puertos"}},
        status="agreed",
        status_date=dt.date(2024, 5, 1),
        planned_start=dt.date(2020, 1, 1),
        disclosure="public",
        **fields,
    )


def _lines(project: JointProject) -> list[FinancingLine]:
    return [
        FinancingLine(
            project_id=project.pk,
            kind="loan",
            line_type="disbursement",
            amount=Decimal("1000.25") + n,
            currency="EUR",
            date=dt.date(2020, 1, 1) + dt.timedelta(days=n),
            period_end=None if n % 2 else dt.date(2021, 1, 1),
            value_date=dt.date(2020, 2, 1),
            is_disbursement=bool(n % 3),
        )
        for n in range(MANY)
    ]


def _records(model: Any, ids: list[int], skip: set[str]) -> list[dict[str, Any]]:
    history = model.history.model
    rows = history.objects.filter(id__in=ids).order_by("id").values()
    return [{k: v for k, v in row.items() if k not in skip} for row in rows]


def _plain(rows: Any, skip: set[str]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in skip} for row in rows.values()]


def test_financing_lines_get_the_records_simple_history_would_write(
    secretariat_jp: User,
) -> None:
    actor = command_actor("iati import", secretariat_jp)
    reason = actor_reason(actor, "IATI import test.xml")
    [fast, slow] = create_rows(
        JointProject, [_project("JR-2020-0001"), _project("JR-2020-0002")], actor=actor
    )
    with CaptureQueriesContext(connection) as queries:
        made = create_rows(FinancingLine, _lines(fast), actor=actor, reason="IATI import test.xml")
    reference = bulk_create_with_history(
        _lines(slow), FinancingLine, batch_size=1000, default_user=secretariat_jp,
        default_change_reason=reason,
    )  # fmt: skip
    skip = {"id", "history_id", "history_date", "project_id"}
    ours = _records(FinancingLine, [row.pk for row in made], skip)
    theirs = _records(FinancingLine, [row.pk for row in reference], skip)
    assert len(ours) == len(theirs) == MANY
    assert ours == theirs
    rows = FinancingLine.objects.order_by("id")
    assert _plain(rows.filter(pk__in=[r.pk for r in made]), {"id", "project_id"}) == _plain(
        rows.filter(pk__in=[r.pk for r in reference]), {"id", "project_id"}
    )
    assert all(row.pk and not row._state.adding for row in made)
    assert {
        (r["history_user_id"], r["history_change_reason"], r["history_type"]) for r in ours
    } == {(secretariat_jp.pk, reason, "+")}
    # One prepared statement per thousand records, not one query built per record.
    many = [q["sql"] for q in queries.captured_queries if " times: INSERT" in q["sql"]]
    assert len(many) == 2 and "historicalfinancingline" in many[0].lower()


def test_projects_records_keep_translated_and_json_fields(secretariat_jp: User) -> None:
    [ours] = create_rows(JointProject, [_project("JR-2020-0003")], actor=secretariat_jp)
    [theirs] = bulk_create_with_history(
        [_project("JR-2020-0004")], JointProject, default_user=secretariat_jp
    )
    skip = {"id", "history_id", "history_date", "code", "created_at", "updated_at"}
    mine, reference = (
        _records(JointProject, [ours.pk], skip)[0],
        _records(JointProject, [theirs.pk], skip)[0],
    )
    assert mine == reference
    skip -= {"history_id", "history_date"}
    assert _plain(JointProject.objects.filter(pk=ours.pk), skip) == _plain(
        JointProject.objects.filter(pk=theirs.pk), skip
    )
    assert ours.created_at is not None and ours.updated_at is not None  # pre_save ran
    assert mine["other_texts"] == {"title": {"es": "Puertos"}}
    assert (mine["title_ja"], mine["summary_ru"]) == ("港湾", "Сводка")
    assert mine["history_change_reason"] is None  # no reason given: none, as simple-history
    record = JointProject.history.get(id=ours.pk)  # type: ignore[attr-defined]
    assert record.created_at == ours.created_at and record.history_user == secretariat_jp


def test_a_rows_own_history_user_and_reason_come_first(
    secretariat_jp: User, make_user: Any
) -> None:
    other = make_user("secretariat", "RU")
    [project] = create_rows(JointProject, [_project("JR-2020-0005")], actor=secretariat_jp)
    [line, *_rest] = _lines(project)[:2]
    line._history_user = other  # type: ignore[attr-defined]
    line._change_reason = "its own reason"  # type: ignore[attr-defined]
    [made] = create_rows(FinancingLine, [line], actor=secretariat_jp, reason="given")
    record = FinancingLine.history.get(id=made.pk)  # type: ignore[attr-defined]
    assert (record.history_user, record.history_change_reason) == (other, "its own reason")
