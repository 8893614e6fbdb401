"""The registry's list page as plain rows: every text already in the reader's language.

The page shows 50 projects with their plan areas and lead organisations on every request of
the registry's busiest page; reading them as values (three queries, no model instances) and
resolving labels once per page keeps it fast at 100,000 projects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language

from tandem.core.i18n import LANGUAGES, in_language
from tandem.programme.models import PlanArea
from tandem.projects.enums import Disclosure, ParticipantRole, ProjectStatus
from tandem.projects.models import Participant, ProjectPlanArea
from tandem.projects.selectors.registry import (
    DEFAULT_SORT,
    MAX_PAGE_SIZE,
    SORTS,
    ProjectFilters,
    filtered_projects,
    ranked_page,
)
from tandem.projects.selectors.registry_paging import page_before, row_cursor


@dataclass(frozen=True)
class AreaTag:
    code: str
    name: str
    is_primary: bool


@dataclass(frozen=True)
class Lead:
    organisation: str
    side: str


@dataclass(frozen=True)
class RegistryRow:
    code: str
    title: str
    status: str
    status_label: str
    status_date: Any
    is_illustrative: bool
    is_side_confidential: bool
    areas: tuple[AreaTag, ...]
    leads: tuple[Lead, ...]


@dataclass(frozen=True)
class RowPage:
    rows: list[RegistryRow]
    next_cursor: str | None
    sort: str
    previous_cursor: str | None = None


def _texts(values: dict[str, Any], field: str) -> dict[str, str]:
    return {language: values[f"{field}_{language}"] or "" for language in LANGUAGES}


def _plan_areas(language: str) -> dict[int, tuple[str, str]]:
    fields = ("pk", "code", *(f"name_{code}" for code in LANGUAGES))
    return {
        values["pk"]: (values["code"], in_language(_texts(values, "name"), language))
        for values in PlanArea.objects.values(*fields)
    }


def _areas_by_project(ids: list[int], language: str) -> dict[int, list[AreaTag]]:
    names = _plan_areas(language)
    areas: dict[int, list[AreaTag]] = defaultdict(list)
    links = (
        ProjectPlanArea.objects.filter(project_id__in=ids)
        .order_by("project_id", "-is_primary", "plan_area__number")
        .values_list("project_id", "plan_area_id", "is_primary")
    )
    for project_id, plan_area_id, is_primary in links:
        code, name = names[plan_area_id]
        areas[project_id].append(AreaTag(code=code, name=name, is_primary=is_primary))
    return areas


def _leads_by_project(ids: list[int], language: str) -> dict[int, list[Lead]]:
    leads: dict[int, list[Lead]] = defaultdict(list)
    name_fields = [f"organisation__name_{code}" for code in LANGUAGES]
    rows = (
        Participant.objects.filter(project_id__in=ids, role=ParticipantRole.LEAD)
        .order_by("project_id", "side__code")
        .values("project_id", "side__code", *name_fields)
    )
    for values in rows:
        names = {code: values[f"organisation__name_{code}"] or "" for code in LANGUAGES}
        leads[values["project_id"]].append(
            Lead(organisation=in_language(names, language), side=values["side__code"])
        )
    return leads


def registry_rows(
    user: Any,
    filters: ProjectFilters,
    *,
    sort: str = DEFAULT_SORT,
    after: str | None = None,
    before: str | None = None,
    size: int = 50,
) -> RowPage:
    """One page of the registry for the list page, in the active language: the page after
    the cursor ``after``, or the one before the cursor ``before`` (the "Previous" link)."""
    size = max(1, min(size, MAX_PAGE_SIZE))
    sort = sort if sort in SORTS else DEFAULT_SORT
    language = (get_language() or "en")[:2]
    columns = (
        "pk",
        "code",
        *(f"title_{code}" for code in LANGUAGES),
        "status",
        "status_date",
        "updated_at",
        "disclosure",
        "is_illustrative",
    )
    projects = filtered_projects(user, filters).values(*columns)
    previous_cursor = None
    if before:
        found, earlier = page_before(projects, filters.query, sort, before, size)
        next_cursor = row_cursor(projects, filters.query, sort, found[-1]) if found else None
        if earlier and found:
            previous_cursor = row_cursor(projects, filters.query, sort, found[0])
    else:
        found, next_cursor = ranked_page(projects, filters.query, sort, after, size)
        if after and found:
            previous_cursor = row_cursor(projects, filters.query, sort, found[0])
    ids = [values["pk"] for values in found]
    areas = _areas_by_project(ids, language) if ids else {}
    leads = _leads_by_project(ids, language) if ids else {}
    status_labels = {value: str(label) for value, label in ProjectStatus.choices}
    rows = [
        RegistryRow(
            code=values["code"],
            title=in_language(_texts(values, "title"), language),
            status=values["status"],
            status_label=status_labels.get(values["status"], values["status"]),
            status_date=values["status_date"],
            is_illustrative=values["is_illustrative"],
            is_side_confidential=values["disclosure"] == Disclosure.SIDE_CONFIDENTIAL,
            areas=tuple(areas.get(values["pk"], ())),
            leads=tuple(leads.get(values["pk"], ())),
        )
        for values in found
    ]
    return RowPage(rows=rows, next_cursor=next_cursor, sort=sort, previous_cursor=previous_cursor)
