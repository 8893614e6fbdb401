"""API of the alignment dashboard: the figures the page /alignment/dashboard/ draws.

Mounted under /api/v1/. The page and this operation call the one selector
:func:`tandem.committee.selectors.dashboard.dashboard_figures`, with the page's permission.
"""

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from tandem.api.schemas import responses
from tandem.api.security import OPTIONAL_AUTH, require
from tandem.committee.selectors.dashboard import DashboardQuery, dashboard_figures
from tandem.committee.selectors.dashboard_figures import GROUPS

router = Router(tags=["alignment"])

#: The page's permission (``tandem.web.alignment.dashboard.dashboard_page``).
PERMISSION = "programme.view_alignment"


class DashboardFilter(Schema):
    side: str = Field("", max_length=2, description="JP or RU: projects led from that side")
    plan_area: str = Field("", max_length=8, description="A plan area's code, e.g. P6")
    start: int | None = Field(None, ge=2000, le=2100, description="First year (default 2016)")
    end: int | None = Field(None, ge=2000, le=2100, description="Last year (default this year)")
    step: Literal["year", "quarter"] = "year"
    session: int | None = Field(
        None, ge=1, description="A session's number; by default the latest that has ended"
    )


class DashboardPeriodOut(Schema):
    label: str
    last_day: dt.date


class DashboardMovedOut(Schema):
    """A project that moved since the session: its code and its status then and now."""

    code: str
    before: str | None
    after: str


class DashboardFiguresOut(Schema):
    periods: list[DashboardPeriodOut]
    #: Per status, the projects in it at the end of each period (in the order of ``periods``).
    by_status: dict[str, list[int]]
    total: int
    by_plan_area: dict[str, int]
    by_region: dict[str, int]
    session: int | None
    since: dt.date | None
    #: ``new``, ``advanced`` and ``stalled`` since the session (empty without one).
    moved: dict[str, list[DashboardMovedOut]]
    illustrative: bool


@router.get(
    "/alignment/dashboard",
    response=responses(DashboardFiguresOut, codes=(401, 403)),
    auth=OPTIONAL_AUTH,
    summary="The alignment dashboard's figures for the projects the caller may see",
)
@require(PERMISSION)
def get_alignment_dashboard(
    request: HttpRequest, filters: Query[DashboardFilter]
) -> DashboardFiguresOut:
    query = DashboardQuery(
        side=filters.side,
        plan_area=filters.plan_area,
        start=filters.start,
        end=filters.end,
        step=filters.step,
        session=filters.session,
    )
    figures = dashboard_figures(user=request.user, query=query)
    if filters.session is not None and figures.session is None:
        raise HttpError(422, "No committee session has that number.")
    moved = figures.moved
    return DashboardFiguresOut(
        periods=[DashboardPeriodOut(label=label, last_day=day) for label, day in figures.periods],
        by_status=figures.by_status,
        total=figures.total,
        by_plan_area=figures.by_area,
        by_region=figures.by_region,
        session=figures.session.number if figures.session else None,
        since=moved.since if moved else None,
        moved={
            group: [
                DashboardMovedOut(
                    code=figures.codes[pid],
                    before=moved.before.get(pid),
                    after=moved.after[pid],
                )
                for pid in moved.groups[group]
            ]
            if moved
            else []
            for group in GROUPS
        },
        illustrative=figures.shows_illustrative,
    )
