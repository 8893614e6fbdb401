"""Import joint projects from a table or an IATI file: plan (preview), then commit, all or nothing.

The plan says, for every row, whether it creates a project, changes one (and what), leaves one
unchanged, or is rejected (and why). Commit re-plans the same file and writes everything in one
transaction, or nothing: a single rejected row, or a project changed by someone else since the
preview, stops the whole import.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError as SchemaError

from tandem.core.history_reasons import history_reason
from tandem.core.permissions import check
from tandem.core.validation_text import schema_problem_text
from tandem.core.validators import control_characters
from tandem.interop.registry_records import RecordPlan
from tandem.interop.tabular.columns import (
    COLUMN_NAMES,
    EXPORT_ONLY_COLUMNS,
    LIST_SEPARATOR,
    PARTICIPANT_COLUMNS,
    REQUIRED_COLUMNS,
)
from tandem.interop.tabular.read import Table
from tandem.programme.models import Programme
from tandem.projects.enums import ParticipantRole
from tandem.projects.models import JointProject
from tandem.projects.schemas import ParticipantIn, ProjectIn
from tandem.projects.services.bulk import projects_bulk_create
from tandem.projects.services.projects import may_write, project_update, result_of
from tandem.projects.services.references import (
    References,
    Resolved,
    organisation_key,
    resolve,
)

# A cell a spreadsheet would evaluate: = + @ (and full-width forms), tab, CR, or a minus sign
# that does not start a plain number.
FORMULA = re.compile(r"^(?:[=+@\t\r\uff1d\uff0b\uff20]|-(?!\d+(?:\.\d+)?$))")
LIST_COLUMNS = ("plan_areas", "national_projects", "regions", "aspects")
CREATE, CHANGE, UNCHANGED, REJECT = "create", "change", "unchanged", "reject"
OTHER_SIDE = gettext_lazy("You may not write a project that is confidential to the other side.")


class ImportRejectedError(Exception):
    """The import was refused as a whole; nothing was written."""


@dataclass
class RowOutcome:
    line: int
    code: str
    action: str
    messages: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    outcomes: list[RowOutcome] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    source: str = ""
    items: list[tuple[RowOutcome, ProjectIn, int | None, Resolved]] = field(default_factory=list)
    records: RecordPlan = field(default_factory=RecordPlan)  # financing, results… of the file

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def can_commit(self) -> bool:
        return (
            not self.file_problems
            and not self.count(REJECT)
            and not self.records.rejected
            and bool(self.items or self.records.writes)
        )

    def digest(self) -> str:
        text = (
            "|".join(f"{o.line}:{o.code}:{o.action}:{';'.join(o.messages)}" for o in self.outcomes)
            + self.records.digest_text()
        )
        return hashlib.sha256(text.encode()).hexdigest()


def _unescape(value: str) -> str:
    """Our own exports prefix formula triggers with '; take it off again."""
    if value.startswith("'") and FORMULA.match(value[1:]):
        return value[1:]
    return value


def row_to_project_in(row: dict[str, str]) -> ProjectIn:
    """A table row as a ProjectIn; blank cells are left out so that they never overwrite."""
    data: dict[str, Any] = {}
    for name in COLUMN_NAMES:
        raw = (row.get(name) or "").strip()
        if not raw or name in EXPORT_ONLY_COLUMNS:
            continue
        if FORMULA.match(raw):
            raise ValueError(f"{name}: the cell looks like a spreadsheet formula ({raw[:20]!r}).")
        value = _unescape(raw)
        if name in LIST_COLUMNS:
            data[name] = [part.strip() for part in re.split(r"[;,\s]+", value) if part.strip()]
        elif name == "sectors":
            sectors = []
            for part in value.split(LIST_SEPARATOR):
                vocabulary, _sep, code = part.strip().partition(":")
                sectors.append({"vocabulary": vocabulary.strip().lower(), "code": code.strip()})
            data[name] = sectors
        elif name in PARTICIPANT_COLUMNS:
            role, side = PARTICIPANT_COLUMNS[name]
            names = [value] if role == "lead" else value.split(LIST_SEPARATOR)
            data.setdefault("participants", []).extend(
                {"organisation": part.strip(), "side": side, "role": role}
                for part in names
                if part.strip()
            )
        else:
            data[name] = value
    return ProjectIn(**data)


def with_participants_kept(item: ProjectIn, project: JointProject) -> ProjectIn:
    """``item`` with the project's participants in every role and side it does not name:
    a row (or a file) that names a project's funders leaves its partners as they are."""
    if item.participants is None:
        return item
    named = {(p.side, str(p.role)) for p in item.participants}
    kept = [
        ParticipantIn(
            organisation=organisation_key(p.organisation),
            side=p.side.code,
            role=ParticipantRole(p.role),
        )
        for p in project.participants.all()
        if (p.side.code, p.role) not in named
    ]
    if not kept:
        return item
    return item.model_copy(update={"participants": [*item.participants, *kept]})


def _schema_message(error: SchemaError) -> str:
    return "; ".join(schema_problem_text(problem) for problem in error.errors())


def _changes(project: JointProject, data: ProjectIn, resolved: Resolved) -> list[str]:
    changed = []
    for name, value in data.given().items():
        if name == "code":
            continue
        current = getattr(project, name, None)
        if name == "plan_areas":
            current = [link.plan_area.code for link in project.area_links.all()]
        elif name in ("national_projects", "regions"):
            current = sorted(item.code for item in getattr(project, name).all())
            value = sorted(value)  # type: ignore[call-overload]
        elif name == "aspects":
            current = sorted(a.aspect for a in project.aspects.all())
            value = sorted(str(aspect) for aspect in value)  # type: ignore[attr-defined]
        elif name == "participants":
            current = sorted(
                (p.organisation_id, p.side_id, p.role) for p in project.participants.all()
            )
            value = sorted((o.pk, side.pk, str(role)) for o, side, role in resolved.participants)
        elif name == "sectors":
            current = sorted((s.vocabulary, s.code) for s in project.sectors.all())
            value = sorted((str(s.vocabulary), s.code) for s in data.sectors or [])
        elif name == "financing":
            changed.append(name)  # replaced as a whole when given
            continue
        elif name == "confidential_side":
            side = project.confidential_side
            current = side.code if side is not None else None
        if str(current if current is not None else "") != str(value):
            changed.append(name)
    return changed


def _control_characters(item: ProjectIn) -> list[str]:
    """One message per text column of ``item`` that holds control characters."""
    messages = []
    for name, value in item.given().items():
        if isinstance(value, str) and control_characters(value):
            messages.append(
                _("%(column)s holds control characters (%(found)s); remove them.")
                % {"column": name, "found": ", ".join(control_characters(value))}
            )
    return messages


def plan_items(
    items: Iterable[tuple[int, ProjectIn | str]], user: Any, programme: Programme, source: str
) -> ImportPlan:
    plan = ImportPlan(source=source)
    references = References(programme)
    seen: dict[str, int] = {}
    parsed = list(items)
    codes = [item.code for _line, item in parsed if isinstance(item, ProjectIn)]
    existing = {
        project.code: project
        for project in JointProject.objects.filter(code__in=codes).prefetch_related(
            "area_links__plan_area",
            "national_projects",
            "regions",
            "aspects",
            "sectors",
            "participants__organisation",
            "participants__side",
        )
    }
    for line, item in parsed:
        if isinstance(item, str):
            plan.outcomes.append(RowOutcome(line, "", REJECT, [item]))
            continue
        outcome = RowOutcome(line, item.code, CREATE)
        plan.outcomes.append(outcome)
        if item.code in seen:
            outcome.action = REJECT
            outcome.messages.append(
                _("Code %(code)s also appears on line %(line)d.")
                % {"code": item.code, "line": seen[item.code]}
            )
            continue
        seen[item.code] = line
        controls = _control_characters(item)
        if controls:
            outcome.action = REJECT
            outcome.messages.extend(controls)
            continue
        if item.code in existing:
            item = with_participants_kept(item, existing[item.code])
        try:
            resolved = resolve(item, programme, references)
        except ValidationError as error:
            outcome.action = REJECT
            outcome.messages.extend(m for ms in error.message_dict.values() for m in ms)
            continue
        project = existing.get(item.code)
        if project is None:
            given = item.given()
            if not any(given.get(f"title_{lang}") for lang in ("en", "ja", "ru")):
                outcome.action = REJECT
                outcome.messages.append(_("A new project needs a title in at least one language."))
            if not item.plan_areas:
                outcome.action = REJECT
                outcome.messages.append(_("A new project needs at least one plan area."))
            if item.disclosure == "side_confidential" and not item.confidential_side:
                outcome.action = REJECT
                outcome.messages.append(_("A side-confidential project needs its side."))
            if not check(user, "projects.add_project"):
                outcome.action = REJECT
                outcome.messages.append(_("You may not register projects."))
            elif item.confidential_side and not may_write(user, result_of(None, item, resolved)):
                outcome.action = REJECT
                outcome.messages.append(str(OTHER_SIDE))
            if outcome.action != REJECT:
                plan.items.append((outcome, item, None, resolved))
            continue
        if not check(user, "projects.change_project", project):
            outcome.action = REJECT
            outcome.messages.append(_("You may not change project %(code)s.") % {"code": item.code})
            continue
        if not may_write(user, result_of(project, item, resolved)):
            outcome.action = REJECT
            outcome.messages.append(str(OTHER_SIDE))
            continue
        changes = _changes(project, item, resolved)
        outcome.action = CHANGE if changes else UNCHANGED
        outcome.messages = [f"changes {', '.join(changes)}"] if changes else []
        if changes:
            plan.items.append((outcome, item, project.version, resolved))
    return plan


def plan_table(table: Table, user: Any, programme: Programme, source: str) -> ImportPlan:
    unknown = [name for name in table.header if name and name not in COLUMN_NAMES]
    missing = sorted(REQUIRED_COLUMNS - set(table.header))
    problems = []
    if missing:
        problems.append(f"Missing column: {', '.join(missing)}.")
    if unknown:
        problems.append(
            f"Unknown columns: {', '.join(unknown)}. The columns are: {', '.join(COLUMN_NAMES)}."
        )
    if problems:
        return ImportPlan(file_problems=problems, source=source)
    if not table.rows:
        return ImportPlan(file_problems=["The file has a header but no rows."], source=source)
    items: list[tuple[int, ProjectIn | str]] = []
    for line, row in table.rows:
        try:
            items.append((line, row_to_project_in(row)))
        except SchemaError as error:
            items.append((line, f"{row.get('code', '')}: {_schema_message(error)}"))
        except ValueError as error:
            items.append((line, str(error)))
    plan = plan_items(items, user, programme, source)
    if table.encoding and table.encoding != "UTF-8":
        plan.source = f"{source} ({table.encoding})"
    return plan


@transaction.atomic
def commit(plan: ImportPlan, user: Any, programme: Programme) -> dict[str, int]:
    """Write every planned row, or nothing; raises ImportRejectedError."""
    if not plan.can_commit:
        raise ImportRejectedError("The file has rejected rows or problems: nothing was imported.")
    references = References(programme)
    new = [(data, resolved) for _o, data, version, resolved in plan.items if version is None]
    try:
        created = projects_bulk_create(programme=programme, items=new, actor=user)
    except ValidationError as error:
        raise ImportRejectedError(f"{'; '.join(error.messages)} Nothing was imported.") from error
    changed = 0
    for outcome, data, version, _resolved in plan.items:
        if version is None:
            continue
        project = JointProject.objects.get(code=data.code)
        if project.version != version:
            raise ImportRejectedError(
                f"Project {data.code} was changed since the preview: nothing was imported."
            )
        try:
            project_update(
                project=project,
                data=data,
                expected_version=version,
                actor=user,
                reason=history_reason("import", source=plan.source),
                references=references,
            )
        except ValidationError as error:
            raise ImportRejectedError(
                f"Line {outcome.line} ({data.code}): {'; '.join(error.messages)} "
                "Nothing was imported."
            ) from error
        changed += 1
    return {"created": created, "changed": changed}
