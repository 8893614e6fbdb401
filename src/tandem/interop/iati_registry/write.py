"""Commit an IATI import plan: every accepted activity, in one transaction, as the actor.

Refused activities are not written (the preview lists them); everything else is, or nothing
(any failure rolls the whole import back). New projects get a tandem code beside their
iati-identifier and go in with a few statements per thousand (a 60 MB file holds tens of
thousands); a changed project has its own rows replaced. Organisations no ref or name matched
are created and listed for review. Every row, added or deleted, is on the record with the actor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.crosslingual.gazetteer import one_gazetteer
from tandem.core.history import create_links, create_rows, delete_rows
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
from tandem.projects.services.projects import search_text_from
from tandem.projects.services.registry_cache import registry_changed

Member = tuple[Any, str, str]  # (organisation, side code, role)


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


@dataclass
class _References:
    """The reference tables an activity's rows point at, read once per import."""

    sides: dict[str, Country]
    areas: dict[str, PlanArea]
    national_projects: dict[str, int]
    regions: dict[str, int]

    @classmethod
    def load(cls) -> _References:
        return cls(
            sides={c.code: c for c in Country.objects.all()},
            areas={a.code: a for a in PlanArea.objects.all()},
            national_projects=dict(NationalProject.objects.values_list("code", "pk")),
            regions=dict(Region.objects.values_list("code", "pk")),
        )


@dataclass
class _Rows:
    """The rows of the projects being written, gathered to go in together."""

    lines: list[FinancingLine] = field(default_factory=list)
    indicators: list[tuple[ResultIndicator, list[IndicatorValue]]] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    areas: list[ProjectPlanArea] = field(default_factory=list)
    national_projects: list[Any] = field(default_factory=list)
    regions: list[Any] = field(default_factory=list)
    records: list[IatiActivity] = field(default_factory=list)

    def add(
        self, project: JointProject, item: Planned, members: list[Member], refs: _References
    ) -> None:
        state, pk = item.state, project.pk
        self.lines += [
            FinancingLine(
                project_id=pk,
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
        self.indicators += [_indicator(pk, indicator) for indicator in state.indicators]
        self.participants += [
            Participant(project_id=pk, organisation=org, side=refs.sides[side], role=role)
            for org, side, role in members
        ]
        self.areas += [
            ProjectPlanArea(project_id=pk, plan_area=refs.areas[code], is_primary=index == 0)
            for index, code in enumerate(c for c in state.plan_areas if c in refs.areas)
        ]
        national: Any = JointProject.national_projects.through
        self.national_projects += [
            national(jointproject_id=pk, nationalproject_id=refs.national_projects[code])
            for code in dict.fromkeys(state.national_projects)
            if code in refs.national_projects
        ]
        region: Any = JointProject.regions.through
        self.regions += [
            region(jointproject_id=pk, region_id=refs.regions[code])
            for code in dict.fromkeys(state.regions)
            if code in refs.regions
        ]

    def write(self, actor: Actor, reason: str) -> None:
        create_rows(FinancingLine, self.lines, actor=actor, reason=reason)
        indicators = create_rows(
            ResultIndicator, [row for row, _values in self.indicators], actor=actor, reason=reason
        )
        values = []
        for row, (_unsaved, periods) in zip(indicators, self.indicators, strict=True):
            for value in periods:
                value.indicator_id = row.pk
                values.append(value)
        create_rows(IndicatorValue, values, actor=actor, reason=reason)
        create_rows(Participant, self.participants, actor=actor, reason=reason)
        create_rows(ProjectPlanArea, self.areas, actor=actor, reason=reason)
        create_links(JointProject, "national_projects", self.national_projects)
        create_links(JointProject, "regions", self.regions)
        create_rows(IatiActivity, self.records, actor=actor, reason=reason)


def _indicator(project_id: int, indicator: Any) -> tuple[ResultIndicator, list[IndicatorValue]]:
    titles = dict(indicator.titles)
    row = ResultIndicator(
        project_id=project_id,
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
    values = [
        IndicatorValue(
            period_start=start,
            period_end=end,
            target=target,
            actual=actual,
            target_text=target_text,
            actual_text=actual_text,
        )
        for start, end, target, actual, target_text, actual_text in indicator.periods
    ]
    return row, values


def _organisation(item: Any, made: dict[int, Organisation], actor: Actor, source: str) -> Any:
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


_TRANSLATED_BLANK = {f"{name}_{lang}": "" for name in ("title", "summary") for lang in LANGUAGES}


def _apply_fields(project: JointProject, state: ProjectState, members: list[Member]) -> None:
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
    project.search_text = search_text_from(project, [org for org, _side, _role in members])


def _checked(project: JointProject, item: Planned) -> JointProject:
    """``project`` validated as a form would (uniqueness is the import's own: fresh codes,
    identifiers matched in the plan; the programme is the one the import writes into, not
    looked up again per project); the error names the activity."""
    try:
        project.full_clean(exclude=["programme"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise ValidationError(f"{item.outcome.identifier}: {'; '.join(error.messages)}") from error
    return project


def _create(
    items: list[tuple[Planned, list[Member]]],
    programme: Programme,
    refs: _References,
    actor: Actor,
    source: str,
) -> None:
    reason = f"IATI import {source}"
    codes = _Codes(programme.project_code_prefix)
    today = timezone.localdate()
    projects = []
    with one_gazetteer():
        for item, members in items:
            state = item.state
            dates = state.dates
            start: dt.date = dates.get("actual_start") or dates.get("planned_start") or today
            # Published in IATI, so public here too.
            project = JointProject(
                programme=programme,
                code=codes.assign(start.year),
                disclosure=Disclosure.PUBLIC,
                status_date=today,
                **_TRANSLATED_BLANK,  # set just below; given so no default is looked up
            )
            _apply_fields(project, state, members)
            projects.append(_checked(project, item))
            item.outcome.code = project.code
    create_rows(JointProject, projects, actor=actor, reason=reason)
    rows = _Rows()
    for project, (item, members) in zip(projects, items, strict=True):
        rows.add(project, item, members, refs)
        if item.state.iati:
            record = IatiActivity(project_id=project.pk, source=source[:255], **item.state.iati)
            record.full_clean(exclude=["project"], validate_unique=False)
            rows.records.append(record)
    rows.write(actor, reason)


def _change(
    item: Planned, members: list[Member], refs: _References, actor: Actor, source: str
) -> None:
    reason = f"IATI import {source}"
    project = JointProject.objects.get(pk=int(item.project_id or 0))
    project.version += 1
    with one_gazetteer():
        _apply_fields(project, item.state, members)
    _checked(project, item)
    save_with_actor(project, actor, reason=reason)
    item.outcome.code = project.code
    for old in (project.financing, project.indicators, project.participants, project.area_links):
        delete_rows(old.all(), actor=actor, reason=reason)
    rows = _Rows()
    rows.add(project, item, members, refs)
    # The links of a project that exists change through the relation: one record per step.
    project.national_projects.set([link.nationalproject_id for link in rows.national_projects])
    project.regions.set([link.region_id for link in rows.regions])
    rows.national_projects, rows.regions = [], []
    rows.write(actor, reason)
    _iati_record(project, item.state, actor, source)


def _iati_record(project: JointProject, state: ProjectState, actor: Actor, source: str) -> None:
    reason = f"IATI import {source}"
    existing = IatiActivity.objects.filter(project=project).first()
    if not state.iati:
        if existing is not None:
            delete_rows([existing], actor=actor, reason=reason)
        return
    record = existing or IatiActivity(project=project)
    for name, value in state.iati.items():
        setattr(record, name, value)
    record.source = source[:255]
    save_with_actor(record, actor, reason=reason)


def iati_import_commit(*, plan: IatiPlan, actor: Actor, programme: Programme) -> dict[str, int]:
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
def _commit(plan: IatiPlan, actor: Actor, programme: Programme) -> dict[str, int]:
    made: dict[int, Organisation] = {}
    refs = _References.load()
    new: list[tuple[Planned, list[Member]]] = []
    changed: list[tuple[Planned, list[Member]]] = []
    for item in plan.items:
        members = [(_organisation(o, made, actor, plan.source), s, r) for o, s, r in item.members]
        (new if item.outcome.action == CREATE else changed).append((item, members))
    _create(new, programme, refs, actor, plan.source)
    for item, members in changed:
        _change(item, members, refs, actor, plan.source)
    transaction.on_commit(registry_changed)
    return {"created": len(new), "changed": len(changed), "organisations": len(made)}
