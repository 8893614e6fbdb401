"""Investment beside trade: the registry's financing lines (commitments and disbursements) by
plan area, region and year, in US dollars, and the FDI figures the user has imported.

The financing lines are read through the registry's visibility: a project the user may not
see adds nothing. A line counts under its project's primary plan area and under each of the
project's regions (so the regional sums may exceed the total when a project spans regions).
Lines in a currency with no exchange rate on their date are counted apart, not converted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from tandem.projects.models import FinancingLine
from tandem.projects.selectors.rates import MissingRateError, RateTable
from tandem.projects.selectors.visibility import visible_projects
from tandem.trade.models import FdiFigure

CENT = Decimal("0.01")


@dataclass
class Investment:
    by_year: dict[int, list[Decimal]] = field(default_factory=dict)
    by_plan_area: dict[str, list[Decimal]] = field(default_factory=dict)
    by_region: dict[str, list[Decimal]] = field(default_factory=dict)
    unconverted: int = 0
    lines: int = 0
    illustrative: bool = False

    @staticmethod
    def rows(table: dict[Any, list[Decimal]]) -> list[tuple[Any, Decimal, Decimal]]:
        return [
            (key, committed.quantize(CENT), disbursed.quantize(CENT))
            for key, (committed, disbursed) in sorted(table.items(), key=lambda i: str(i[0]))
        ]


def investment(user: Any) -> Investment:
    result = Investment()
    lines = (
        FinancingLine.objects.filter(project__in=visible_projects(user))
        .select_related("project")
        .prefetch_related("project__area_links__plan_area", "project__regions")
    )
    rates = RateTable()
    tables: tuple[dict[Any, list[Decimal]], ...] = (
        defaultdict(lambda: [Decimal(0), Decimal(0)]),
        defaultdict(lambda: [Decimal(0), Decimal(0)]),
        defaultdict(lambda: [Decimal(0), Decimal(0)]),
    )
    by_year, by_area, by_region = tables
    for line in lines:
        result.lines += 1
        result.illustrative = result.illustrative or line.project.is_illustrative
        try:
            usd = rates.convert(line.amount, line.currency, "USD", line.date)
        except MissingRateError:
            result.unconverted += 1
            continue
        column = 1 if line.is_disbursement else 0
        by_year[line.date.year][column] += usd
        primary = next(
            (link.plan_area.code for link in line.project.area_links.all() if link.is_primary),
            None,
        ) or next((link.plan_area.code for link in line.project.area_links.all()), "")
        by_area[primary or _("none")][column] += usd
        for region in line.project.regions.all():
            by_region[str(region.name)][column] += usd
    result.by_year, result.by_plan_area, result.by_region = (dict(t) for t in tables)
    return result


def fdi_figures() -> list[FdiFigure]:
    return list(FdiFigure.objects.order_by("year", "investor", "host", "kind"))
