"""A project's change log, as one reader may read it.

Who changed what and when, field by field with the old and the new value, from the history
of the project and of the records that belong to it (participants, plan areas, aspects,
sectors, financing, milestones, results, sources, status steps). Confidential notes are never
part of it. A change is shown only if the reader could see the project as it stood before and
after it (a project that was confidential to the other side shows none of what changed then).
Readers outside programme staff (the public, companies) read the changes of the fields a
public page shows, and the role that acted instead of a user name; no change reason, which
may name the person a command acted for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from tandem.core.models import User
from tandem.core.permissions import check
from tandem.projects.models import (
    FinancingLine,
    JointProject,
    Milestone,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    ResultIndicator,
    Sector,
    Source,
    StatusChange,
)

LIMIT = 100
# Fields that change with every write and say nothing of their own.
# "title" and "summary" mirror the default language's column (title_en, summary_en).
NEVER_SHOWN = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "search_text",
    "programme",
    "title",
    "summary",
}
# The project's fields that a public page shows; the rest (disclosure, the confidential side,
# interchange bookkeeping) are for programme staff.
PUBLIC_FIELDS = {
    "code",
    *(f"{name}_{language}" for name in ("title", "summary") for language in ("en", "ja", "ru")),
    "status",
    "status_date",
    "places",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "national_projects",
    "regions",
}
RECORDS: tuple[type[models.Model], ...] = (
    Participant,
    ProjectPlanArea,
    ProjectAspect,
    Sector,
    FinancingLine,
    Milestone,
    ResultIndicator,
    Source,
    StatusChange,
)


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class LogEntry:
    at: dt.datetime
    by: str
    record: str  # what changed: the project, or "participant: …"
    kind: str  # "+", "~" or "-"
    reason: str = ""
    changes: list[FieldChange] = field(default_factory=list)


def project_change_log(*, project: JointProject, reader: Any) -> list[LogEntry]:
    """The newest changes of ``project`` that ``reader`` may read, newest first."""
    staff = check(reader, "projects.export_projects")
    names = check(reader, "core.view_person")
    versions = list(
        project.history.select_related("history_user").order_by("history_date", "history_id")  # type: ignore[attr-defined]
    )
    visible = [check(reader, "projects.view_project", version.instance) for version in versions]
    entries = list(_project_entries(versions, visible, staff, names))
    for model in RECORDS:
        records = model.history.filter(project_id=project.pk).select_related("history_user")  # type: ignore[attr-defined]
        for record in records.order_by("history_date", "history_id"):
            if not _visible_at(record.history_date, versions, visible):
                continue
            entries.append(_record_entry(record, names))
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:LIMIT]


def _project_entries(
    versions: list[Any], visible: list[bool], staff: bool, names: bool
) -> Iterable[LogEntry]:
    for index, version in enumerate(versions):
        if not visible[index] or (index and not visible[index - 1]):
            continue
        if index == 0 or version.history_type == "+":
            yield _entry(version, names, _("project"), "+", [])
            continue
        delta = version.diff_against(versions[index - 1])
        changes = [
            _field_change(JointProject, change.field, change.old, change.new)
            for change in delta.changes
            if change.field not in NEVER_SHOWN and (staff or change.field in PUBLIC_FIELDS)
        ]
        if changes:
            yield _entry(version, names, _("project"), "~", changes)


def _visible_at(moment: dt.datetime, versions: list[Any], visible: list[bool]) -> bool:
    """Whether the reader could see the project as it stood at ``moment``."""
    then = [index for index, version in enumerate(versions) if version.history_date <= moment]
    return visible[then[-1]] if then else bool(visible and visible[0])


def _record_entry(record: Any, names: bool) -> LogEntry:
    model = record.instance_type
    what = f"{model._meta.verbose_name}: {_describe(record)}"
    changes: list[FieldChange] = []
    previous = record.prev_record if record.history_type == "~" else None
    if previous is not None:
        changes = [
            _field_change(model, change.field, change.old, change.new)
            for change in record.diff_against(previous).changes
            if change.field not in NEVER_SHOWN and change.field != "project"
        ]
    return _entry(record, names, what, record.history_type, changes)


def _describe(record: Any) -> str:
    try:
        if record.instance_type is ProjectPlanArea:
            primary = f" ({_('primary')})" if record.is_primary else ""
            return f"{record.plan_area.code}{primary}"
        return str(record.instance)
    except ObjectDoesNotExist:  # something it named has gone since
        return f"#{record.id}"


def _entry(record: Any, names: bool, what: str, kind: str, changes: list[FieldChange]) -> LogEntry:
    return LogEntry(
        at=record.history_date,
        by=actor_shown(record.history_user, names),
        record=str(what),
        kind=kind,
        reason=(record.history_change_reason or "") if names else "",
        changes=changes,
    )


def actor_shown(user: User | None, names: bool) -> str:
    """The user name for those who may read names; otherwise the role and side that acted,
    e.g. "Secretariat (Japan)"; "system" for a command or the worker on its own."""
    if user is None:
        return _("system")
    if names:
        return user.get_username()
    role = str(user.get_role_display()) if user.role else _("programme staff")
    return f"{role} ({user.side})" if user.side_id else role


def _field_change(model: type[models.Model], name: str, old: Any, new: Any) -> FieldChange:
    model_field = model._meta.get_field(name)
    label = str(getattr(model_field, "verbose_name", name))
    return FieldChange(label, _value(model_field, old), _value(model_field, new))


def _value(model_field: Any, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if getattr(model_field, "many_to_many", False):
        related = model_field.related_model
        ids = [row[related._meta.model_name] for row in value if isinstance(row, dict)]
        return ", ".join(sorted(str(obj) for obj in related._default_manager.filter(pk__in=ids)))
    if getattr(model_field, "choices", None):
        return str(dict(model_field.flatchoices).get(value, value))
    if getattr(model_field, "many_to_one", False):
        found = model_field.related_model._default_manager.filter(pk=value).first()
        return str(found) if found is not None else f"#{value}"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)
