"""Reads of the programme."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tandem.programme.models import NationalProject, PlanArea, Programme

DEFAULT_PROGRAMME_CODE = "JP-RU"


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
