"""The numbers behind the alignment dashboard, from the registry and its status history.

A project's status on a date is the ``to_status`` of its last status change on or before that
date (as in the briefing pack); a project with no recorded change counts from its status date.
Only the projects the reader may see are counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Exists, OuterRef, QuerySet
from django.db.models.functions import Cast

from tandem.committee.briefing.compare import Change, states_on
from tandem.core.caching import cached_value
from tandem.projects.enums import STATUS_PROGRESS, ProjectStatus
from tandem.projects.models import JointProject, ProjectPlanArea, StatusChange
from tandem.projects.selectors.registry import ProjectFilters, filtered_projects
from tandem.projects.selectors.stats import TIMEOUT, registry_generation
from tandem.projects.selectors.visibility import visibility_class

FIRST_YEAR = 2016
CLOSED = (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED)
GROUPS = ("new", "advanced", "stalled")


def status_history(projects: QuerySet[JointProject]) -> list[Change]:
    """Every status change of ``projects``, plus the status date of those without any."""
    ids = projects.values("pk")
    changes = [
        Change(pid, date, status)
        for pid, date, status in StatusChange.objects.filter(project__in=ids)
        .values_list("project_id", "date", "to_status")
        .iterator(chunk_size=5000)
    ]
    known = {change.project_id for change in changes}
    changes += [
        Change(pid, date, status)
        for pid, date, status in projects.values_list("pk", "status_date", "status")
        if pid not in known
    ]
    return changes


def period_ends(start: int, end: int, step: str, today: dt.date) -> list[tuple[str, dt.date]]:
    """``(label, last day)`` of every year or quarter from ``start`` to ``end`` (to today)."""
    out: list[tuple[str, dt.date]] = []
    for year in range(start, end + 1):
        quarters = (1, 2, 3, 4) if step == "quarter" else (4,)
        for quarter in quarters:
            last = (
                dt.date(year, 12, 31)
                if quarter == 4
                else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)
            )
            first = dt.date(year, 3 * quarter - 2, 1) if step == "quarter" else dt.date(year, 1, 1)
            if first > today:
                return out
            label = f"{year} Q{quarter}" if step == "quarter" else str(year)
            out.append((label, min(last, today)))
    return out


def status_over_time(
    changes: Iterable[Change], ends: list[tuple[str, dt.date]]
) -> dict[str, list[int]]:
    """Per status, how many projects had it at the end of each period (one sweep)."""
    ordered = sorted(changes, key=lambda c: (c.date, c.project_id))
    state: dict[int, str] = {}
    counts: Counter[str] = Counter()
    out: dict[str, list[int]] = {str(s): [] for s in ProjectStatus}
    position = 0
    for _label, last in ends:
        while position < len(ordered) and ordered[position].date <= last:
            change = ordered[position]
            previous = state.get(change.project_id)
            if previous is not None:
                counts[previous] -= 1
            state[change.project_id] = change.to_status
            counts[change.to_status] += 1
            position += 1
        for status in out:
            out[status].append(counts[status])
    return out


def registered_by(changes: Iterable[Change], day: dt.date) -> set[int]:
    return {change.project_id for change in changes if change.date <= day}


def counts_by_area(projects: QuerySet[JointProject], ids: set[int]) -> dict[str, int]:
    """Projects per plan area (every plan area of a project, not only the primary one)."""
    counts: Counter[str] = Counter()
    for pid, code in ProjectPlanArea.objects.filter(project__in=projects.values("pk")).values_list(
        "project_id", "plan_area__code"
    ):
        if pid in ids:
            counts[code] += 1
    return dict(counts)


def counts_by_region(projects: QuerySet[JointProject], ids: set[int]) -> dict[str, int]:
    """Projects per federal district (Russia) and per traditional region (Japan); a project
    counts once in each area it has a region in."""
    through: Any = JointProject.regions.through
    seen: dict[str, set[int]] = defaultdict(set)
    rows = through.objects.filter(jointproject__in=projects.values("pk")).values_list(
        "jointproject_id", "region__federal_district__code", "region__japan_region"
    )
    for pid, district, japan_region in rows:
        if pid not in ids:
            continue
        area = district or japan_region
        if area:
            seen[area].add(pid)
    return {area: len(pids) for area, pids in seen.items()}


@dataclass
class SinceSession:
    """What happened to each project between a session's last day and today."""

    since: dt.date
    until: dt.date
    groups: dict[str, list[int]] = field(default_factory=lambda: {g: [] for g in GROUPS})
    before: dict[int, str] = field(default_factory=dict)
    after: dict[int, str] = field(default_factory=dict)


def since_session(changes: list[Change], since: dt.date, until: dt.date) -> SinceSession:
    """*new*: registered after ``since``; *advanced*: its status moved forward (idea →
    negotiation → agreed → under implementation → completed); *stalled*: no status change
    after ``since`` while neither completed nor cancelled."""
    before = states_on(changes, since)
    after = states_on(changes, until)
    progress = {str(k): v for k, v in STATUS_PROGRESS.items()}
    out = SinceSession(since=since, until=until)
    out.before = {pid: s.status for pid, s in before.items()}
    out.after = {pid: s.status for pid, s in after.items()}
    for pid in sorted(after):
        now = after[pid]
        then = before.get(pid)
        if then is None:
            out.groups["new"].append(pid)
        elif (
            now.status in progress
            and then.status in progress
            and progress[now.status] > progress[then.status]
        ):
            out.groups["advanced"].append(pid)
        elif now.status not in CLOSED and now.since <= since:
            out.groups["stalled"].append(pid)
    return out


@dataclass
class Figures:
    """Everything the dashboard counts, independent of the reader's language: cached."""

    by_status: dict[str, list[int]]
    total: int
    by_area: dict[str, int]
    by_region: dict[str, int]
    moved: SinceSession | None
    codes: dict[int, str]
    illustrative: bool


def _bucket(ends: list[str], day: str | None) -> int:
    return len(ends) if day is None else bisect_left(ends, day)


def _walk(
    changes: Iterable[tuple[int, str, str]],
    ends: list[str],
    last_day: str,
    since: dt.date | None,
    until: dt.date,
) -> tuple[dict[str, list[int]], set[int], SinceSession | None]:
    """One pass over the changes ordered by project, date and id (no model instances):
    the same numbers as :func:`status_over_time`, :func:`registered_by` and
    :func:`since_session` over the whole history. Dates are ISO strings (``YYYY-MM-DD``,
    which sort like dates): converting 300k of them to ``date`` costs more than the walk."""
    width = len(ends) + 1
    diff: dict[str, list[int]] = {str(s): [0] * width for s in ProjectStatus}
    registered: set[int] = set()
    moved = SinceSession(since=since, until=until) if since is not None else None
    since_day = since.isoformat() if since is not None else ""
    until_day = until.isoformat()
    progress = {str(k): v for k, v in STATUS_PROGRESS.items()}
    closed = {str(s) for s in CLOSED}

    def close(pid: int, rows: list[tuple[str, str]]) -> None:
        if rows[0][0] <= last_day:
            registered.add(pid)
        for position, (day, status) in enumerate(rows):
            following = rows[position + 1][0] if position + 1 < len(rows) else None
            start, stop = _bucket(ends, day), _bucket(ends, following)
            counts = diff.get(status)
            if counts is not None and start < stop:
                counts[start] += 1
                counts[stop] -= 1
        if moved is None:
            return
        then: str | None = None
        now: str | None = None
        now_since = since_day
        for day, status in rows:
            if day > until_day:
                break
            if day <= since_day:
                then = status
            if status != now:
                now, now_since = status, day
        if now is None:
            return
        if then is None:
            group = "new"
        elif now in progress and then in progress and progress[now] > progress[then]:
            group = "advanced"
        elif now not in closed and now_since <= since_day:
            group = "stalled"
        else:
            return
        moved.groups[group].append(pid)
        if then is not None:
            moved.before[pid] = then
        moved.after[pid] = now

    current: int | None = None
    rows: list[tuple[str, str]] = []
    for pid, day, status in changes:
        if pid != current:
            if current is not None:
                close(current, rows)
            current, rows = pid, []
        rows.append((day, status))
    if current is not None:
        close(current, rows)
    by_status: dict[str, list[int]] = {}
    for status, counts in diff.items():
        running, values = 0, []
        for step in counts[:-1]:
            running += step
            values.append(running)
        by_status[status] = values
    if moved is not None:
        for group in GROUPS:
            moved.groups[group].sort()
    return by_status, registered, moved


def _history_rows(projects: QuerySet[JointProject]) -> Iterator[tuple[int, str, str]]:
    """The status changes of ``projects`` ordered by project, date and id, then the status
    date of those without any (each such project is a single row, so order is moot); dates
    as ISO text cast by the database."""
    ids = projects.order_by().values("pk")
    yield from (
        StatusChange.objects.filter(project__in=ids)
        .order_by("project_id", "date", "id")
        .values_list("project_id", Cast("date", CharField()), "to_status")
        .iterator(chunk_size=5000)
    )
    yield from (
        projects.order_by()
        .filter(~Exists(StatusChange.objects.filter(project=OuterRef("pk"))))
        .values_list("pk", Cast("status_date", CharField()), "status")
        .iterator(chunk_size=5000)
    )


def compute_figures(
    projects: QuerySet[JointProject],
    periods: list[tuple[str, dt.date]],
    last_day: dt.date,
    since: dt.date | None,
    until: dt.date,
) -> Figures:
    ends = [day.isoformat() for _label, day in periods]
    by_status, registered, moved = _walk(
        _history_rows(projects), ends, last_day.isoformat(), since, until
    )
    wanted = set(moved.after) if moved else set()
    codes = {
        pid: code
        for pid, code in projects.order_by().values_list("pk", "code").iterator(chunk_size=5000)
        if pid in wanted
    }
    return Figures(
        by_status=by_status,
        total=len(registered),
        by_area=counts_by_area(projects, registered),
        by_region=counts_by_region(projects, registered),
        moved=moved,
        codes=codes,
        illustrative=projects.filter(is_illustrative=True).exists(),
    )


def cached_figures(
    user: Any,
    filters: ProjectFilters,
    periods: list[tuple[str, dt.date]],
    last_day: dt.date,
    since: dt.date | None,
    until: dt.date,
) -> Figures:
    """:func:`compute_figures` for the projects ``user`` sees, cached until the registry
    changes (``registry_changed`` bumps the generation) or the day changes."""
    generation = registry_generation()
    parts = repr(
        (visibility_class(user), filters.side, filters.plan_area, periods, last_day, since, until)
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    key = f"tandem:alignment:dashboard:{generation}:{digest}"
    return cached_value(
        key,
        lambda: compute_figures(filtered_projects(user, filters), periods, last_day, since, until),
        TIMEOUT,
    )
