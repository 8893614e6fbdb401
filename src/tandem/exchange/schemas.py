"""The effect report as data: the JSON that the API answers and ``tandem effect-report`` writes."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

ESTIMAND = (
    "mean over the enterprises of the relative change from baseline, "
    "follow_up / baseline - 1, in per cent"
)


class CohortFigure(BaseModel):
    horizon_months: int = Field(description="6 or 12: the follow-up compared with the baseline")
    dimension: str = Field(
        description="all, year, region, sector, topic, not_yet_served or "
        "served_minus_not_yet_served"
    )
    cohort: str = Field(description="The cohort's code: a year, ISO region, sector or topic")
    label: str
    n: int = Field(description="Enterprises (pairs) in the cohort")
    estimate: float | None = Field(description="Mean change from baseline, per cent")
    low: float | None
    high: float | None
    method: str = Field(
        description="t-test, bootstrap-bca, bootstrap-percentile, "
        "bootstrap-percentile-difference, or 'too few pairs'"
    )
    confidence: float


class IndicatorFigures(BaseModel):
    indicator: str
    label: str
    higher_is_better: bool
    cohorts: list[CohortFigure]


class LinkedProjectOut(BaseModel):
    code: str
    title: str
    enterprise: str
    date: dt.date


class OutcomesOut(BaseModel):
    counts: dict[str, int]
    amounts: dict[str, float]
    follow_up_projects: list[LinkedProjectOut]
    projects_not_shown: int = Field(description="Linked projects the reader may not see")


class EffectReportOut(BaseModel):
    generated_at: dt.datetime
    estimand: str = ESTIMAND
    confidence: float
    illustrative: bool
    totals: dict[str, int]
    indicators: list[IndicatorFigures]
    outcomes: OutcomesOut
