"""The database side of a fair as the scheduler's plain event (``tandem.fairs.scheduling``).

Ids in the event are stable prefixes of primary keys: ``S`` slots, ``T`` tables, ``I``
interpreters, ``P`` participants, ``R`` requests. :class:`EventMap` turns them back into rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tandem.fairs.enums import RequestStatus
from tandem.fairs.models import (
    Fair,
    FairParticipant,
    Interpreter,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    ScheduledMeeting,
)
from tandem.fairs.scheduling import Event, Meeting
from tandem.fairs.scheduling import Interpreter as PlainInterpreter
from tandem.fairs.scheduling import Participant as PlainParticipant
from tandem.fairs.scheduling import Request as PlainRequest
from tandem.fairs.scheduling import Slot as PlainSlot
from tandem.fairs.scheduling import Table as PlainTable


def slot_id(pk: int) -> str:
    return f"S{pk}"


def table_id(pk: int) -> str:
    return f"T{pk}"


def interpreter_id(pk: int) -> str:
    return f"I{pk}"


def participant_id(pk: int) -> str:
    return f"P{pk}"


def request_id(pk: int) -> str:
    return f"R{pk}"


def pk(plain_id: str) -> int:
    """The primary key behind an event id such as ``R12``."""
    return int(plain_id[1:])


def pk_of(plain_id: str | None) -> int | None:
    return pk(plain_id) if plain_id else None


@dataclass(frozen=True)
class EventMap:
    """The event and the rows behind its ids."""

    event: Event
    slots: dict[int, MeetingSlot]
    tables: dict[int, MeetingTable]
    interpreters: dict[int, Interpreter]
    participants: dict[int, FairParticipant]
    requests: dict[int, MeetingRequest]


def _available(
    rows: Iterable[tuple[int, int]], every_slot: frozenset[str]
) -> dict[int, frozenset[str]]:
    """Owner pk -> slot ids; owners with no rows are absent (they are available throughout)."""
    found: dict[int, set[str]] = {}
    for owner, slot in rows:
        found.setdefault(owner, set()).add(slot_id(slot))
    return {owner: frozenset(slots) & every_slot for owner, slots in found.items()}


def meeting_as_plain(meeting: ScheduledMeeting) -> Meeting:
    return Meeting(
        request=request_id(meeting.request_id),
        slot=slot_id(meeting.slot_id),
        table=table_id(meeting.table_id) if meeting.table_id else None,
        interpreter=interpreter_id(meeting.interpreter_id) if meeting.interpreter_id else None,
        booth=participant_id(meeting.booth_of_id) if meeting.booth_of_id else None,
    )


def fair_event(fair: Fair, pinned: Iterable[ScheduledMeeting] = ()) -> EventMap:
    """The fair's accepted requests as an event; ``pinned`` meetings are kept by the solver."""
    slots = {s.pk: s for s in MeetingSlot.objects.filter(fair=fair).order_by("start", "pk")}
    tables = {t.pk: t for t in MeetingTable.objects.filter(fair=fair).order_by("code", "pk")}
    interpreters = {i.pk: i for i in Interpreter.objects.filter(fair=fair).order_by("pk")}
    participants = {
        p.pk: p
        for p in FairParticipant.objects.filter(fair=fair).select_related("side").order_by("pk")
    }
    requests = {
        r.pk: r
        for r in MeetingRequest.objects.filter(fair=fair, status=RequestStatus.ACCEPTED).order_by(
            "pk"
        )
    }
    every_slot = frozenset(slot_id(pk) for pk in slots)
    participant_slots = _available(
        FairParticipant.available_slots.through.objects.filter(
            fairparticipant__fair=fair
        ).values_list("fairparticipant_id", "meetingslot_id"),
        every_slot,
    )
    interpreter_slots = _available(
        Interpreter.available_slots.through.objects.filter(interpreter__fair=fair).values_list(
            "interpreter_id", "meetingslot_id"
        ),
        every_slot,
    )
    event = Event(
        name=str(fair),
        slots=tuple(
            PlainSlot(slot_id(s.pk), s.start.isoformat(), s.end.isoformat()) for s in slots.values()
        ),
        tables=tuple(PlainTable(table_id(pk)) for pk in tables),
        interpreters=tuple(
            PlainInterpreter(
                interpreter_id(i.pk),
                frozenset(i.languages),
                interpreter_slots.get(i.pk),
            )
            for i in interpreters.values()
        ),
        participants=tuple(
            PlainParticipant(
                id=participant_id(p.pk),
                name=p.name,
                country=p.side.code,
                exhibitor=p.is_exhibitor,
                languages=frozenset(p.languages),
                available=participant_slots.get(p.pk, every_slot),
            )
            for p in participants.values()
        ),
        requests=tuple(
            PlainRequest(
                request_id(r.pk),
                participant_id(r.sender_id),
                participant_id(r.receiver_id),
                str(r.status),
                float(r.priority),
            )
            for r in requests.values()
        ),
        pinned=tuple(meeting_as_plain(m) for m in pinned if m.request_id in requests),
    )
    return EventMap(event, slots, tables, interpreters, participants, requests)
