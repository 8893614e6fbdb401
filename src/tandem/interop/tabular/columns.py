"""The columns of the registry's CSV/XLSX files, shared by export and import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tandem.projects.enums import ParticipantRole
from tandem.projects.services.references import organisation_key

LIST_SEPARATOR = ";"
SIDES = ("JP", "RU")


@dataclass(frozen=True)
class Column:
    name: str
    read: Callable[[Any], str]
    is_list: bool = False
    #: Written by the export, accepted and ignored by the import (``illustrative``).
    export_only: bool = False


def _join(values: list[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(values)


def participant_column(role: str, side: str) -> str:
    """``lead_jp``, ``funder_ru``…: the column of one role on one side."""
    return f"{role}_{side.lower()}"


def _participants(role: str, side: str) -> Callable[[Any], str]:
    """The organisations in ``role`` on ``side``, by reference or name (``; `` between)."""

    def read(project: Any) -> str:
        participants = getattr(project, "all_participants", None)
        if participants is None:
            participants = project.participants.select_related("organisation", "side")
        return _join(
            sorted(
                organisation_key(p.organisation)
                for p in participants
                if p.role == role and p.side.code == side
            )
        )

    return read


def _text(name: str) -> Callable[[Any], str]:
    return lambda project: str(getattr(project, name) or "")


def _date(name: str) -> Callable[[Any], str]:
    return lambda project: getattr(project, name).isoformat() if getattr(project, name) else ""


COLUMNS: tuple[Column, ...] = (
    Column("code", _text("code")),
    # Every row says whether the record is illustrative demo data (docs/exports.md).
    Column("illustrative", lambda p: "yes" if p.is_illustrative else "no", export_only=True),
    *(Column(f"title_{lang}", _text(f"title_{lang}")) for lang in ("en", "ja", "ru")),
    *(Column(f"summary_{lang}", _text(f"summary_{lang}")) for lang in ("en", "ja", "ru")),
    Column("status", _text("status")),
    Column("status_date", _date("status_date")),
    Column(
        "plan_areas",
        lambda p: _join([link.plan_area.code for link in p.area_links.all()]),
        is_list=True,
    ),
    Column(
        "national_projects",
        lambda p: _join(
            sorted((n.code for n in p.national_projects.all()), key=lambda c: int(c[1:]))
        ),
        is_list=True,
    ),
    Column("regions", lambda p: _join([r.code for r in p.regions.all()]), is_list=True),
    Column("places", _text("places")),
    Column("aspects", lambda p: _join([a.aspect for a in p.aspects.all()]), is_list=True),
    Column(
        "sectors",
        lambda p: _join([f"{s.vocabulary}:{s.code}" for s in p.sectors.all()]),
        is_list=True,
    ),
    *(
        Column(name, _date(name))
        for name in ("planned_start", "planned_end", "actual_start", "actual_end")
    ),
    Column("disclosure", _text("disclosure")),
    Column(
        "confidential_side",
        lambda p: p.confidential_side.code if p.confidential_side_id else "",
    ),
    *(
        Column(
            participant_column(role, side),
            _participants(role, side),
            is_list=role != ParticipantRole.LEAD,
        )
        for role in ParticipantRole
        for side in SIDES
    ),
)
PARTICIPANT_COLUMNS = {
    participant_column(role, side): (str(role), side) for role in ParticipantRole for side in SIDES
}
COLUMN_NAMES = tuple(column.name for column in COLUMNS)
EXPORT_ONLY_COLUMNS = frozenset(column.name for column in COLUMNS if column.export_only)
REQUIRED_COLUMNS = frozenset({"code"})
