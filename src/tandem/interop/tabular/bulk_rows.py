"""The cells of an export's projects, read in chunks as plain values, for files of any size.

Model instances and ``prefetch_related`` cost about 10 ms a project; even light row objects
with one small object per related row (the previous version here) cost more than writing the
file. Here each chunk of projects is one ``values_list`` query (the project's own and
translated fields), and each related table one ``values_list`` query for the chunk (its ids
written into the SQL), grouped by project id into dicts of ready cell text. A project then
becomes its list of cells, in :data:`tandem.interop.tabular.columns.COLUMN_NAMES` order, with
no model instance and no per-row ORM work. The cells are exactly what the columns'
``read`` functions give on a model (tested against them); they are not escaped yet: the CSV
and XLSX writers escape formulas, JSON keeps the values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from tandem.interop.tabular.columns import COLUMN_NAMES, LIST_SEPARATOR, SIDES
from tandem.projects.enums import ParticipantRole
from tandem.projects.models import JointProject, Participant, ProjectAspect, ProjectPlanArea, Sector

CHUNK = 2000
JOIN = f"{LIST_SEPARATOR} "
TEXTS = tuple(
    f"{name}_{language}" for name in ("title", "summary") for language in ("en", "ja", "ru")
)
DATES = ("planned_start", "planned_end", "actual_start", "actual_end")
FIELDS = (
    "id",
    "code",
    "is_illustrative",
    *TEXTS,
    "status",
    "status_date",
    "places",
    *DATES,
    "disclosure",
    "confidential_side_id",
    "confidential_side__code",
)
#: (role, side) of each participant column, in the columns' order.
PARTICIPANT_CELLS = tuple((str(role), side) for role in ParticipantRole for side in SIDES)
#: The columns the cells below are written for; checked against the columns' definition.
CELL_COLUMNS = (
    "code",
    "illustrative",
    *TEXTS,
    "status",
    "status_date",
    "plan_areas",
    "national_projects",
    "regions",
    "places",
    "aspects",
    "sectors",
    *DATES,
    "disclosure",
    "confidential_side",
    *(f"{role}_{side.lower()}" for role, side in PARTICIPANT_CELLS),
)
if CELL_COLUMNS != COLUMN_NAMES:  # pragma: no cover - a column added there and not here
    raise ImportError("bulk_rows.CELL_COLUMNS no longer matches columns.COLUMN_NAMES")


def ids_in(model: Any, column: str, ids: list[int]) -> QuerySet[Any]:
    """``model``'s rows whose ``column`` is one of ``ids``. The ids (integers read from the
    database) are written into the SQL: Django's ``__in`` resolves each of 2,000 parameters
    one by one, which cost more than the rest of a chunk's reading."""
    table = connection.ops.quote_name(model._meta.db_table)
    where = f"{table}.{connection.ops.quote_name(column)} IN ({','.join(map(str, map(int, ids)))})"
    return model.objects.extra(where=[where])  # noqa: S610 - integers only


def plain_values(projects: QuerySet[Any]) -> QuerySet[Any]:
    """``projects`` without its prefetches, and without django-modeltranslation's rewriting
    of a values query (a dict per row to add fallback languages: the fields read here name
    their language, so the values are the same, read by Django's own iterable)."""
    plain = projects.prefetch_related(None).select_related(None)
    rewrite = getattr(plain, "rewrite", None)
    return rewrite(False) if rewrite is not None else plain


def _tuples(rows: QuerySet[Any]) -> Iterator[tuple[Any, ...]]:
    """The tuples of a ``values_list`` of plain text and integer columns, read from the
    cursor without Django's per-row iterator (a chunk's related rows: bounded by the ids)."""
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        yield from cursor.fetchall()


def _joined(pairs: Any) -> dict[int, str]:
    """``{project id: "a; b"}`` from (project id, value) pairs, in their order."""
    groups: dict[int, list[str]] = {}
    for project_id, value in pairs:
        if project_id in groups:
            groups[project_id].append(value)
        else:
            groups[project_id] = [value]
    return {project_id: JOIN.join(values) for project_id, values in groups.items()}


def _national_number(code: str) -> int:
    return int(code[1:])


def _participant_cells(ids: list[int]) -> dict[tuple[int, str, str], str]:
    """``{(project id, role, side): "key; key"}``: an organisation by its reference, else its
    first name in en, ja, ru (as ``organisation_key``), sorted within a cell. The rows come
    ordered by cell, so each cell is one list joined once (no dict per project)."""
    cells: dict[tuple[int, str, str], str] = {}
    rows = _tuples(
        ids_in(Participant, "project_id", ids)
        .order_by("project_id", "role", "side__code")
        .values_list(
            "project_id",
            "role",
            "side__code",
            "organisation__reference",
            "organisation__name_en",
            "organisation__name_ja",
            "organisation__name_ru",
        )
    )
    cell: tuple[int, str, str] | None = None
    keys: list[str] = []
    for project_id, role, side, reference, en, ja, ru in rows:
        if cell is None or cell[0] != project_id or cell[1] != role or cell[2] != side:
            if cell is not None:
                cells[cell] = JOIN.join(sorted(keys))
            cell, keys = (project_id, role, side), []
        keys.append(str(reference or en or ja or ru or ""))
    if cell is not None:
        cells[cell] = JOIN.join(sorted(keys))
    return cells


def _related(ids: list[int]) -> tuple[dict[Any, str], ...]:
    """The list cells of the projects ``ids``, one query per related table."""
    national: Any = JointProject.national_projects.through
    regions: Any = JointProject.regions.through
    national_codes: dict[int, list[str]] = {}
    for project_id, code in _tuples(
        ids_in(national, "jointproject_id", ids).values_list(
            "jointproject_id", "nationalproject__code"
        )
    ):
        national_codes.setdefault(project_id, []).append(code)
    return (
        _joined(
            _tuples(
                ids_in(ProjectPlanArea, "project_id", ids).values_list(
                    "project_id", "plan_area__code"
                )
            )
        ),
        {
            project_id: JOIN.join(sorted(codes, key=_national_number))
            for project_id, codes in national_codes.items()
        },
        _joined(
            _tuples(
                ids_in(regions, "jointproject_id", ids)
                .order_by("region__country__code", "region__code")
                .values_list("jointproject_id", "region__code")
            )
        ),
        _joined(
            _tuples(
                ids_in(ProjectAspect, "project_id", ids)
                .order_by("pk")
                .values_list("project_id", "aspect")
            )
        ),
        _joined(
            (project_id, f"{vocabulary}:{code}")
            for project_id, vocabulary, code in _tuples(
                ids_in(Sector, "project_id", ids).values_list("project_id", "vocabulary", "code")
            )
        ),
        _participant_cells(ids),
    )


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def _cells_of(chunk: list[tuple[Any, ...]]) -> Iterator[tuple[int, list[str]]]:
    areas, national, regions, aspects, sectors, participants = _related([row[0] for row in chunk])
    for (
        project_id,
        code,
        illustrative,
        title_en,
        title_ja,
        title_ru,
        summary_en,
        summary_ja,
        summary_ru,
        status,
        status_date,
        places,
        planned_start,
        planned_end,
        actual_start,
        actual_end,
        disclosure,
        side_id,
        side_code,
    ) in chunk:
        yield (
            project_id,
            [
                str(code or ""),
                "yes" if illustrative else "no",
                str(title_en or ""),
                str(title_ja or ""),
                str(title_ru or ""),
                str(summary_en or ""),
                str(summary_ja or ""),
                str(summary_ru or ""),
                str(status or ""),
                _date(status_date),
                areas.get(project_id, ""),
                national.get(project_id, ""),
                regions.get(project_id, ""),
                str(places or ""),
                aspects.get(project_id, ""),
                sectors.get(project_id, ""),
                _date(planned_start),
                _date(planned_end),
                _date(actual_start),
                _date(actual_end),
                str(disclosure or ""),
                side_code if side_id else "",
                *(participants.get((project_id, *pair), "") for pair in PARTICIPANT_CELLS),
            ],
        )


def export_cells(
    projects: QuerySet[JointProject], chunk_size: int = CHUNK
) -> Iterator[tuple[int, list[str]]]:
    """(id, cells) of each project of ``projects`` (in its order, which holds the filter and
    the reader's visibility), ``chunk_size`` at a time: one query for a chunk's projects and
    one per related table."""
    chunk: list[tuple[Any, ...]] = []
    plain = plain_values(projects).values_list(*FIELDS)
    for values in plain.iterator(chunk_size=chunk_size):
        chunk.append(values)
        if len(chunk) >= chunk_size:
            yield from _cells_of(chunk)
            chunk = []
    if chunk:
        yield from _cells_of(chunk)
