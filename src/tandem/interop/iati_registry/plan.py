"""The preview of an IATI import: what each activity would do, and every problem, one per line.

Nothing is written. Each activity is matched to a stored project by its iati-identifier (or,
for tandem's own export, by its project code), turned into the state the registry would hold,
and compared with what is stored: create, change, unchanged, or refused (with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tandem.core.models import Region
from tandem.core.permissions import check
from tandem.interop.iati.importer import read_all
from tandem.interop.iati.records import ActivityRecord, ImportProblem, ParticipantRole
from tandem.interop.iati_registry.problems import problem_text
from tandem.interop.iati_registry.sides import (
    Directory,
    NewOrganisation,
    new_organisation,
    participant_key,
)
from tandem.interop.iati_registry.state import ProjectState, record_state
from tandem.interop.iati_registry.stored import stored_state
from tandem.programme.models import Programme
from tandem.projects.models import JointProject

CREATE, CHANGE, UNCHANGED, REFUSE = "create", "change", "unchanged", "refuse"
ACTIONS = (CREATE, CHANGE, UNCHANGED, REFUSE)

Member = tuple[Any, str, str]  # (Organisation or NewOrganisation, side code, role)

# The end dates a file may give before their start, named in the reader's language.
END_DATES = {"planned_end": gettext_lazy("planned end"), "actual_end": gettext_lazy("actual end")}


@dataclass
class ActivityOutcome:
    number: int
    identifier: str
    line: int | None
    action: str = CREATE
    code: str = ""
    to_confirm: list[str] = field(default_factory=list)


@dataclass
class Planned:
    outcome: ActivityOutcome
    state: ProjectState
    members: list[Member]
    project_id: int | None


@dataclass
class IatiPlan:
    source: str
    file_problems: list[str] = field(default_factory=list)
    outcomes: list[ActivityOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    items: list[Planned] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def can_commit(self) -> bool:
        return not self.file_problems and any(o.action in (CREATE, CHANGE) for o in self.outcomes)

    def summary(self) -> str:
        return _(
            "Activities read: %(read)d; to create: %(create)d; to change: %(change)d; "
            "unchanged: %(unchanged)d; refused: %(refuse)d. Problems: %(problems)d."
        ) % {
            "read": len(self.outcomes),
            **{action: self.count(action) for action in ACTIONS},
            "problems": len(self.problems),
        }

    def digest(self) -> str:
        import hashlib

        text = "|".join(f"{o.number}:{o.identifier}:{o.action}" for o in self.outcomes)
        return hashlib.sha256((text + "|".join(self.problems)).encode()).hexdigest()


def problem_line(problem: ImportProblem) -> str:
    """One plain line: where (activity identifier, line) and what."""
    who = problem.iati_identifier or (
        _("activity %(n)d") % {"n": problem.activity} if problem.activity else _("the file")
    )
    kind = _("refused") if problem.severity == "error" else _("note")
    if problem.line is not None:
        return _("%(who)s, line %(line)d (%(kind)s): %(message)s") % {
            "who": who,
            "line": problem.line,
            "kind": kind,
            "message": problem_text(problem),
        }
    return _("%(who)s (%(kind)s): %(message)s") % {
        "who": who,
        "kind": kind,
        "message": problem_text(problem),
    }


class _Context:
    def __init__(self, programme: Programme, confirmed: dict[str, str]) -> None:
        sides = {programme.plan_side.code, programme.partner_side.code}
        self.directory = Directory(sides)
        self.confirmed = confirmed
        self.regions = {r.code: r.country.code for r in Region.objects.select_related("country")}
        self.our_ref = settings.TANDEM_IATI_REPORTING_ORG_REF
        self.new_orgs: dict[str, NewOrganisation] = {}


def _identifier(record: ActivityRecord) -> str:
    publisher = record.publisher.ref if record.publisher else None
    return record.iati_identifier or f"{publisher}-{record.code}"


def _members(
    record: ActivityRecord, ctx: _Context, outcome: ActivityOutcome
) -> tuple[list[Member], list[dict[str, Any]]]:
    members: list[Member] = []
    pending: list[dict[str, Any]] = []
    leads: set[str] = set()
    seen: set[tuple[Any, str]] = set()
    for participant in record.participants:
        organisation: Any = ctx.directory.match(participant)
        side = organisation.side.code if organisation is not None else None
        side = side or ctx.directory.side_of(participant, record, ctx.confirmed)
        role = participant.role
        if side is None:
            outcome.to_confirm.append(participant_key(participant))
            pending.append(
                {
                    "names": participant.names,
                    "ref": participant.ref,
                    "type": participant.type_code,
                    "role": str(role),
                }
            )
            continue
        if organisation is None:
            key = (participant.ref or "").casefold() or str(sorted(participant.names.items()))
            organisation = ctx.new_orgs.setdefault(key, new_organisation(participant, side))
        if role is ParticipantRole.LEAD:
            if side in leads:
                role = ParticipantRole.PARTNER  # one lead per side
            leads.add(side)
        if (id(organisation), str(role)) in seen:
            continue
        seen.add((id(organisation), str(role)))
        members.append((organisation, side, str(role)))
    return members, pending


def _existing(records: list[ActivityRecord], ctx: _Context) -> dict[str, JointProject]:
    identifiers = [_identifier(r) for r in records]
    codes = [r.code for r in records if r.publisher and r.publisher.ref == ctx.our_ref and r.code]
    found: dict[str, JointProject] = {}
    queryset = JointProject.objects.prefetch_related(
        "area_links__plan_area",
        "national_projects",
        "regions",
        "financing",
        "indicators__values",
        "participants__organisation",
        "participants__side",
    ).select_related("iati")
    for chunk in range(0, len(identifiers), 500):
        part = identifiers[chunk : chunk + 500]
        for project in queryset.filter(iati_identifier__in=part):
            found[project.iati_identifier] = project
    for chunk in range(0, len(codes), 500):
        for project in queryset.filter(code__in=codes[chunk : chunk + 500], iati_identifier=""):
            found[f"{ctx.our_ref}-{project.code}"] = project
    return found


def _same(project: JointProject, state: ProjectState, members: list[Member]) -> bool:
    stored = stored_state(project)
    if sorted(map(repr, stored.lines)) != sorted(map(repr, state.lines)):
        return False
    stored.lines, state_lines = [], state.lines
    state.lines = []
    try:
        if stored != state:
            return False
    finally:
        state.lines = state_lines
    have = sorted((p.organisation_id, p.side.code, p.role) for p in project.participants.all())
    want = sorted((getattr(o, "pk", None), side, role) for o, side, role in members)
    return have == want


def iati_import_plan(
    *,
    raw: bytes,
    source: str,
    actor: Any,
    programme: Programme,
    sides: dict[str, str],
    max_bytes: int | None = None,
) -> IatiPlan:
    """What importing ``raw`` would do; ``sides`` are the sides a person confirmed (key: ref
    or name of the participant -> country code). A file over ``max_bytes`` (by default
    TANDEM_IATI_MAX_BYTES, the size of the largest real publishers' files) is refused."""
    plan = IatiPlan(source=source)
    limit = settings.TANDEM_IATI_MAX_BYTES if max_bytes is None else max_bytes
    records, problems = read_all(raw, max_bytes=limit)
    plan.problems = [problem_line(p) for p in problems]
    file_errors = [p for p in problems if p.is_file_problem and p.severity == "error"]
    if file_errors:
        plan.file_problems = [problem_line(p) for p in file_errors]
        return plan
    ctx = _Context(programme, sides)
    existing = _existing(records, ctx)
    refused = {p.activity: p for p in problems if p.severity == "error" and p.activity}
    numbers = iter(n for n in range(1, len(records) + len(refused) + 1) if n not in refused)
    seen: set[str] = set()
    for problem in refused.values():
        plan.outcomes.append(
            ActivityOutcome(
                problem.activity or 0, problem.iati_identifier or "", problem.line, REFUSE
            )
        )
    for record in records:
        _plan_record(plan, record, next(numbers), ctx, existing, seen, actor, programme)
    plan.outcomes.sort(key=lambda o: o.number)
    return plan


def _plan_record(
    plan: IatiPlan,
    record: ActivityRecord,
    number: int,
    ctx: _Context,
    existing: dict[str, JointProject],
    seen: set[str],
    actor: Any,
    programme: Programme,
) -> None:
    identifier = _identifier(record)
    outcome = ActivityOutcome(number, identifier, record.line)
    plan.outcomes.append(outcome)
    if identifier in seen:
        outcome.action = REFUSE
        plan.problems.append(
            _("%(who)s (refused): the identifier appears twice in the file") % {"who": identifier}
        )
        return
    seen.add(identifier)
    project = existing.get(identifier)
    own = project is not None and not project.iati_identifier
    regions = [r.code for r in record.regions if r.vocabulary == "99" and r.code in ctx.regions]
    region_countries = {ctx.regions[code] for code in regions}
    members, pending = _members(record, ctx, outcome)
    state = record_state(record, "" if own else identifier, regions, region_countries, pending)
    if own and project is not None:
        state.iati = {}  # our own project: nothing but the registry's fields
        state.other_texts = project.other_texts or {}
    elif project is not None and record.publisher and record.publisher.ref == ctx.our_ref:
        # our own export of another publisher's activity: the publisher stays theirs
        kept = getattr(project, "iati", None)
        state.iati["reporting_org"] = kept.reporting_org if kept is not None else {}
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        first, last = state.dates[start], state.dates[end]
        if first and last and last < first:
            state.dates[end] = None
            plan.problems.append(
                _(
                    "%(who)s, line %(line)s (note): the %(end)s (%(last)s) comes before "
                    "the start; left out"
                )
                % {
                    "who": identifier,
                    "line": record.line,
                    "end": END_DATES[end],
                    "last": last,
                }
            )
    for key in outcome.to_confirm:
        plan.problems.append(
            _("%(who)s (note): the side of %(participant)s is to be confirmed")
            % {"who": identifier, "participant": key}
        )
    if project is None:
        if not check(actor, "projects.add_project"):
            outcome.action = REFUSE
            plan.problems.append(
                _("%(who)s (refused): you may not register projects") % {"who": identifier}
            )
            return
        plan.items.append(Planned(outcome, state, members, None))
        return
    outcome.code = project.code
    if not check(actor, "projects.change_project", project):
        outcome.action = REFUSE
        plan.problems.append(
            _("%(who)s (refused): you may not change project %(code)s")
            % {"who": identifier, "code": project.code}
        )
        return
    if _same(project, state, members):
        outcome.action = UNCHANGED
        return
    outcome.action = CHANGE
    plan.items.append(Planned(outcome, state, members, project.pk))
