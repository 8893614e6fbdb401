"""The next session's draft agenda, proposed from what happened since the last one.

One item per open action item carried over; one item per plan area for the projects that are
new, advanced or completed since the previous session; one per plan area for stalled ones.
The titles are written in the three languages, as the secretariat would write them.
The agenda is shared by both sides, so the draft names (and counts) only the projects both
sides may see: side-confidential projects are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tandem.committee.enums import AgendaSource
from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.portfolio import compare_sessions
from tandem.committee.selectors.sessions import carried_over_items, default_as_of
from tandem.programme.models import PlanArea
from tandem.projects.enums import Disclosure
from tandem.projects.models import JointProject, ProjectPlanArea

TITLES = {
    AgendaSource.ACTION_ITEM: {
        "en": "Follow-up of action item {ref}: {title}",
        "ja": "行動項目{ref}のフォローアップ：{title}",
        "ru": "Ход выполнения поручения {ref}: {title}",
    },
    AgendaSource.CHANGED_PROJECT: {
        "en": "{area}: progress of joint projects since the previous session ({count})",
        "ja": "{area}：前回会合以降の共同プロジェクトの進展（{count}件）",
        "ru": "{area}: продвижение совместных проектов после прошлого заседания ({count})",
    },
    AgendaSource.STALLED_PROJECT: {
        "en": "{area}: stalled joint projects ({count})",
        "ja": "{area}：停滞している共同プロジェクト（{count}件）",
        "ru": "{area}: приостановившиеся совместные проекты ({count})",
    },
}


@dataclass
class ProposedItem:
    source: str
    titles: dict[str, str]
    plan_area_id: int | None = None
    action_item_ids: list[int] = field(default_factory=list)
    project_ids: list[int] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int | None, tuple[int, ...]]:
        return (self.source, self.plan_area_id, tuple(self.action_item_ids))


def _shared(project_ids: list[int]) -> list[int]:
    """The projects of ``project_ids`` that are not confidential to one side."""
    confidential = set(
        JointProject.objects.filter(
            pk__in=project_ids, disclosure=Disclosure.SIDE_CONFIDENTIAL
        ).values_list("pk", flat=True)
    )
    return [pk for pk in project_ids if pk not in confidential]


def _by_primary_area(project_ids: list[int]) -> dict[int, list[int]]:
    wanted = set(_shared(project_ids))
    groups: dict[int, list[int]] = {}
    rows = ProjectPlanArea.objects.filter(is_primary=True).values_list("project_id", "plan_area_id")
    for project_id, area_id in rows.iterator(chunk_size=5000):
        if project_id in wanted:
            groups.setdefault(area_id, []).append(project_id)
    return groups


def propose_agenda(
    session: CommitteeSession, *, as_of: dt.date | None = None
) -> list[ProposedItem]:
    day = as_of or default_as_of(session)
    proposals: list[ProposedItem] = []
    for item in carried_over_items(session, day).prefetch_related("projects"):
        proposals.append(
            ProposedItem(
                source=AgendaSource.ACTION_ITEM,
                titles={
                    language: template.format(
                        ref=item.reference, title=getattr(item, f"title_{language}") or item.title
                    )
                    for language, template in TITLES[AgendaSource.ACTION_ITEM].items()
                },
                action_item_ids=[item.pk],
                project_ids=_shared([project.pk for project in item.projects.all()]),
            )
        )
    _previous, comparison = compare_sessions(session, as_of=day)
    areas = {area.pk: area for area in PlanArea.objects.order_by("number")}
    changed = comparison.new + comparison.advanced + comparison.completed
    for source, ids in (
        (AgendaSource.CHANGED_PROJECT, changed),
        (AgendaSource.STALLED_PROJECT, comparison.stalled),
    ):
        groups = _by_primary_area(ids)
        for area_id in sorted(groups, key=lambda pk: areas[pk].number):
            area = areas[area_id]
            proposals.append(
                ProposedItem(
                    source=source,
                    titles={
                        language: template.format(
                            area=f"{area.code} {getattr(area, f'name_{language}') or area.name}",
                            count=len(groups[area_id]),
                        )
                        for language, template in TITLES[source].items()
                    },
                    plan_area_id=area_id,
                    project_ids=sorted(groups[area_id]),
                )
            )
    return proposals
