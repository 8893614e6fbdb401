"""The public projects as IATI activity records, read in chunks as plain values.

``public_projects()`` with its prefetches builds a model instance per project, participant,
organisation, region, country, financing line, indicator and value: about 70 % of the daily
dump's IATI file (11k projects: 49 of 71 profiled seconds in ``prefetch_related_objects``).
Here a chunk of projects is one ``values_list`` query and each related table one query for
the chunk (ids written into the SQL), grouped by project id in dicts; each project becomes a
light object with the attributes :func:`tandem.interop.iati_registry.stored.activity_record`
reads (``participants.all()``, ``regions.all()``, ``iati``…), so that record builder and the
IATI element writer stay the one definition of the file (tested equal to the model path).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from django.db.models import QuerySet

from tandem.interop.models import IatiActivity
from tandem.interop.tabular.bulk_rows import ids_in, plain_values
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    JointProject,
    Participant,
    ProjectPlanArea,
    ResultIndicator,
)

CHUNK = 2000
LANGS = ("en", "ja", "ru")
PROJECT_FIELDS = (
    "id",
    "code",
    *(f"{name}_{lang}" for name in ("title", "summary") for lang in LANGS),
    "other_texts",
    "status",
    "planned_start",
    "actual_start",
    "planned_end",
    "actual_end",
    "updated_at",
    "iati_identifier",
    "is_illustrative",
)
IATI_FIELDS = (
    "reporting_org",
    "default_currency",
    "descriptions",
    "sectors",
    "recipient_countries",
    "recipient_regions",
    "locations",
    "document_links",
    "participants_to_confirm",
    "last_updated",
)
LINE_FIELDS = (
    "kind",
    "line_type",
    "is_disbursement",
    "amount",
    "currency",
    "date",
    "period_end",
    "value_date",
)
INDICATOR_FIELDS = (
    "title",
    *(f"title_{lang}" for lang in LANGS),
    "result_type",
    "result_title",
    "measure",
    "ascending",
    "baseline",
    "baseline_text",
    "baseline_date",
)
VALUE_FIELDS = ("period_start", "period_end", "target", "actual", "target_text", "actual_text")


class _Many:
    """What ``<relation>.all()`` gives, from a list already read."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def all(self) -> list[Any]:
        return self.items


_NONE = _Many([])


def _by_project(rows: Any, make: Any) -> dict[int, list[Any]]:
    groups: dict[int, list[Any]] = {}
    for project_id, *values in rows:
        item = make(*values)
        if project_id in groups:
            groups[project_id].append(item)
        else:
            groups[project_id] = [item]
    return groups


def _related(ids: list[int]) -> dict[str, Any]:
    national: Any = JointProject.national_projects.through
    regions: Any = JointProject.regions.through
    sides: dict[str, SimpleNamespace] = {}
    countries: dict[str, SimpleNamespace] = {}

    def participant(role: str, side: str, ref: str, en: str, ja: str, ru: str) -> Any:
        side_ns = sides.get(side) or sides.setdefault(side, SimpleNamespace(code=side))
        organisation = SimpleNamespace(iati_ref=ref, name_en=en, name_ja=ja, name_ru=ru)
        return SimpleNamespace(role=role, side=side_ns, organisation=organisation)

    def region(code: str, en: str, ja: str, ru: str, country: str) -> Any:
        country_ns = countries.get(country) or countries.setdefault(
            country, SimpleNamespace(code=country)
        )
        return SimpleNamespace(code=code, name_en=en, name_ja=ja, name_ru=ru, country=country_ns)

    indicators = list(
        ids_in(ResultIndicator, "project_id", ids).values_list(
            "id", "project_id", *INDICATOR_FIELDS
        )
    )
    values = (
        _by_project(
            ids_in(IndicatorValue, "indicator_id", [row[0] for row in indicators]).values_list(
                "indicator_id", *VALUE_FIELDS
            ),
            lambda *v: SimpleNamespace(**dict(zip(VALUE_FIELDS, v, strict=True))),
        )
        if indicators
        else {}
    )
    by_indicator: dict[int, list[Any]] = {}
    for indicator_id, project_id, *fields in indicators:
        item = SimpleNamespace(**dict(zip(INDICATOR_FIELDS, fields, strict=True)))
        item.values = _Many(values.get(indicator_id, []))
        by_indicator.setdefault(project_id, []).append(item)
    return {
        "participants": _by_project(
            ids_in(Participant, "project_id", ids).values_list(
                "project_id",
                "role",
                "side__code",
                "organisation__iati_ref",
                "organisation__name_en",
                "organisation__name_ja",
                "organisation__name_ru",
            ),
            participant,
        ),
        "area_links": _by_project(
            ids_in(ProjectPlanArea, "project_id", ids).values_list("project_id", "plan_area__code"),
            lambda code: SimpleNamespace(plan_area=SimpleNamespace(code=code)),
        ),
        "national_projects": _by_project(
            ids_in(national, "jointproject_id", ids)
            .order_by("nationalproject__programme", "nationalproject__number")
            .values_list("jointproject_id", "nationalproject__code"),
            lambda code: SimpleNamespace(code=code),
        ),
        "regions": _by_project(
            ids_in(regions, "jointproject_id", ids)
            .order_by("region__country__code", "region__code")
            .values_list(
                "jointproject_id",
                "region__code",
                "region__name_en",
                "region__name_ja",
                "region__name_ru",
                "region__country__code",
            ),
            region,
        ),
        "financing": _by_project(
            ids_in(FinancingLine, "project_id", ids).values_list("project_id", *LINE_FIELDS),
            lambda *v: SimpleNamespace(**dict(zip(LINE_FIELDS, v, strict=True))),
        ),
        "indicators": by_indicator,
    }


def _iati(ids: list[int]) -> dict[int, Any]:
    return {
        project_id: SimpleNamespace(**dict(zip(IATI_FIELDS, fields, strict=True)))
        for project_id, *fields in ids_in(IatiActivity, "project_id", ids).values_list(
            "project_id", *IATI_FIELDS
        )
    }


def _sources_of(chunk: list[tuple[Any, ...]]) -> Iterator[Any]:
    ids = [row[0] for row in chunk]
    related = _related(ids)
    iati = _iati(ids)
    for row in chunk:
        project = SimpleNamespace(**dict(zip(PROJECT_FIELDS, row, strict=True)))
        for name, groups in related.items():
            items = groups.get(project.id)
            setattr(project, name, _Many(items) if items else _NONE)
        project.iati = iati.get(project.id)
        yield project


def activity_sources(projects: QuerySet[JointProject], chunk_size: int = CHUNK) -> Iterator[Any]:
    """The projects of ``projects`` (in its order) as light objects for ``activity_record``:
    one query for a chunk's projects and one per related table."""
    chunk: list[tuple[Any, ...]] = []
    plain = plain_values(projects).values_list(*PROJECT_FIELDS)
    for values in plain.iterator(chunk_size=chunk_size):
        chunk.append(values)
        if len(chunk) >= chunk_size:
            yield from _sources_of(chunk)
            chunk = []
    if chunk:
        yield from _sources_of(chunk)
