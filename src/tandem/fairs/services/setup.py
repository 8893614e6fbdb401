"""Setting up a fair for B2B meetings: meeting days and slots, tables, participants,
interpreters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.actors import Actor, acting_as
from tandem.core.audit import save_with_actor
from tandem.core.models import Country, Organisation, Person
from tandem.fairs.models import Fair, FairParticipant, Interpreter, MeetingSlot, MeetingTable

Break = tuple[dt.time, dt.time]


def day_slot_times(
    day: dt.date,
    *,
    first_start: dt.time,
    last_end: dt.time,
    length_minutes: int,
    breaks: Sequence[Break] = (),
    gap_minutes: int = 0,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Naive local start and end of each slot of one meeting day: slots of ``length_minutes``
    from ``first_start`` to ``last_end``, ``gap_minutes`` apart, none overlapping a break."""
    if length_minutes <= 0:
        raise ValidationError(_("A slot must last at least one minute."))
    length = dt.timedelta(minutes=length_minutes)
    gap = dt.timedelta(minutes=max(gap_minutes, 0))
    start = dt.datetime.combine(day, first_start)
    end_of_day = dt.datetime.combine(day, last_end)
    pauses = sorted((dt.datetime.combine(day, a), dt.datetime.combine(day, b)) for a, b in breaks)
    out: list[tuple[dt.datetime, dt.datetime]] = []
    while start + length <= end_of_day:
        clash = next((b for a, b in pauses if start < b and a < start + length), None)
        if clash is not None:
            start = clash
            continue
        out.append((start, start + length))
        start = start + length + gap
    return out


@transaction.atomic
def meeting_day_add(
    *,
    fair: Fair,
    day: dt.date,
    first_start: dt.time,
    last_end: dt.time,
    length_minutes: int,
    breaks: Sequence[Break] = (),
    gap_minutes: int = 0,
    actor: Actor,
) -> list[MeetingSlot]:
    """Add one meeting day's slots to the fair (times in the fair's time zone)."""
    if not fair.start_date <= day <= fair.end_date:
        raise ValidationError(
            _("%(day)s is not a day of the fair (%(start)s – %(end)s).")
            % {"day": day, "start": fair.start_date, "end": fair.end_date}
        )
    zone = ZoneInfo(fair.time_zone)
    times = day_slot_times(
        day,
        first_start=first_start,
        last_end=last_end,
        length_minutes=length_minutes,
        breaks=breaks,
        gap_minutes=gap_minutes,
    )
    if not times:
        raise ValidationError(_("No slot fits between the first start and the last end."))
    existing = list(MeetingSlot.objects.filter(fair=fair))
    slots: list[MeetingSlot] = []
    for start, end in times:
        start_at, end_at = start.replace(tzinfo=zone), end.replace(tzinfo=zone)
        if any(s.start < end_at and start_at < s.end for s in existing + slots):
            raise ValidationError(
                _("A slot at %(time)s overlaps an existing slot.")
                % {"time": f"{start:%Y-%m-%d %H:%M}"}
            )
        code = f"{start:%m%d-%H%M}"
        slots.append(
            save_with_actor(MeetingSlot(fair=fair, code=code, start=start_at, end=end_at), actor)
        )
    return slots


@transaction.atomic
def tables_add(*, fair: Fair, count: int, actor: Actor) -> list[MeetingTable]:
    """Add ``count`` tables numbered after the fair's existing ones."""
    if count < 1:
        raise ValidationError(_("Add at least one table."))
    taken = set(MeetingTable.objects.filter(fair=fair).values_list("code", flat=True))
    tables: list[MeetingTable] = []
    number = 1
    while len(tables) < count:
        code = f"{number:03d}"
        if code not in taken:
            tables.append(save_with_actor(MeetingTable(fair=fair, code=code), actor))
        number += 1
    return tables


def _clean_languages(languages: Iterable[str]) -> list[str]:
    cleaned = sorted({code.strip().lower() for code in languages if code.strip()})
    if any(not code.isalpha() or len(code) > 8 for code in cleaned):
        raise ValidationError(_("Languages are ISO 639 codes such as en, ja, ru."))
    return cleaned


def _slots_of(fair: Fair, slots: Iterable[MeetingSlot]) -> list[MeetingSlot]:
    chosen = list(slots)
    if any(slot.fair_id != fair.pk for slot in chosen):
        raise ValidationError(_("A slot of another fair was given."))
    return chosen


@transaction.atomic
def participant_register(
    *,
    fair: Fair,
    organisation: Organisation | None = None,
    person: Person | None = None,
    name: str = "",
    side: Country | None = None,
    is_exhibitor: bool = False,
    booth: str = "",
    languages: Iterable[str] = (),
    available_slots: Iterable[MeetingSlot] = (),
    company_profile_ref: str = "",
    is_illustrative: bool = False,
    actor: Actor,
) -> FairParticipant:
    """Register a company (an organisation) or a person for the fair's B2B meetings.

    No ``available_slots`` means available throughout the fair."""
    if organisation is None and person is None and not name:
        raise ValidationError(_("Name the organisation, the person or the participant."))
    if side is None:
        side = organisation.side if organisation else person.side if person else None
    if side is None:
        raise ValidationError(_("Say which side the participant belongs to."))
    if is_exhibitor and not booth:
        raise ValidationError({"booth": _("An exhibitor needs a booth.")})
    participant = FairParticipant(
        fair=fair,
        organisation=organisation,
        person=person,
        name=name or str(organisation or person),
        side=side,
        is_exhibitor=is_exhibitor,
        booth=booth,
        languages=_clean_languages(languages),
        company_profile_ref=company_profile_ref,
        is_illustrative=is_illustrative,
    )
    save_with_actor(participant, actor)
    with acting_as(actor):
        participant.available_slots.set(_slots_of(fair, available_slots))
    return participant


@transaction.atomic
def participant_set_availability(
    *, participant: FairParticipant, slots: Iterable[MeetingSlot], actor: Actor
) -> FairParticipant:
    with acting_as(actor):
        participant.available_slots.set(_slots_of(participant.fair, slots))
    save_with_actor(participant, actor, reason="availability")
    return participant


@transaction.atomic
def interpreter_add(
    *,
    fair: Fair,
    name: str,
    languages: Iterable[str],
    available_slots: Iterable[MeetingSlot] = (),
    is_illustrative: bool = False,
    actor: Actor,
) -> Interpreter:
    cleaned = _clean_languages(languages)
    if len(cleaned) < 2:
        raise ValidationError({"languages": _("An interpreter speaks at least two languages.")})
    interpreter = save_with_actor(
        Interpreter(fair=fair, name=name, languages=cleaned, is_illustrative=is_illustrative),
        actor,
    )
    interpreter.available_slots.set(_slots_of(fair, available_slots))
    return interpreter


@transaction.atomic
def fair_set_deadlines(
    *,
    fair: Fair,
    request_deadline: dt.datetime | None,
    scheduling_deadline: dt.datetime | None,
    request_expiry_days: int,
    actor: Actor,
) -> Fair:
    """Set the deadlines for requesting and for scheduling, and how long requests wait."""
    if request_deadline and scheduling_deadline and scheduling_deadline < request_deadline:
        raise ValidationError(
            {"scheduling_deadline": _("Scheduling closes after requesting closes, not before.")}
        )
    fair.request_deadline = request_deadline
    fair.scheduling_deadline = scheduling_deadline
    fair.request_expiry_days = request_expiry_days
    return save_with_actor(fair, actor, reason="deadlines")
