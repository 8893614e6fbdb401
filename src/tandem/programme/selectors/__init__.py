"""Reads of the programme."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from tandem.core.models import Region
from tandem.programme.models import NationalProject, PlanArea, Programme

DEFAULT_PROGRAMME_CODE = "JP-RU"
#: The Far Eastern Federal District: its regions' names help the label suggester.
FAR_EAST = "FEFD"


def current_programme() -> Programme | None:
    """The programme this installation runs (the first one loaded)."""
    return Programme.objects.select_related("plan_side", "partner_side").order_by("pk").first()


def _current_programme_id() -> Any:
    # A subquery: the lists cost one query each, not a second one to find the programme.
    return Programme.objects.order_by("pk").values("pk")[:1]


def plan_areas() -> QuerySet[PlanArea]:
    return PlanArea.objects.filter(programme__in=_current_programme_id()).order_by("number")


def national_projects() -> QuerySet[NationalProject]:
    return NationalProject.objects.filter(programme__in=_current_programme_id()).order_by("number")


def far_east_region_names(codes: Sequence[str]) -> list[str]:
    """Names of the regions among ``codes`` that are in the Far Eastern Federal District."""
    if not codes:
        return []
    return [
        str(region.name)
        for region in Region.objects.filter(code__in=list(codes), federal_district__code=FAR_EAST)
    ]
