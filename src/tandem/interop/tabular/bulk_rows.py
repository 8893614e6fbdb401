"""The projects of an export read in chunks as plain values, for files of any size.

Model instances and ``prefetch_related`` cost about 10 ms a project (building six related
querysets and a model per related row); a file of 100k projects needs far less. Here one
chunk of projects is read with ``values()`` and each related table with one ``values_list``
query per chunk, and every project becomes a light :class:`ExportRow` with the same
attributes the columns of :mod:`tandem.interop.tabular.columns` read (``area_links.all()``,
``all_participants``…), so the columns stay the one definition of a file's cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from tandem.interop.tabular.columns import participant_keys
from tandem.projects.models import JointProject, Participant, ProjectAspect, ProjectPlanArea, Sector

CHUNK = 2000
FIELDS = (
    "id",
    "code",
    "is_illustrative",
    *(f"{name}_{language}" for name in ("title", "summary") for language in ("en", "ja", "ru")),
    "status",
    "status_date",
    "places",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "disclosure",
    "confidential_side_id",
    "confidential_side__code",
)


class _Many:
    """What ``project.<relation>.all()`` gives, from a list already read."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def all(self) -> list[Any]:
        return self.items


class ExportRow(SimpleNamespace):
    """One project as the columns read it (``pk`` is its id)."""

    @property
    def pk(self) -> int:
        return int(self.id)


def _grouped(pairs: Iterable[tuple[Any, ...]]) -> dict[int, list[Any]]:
    groups: dict[int, list[Any]] = defaultdict(list)
    for project_id, *values in pairs:
        groups[project_id].append(SimpleNamespace(**dict(values)))
    return groups


def _of(model: Any, column: str, ids: list[int]) -> QuerySet[Any]:
    """``model``'s rows whose ``column`` is one of ``ids``. The ids (integers read from the
    database) are written into the SQL: Django's ``__in`` resolves each of 2,000 parameters
    one by one, which cost more than the rest of a chunk's reading."""
    table = connection.ops.quote_name(model._meta.db_table)
    where = f"{table}.{connection.ops.quote_name(column)} IN ({','.join(map(str, map(int, ids)))})"
    return model.objects.extra(where=[where])  # noqa: S610 - integers only


def _related(ids: list[int]) -> dict[str, dict[int, list[Any]]]:
    """Each relation the columns read, for the projects ``ids``: one query each."""
    national: Any = JointProject.national_projects.through
    regions: Any = JointProject.regions.through
    links = _of(ProjectPlanArea, "project_id", ids).values_list("project_id", "plan_area__code")
    participants = _of(Participant, "project_id", ids).values_list(
        "project_id",
        "role",
        "side__code",
        "organisation__reference",
        "organisation__name_en",
        "organisation__name_ja",
        "organisation__name_ru",
    )
    return {
        "area_links": _grouped(
            (p, ("plan_area", SimpleNamespace(code=code))) for p, code in links.iterator()
        ),
        "national_projects": _grouped(
            (p, ("code", code))
            for p, code in _of(national, "jointproject_id", ids)
            .values_list("jointproject_id", "nationalproject__code")
            .iterator()
        ),
        "regions": _grouped(
            (p, ("code", code))
            for p, code in _of(regions, "jointproject_id", ids)
            .order_by("region__country__code", "region__code")
            .values_list("jointproject_id", "region__code")
            .iterator()
        ),
        "aspects": _grouped(
            (p, ("aspect", aspect))
            for p, aspect in _of(ProjectAspect, "project_id", ids)
            .order_by("pk")
            .values_list("project_id", "aspect")
            .iterator()
        ),
        "sectors": _grouped(
            (p, ("vocabulary", vocabulary), ("code", code))
            for p, vocabulary, code in _of(Sector, "project_id", ids)
            .values_list("project_id", "vocabulary", "code")
            .iterator()
        ),
        "all_participants": _grouped(
            (
                p,
                ("role", role),
                ("side", SimpleNamespace(code=side)),
                (
                    "organisation",
                    SimpleNamespace(
                        reference=reference, name_en=en, name_ja=ja, name_ru=ru, name=""
                    ),
                ),
            )
            for p, role, side, reference, en, ja, ru in participants.iterator()
        ),
    }


def _rows_of(chunk: list[dict[str, Any]]) -> Iterator[ExportRow]:
    related = _related([values["id"] for values in chunk])
    for values in chunk:
        side_code = values.pop("confidential_side__code")
        row = ExportRow(**values)
        row.confidential_side = SimpleNamespace(code=side_code)
        for name, groups in related.items():
            items = groups.get(row.id, [])
            setattr(row, name, items if name == "all_participants" else _Many(items))
        row.participant_keys = participant_keys(row.all_participants)
        yield row


def export_rows(projects: QuerySet[JointProject], chunk_size: int = CHUNK) -> Iterator[ExportRow]:
    """The projects of ``projects`` (in its order) as rows for the columns, ``chunk_size`` at
    a time: one query for the projects and one per related table for each chunk."""
    chunk: list[dict[str, Any]] = []
    plain = projects.prefetch_related(None).select_related(None).values(*FIELDS)
    for values in plain.iterator(chunk_size=chunk_size):
        chunk.append(values)
        if len(chunk) >= chunk_size:
            yield from _rows_of(chunk)
            chunk = []
    if chunk:
        yield from _rows_of(chunk)
