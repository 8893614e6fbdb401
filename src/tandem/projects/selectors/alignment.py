"""The alignment matrix: joint projects by plan area and national project, with money."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tandem.programme.models import IntendedAlignment, NationalProject, PlanArea
from tandem.projects.models import FinancingLine, JointProject, ProjectPlanArea
from tandem.projects.selectors.rates import MissingRateError, RateTable
from tandem.projects.selectors.registry import ProjectFilters, filtered_projects

NONE = ""  # the column of projects that name no national project


@dataclass
class AlignmentMatrix:
    plan_areas: list[PlanArea]
    national_projects: list[NationalProject]
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    amounts: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    row_totals: dict[str, int] = field(default_factory=dict)
    column_totals: dict[str, int] = field(default_factory=dict)
    intended: set[tuple[str, str]] = field(default_factory=set)
    intended_illustrative: bool = False
    projects: int = 0
    #: Of the projects counted, those that are illustrative demo data.
    illustrative_projects: int = 0
    unconverted: int = 0
    currency: str = "USD"

    @property
    def maximum(self) -> int:
        return max(self.counts.values(), default=0)

    def gaps(self) -> list[tuple[str, str]]:
        """Intended cells with no project."""
        return sorted(cell for cell in self.intended if not self.counts.get(cell))

    def outside_intent(self) -> list[tuple[str, str]]:
        """Cells with projects that the intended alignment does not foresee."""
        return sorted(
            cell
            for cell, count in self.counts.items()
            if count and cell[1] != NONE and self.intended and cell not in self.intended
        )


def alignment_matrix(
    user: Any,
    filters: ProjectFilters,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    currency: str = "USD",
) -> AlignmentMatrix:
    """Counts each project once per (plan area, national project) pair it names; money is the
    sum of its financing lines converted at the rate of each line's date."""
    projects = filtered_projects(user, filters)
    if since:
        projects = projects.filter(status_date__gte=since)
    if until:
        projects = projects.filter(status_date__lte=until)
    ids = projects.values("pk")
    areas_of: dict[int, list[str]] = defaultdict(list)
    for project_id, code in ProjectPlanArea.objects.filter(project__in=ids).values_list(
        "project_id", "plan_area__code"
    ):
        areas_of[project_id].append(code)
    through: Any = JointProject.national_projects.through
    nationals_of: dict[int, list[str]] = defaultdict(list)
    for project_id, code in through.objects.filter(jointproject__in=ids).values_list(
        "jointproject_id", "nationalproject__code"
    ):
        nationals_of[project_id].append(code)
    matrix = AlignmentMatrix(
        plan_areas=list(PlanArea.objects.order_by("number")),
        national_projects=list(NationalProject.objects.order_by("number")),
        currency=currency,
    )
    money = _money(ids, currency, matrix)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    amounts: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    rows: dict[str, int] = defaultdict(int)
    columns: dict[str, int] = defaultdict(int)
    for project_id, areas in areas_of.items():
        nationals = nationals_of.get(project_id) or [NONE]
        for area in areas:
            rows[area] += 1
            for national in nationals:
                counts[(area, national)] += 1
                amounts[(area, national)] += money.get(project_id, Decimal(0))
        for national in nationals:
            columns[national] += 1
    matrix.counts, matrix.amounts = dict(counts), dict(amounts)
    matrix.row_totals, matrix.column_totals = dict(rows), dict(columns)
    matrix.projects = len(areas_of)
    matrix.illustrative_projects = projects.filter(is_illustrative=True).count()
    intended = IntendedAlignment.objects.values_list(
        "plan_area__code", "national_project__code", "is_illustrative"
    )
    matrix.intended = {(area, national) for area, national, _flag in intended}
    matrix.intended_illustrative = any(flag for _a, _n, flag in intended)
    return matrix


def _money(ids: Any, currency: str, matrix: AlignmentMatrix) -> dict[int, Decimal]:
    rates = RateTable()
    money: dict[int, Decimal] = defaultdict(Decimal)
    for project_id, amount, line_currency, day in FinancingLine.objects.filter(
        project__in=ids
    ).values_list("project_id", "amount", "currency", "date"):
        try:
            money[project_id] += rates.convert(amount, line_currency, currency, day)
        except MissingRateError:
            matrix.unconverted += 1
    return money
