"""Commit an IATI import plan: every accepted activity, in one transaction, as the actor.

Refused activities are not written (the preview lists them); everything else is, or nothing
(any failure rolls the whole import back). New projects get a tandem code beside their
iati-identifier; organisations no ref or name matched are created and listed for review.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from tandem.core.audit import save_with_actor
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Country, Organisation, Region
from tandem.interop.iati_registry.plan import CREATE, IatiPlan, Planned
from tandem.interop.iati_registry.sides import NewOrganisation
from tandem.interop.iati_registry.state import DISBURSING, ProjectState
from tandem.interop.models import IatiActivity, OrganisationToReview
from tandem.programme.models import NationalProject, PlanArea, Programme
from tandem.projects.enums import Disclosure
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    JointProject,
    Participant,
    ProjectPlanArea,
    ResultIndicator,
)
from tandem.projects.selectors.stats import registry_changed
from tandem.projects.services.projects import search_text_of


def _person(actor: Any) -> Any:
    """The user a history row names: the actor, or the person a system actor works for."""
    return getattr(actor, "user", actor) if not hasattr(actor, "pk") else actor


class ImportFailedError(Exception):
    """The import was rolled back; the message says why."""


class _Codes:
    """Next free project code per year: {prefix}-{year}-{number:04d}."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.next: dict[int, int] = {}

    def assign(self, year: int) -> str:
        if year not in self.next:
            pattern = re.compile(rf"^{re.escape(self.prefix)}-{year}-(\d+)$")
            numbers = [
                int(m.group(1))
                for code in JointProject.objects.filter(
                    code__startswith=f"{self.prefix}-{year}-"
                ).values_list("code", flat=True)
                if (m := pattern.match(code))
            ]
            self.next[year] = max(numbers, default=0) + 1
        number = self.next[year]
        self.next[year] += 1
        return f"{self.prefix}-{year}-{number:04d}"


def _organisation(item: Any, made: dict[int, Organisation], actor: Any, source: str) -> Any:
    if not isinstance(item, NewOrganisation):
        return item
    if id(item) in made:
        return made[id(item)]
    organisation = Organisation(
        kind=item.kind,
        side=Country.objects.get(code=item.side),
        iati_ref=item.ref,
        **{f"name_{lang}": item.names.get(lang, "") for lang in LANGUAGES},
    )
    organisation.name = item.names.get("en") or next(iter(item.names.values()))
    if not any(item.names.get(lang) for lang in LANGUAGES):
        setattr(organisation, "name_en", organisation.name)  # noqa: B010 - modeltranslation
    save_with_actor(organisation, actor, reason=f"IATI import {source}")
    review = OrganisationToReview(
        organisation=organisation,
        reason="created by an IATI import: no organisation had its ref or name",
        source=source[:255],
    )
    save_with_actor(review, actor)
    made[id(item)] = organisation
    return organisation


def _apply_fields(project: JointProject, state: ProjectState) -> None:
    for lang in LANGUAGES:
        setattr(project, f"title_{lang}", state.titles.get(lang, ""))
        setattr(project, f"summary_{lang}", state.summaries.get(lang, ""))
    project.title = state.titles.get("en") or next(iter(state.titles.values()), "")
    project.summary = state.summaries.get("en", "")
    project.other_texts = state.other_texts
    project.iati_identifier = state.iati_identifier
    project.status = state.status
    for name, value in state.dates.items():
        setattr(project, name, value)


def _children(project: JointProject, item: Planned, members: list[Any], actor: Any) -> None:
    state = item.state
    project.financing.all().delete()
    project.indicators.all().delete()
    project.participants.all().delete()
    project.area_links.all().delete()
    lines = [
        FinancingLine(
            project=project,
            kind=kind,
            line_type=line_type,
            amount=amount,
            currency=currency,
            date=date,
            period_end=period_end,
            value_date=value_date,
            is_disbursement=line_type in DISBURSING,
        )
        for kind, line_type, amount, currency, date, period_end, value_date in state.lines
    ]
    bulk_create_with_history(lines, FinancingLine, default_user=_person(actor))
    for indicator in state.indicators:
        titles = dict(indicator.titles)
        row = ResultIndicator(
            project=project,
            result_type=indicator.result_type,
            result_title=indicator.result_title,
            measure=indicator.measure,
            ascending=indicator.ascending,
            baseline=indicator.baseline,
            baseline_text=indicator.baseline_text,
            baseline_date=indicator.baseline_date,
            title=titles.get("en") or next(iter(titles.values()), ""),
            **{f"title_{lang}": titles.get(lang, "") for lang in LANGUAGES},
        )
        save_with_actor(row, actor)
        values = [
            IndicatorValue(
                indicator=row,
                period_start=start,
                period_end=end,
                target=target,
                actual=actual,
                target_text=target_text,
                actual_text=actual_text,
            )
            for start, end, target, actual, target_text, actual_text in indicator.periods
        ]
        bulk_create_with_history(values, IndicatorValue, default_user=_person(actor))
    sides = {c.code: c for c in Country.objects.all()}
    participants = [
        Participant(project=project, organisation=org, side=sides[side], role=role)
        for org, side, role in members
    ]
    bulk_create_with_history(participants, Participant, default_user=_person(actor))
    areas = {a.code: a for a in PlanArea.objects.all()}
    links = [
        ProjectPlanArea(project=project, plan_area=areas[code], is_primary=index == 0)
        for index, code in enumerate(c for c in state.plan_areas if c in areas)
    ]
    bulk_create_with_history(links, ProjectPlanArea, default_user=_person(actor))
    project.national_projects.set(NationalProject.objects.filter(code__in=state.national_projects))
    project.regions.set(Region.objects.filter(code__in=state.regions))


def _iati_record(project: JointProject, state: ProjectState, actor: Any, source: str) -> None:
    existing = IatiActivity.objects.filter(project=project).first()
    if not state.iati:
        if existing is not None:
            existing.delete()
        return
    record = existing or IatiActivity(project=project)
    for name, value in state.iati.items():
        setattr(record, name, value)
    record.source = source[:255]
    save_with_actor(record, actor)


def iati_import_commit(*, plan: IatiPlan, actor: Any, programme: Programme) -> dict[str, int]:
    """Write every accepted activity of ``plan`` or nothing; returns the counts.

    Raises :class:`ImportFailedError` (nothing written) naming the activity that could not be
    stored.
    """
    if not plan.can_commit:
        raise ImportFailedError(_("there is nothing to import"))
    try:
        return _commit(plan, actor, programme)
    except ValidationError as error:
        raise ImportFailedError("; ".join(error.messages)) from error


@transaction.atomic
def _commit(plan: IatiPlan, actor: Any, programme: Programme) -> dict[str, int]:
    codes = _Codes(programme.project_code_prefix)
    made: dict[int, Organisation] = {}
    counts = {"created": 0, "changed": 0, "organisations": 0}
    today = timezone.localdate()
    for item in plan.items:
        state = item.state
        members = [(_organisation(o, made, actor, plan.source), s, r) for o, s, r in item.members]
        if item.outcome.action == CREATE:
            start = state.dates.get("actual_start") or state.dates.get("planned_start") or today
            # Published in IATI, so public here too.
            project = JointProject(
                programme=programme,
                code=codes.assign(start.year),
                disclosure=Disclosure.PUBLIC,
            )
            project.status_date = today
            counts["created"] += 1
        else:
            project = JointProject.objects.get(pk=int(item.project_id or 0))
            project.version += 1
            counts["changed"] += 1
        _apply_fields(project, state)
        try:
            save_with_actor(project, actor, reason=f"IATI import {plan.source}")
        except ValidationError as error:
            raise ValidationError(
                f"{item.outcome.identifier}: {'; '.join(error.messages)}"
            ) from error
        item.outcome.code = project.code
        _children(project, item, members, actor)
        _iati_record(project, state, actor, plan.source)
        project.search_text = search_text_of(project)
        JointProject.objects.filter(pk=project.pk).update(search_text=project.search_text)
    counts["organisations"] = len(made)
    transaction.on_commit(registry_changed)
    return counts
