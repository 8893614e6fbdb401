"""The portfolio between two sessions: counts and the projects behind them.

Counts cover every project of the registry, as the dashboard's do (a count reveals no
content); the projects listed behind each count are those the reader may see, and the number
left out is said.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from tandem.committee.briefing.compare import Change, Comparison, alignment_matrix, compare
from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.sessions import (
    carried_over_items,
    default_as_of,
    items_done_between,
    previous_session,
)
from tandem.projects.enums import STATUS_PROGRESS, ProjectStatus
from tandem.projects.models import JointProject, ProjectPlanArea, StatusChange
from tandem.projects.selectors.visibility import visible_projects

GROUPS = ("new", "advanced", "stalled", "completed")


@dataclass
class ProjectLine:
    code: str
    title: str
    status: str
    is_illustrative: bool

    @property
    def status_label(self) -> str:
        return str(ProjectStatus(self.status).label)


@dataclass
class SessionPortfolio:
    session: CommitteeSession
    previous: CommitteeSession | None
    as_of: dt.date
    comparison: Comparison
    lines: dict[str, list[ProjectLine]] = field(default_factory=dict)
    hidden: dict[str, int] = field(default_factory=dict)
    matrix: dict[tuple[str, str], int] = field(default_factory=dict)
    items_done: list[Any] = field(default_factory=list)
    items_open: list[Any] = field(default_factory=list)
    items_overdue: list[Any] = field(default_factory=list)

    @property
    def since(self) -> dt.date | None:
        return self.comparison.since

    def counts(self) -> dict[str, int]:
        return self.comparison.counts() | {
            "registered": len(self.comparison.after),
            "items_done": len(self.items_done),
            "items_open": len(self.items_open),
            "items_overdue": len(self.items_overdue),
        }

    @property
    def shows_illustrative(self) -> bool:
        return any(line.is_illustrative for lines in self.lines.values() for line in lines) or any(
            item.is_illustrative for item in self.items_open + self.items_done
        )


def status_history() -> list[Change]:
    return [
        Change(project_id, date, to_status)
        for project_id, date, to_status in StatusChange.objects.values_list(
            "project_id", "date", "to_status"
        ).iterator(chunk_size=5000)
    ]


def compare_sessions(
    session: CommitteeSession, *, as_of: dt.date | None = None, changes: list[Change] | None = None
) -> tuple[CommitteeSession | None, Comparison]:
    """The comparison between the previous session and ``session`` (as of a date)."""
    previous = previous_session(session)
    until = as_of or default_as_of(session)
    since = previous.end_date if previous else None
    result = compare(
        status_history() if changes is None else changes,
        since=since,
        until=until,
        progress={str(status): rank for status, rank in STATUS_PROGRESS.items()},
    )
    return previous, result


def _lines(user: Any, ids: list[int], language: str) -> list[ProjectLine]:
    if not ids:
        return []
    visible: QuerySet[JointProject] = visible_projects(user).filter(pk__in=ids)
    rows = visible.order_by("code").values_list(
        "code", "title_en", "title_ja", "title_ru", "status", "is_illustrative"
    )
    index = {"en": 1, "ja": 2, "ru": 3}.get(language, 1)
    return [ProjectLine(row[0], str(row[index] or row[1] or ""), row[4], row[5]) for row in rows]


def session_portfolio(
    session: CommitteeSession, user: Any, *, as_of: dt.date | None = None, language: str = "en"
) -> SessionPortfolio:
    previous, comparison = compare_sessions(session, as_of=as_of)
    portfolio = SessionPortfolio(
        session=session, previous=previous, as_of=comparison.until, comparison=comparison
    )
    for group in GROUPS:
        ids = getattr(comparison, group)
        portfolio.lines[group] = _lines(user, ids, language)
        portfolio.hidden[group] = len(ids) - len(portfolio.lines[group])
    registered = list(comparison.after)
    national_links: Any = JointProject.national_projects.through
    portfolio.matrix = alignment_matrix(
        ProjectPlanArea.objects.values_list("project_id", "plan_area__code").iterator(
            chunk_size=5000
        ),
        national_links.objects.values_list("jointproject_id", "nationalproject__code").iterator(
            chunk_size=5000
        ),
        registered,
    )
    portfolio.items_done = list(items_done_between(session, comparison.since, comparison.until))
    portfolio.items_open = list(carried_over_items(session, comparison.until))
    portfolio.items_overdue = [i for i in portfolio.items_open if i.due_date < comparison.until]
    return portfolio
