"""Reads of the core."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from tandem.core.models import Organisation, Person, Region


@dataclass(frozen=True)
class DashboardCounts:
    organisations: int
    people: int
    regions: int
    illustrative: int


def dashboard_counts() -> DashboardCounts:
    illustrative = (
        Organisation.objects.filter(is_illustrative=True).count()
        + Person.objects.filter(is_illustrative=True).count()
    )
    return DashboardCounts(
        organisations=Organisation.objects.count(),
        people=Person.objects.count(),
        regions=Region.objects.count(),
        illustrative=illustrative,
    )


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("side", "region")
