"""Writes on the intended alignment: which national projects each plan area is meant to serve."""

from __future__ import annotations

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.audit import with_actor
from tandem.core.history import create_rows
from tandem.programme.models import IntendedAlignment, NationalProject, PlanArea

# An illustrative reading of the plan, for the demo only: no official table maps the eight
# areas onto the national projects. It is flagged illustrative wherever it is shown.
ILLUSTRATIVE_INTENT = {
    "P1": ("N2", "N1"),
    "P2": ("N4", "N5", "N6"),
    "P3": ("N11", "N12"),
    "P4": ("N5", "N13", "N12"),
    "P5": ("N7", "N12"),
    "P6": ("N12", "N13"),
    "P7": ("N8", "N9"),
    "P8": ("N3", "N10"),
}


@transaction.atomic
def intended_alignment_set(
    *, plan_area: PlanArea, national_projects: list[NationalProject], actor: Actor
) -> list[IntendedAlignment]:
    """Make ``national_projects`` the intended ones of ``plan_area`` (each change recorded)."""
    wanted = {project.pk: project for project in national_projects}
    for alignment in IntendedAlignment.objects.filter(plan_area=plan_area):
        if alignment.national_project_id not in wanted:
            with_actor(alignment, actor)
            alignment.delete()
    existing = set(
        IntendedAlignment.objects.filter(plan_area=plan_area).values_list(
            "national_project_id", flat=True
        )
    )
    for pk, project in wanted.items():
        if pk not in existing:
            alignment = IntendedAlignment(plan_area=plan_area, national_project=project)
            alignment.full_clean()
            with_actor(alignment, actor)
            alignment.save()
    return list(IntendedAlignment.objects.filter(plan_area=plan_area))


@transaction.atomic
def intended_alignment_demo_create(*, actor: Actor) -> int:
    """Load the illustrative intent where none is recorded yet; returns the rows created."""
    if IntendedAlignment.objects.exists():
        return 0
    areas = {area.code: area for area in PlanArea.objects.all()}
    nationals = {item.code: item for item in NationalProject.objects.all()}
    rows = [
        IntendedAlignment(
            plan_area=areas[area], national_project=nationals[code], is_illustrative=True
        )
        for area, codes in ILLUSTRATIVE_INTENT.items()
        for code in codes
    ]
    create_rows(IntendedAlignment, rows, actor=actor)
    return len(rows)
