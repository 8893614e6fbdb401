"""What happened to the portfolio between two dates, from the status history (pure Python).

A project's status on a date is the ``to_status`` of its last status change on or before that
date. Between the previous session (``since``) and the as-of date (``until``) a project is:

- **new** when it was not yet registered on ``since`` and is on ``until``;
- **completed** when it reached *completed* in the window (and was registered before it);
- **advanced** when it moved forward in the usual order (idea → … → under implementation)
  in the window, without completing;
- **stalled** when it is still active on ``until`` and its status has not changed for
  ``stall_days`` or more.

The four groups do not overlap; every project in them is named by its id, so every count in
the pack can be traced to the records behind it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

COMPLETED = "completed"
ACTIVE = ("idea", "negotiation", "agreed", "under_implementation")
STALL_DAYS = 365


@dataclass(frozen=True)
class Change:
    project_id: int
    date: dt.date
    to_status: str


@dataclass
class ProjectState:
    status: str
    since: dt.date


@dataclass
class Comparison:
    since: dt.date | None
    until: dt.date
    new: list[int] = field(default_factory=list)
    advanced: list[int] = field(default_factory=list)
    stalled: list[int] = field(default_factory=list)
    completed: list[int] = field(default_factory=list)
    status_counts: dict[str, int] = field(default_factory=dict)
    before: dict[int, str] = field(default_factory=dict)
    after: dict[int, ProjectState] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "advanced": len(self.advanced),
            "stalled": len(self.stalled),
            "completed": len(self.completed),
        }


def states_on(changes: Iterable[Change], day: dt.date) -> dict[int, ProjectState]:
    """Each project's status on ``day`` and the date it took it (changes in any order)."""
    states: dict[int, ProjectState] = {}
    ordered = sorted((change for change in changes if change.date <= day), key=lambda c: c.date)
    for change in ordered:
        state = states.get(change.project_id)
        if state is None or state.status != change.to_status:
            states[change.project_id] = ProjectState(change.to_status, change.date)
    return states


def compare(
    changes: Iterable[Change],
    *,
    since: dt.date | None,
    until: dt.date,
    progress: Mapping[str, int],
    stall_days: int = STALL_DAYS,
) -> Comparison:
    """Group the projects by what happened to them between ``since`` and ``until``."""
    rows = list(changes)
    after = states_on(rows, until)
    before = {pid: s.status for pid, s in states_on(rows, since).items()} if since else {}
    result = Comparison(since=since, until=until, after=after)
    result.before = before
    result.status_counts = dict(Counter(state.status for state in after.values()))
    stall_limit = until - dt.timedelta(days=stall_days)
    for project_id in sorted(after):
        state = after[project_id]
        previous = before.get(project_id)
        if since is not None and previous is None:
            result.new.append(project_id)
        elif state.status == COMPLETED and previous != COMPLETED and since is not None:
            result.completed.append(project_id)
        elif (
            previous is not None
            and state.status in progress
            and previous in progress
            and progress[state.status] > progress[previous]
        ):
            result.advanced.append(project_id)
        elif state.status in ACTIVE and state.since <= stall_limit:
            result.stalled.append(project_id)
    return result


def alignment_matrix(
    area_links: Iterable[tuple[int, str]],
    national_links: Iterable[tuple[int, str]],
    projects: Iterable[int],
) -> dict[tuple[str, str], int]:
    """How many of ``projects`` serve each (plan area, national project) pair."""
    wanted = set(projects)
    areas: dict[int, set[str]] = {}
    for project_id, area in area_links:
        if project_id in wanted:
            areas.setdefault(project_id, set()).add(area)
    matrix: Counter[tuple[str, str]] = Counter()
    for project_id, national in national_links:
        for area in areas.get(project_id, ()):
            matrix[(area, national)] += 1
    return dict(matrix)
