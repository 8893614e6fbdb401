"""Reads of the programme."""

from __future__ import annotations

from django.db.models import QuerySet

from tandem.programme.models import NationalProject, PlanArea, Programme

DEFAULT_PROGRAMME_CODE = "JP-RU"


def current_programme() -> Programme | None:
    """The programme this installation runs (the first one loaded)."""
    return Programme.objects.select_related("plan_side", "partner_side").order_by("pk").first()


def plan_areas() -> QuerySet[PlanArea]:
    return PlanArea.objects.filter(programme=current_programme()).order_by("number")


def national_projects() -> QuerySet[NationalProject]:
    return NationalProject.objects.filter(programme=current_programme()).order_by("number")
