"""The numbers behind the alignment dashboard, from the registry and its status history.

A project's status on a date is the ``to_status`` of its last status change on or before that
date (as in the briefing pack); a project with no recorded change counts from its status date.
Only the projects the reader may see are counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from tandem.committee.briefing.compare import Change, states_on
from tandem.projects.enums import STATUS_PROGRESS, ProjectStatus
from tandem.projects.models import JointProject, ProjectPlanArea, StatusChange

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
