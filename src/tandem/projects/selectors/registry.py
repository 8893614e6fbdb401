"""Reads of the registry: the filtered list with keyset pagination, details, history."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
from dataclasses import astuple, dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from tandem.core.caching import cached_value
from tandem.core.crosslingual.search import exact_condition, search_condition
from tandem.core.permissions import check
from tandem.projects.enums import ProjectStatus
from tandem.projects.models import (
    JointProject,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    Sector,
    StatusChange,
)
from tandem.projects.selectors.stats import registry_generation
from tandem.projects.selectors.visibility import visibility_class, visible_projects

# sort name -> (field, descending)
SORTS: dict[str, tuple[str, bool]] = {
    "code": ("code", False),
    "-code": ("code", True),
    "status_date": ("status_date", False),
    "-status_date": ("status_date", True),
    "-updated": ("updated_at", True),
}
DEFAULT_SORT = "code"
LIST_COLUMNS = (
    "code",
    "title",
    "title_en",
    "title_ja",
    "title_ru",
    "status",
    "status_date",
    "disclosure",
    "is_illustrative",
    "updated_at",
)
PLAN_AREA_COLUMNS = ("code", "number", "name", "name_en", "name_ja", "name_ru")
ORGANISATION_COLUMNS = ("name", "name_en", "name_ja", "name_ru", "reference", "side_id")
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class ProjectFilters:
    """What a user filters the registry by; every field is optional."""

    plan_area: str = ""
    national_project: str = ""
    status: str = ""
    side: str = ""
    region: str = ""
    sector: str = ""
    aspect: str = ""
    session: int | None = None
    query: str = ""
    illustrative: bool | None = None
    codes: tuple[str, ...] = field(default_factory=tuple)
    #: Projects under way during that year: begun by its end (actual start, else planned,
    #: else the status date) and not ended before it began (actual end, else planned).
    year: int | None = None


def filtered_projects(user: Any, filters: ProjectFilters) -> QuerySet[JointProject]:
    projects = visible_projects(user)
    if filters.plan_area:
        projects = projects.filter(
            Exists(
                ProjectPlanArea.objects.filter(
                    project=OuterRef("pk"), plan_area__code=filters.plan_area
                )
            )
        )
    if filters.national_project:
        projects = projects.filter(national_projects__code=filters.national_project)
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.side:
        projects = projects.filter(
            Exists(Participant.objects.filter(project=OuterRef("pk"), side__code=filters.side))
        )
    if filters.region:
        projects = projects.filter(regions__code=filters.region)
    if filters.sector:
        projects = projects.filter(
            Exists(Sector.objects.filter(project=OuterRef("pk"), code__startswith=filters.sector))
        )
    if filters.aspect:
        projects = projects.filter(
            Exists(ProjectAspect.objects.filter(project=OuterRef("pk"), aspect=filters.aspect))
        )
    if filters.session:
        projects = projects.filter(
            Exists(
                StatusChange.objects.filter(project=OuterRef("pk"), reported_to_id=filters.session)
            )
        )
    if filters.query:
        projects = projects.filter(search_condition("search_text", filters.query))
    if filters.illustrative is not None:
        projects = projects.filter(is_illustrative=filters.illustrative)
    if filters.codes:
        projects = projects.filter(code__in=filters.codes)
    if filters.year:
        projects = projects.alias(
            year_start=Coalesce("actual_start", "planned_start", "status_date"),
            year_end=Coalesce("actual_end", "planned_end"),
        ).filter(
            Q(year_start__lte=dt.date(filters.year, 12, 31))
            & (Q(year_end__isnull=True) | Q(year_end__gte=dt.date(filters.year, 1, 1)))
        )
    return projects


COUNT_CAP = 1000


COUNT_TIMEOUT = 5 * 60


def count_matches(user: Any, filters: ProjectFilters, cap: int = COUNT_CAP) -> int:
    """How many projects match, counted up to ``cap`` + 1 (more means "over cap"): a broad
    search over 100k projects stops counting early instead of scanning every row.

    Every page of a filtered list shows the same count, so it is cached per filter and class
    of reader until the registry changes (``registry_changed``), five minutes at most."""
    generation = registry_generation()
    parts = repr((visibility_class(user), astuple(filters), cap))
    key = f"tandem:registry:count:{generation}:{hashlib.sha256(parts.encode()).hexdigest()[:32]}"
    return cached_value(
        key,
        lambda: filtered_projects(user, filters).order_by().values("pk")[: cap + 1].count(),
        COUNT_TIMEOUT,
    )


def encode_cursor(value: Any, pk: int) -> str:
    raw = json.dumps([value.isoformat() if hasattr(value, "isoformat") else value, pk])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, field_name: str) -> tuple[Any, int] | None:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if field_name == "status_date":
            value = dt.date.fromisoformat(value)
        elif field_name == "updated_at":
            value = dt.datetime.fromisoformat(value)
        return value, int(pk)
    except (ValueError, TypeError, json.JSONDecodeError):
        return None


@dataclass
class Page:
    rows: list[JointProject]
    next_cursor: str | None
    sort: str


def keyset_page(
    projects: QuerySet[Any], sort: str, after: str | None, size: int
) -> tuple[list[Any], str | None]:
    field_name, descending = SORTS.get(sort, SORTS[DEFAULT_SORT])
    if after and (position := decode_cursor(after, field_name)):
        value, pk = position
        # The redundant bound (``>=`` or ``<=`` the value) is what lets the database start the
        # index scan at the cursor: PostgreSQL does not derive it from the OR below, and
        # scanned the index from its start to reach a deep page (103 ms at 100k projects; 0.1 ms).
        if descending:
            bound = Q(**{f"{field_name}__lte": value})
            condition = Q(**{f"{field_name}__lt": value}) | Q(**{field_name: value, "pk__lt": pk})
        else:
            bound = Q(**{f"{field_name}__gte": value})
            condition = Q(**{f"{field_name}__gt": value}) | Q(**{field_name: value, "pk__gt": pk})
        projects = projects.filter(bound & condition)
    order = [f"-{field_name}", "-pk"] if descending else [field_name, "pk"]
    rows = list(projects.order_by(*order)[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        if isinstance(last, dict):  # a .values() page
            next_cursor = encode_cursor(last[field_name], last["pk"])
        else:
            next_cursor = encode_cursor(getattr(last, field_name), last.pk)
    return rows, next_cursor


CROSS_LANGUAGE_PAGE = "x."


def ranked_page(
    projects: QuerySet[Any], query: str, sort: str, after: str | None, size: int
) -> tuple[list[Any], str | None]:
    """``keyset_page`` with a search: the projects whose own words hold the query come first,
    then those found only across languages (a cursor into them starts with "x.")."""
    if not query.strip():
        return keyset_page(projects, sort, after, size)
    exact = exact_condition("search_text", query)
    across = projects.exclude(exact)
    if after and after.startswith(CROSS_LANGUAGE_PAGE):
        rows, cursor = keyset_page(across, sort, after[len(CROSS_LANGUAGE_PAGE) :] or None, size)
        return rows, CROSS_LANGUAGE_PAGE + cursor if cursor else None
    rows, cursor = keyset_page(projects.filter(exact), sort, after, size)
    if cursor:
        return rows, cursor
    if len(rows) == size:
        return rows, CROSS_LANGUAGE_PAGE if across.exists() else None
    more, cursor = keyset_page(across, sort, None, size - len(rows))
    return rows + more, CROSS_LANGUAGE_PAGE + cursor if cursor else None


def leads_prefetch() -> Prefetch:
    """Each project's lead participants, as ``project.leads``."""
    return Prefetch(
        "participants",
        queryset=Participant.objects.filter(role="lead")
        .select_related("organisation", "side")
        .only(
            "project_id",
            "role",
            "side__code",
            "side__name",
            "side__name_en",
            "side__name_ja",
            "side__name_ru",
            *(f"organisation__{f}" for f in ORGANISATION_COLUMNS),
        ),
        to_attr="leads",
    )


def projects_for_export(user: Any, filters: ProjectFilters, limit: int) -> QuerySet[JointProject]:
    """What an export of the current filter holds: everything its columns read, prefetched."""
    return (
        filtered_projects(user, filters)
        .order_by("code")
        .select_related("confidential_side")
        .prefetch_related(
            "national_projects",
            "regions",
            "aspects",
            "sectors",
            Prefetch("area_links", queryset=ProjectPlanArea.objects.select_related("plan_area")),
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organisation", "side"),
                to_attr="all_participants",
            ),
        )[:limit]
    )


def registry_page(
    user: Any,
    filters: ProjectFilters,
    *,
    sort: str = DEFAULT_SORT,
    after: str | None = None,
    size: int = 50,
) -> Page:
    """One page of the registry; the query count does not depend on the page size."""
    size = max(1, min(size, MAX_PAGE_SIZE))
    sort = sort if sort in SORTS else DEFAULT_SORT
    projects = (
        filtered_projects(user, filters)
        .only(*LIST_COLUMNS)
        .prefetch_related(
            Prefetch(
                "area_links",
                queryset=ProjectPlanArea.objects.select_related("plan_area").only(
                    "project_id", "is_primary", *(f"plan_area__{f}" for f in PLAN_AREA_COLUMNS)
                ),
            ),
            leads_prefetch(),
        )
    )
    rows, next_cursor = ranked_page(projects, filters.query, sort, after, size)
    return Page(rows=rows, next_cursor=next_cursor, sort=sort)


def project_detail(user: Any, code: str) -> JointProject | None:
    """The project with everything its page shows, or None when ``user`` may not see it."""
    return (
        visible_projects(user)
        .select_related("programme", "confidential_side")
        .prefetch_related(
            Prefetch("area_links", queryset=ProjectPlanArea.objects.select_related("plan_area")),
            "national_projects",
            "regions",
            "aspects",
            "sectors",
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organisation", "side"),
            ),
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.select_related("actor", "reported_to"),
            ),
            "milestones",
            "financing",
            "indicators__values",
            "sources",
        )
        .filter(code=code)
        .first()
    )


@dataclass(frozen=True)
class ProjectAsOf:
    """The project as it stood at a past session: its record then (from the audit history)
    and its status then (from the dated status history), or ``withheld`` when its disclosure
    then was narrower than what the reader may see today. A project whose record was entered
    after the session but whose status history reaches back before it (an import of past
    projects, the demo) shows the record as first entered, ``entered_later``. Nothing:
    not in the registry yet."""

    record: Any = None
    withheld: bool = False
    step: StatusChange | None = None
    entered_later: bool = False
    reported: list[StatusChange] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        if self.step is not None:
            return str(ProjectStatus(self.step.to_status).label)
        return str(self.record.get_status_display()) if self.record is not None else ""

    @property
    def status_date(self) -> dt.date | None:
        if self.step is not None:
            return self.step.date
        return self.record.status_date if self.record is not None else None


def project_as_of(
    project: JointProject, moment: dt.datetime, reader: Any, session: Any = None
) -> ProjectAsOf:
    """The project as it stood at ``moment`` (see :class:`ProjectAsOf`), shown only if
    ``reader`` may see the project today (the caller's check) and may see it with the
    disclosure it had then: of the two, whichever is narrower applies. With ``session``, the
    status changes reported to that session too."""
    history = project.history.order_by("history_date")  # type: ignore[attr-defined]
    record = history.filter(history_date__lte=moment).last()
    step = project.status_changes.filter(date__lte=moment.date()).order_by("date", "id").last()
    entered_later = record is None and step is not None
    if entered_later:
        record = history.first()
    if record is None:
        return ProjectAsOf()
    then = copy.copy(project)
    then.disclosure = record.disclosure
    then.confidential_side_id = record.confidential_side_id
    if not (
        check(reader, "projects.view_project", project)
        and check(reader, "projects.view_project", then)
    ):
        return ProjectAsOf(withheld=True)
    reported = (
        list(project.status_changes.filter(reported_to=session).order_by("date", "id"))
        if session is not None
        else []
    )
    return ProjectAsOf(record=record, step=step, entered_later=entered_later, reported=reported)
