"""Schedule versions: compute (around pinned meetings), pin, move by hand, publish.

The solver (:mod:`tandem.fairs.scheduling`) works on plain data; these services turn the fair
into an event, save the result as a new version with its meetings and the reasons for the
requests it could not place, and notify participants of changes after publishing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.history_reasons import history_reason
from tandem.fairs.enums import VersionStatus
from tandem.fairs.models import (
    Fair,
    Interpreter,
    MeetingSlot,
    MeetingTable,
    ScheduledMeeting,
    ScheduleVersion,
    UnplacedRequest,
)
from tandem.fairs.scheduling import (
    EventError,
    Meeting,
    Schedule,
    quick_schedule,
    solve,
    validate_meetings,
)
from tandem.fairs.scheduling.rules import booth_host, can_interpret, interpreter_required
from tandem.fairs.selectors.agenda import readable_messages
from tandem.fairs.selectors.event import (
    EventMap,
    fair_event,
    interpreter_id,
    meeting_as_plain,
    pk,
    pk_of,
    request_id,
    slot_id,
    table_id,
)
from tandem.fairs.services.mail import MEETING_MOVED, SCHEDULE_PUBLISHED, notice_later
from tandem.fairs.services.notices import notify_changes

DEFAULT_TIME_LIMIT = 20.0
#: Computations run in the task worker (:mod:`tandem.fairs.tasks`), never inside a request;
#: the largest fairs (3,000 participants, 22,000 requests) need up to two minutes.
MAX_TIME_LIMIT = 600.0


def _latest(fair: Fair) -> ScheduleVersion | None:
    return ScheduleVersion.objects.filter(fair=fair).order_by("-number").first()


class ScheduleInputChanged(ValidationError):
    """The fair's requests, slots, tables, interpreters, participants or pinned meetings changed
    while the schedule was being computed; the result was not saved (compute again)."""


@dataclass(frozen=True)
class ScheduleInput:
    """What a computation read: the fair as the solver's event and the version it builds on."""

    fair: Fair
    based_on: ScheduleVersion | None
    mapped: EventMap


@dataclass(frozen=True)
class SolvedSchedule:
    schedule: Schedule
    baseline: float | None


def _pinned(based_on: ScheduleVersion | None) -> list[ScheduledMeeting]:
    if based_on is None:
        return []
    return list(ScheduledMeeting.objects.filter(version=based_on, pinned=True))


def schedule_input_read(*, fair: Fair, based_on: ScheduleVersion | None = None) -> ScheduleInput:
    """Read the fair as the solver's event (the first step of :func:`schedule_compute`)."""
    based_on = based_on or _latest(fair)
    return ScheduleInput(fair=fair, based_on=based_on, mapped=fair_event(fair, _pinned(based_on)))


def schedule_solve(
    source: ScheduleInput, *, time_limit: float = DEFAULT_TIME_LIMIT, seed: int = 0
) -> SolvedSchedule:
    """Solve the event read before; pure computation, to be run outside any transaction."""
    event = source.mapped.event
    try:
        schedule = solve(event, time_limit=time_limit, seed=seed)
    except EventError as error:
        raise ValidationError(str(error)) from error
    baseline = quick_schedule(event).objective if not event.pinned else None
    return SolvedSchedule(schedule=schedule, baseline=baseline)


@transaction.atomic
def schedule_save(
    *,
    source: ScheduleInput,
    solved: SolvedSchedule,
    time_limit: float,
    seed: int,
    actor: Actor,
) -> ScheduleVersion:
    """Save a solved schedule as the fair's next draft version, in one short transaction.

    The fair's row is locked and its event read again: if anything the solver saw changed
    meanwhile, :class:`ScheduleInputChanged` is raised and nothing is saved.
    """
    fair, based_on, mapped = source.fair, source.based_on, source.mapped
    Fair.objects.select_for_update().get(pk=fair.pk)  # one save per fair at a time
    if fair_event(fair, _pinned(based_on)).event != mapped.event:
        raise ScheduleInputChanged(
            _(
                "The fair's requests, slots, tables, interpreters or pinned meetings changed "
                "while the schedule was being computed; compute it again."
            ),
            code="schedule_input_changed",
        )
    schedule = solved.schedule
    number = (ScheduleVersion.objects.filter(fair=fair).aggregate(n=Max("number"))["n"] or 0) + 1
    version = save_with_actor(
        ScheduleVersion(
            fair=fair,
            number=number,
            objective=schedule.objective,
            bound=schedule.bound,
            baseline=solved.baseline,
            seed=seed,
            time_limit=time_limit,
            based_on=based_on,
            created_at=timezone.now(),
            created_by=actor_user(actor),
            is_illustrative=any(r.is_illustrative for r in mapped.requests.values()),
        ),
        actor,
    )
    pinned_requests = {m.request for m in mapped.event.pinned}
    meetings = [
        ScheduledMeeting(
            version=version,
            request_id=pk(m.request),
            slot_id=pk(m.slot),
            table_id=pk_of(m.table),
            interpreter_id=pk_of(m.interpreter),
            booth_of_id=pk_of(m.booth),
            pinned=m.request in pinned_requests,
        )
        for m in schedule.meetings
    ]
    bulk_create_with_history(
        meetings, ScheduledMeeting, batch_size=1000, default_user=actor_user(actor)
    )
    UnplacedRequest.objects.bulk_create(
        [
            UnplacedRequest(
                version=version,
                request_id=pk(u.request),
                reason=u.reason[:300],
                code=u.code,
                params=dict(u.params),
            )
            for u in schedule.unscheduled
        ],
        batch_size=1000,
    )
    return version


def schedule_compute(
    *,
    fair: Fair,
    based_on: ScheduleVersion | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    actor: Actor,
) -> ScheduleVersion:
    """Compute a new draft version of the fair's schedule from its accepted requests.

    The pinned meetings of ``based_on`` (by default the latest version) are kept as they are.
    Three steps, so that no transaction or lock is held while the solver runs (up to
    :data:`MAX_TIME_LIMIT` seconds): read the event, solve it outside any transaction, save in
    a short transaction that refuses (:class:`ScheduleInputChanged`) if the fair changed.
    """
    source = schedule_input_read(fair=fair, based_on=based_on)
    solved = schedule_solve(source, time_limit=time_limit, seed=seed)
    return schedule_save(
        source=source, solved=solved, time_limit=time_limit, seed=seed, actor=actor
    )


def _editable(version: ScheduleVersion) -> None:
    if version.status == VersionStatus.SUPERSEDED:
        raise ValidationError(_("This version was superseded; change the current one."))


@transaction.atomic
def meeting_pin(*, meeting: ScheduledMeeting, pinned: bool, actor: Actor) -> ScheduledMeeting:
    """Pin a meeting (a re-run keeps it where it is) or release it."""
    _editable(meeting.version)
    meeting.pinned = pinned
    return save_with_actor(meeting, actor, reason="pinned" if pinned else "unpinned")


def _free_choice(mapped: EventMap, others: list[Meeting], slot: str, needs: str) -> list[str]:
    used = {getattr(m, needs) for m in others if m.slot == slot}
    pool = (
        [table_id(pk) for pk in mapped.tables]
        if needs == "table"
        else [interpreter_id(pk) for pk in mapped.interpreters]
    )
    return [x for x in pool if x not in used]


@transaction.atomic
def meeting_move(
    *,
    meeting: ScheduledMeeting,
    slot: MeetingSlot,
    table: MeetingTable | None = None,
    interpreter: Interpreter | None = None,
    actor: Actor,
) -> ScheduledMeeting:
    """Move a meeting by hand to ``slot`` (and a table / interpreter, or the first free ones).

    The move is checked against every rule; a conflict refuses it with the reasons. A moved
    meeting is pinned, so that a re-run keeps it. Moving a meeting of the published version
    notifies both participants.

    The version's row is locked first, so that parallel moves into one slot are checked one
    after the other; the database's unique constraints on (version, slot, table) and (version,
    slot, interpreter) refuse whatever would still slip through.
    """
    version = ScheduleVersion.objects.select_for_update().get(pk=meeting.version_id)
    meeting.version = version
    _editable(version)
    fair = version.fair
    if slot.fair_id != fair.pk:
        raise ValidationError(_("That slot belongs to another fair."))
    mapped = fair_event(fair)
    rid = request_id(meeting.request_id)
    if not mapped.event.has_request(rid):
        raise ValidationError(_("The meeting request is no longer accepted."))
    others = [
        meeting_as_plain(m)
        for m in ScheduledMeeting.objects.filter(version=version).exclude(pk=meeting.pk)
    ]
    req = mapped.event.request(rid)
    sender, receiver = mapped.event.participant(req.sender), mapped.event.participant(req.receiver)
    host = booth_host(sender, receiver)
    sid = slot_id(slot.pk)
    chosen_table: str | None = None
    if host is None:
        if table is not None:
            chosen_table = table_id(table.pk)
        else:
            free = _free_choice(mapped, others, sid, "table")
            chosen_table = free[0] if free else None  # the check below says why not
    chosen_interpreter: str | None = None
    if interpreter_required(mapped.event.interpreters, sender, receiver):
        if interpreter is not None:
            chosen_interpreter = interpreter_id(interpreter.pk)
        else:
            capable = [
                i.id
                for i in mapped.event.interpreters
                if can_interpret(i, sender, receiver) and i.is_available(sid)
            ]
            free_interpreters = set(_free_choice(mapped, others, sid, "interpreter"))
            options = [i for i in capable if i in free_interpreters]
            chosen_interpreter = options[0] if options else None
    moved = Meeting(rid, sid, chosen_table, chosen_interpreter, host.id if host else None)
    conflicts = [c for c in validate_meetings(mapped.event, [*others, moved]) if rid in c.requests]
    if conflicts:
        raise ValidationError(readable_messages([c.message for c in conflicts], fair))
    before = meeting_as_plain(meeting)
    meeting.slot = slot
    meeting.table_id = pk_of(chosen_table)
    meeting.interpreter_id = pk_of(chosen_interpreter)
    meeting.booth_of_id = pk_of(moved.booth)
    meeting.pinned = True
    try:
        with transaction.atomic():  # a savepoint: the refusal leaves the transaction usable
            save_with_actor(meeting, actor, reason="moved by hand")
    except IntegrityError as error:
        raise ValidationError(
            _(
                "That table or interpreter is already taken in this slot by another meeting; "
                "reload the schedule and choose another."
            )
        ) from error
    if version.status == VersionStatus.PUBLISHED:
        notify_changes(version, {rid: before}, {rid: meeting_as_plain(meeting)})
        if not version.is_illustrative:
            notice_later(MEETING_MOVED, meeting.pk)
    return meeting


@transaction.atomic
def schedule_publish(*, version: ScheduleVersion, actor: Actor) -> ScheduleVersion:
    """Publish a draft: participants see it; the version it replaces is superseded and every
    participant whose meetings changed gets a notice."""
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft version can be published."))
    fair = version.fair
    previous = ScheduleVersion.objects.filter(fair=fair, status=VersionStatus.PUBLISHED).first()
    if previous is not None:
        previous.status = VersionStatus.SUPERSEDED
        save_with_actor(previous, actor, reason=history_reason("superseded", number=version.number))
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    save_with_actor(version, actor, reason="published")
    if previous is not None:
        old = {
            request_id(m.request_id): meeting_as_plain(m)
            for m in ScheduledMeeting.objects.filter(version=previous)
        }
        new = {
            request_id(m.request_id): meeting_as_plain(m)
            for m in ScheduledMeeting.objects.filter(version=version)
        }
        notify_changes(version, old, new)
    if not version.is_illustrative:
        notice_later(SCHEDULE_PUBLISHED, version.pk)
    return version
