"""What the registry said on a date: the numbers the press's figures are checked against.

A project counts on a date when its status history has it registered then (the status of its
last change on or before the date, as the briefing pack computes it) and not cancelled.
Side-confidential projects never count: a verdict is seen by both sides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from tandem.committee.briefing.compare import Change, states_on
from tandem.projects.enums import Disclosure
from tandem.projects.models import JointProject, StatusChange

CHECKABLE = ("joint projects", "new joint projects")


@dataclass
class RegistryCount:
    value: int
    project_ids: list[int]
    scope: str


def _scoped(region_code: str) -> Q:
    if not region_code:
        return Q()
    return Q(regions__code=region_code) | Q(regions__federal_district__code=region_code)


def registry_count(subject: str, as_of: dt.date, region_code: str = "") -> RegistryCount | None:
    """The registry's number for ``subject`` on ``as_of`` (in a region or district), or
    None when the registry does not count that kind of thing."""
    if subject not in CHECKABLE:
        return None
    projects = JointProject.objects.exclude(disclosure=Disclosure.SIDE_CONFIDENTIAL).filter(
        _scoped(region_code)
    )
    ids = set(projects.values_list("id", flat=True).distinct())
    changes = [
        Change(project_id, date, to_status)
        for project_id, date, to_status in StatusChange.objects.filter(
            project_id__in=ids, date__lte=as_of
        ).values_list("project_id", "date", "to_status")
    ]
    with_history = set(
        StatusChange.objects.filter(project_id__in=ids).values_list("project_id", flat=True)
    )
    # a project recorded without any status change counts from its current status's date
    for project_id, status, since in projects.exclude(id__in=with_history).values_list(
        "id", "status", "status_date"
    ):
        if since <= as_of:
            changes.append(Change(project_id, since, status))
    states = states_on(changes, as_of)
    counted = sorted(pid for pid, state in states.items() if state.status != "cancelled")
    if subject == "new joint projects":
        first: dict[int, dt.date] = {}
        for change in changes:
            if change.project_id not in first or change.date < first[change.project_id]:
                first[change.project_id] = change.date
        year_start = dt.date(as_of.year, 1, 1)
        counted = [pid for pid in counted if first[pid] >= year_start]
    return RegistryCount(len(counted), counted, region_code)
