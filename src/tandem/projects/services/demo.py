"""Writes the illustrative joint projects of :mod:`tandem.projects.demo` in bulk.

Bulk writes keep 100k projects (the benchmarks' size) within minutes; each project still gets
its creation record in the audit history and its full status history.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import transaction

from tandem.core.actors import Actor, actor_user
from tandem.core.crosslingual.gazetteer import one_gazetteer
from tandem.core.crosslingual.search import with_keys
from tandem.core.history import create_links, create_rows
from tandem.core.models import Country, Organisation, Region
from tandem.programme.models import NationalProject, PlanArea, Programme
from tandem.projects.demo import SUMMARY, DemoProject, generate_projects
from tandem.projects.models import (
    FinancingLine,
    JointProject,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    StatusChange,
)
from tandem.projects.services.bulk import STATISTICS_AFTER, registry_statistics_refresh
from tandem.projects.services.registry_cache import registry_changed

BATCH = 2000


def _batches(items: list[DemoProject], size: int) -> Iterator[list[DemoProject]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def demo_projects_create(*, seed: int, count: int, actor: Actor) -> int:
    """Create the illustrative projects that are missing; returns how many were created."""
    with one_gazetteer():  # every search text read with the same names
        return _create_demo_projects(seed=seed, count=count, actor=actor)


def _create_demo_projects(*, seed: int, count: int, actor: Actor) -> int:
    programme = Programme.objects.first()
    if programme is None:
        raise ValueError("Load the default first (tandem load-default).")
    countries = {country.code: country for country in Country.objects.all()}
    organisations = {
        code: list(
            Organisation.objects.filter(is_illustrative=True, side__code=code).order_by("reference")
        )
        for code in ("JP", "RU")
    }
    if not organisations["JP"] or not organisations["RU"]:
        raise ValueError("Create the illustrative organisations first (tandem demo-data).")
    areas = {area.code: area for area in PlanArea.objects.filter(programme=programme)}
    nationals = {n.code: n for n in NationalProject.objects.filter(programme=programme)}
    regions = dict(Region.objects.values_list("code", "pk"))
    existing = set(JointProject.objects.values_list("code", flat=True))
    created = 0
    for batch in _batches(
        generate_projects(seed, count, prefix=programme.project_code_prefix), BATCH
    ):
        batch = [project for project in batch if project.code not in existing]
        if not batch:
            continue
        leads = {
            project.code: (
                organisations["JP"][project.lead_jp % len(organisations["JP"])],
                organisations["RU"][project.lead_ru % len(organisations["RU"])],
            )
            for project in batch
        }
        rows = []
        for project in batch:
            status, status_date = project.history[-1]
            names = [
                getattr(org, f"name_{language}") or ""
                for org in leads[project.code]
                for language in ("en", "ja", "ru")
            ]
            rows.append(
                JointProject(
                    programme=programme,
                    code=project.code,
                    title=project.titles[0],
                    title_en=project.titles[0],
                    title_ja=project.titles[1],
                    title_ru=project.titles[2],
                    summary=SUMMARY[0],
                    summary_en=SUMMARY[0],
                    summary_ja=SUMMARY[1],
                    summary_ru=SUMMARY[2],
                    status=status,
                    status_date=status_date,
                    planned_start=project.history[0][1],
                    disclosure=project.disclosure,
                    confidential_side=countries.get(project.confidential_side or ""),
                    is_illustrative=True,
                    search_text=with_keys(" ".join([project.code, *project.titles, *names])),
                )
            )
        create_rows(JointProject, rows, actor=actor)
        ids = dict(
            JointProject.objects.filter(code__in=[p.code for p in batch]).values_list("code", "pk")
        )
        links: list[ProjectPlanArea] = []
        aspects: list[ProjectAspect] = []
        participants: list[Participant] = []
        changes: list[StatusChange] = []
        money: list[FinancingLine] = []
        national_links: list[Any] = []
        region_links: list[Any] = []
        national_through: Any = JointProject.national_projects.through
        region_through: Any = JointProject.regions.through
        for project in batch:
            pk = ids[project.code]
            for index, code in enumerate(project.plan_areas):
                links.append(
                    ProjectPlanArea(project_id=pk, plan_area=areas[code], is_primary=index == 0)
                )
            national_links.extend(
                national_through(jointproject_id=pk, nationalproject_id=nationals[code].pk)
                for code in project.national_projects
            )
            region_links.append(
                region_through(jointproject_id=pk, region_id=regions[project.region])
            )
            aspects.extend(ProjectAspect(project_id=pk, aspect=a) for a in project.aspects)
            jp, ru = leads[project.code]
            participants.append(
                Participant(project_id=pk, organisation=jp, side=jp.side, role="lead")
            )
            participants.append(
                Participant(project_id=pk, organisation=ru, side=ru.side, role="lead")
            )
            previous = ""
            for status, date in project.history:
                changes.append(
                    StatusChange(
                        project_id=pk,
                        from_status=previous,
                        to_status=status,
                        date=date,
                        reason="illustrative history",
                        actor=actor_user(actor),
                    )
                )
                previous = status
            money.extend(
                FinancingLine(project_id=pk, kind=kind, amount=amount, currency=currency, date=date)
                for kind, amount, currency, date in project.financing
            )
        create_rows(ProjectPlanArea, links, actor=actor)
        create_links(JointProject, "national_projects", national_links)
        create_links(JointProject, "regions", region_links)
        create_rows(ProjectAspect, aspects, actor=actor)
        create_rows(Participant, participants, actor=actor)
        create_rows(StatusChange, changes, actor=actor)
        create_rows(FinancingLine, money, actor=actor)
        created += len(batch)
    registry_changed()
    if created >= STATISTICS_AFTER:
        transaction.on_commit(registry_statistics_refresh)
    return created
