"""Create many joint projects at once (imports): the same rules as project_create, in bulk.

Each project is validated like a single one; the rows then go in with a few statements per
thousand projects, and each project gets its creation record in the audit history.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from tandem.core.actors import Actor, actor_user
from tandem.core.crosslingual.gazetteer import one_gazetteer
from tandem.core.history import create_links, create_rows
from tandem.core.services.database import refresh_planner_statistics
from tandem.programme.models import Programme
from tandem.projects.enums import ProjectStatus
from tandem.projects.messages import automatic_reason
from tandem.projects.models import (
    FinancingLine,
    JointProject,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    Sector,
    StatusChange,
)
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.label_examples import project_label_examples_record
from tandem.projects.services.projects import (
    SCALAR_FIELDS,
    ensure_may_write,
    search_text_from,
)
from tandem.projects.services.references import Resolved
from tandem.projects.services.registry_cache import registry_changed

BATCH = 1000
# A load this large changes the planner's picture of the registry's tables.
STATISTICS_AFTER = 1000


def _new_project(programme: Programme, data: ProjectIn, resolved: Resolved) -> JointProject:
    given = data.given()
    project = JointProject(
        programme=programme,
        code=data.code,
        status=data.status or ProjectStatus.IDEA,
        status_date=data.status_date or timezone.localdate(),
        confidential_side=resolved.confidential_side,
        **{name: given[name] for name in SCALAR_FIELDS if name in given},
    )
    project.search_text = search_text_from(
        project, [organisation for organisation, _side, _role in resolved.participants]
    )
    project.full_clean(validate_unique=False)
    return project


@transaction.atomic
def projects_bulk_create(
    *, programme: Programme, items: list[tuple[ProjectIn, Resolved]], actor: Actor
) -> int:
    """Create every project in ``items`` or none (ValidationError names the first bad one)."""
    with one_gazetteer():
        rows = [_new_project(programme, data, resolved) for data, resolved in items]
    for row in rows:
        ensure_may_write(actor, row)
    create_rows(JointProject, rows, actor=actor)
    ids = dict(
        JointProject.objects.filter(code__in=[row.code for row in rows]).values_list("code", "pk")
    )
    national_through: Any = JointProject.national_projects.through
    region_through: Any = JointProject.regions.through
    links: list[ProjectPlanArea] = []
    nationals: list[Any] = []
    regions: list[Any] = []
    aspects: list[ProjectAspect] = []
    sectors: list[Sector] = []
    participants: list[Participant] = []
    money: list[FinancingLine] = []
    changes: list[StatusChange] = []
    for (data, resolved), row in zip(items, rows, strict=True):
        pk = ids[row.code]
        links += [
            ProjectPlanArea(project_id=pk, plan_area=area, is_primary=index == 0)
            for index, area in enumerate(resolved.plan_areas)
        ]
        nationals += [
            national_through(jointproject_id=pk, nationalproject_id=item.pk)
            for item in resolved.national_projects
        ]
        regions += [region_through(jointproject_id=pk, region_id=r.pk) for r in resolved.regions]
        aspects += [ProjectAspect(project_id=pk, aspect=aspect) for aspect in data.aspects or []]
        sectors += [
            Sector(project_id=pk, vocabulary=s.vocabulary, code=s.code) for s in data.sectors or []
        ]
        participants += [
            Participant(project_id=pk, organisation=organisation, side=side, role=role)
            for organisation, side, role in resolved.participants
        ]
        money += [
            FinancingLine(project_id=pk, **line.model_dump()) for line in data.financing or []
        ]
        changes.append(
            StatusChange(
                project_id=pk,
                from_status="",
                to_status=row.status,
                date=row.status_date,
                actor=actor_user(actor),
                **automatic_reason("registered"),
            )
        )
    create_rows(ProjectPlanArea, links, actor=actor)
    create_links(JointProject, "national_projects", nationals)
    create_links(JointProject, "regions", regions)
    create_rows(ProjectAspect, aspects, actor=actor)
    create_rows(Sector, sectors, actor=actor)
    create_rows(Participant, participants, actor=actor)
    create_rows(FinancingLine, money, actor=actor)
    create_rows(StatusChange, changes, actor=actor)
    project_label_examples_record(
        projects=[
            (
                row,
                [area.code for area in resolved.plan_areas],
                [item.code for item in resolved.national_projects],
            )
            for (_data, resolved), row in zip(items, rows, strict=True)
        ],
        actor=actor,
    )
    registry_changed()
    if len(rows) >= STATISTICS_AFTER:
        transaction.on_commit(registry_statistics_refresh)
    return len(rows)


def registry_statistics_refresh() -> None:
    """ANALYZE the registry's tables after a bulk load."""
    refresh_planner_statistics(
        model._meta.db_table
        for model in (
            JointProject,
            ProjectPlanArea,
            ProjectAspect,
            Sector,
            Participant,
            FinancingLine,
            StatusChange,
            JointProject.national_projects.through,
            JointProject.regions.through,
        )
    )
