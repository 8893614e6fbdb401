"""The alignment dashboard's figures, one typed read for the page and the API.

The figures of the projects a reader may see: by status at the end of each year or quarter, by
plan area, by region, and what moved since a committee session (the latest one that has
ended, unless the query names another). The counting itself is in
:mod:`tandem.committee.selectors.dashboard_figures`; this module turns a query into it. It
lives in the committee app because "since a session" reads committee sessions, and the
committee layer may read the projects and the programme below it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from django.utils import timezone

from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.dashboard_figures import (
    FIRST_YEAR,
    SinceSession,
    cached_figures,
    period_ends,
)
from tandem.programme.selectors import plan_areas
from tandem.projects.selectors.registry import ProjectFilters

Step = Literal["year", "quarter"]


@dataclass(frozen=True)
class DashboardQuery:
    """What the reader asks for; every field may be left out."""

    side: str = ""
    plan_area: str = ""
    start: int | None = None
    end: int | None = None
    step: Step = "year"
    #: A committee session's number; ``None``: the latest session that has ended.
    session: int | None = None


@dataclass(frozen=True)
class DashboardFigures:
    """The dashboard's numbers, in no language (codes and counts)."""

    filters: ProjectFilters
    periods: list[tuple[str, dt.date]]
    by_status: dict[str, list[int]]
    total: int
    #: Projects per plan area, every plan area of the programme (0 where none).
    by_area: dict[str, int]
    by_region: dict[str, int]
    session: CommitteeSession | None
    moved: SinceSession | None
    codes: dict[int, str]
    illustrative: bool

    @property
    def shows_illustrative(self) -> bool:
        """Whether the figures count illustrative demo data or start from an illustrative
        session: pages, files and API answers say so."""
        return self.illustrative or bool(self.session and self.session.is_illustrative)


def dashboard_sessions() -> list[CommitteeSession]:
    """The sessions the dashboard can count from, the latest first."""
    return list(CommitteeSession.objects.order_by("-start_date"))


def dashboard_figures(
    *,
    user: Any,
    query: DashboardQuery,
    sessions: list[CommitteeSession] | None = None,
    today: dt.date | None = None,
) -> DashboardFigures:
    """The figures of ``query`` over the projects ``user`` may see (cached until the registry
    changes). A session number that names no session counts nothing as moved."""
    today = today or timezone.localdate()
    sessions = dashboard_sessions() if sessions is None else sessions
    start = query.start or FIRST_YEAR
    end = query.end or today.year
    start, end = min(start, end), max(start, end)
    periods = period_ends(start, end, query.step, today)
    last_day = periods[-1][1] if periods else today
    if query.session is None:
        session = next((s for s in sessions if s.end_date < today), None)
    else:
        session = next((s for s in sessions if s.number == query.session), None)
    filters = ProjectFilters(side=query.side, plan_area=query.plan_area)
    figures = cached_figures(
        user, filters, periods, last_day, session.end_date if session else None, today
    )
    return DashboardFigures(
        filters=filters,
        periods=periods,
        by_status=figures.by_status,
        total=figures.total,
        by_area={area.code: figures.by_area.get(area.code, 0) for area in plan_areas()},
        by_region=figures.by_region,
        session=session,
        moved=figures.moved,
        codes=figures.codes,
        illustrative=figures.illustrative,
    )
