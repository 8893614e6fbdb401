"""Import a project's records from the registry's files: plan (preview), then commit.

Each row of a record table (see :mod:`tandem.interop.tabular.records`) adds a record (blank
``id``) or changes the one it names. Blank cells are left out: they never overwrite, and
nothing is ever deleted by an import. A row is rejected, with its reasons, when its project
is unknown or not the importer's to change, when its record belongs to another project, or
when its values are invalid; one rejected row stops the whole import. The commit writes
through the record services, checking every project's version against the preview's.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from pydantic import BaseModel
from pydantic import ValidationError as SchemaError

from tandem.core.actors import Actor
from tandem.core.permissions import check
from tandem.interop.tabular.read import Table
from tandem.interop.tabular.records import RECORD_TABLES, RecordTable, unescape_cell
from tandem.projects import record_schemas as schemas
from tandem.projects.models import JointProject, ResultIndicator
from tandem.projects.services import records
from tandem.projects.services.projects import StaleEditError
from tandem.projects.services.references import find_organisation

CREATE, CHANGE, UNCHANGED, REJECT = "create", "change", "unchanged", "reject"
BOOLEAN_COLUMNS = ("is_disbursement", "ascending")
YES = {"yes", "true", "1", "y", "да", "はい"}
NO = {"no", "false", "0", "n", "нет", "いいえ"}

#: table name -> (schema of a new record, schema of changes)
SCHEMAS: dict[str, tuple[type[BaseModel], type[BaseModel]]] = {
    "financing": (schemas.FinancingLineIn, schemas.FinancingLineChanges),
    "milestones": (schemas.MilestoneIn, schemas.MilestoneChanges),
    "results": (schemas.ResultIn, schemas.ResultChanges),
    "result_values": (schemas.ResultValueIn, schemas.ResultValueChanges),
    "sources": (schemas.SourceIn, schemas.SourceChanges),
}
#: table name -> (service that adds, service that changes, the latter's keyword for the record)
SERVICES: dict[str, tuple[Callable[..., Any], Callable[..., Any], str]] = {
    "financing": (records.financing_line_create, records.financing_line_update, "line"),
    "milestones": (records.milestone_create, records.milestone_update, "milestone"),
    "results": (records.result_create, records.result_update, "result"),
    "result_values": (records.result_value_create, records.result_value_update, "value"),
    "sources": (records.source_create, records.source_update, "source"),
}


class RecordsRefusedError(Exception):
    """The records of an import cannot be written; nothing was."""


@dataclass
class RecordOutcome:
    table: str
    line: int
    project: str
    record: str  # the record's id, blank for a new one
    action: str
    messages: list[str] = field(default_factory=list)


@dataclass
class RecordWrite:
    outcome: RecordOutcome
    table: str
    project: str
    record: Any  # the record to change, or None to add one
    parent: ResultIndicator | None  # the result a new value per period belongs to
    data: BaseModel


@dataclass
class RecordPlan:
    outcomes: list[RecordOutcome] = field(default_factory=list)
    writes: list[RecordWrite] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    versions: dict[str, int | None] = field(default_factory=dict)  # None: new in this import

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def rejected(self) -> bool:
        return bool(self.file_problems) or self.count(REJECT) > 0

    def digest_text(self) -> str:
        return "|".join(
            f"{o.table}:{o.line}:{o.project}:{o.record}:{o.action}:{';'.join(o.messages)}"
            for o in self.outcomes
        ) + "|".join(self.file_problems)


def _boolean(text: str) -> bool:
    folded = text.casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise ValueError(_("%(value)s is not yes or no.") % {"value": text})


def row_values(table: RecordTable, row: dict[str, str]) -> dict[str, Any]:
    """The row's non-blank cells of ``table``'s own columns (blanks never overwrite)."""
    values: dict[str, Any] = {}
    for name in table.columns:
        raw = (row.get(name) or "").strip()
        if not raw:
            continue
        text = unescape_cell(raw)
        values[name] = _boolean(text) if name in BOOLEAN_COLUMNS else text
    return values


def _differs(record: Any, name: str, value: Any) -> bool:
    current = getattr(record, name)
    if name == "funder":
        return current != (find_organisation(value) if value else None)
    if isinstance(current, Decimal) and value is not None:
        return current != Decimal(value)
    if isinstance(current, dt.date) and isinstance(value, str):
        return current.isoformat() != value
    return bool(current != value)


def _int(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def model_problems(table: RecordTable, record: Any, values: dict[str, Any]) -> list[str]:
    """What the record's own validation would refuse, found at the preview rather than at
    the commit: the row applied to a copy of the record (or a new one), then ``full_clean``."""
    problems: list[str] = []
    instance = copy.copy(record) if record is not None else table.model()
    for name, value in values.items():
        if name == "values":
            continue
        if name == "funder":
            if value and find_organisation(value) is None:
                problems.append(_("Unknown organisation: %(name)s.") % {"name": value})
            continue
        field_ = table.model._meta.get_field(name)
        setattr(instance, name, "" if value is None and not field_.null else value)
    if table.name in ("milestones", "results") and not any(
        getattr(instance, title) for title in ("title_en", "title_ja", "title_ru")
    ):
        problems.append(_("Give a title in at least one language."))
    excluded = ["project", "indicator", "funder"]
    if "title_en" in table.columns:  # the titles per language are checked above
        excluded.append("title")
    try:
        instance.full_clean(exclude=excluded, validate_unique=False)
    except ValidationError as error:
        problems.extend(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return problems


class _Planner:
    def __init__(self, user: Any, new_codes: set[str]) -> None:
        self.user = user
        self.new_codes = new_codes
        self.plan = RecordPlan()
        self.projects: dict[str, JointProject | None] = {}

    def project(self, code: str, problems: list[str]) -> JointProject | None:
        """The row's project (None for one this import creates), or a problem."""
        if code not in self.projects:
            self.projects[code] = JointProject.objects.filter(code=code).first()
        project = self.projects[code]
        if project is None:
            if code in self.new_codes:
                self.plan.versions[code] = None
            else:
                problems.append(
                    _("No project %(code)s in the registry or in this file.") % {"code": code}
                )
        elif not check(self.user, "projects.change_project", project):
            problems.append(_("You may not change project %(code)s.") % {"code": code})
        else:
            self.plan.versions[code] = project.version
        return project

    def plan_row(self, table: RecordTable, line: int, row: dict[str, str]) -> None:
        code = (row.get("project") or "").strip()
        record_id = (row.get("id") or "").strip()
        outcome = RecordOutcome(table.name, line, code, record_id, CREATE)
        self.plan.outcomes.append(outcome)
        problems: list[str] = []
        if not code:
            problems.append(_("The row names no project."))
        project = self.project(code, problems) if code else None
        write = None
        if not problems:
            try:
                values = row_values(table, row)
                if record_id:
                    write = self._change(table, project, code, record_id, values, problems)
                else:
                    write = self._create(table, project, code, row, values, problems)
            except SchemaError as error:
                problems.extend(
                    f"{'.'.join(str(p) for p in problem['loc'])}: {problem['msg']}"
                    for problem in error.errors()
                )
            except ValueError as error:
                problems.append(str(error))
        if problems:
            outcome.action, outcome.messages = REJECT, problems
        elif write is None:
            outcome.action = UNCHANGED
        else:
            outcome.action = CHANGE if record_id else CREATE
            outcome.messages = write.changes
            self.plan.writes.append(RecordWrite(outcome, *write.parts))

    def _create(
        self,
        table: RecordTable,
        project: JointProject | None,
        code: str,
        row: dict[str, str],
        values: dict[str, Any],
        problems: list[str],
    ) -> _Planned | None:
        parent = None
        if table.parent:
            parent = self._parent(project, row, problems)
        data = SCHEMAS[table.name][0].model_validate(values)
        problems.extend(model_problems(table, None, data.model_dump()))
        return _Planned((table.name, code, None, parent, data), [])

    def _parent(
        self, project: JointProject | None, row: dict[str, str], problems: list[str]
    ) -> ResultIndicator | None:
        result_id = _int(row.get("result_id", ""))
        parent = (
            ResultIndicator.objects.filter(pk=result_id, project=project).first()
            if result_id and project is not None
            else None
        )
        if parent is None:
            problems.append(
                _("A new value per period names an existing result of its project in result_id.")
            )
        return parent

    def _change(
        self,
        table: RecordTable,
        project: JointProject | None,
        code: str,
        record_id: str,
        values: dict[str, Any],
        problems: list[str],
    ) -> _Planned | None:
        pk = _int(record_id)
        record = (
            table.model._default_manager.filter(pk=pk, **{table.project_path: project}).first()
            if pk is not None and project is not None
            else None
        )
        if record is None:
            problems.append(
                _("Project %(code)s has no %(kind)s with id %(id)s.")
                % {"code": code, "kind": table.model._meta.verbose_name, "id": record_id}
            )
            return None
        data = SCHEMAS[table.name][1].model_validate(values)
        changed = [name for name, value in values.items() if _differs(record, name, value)]
        if not changed:
            return None
        problems.extend(model_problems(table, record, {name: values[name] for name in changed}))
        message = _("changes %(fields)s") % {"fields": ", ".join(changed)}
        return _Planned((table.name, code, record, None, data), [message])


@dataclass
class _Planned:
    parts: tuple[str, str, Any, ResultIndicator | None, BaseModel]
    changes: list[str]


def plan_records(tables: dict[str, Table], user: Any, *, new_codes: set[str]) -> RecordPlan:
    """What the record tables of a file would do; ``new_codes``: projects the file creates."""
    planner = _Planner(user, new_codes)
    for table in RECORD_TABLES:
        given = tables.get(table.name)
        if given is None:
            continue
        unknown = [name for name in given.header if name and name not in table.header]
        missing = [name for name in ("project", "id") if name not in given.header]
        if unknown or missing:
            planner.plan.file_problems.append(
                _("%(table)s: the columns are %(columns)s.")
                % {"table": table.name, "columns": ", ".join(table.header)}
            )
            continue
        for line, row in given.rows:
            planner.plan_row(table, line, row)
    return planner.plan


def check_versions(plan: RecordPlan) -> None:
    """Before anything is written: every project the records change is still as previewed."""
    known = {code: version for code, version in plan.versions.items() if version is not None}
    current = dict(
        JointProject.objects.select_for_update()
        .filter(code__in=known)
        .values_list("code", "version")
    )
    for code, version in known.items():
        if current.get(code) != version:
            raise RecordsRefusedError(
                _("Project %(code)s was changed since the preview: nothing was imported.")
                % {"code": code}
            )


def commit_records(plan: RecordPlan, *, actor: Actor) -> int:
    """Write every planned record (inside the caller's transaction); the number written.
    Call after the projects of the same file are written, and after :func:`check_versions`."""
    codes = {write.project for write in plan.writes}
    projects = {p.code: p for p in JointProject.objects.filter(code__in=codes)}
    versions = {code: project.version for code, project in projects.items()}
    for write in plan.writes:
        project = projects[write.project]
        create, update, keyword = SERVICES[write.table]
        try:
            if write.record is None:
                target = {"result": write.parent} if write.parent else {"project": project}
                create(
                    **target, expected_version=versions[write.project], data=write.data, actor=actor
                )
            else:
                update(
                    **{keyword: write.record},
                    expected_version=versions[write.project],
                    changes=write.data,
                    actor=actor,
                )
        except (ValidationError, StaleEditError, PermissionDenied) as error:
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise RecordsRefusedError(
                _("%(table)s line %(line)s (%(code)s): %(reason)s Nothing was imported.")
                % {
                    "table": write.table,
                    "line": write.outcome.line,
                    "code": write.project,
                    "reason": reason,
                }
            ) from error
        versions[write.project] += 1
    return len(plan.writes)
