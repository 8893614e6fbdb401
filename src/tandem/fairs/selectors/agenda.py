"""Reads for the pages, the API and the exports: versions, agendas, table plans."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tandem.core.permissions import check
from tandem.fairs.enums import RequestStatus, VersionStatus
from tandem.fairs.models import (
    AgendaNotice,
    Fair,
    FairParticipant,
    MeetingRequest,
    MeetingSlot,
    ScheduledMeeting,
    ScheduleVersion,
    UnplacedRequest,
)


def published_version(fair: Fair) -> ScheduleVersion | None:
    return ScheduleVersion.objects.filter(fair=fair, status=VersionStatus.PUBLISHED).first()


def participants_of_user(fair: Fair, user: Any) -> QuerySet[FairParticipant]:
    """The participants a company representative speaks for (their organisation's)."""
    organisation_id = getattr(user, "organisation_id", None)
    if not organisation_id:
        return FairParticipant.objects.none()
    return FairParticipant.objects.filter(fair=fair, organisation_id=organisation_id)


def can_act_for(user: Any, participant: FairParticipant) -> bool:
    """Organisers act for every participant; a company representative for their own."""
    if check(user, "fairs.manage_meetings"):
        return True
    organisation_id = getattr(user, "organisation_id", None)
    return bool(organisation_id and participant.organisation_id == organisation_id)


def request_counts(fair: Fair) -> dict[str, int]:
    rows = (
        MeetingRequest.objects.filter(fair=fair)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    counts = {str(status): 0 for status in RequestStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def requests_for(
    fair: Fair, user: Any, *, status: str = "", participant: FairParticipant | None = None
) -> QuerySet[MeetingRequest]:
    """The requests the user may see: all for organisers, their own for representatives."""
    requests = MeetingRequest.objects.filter(fair=fair).select_related(
        "sender__organisation", "receiver__organisation"
    )
    if not check(user, "fairs.manage_meetings"):
        own = participants_of_user(fair, user)
        requests = requests.filter(Q(sender__in=own) | Q(receiver__in=own))
    if participant is not None:
        requests = requests.filter(Q(sender=participant) | Q(receiver=participant))
    if status:
        requests = requests.filter(status=status)
    return requests


@dataclass(frozen=True)
class AgendaItem:
    meeting: ScheduledMeeting
    counterpart: FairParticipant
    place: str
    #: The two sides share no language and no interpreter is with them (a fair that lists no
    #: interpreters schedules such meetings): "ja/ru", shown as a flag on the agendas.
    language_gap: str = ""


def language_gap(meeting: ScheduledMeeting) -> str:
    """``"ja/ru"`` when the meeting's sides share no language and it has no interpreter."""
    if meeting.interpreter_id is not None:
        return ""
    sender, receiver = meeting.request.sender, meeting.request.receiver
    a, b = set(sender.languages or []), set(receiver.languages or [])
    if (not a and not b) or a & b:
        return ""
    sides = sorted("+".join(sorted(langs)) if langs else "?" for langs in (a, b))
    return "/".join(sides)


def meetings_of(version: ScheduleVersion) -> QuerySet[ScheduledMeeting]:
    return ScheduledMeeting.objects.filter(version=version).select_related(
        "slot",
        "table",
        "interpreter",
        "booth_of__organisation",
        "request__sender__organisation",
        "request__receiver__organisation",
    )


def place_of(meeting: ScheduledMeeting) -> str:
    """Where the meeting is held, in the active language."""
    if meeting.booth_of is not None:
        return _("Booth %(booth)s (%(exhibitor)s)") % {
            "booth": meeting.booth_of.booth,
            "exhibitor": meeting.booth_of.display_name,
        }
    if meeting.table is not None:
        return pgettext("furniture", "Table %(code)s") % {"code": meeting.table.code}
    return ""


def participant_agenda(version: ScheduleVersion, participant: FairParticipant) -> list[AgendaItem]:
    meetings = meetings_of(version).filter(
        Q(request__sender=participant) | Q(request__receiver=participant)
    )
    items = []
    for m in meetings.order_by("slot__start"):
        other = m.request.receiver if m.request.sender_id == participant.pk else m.request.sender
        items.append(AgendaItem(m, other, place_of(m), language_gap(m)))
    return items


def notices_for(participant: FairParticipant) -> QuerySet[AgendaNotice]:
    return AgendaNotice.objects.filter(participant=participant).select_related(
        "request__sender__organisation",
        "request__receiver__organisation",
        "previous_slot",
        "slot",
        "version",
    )


@dataclass(frozen=True)
class SlotPlan:
    slot: MeetingSlot
    meetings: list[ScheduledMeeting]
    free_tables: int


def table_plan(version: ScheduleVersion) -> list[SlotPlan]:
    """Per slot, the meetings at tables and at booths, and how many tables stay free."""
    by_slot: dict[int, list[ScheduledMeeting]] = defaultdict(list)
    for m in meetings_of(version):
        by_slot[m.slot_id].append(m)
    table_count = version.fair.tables.count()
    plans = []
    for slot in MeetingSlot.objects.filter(fair=version.fair).order_by("start"):
        meetings = sorted(
            by_slot.get(slot.pk, []),
            key=lambda m: (m.table is None, m.table.code if m.table else "", m.pk),
        )
        used = sum(1 for m in meetings if m.table_id)
        plans.append(SlotPlan(slot, meetings, table_count - used))
    return plans


EVENT_ID = re.compile(r"'([PS])(\d+)'")


def participant_names(fair: Fair) -> dict[int, str]:
    """Each participant's name in the reader's language, by id."""
    participants = FairParticipant.objects.filter(fair=fair).select_related("organisation")
    return {participant.pk: participant.display_name for participant in participants}


def readable_messages(texts: list[str], fair: Fair) -> list[str]:
    """Scheduler messages with names and local times instead of participant and slot ids."""
    names = participant_names(fair)
    times = dict(slot_options(fair))

    def name(match: re.Match[str]) -> str:
        kind, number = match.group(1), int(match.group(2))
        found = names.get(number) if kind == "P" else times.get(number)
        return f"'{found}'" if found else match.group(0)

    return [EVENT_ID.sub(name, text) for text in texts]


def unplaced_with_reasons(version: ScheduleVersion) -> list[UnplacedRequest]:
    """The version's unplaced requests, each with ``readable_reason``: the solver's reason
    with participants' names instead of their ids."""
    rows = list(
        UnplacedRequest.objects.filter(version=version)
        .select_related("request__sender__organisation", "request__receiver__organisation")
        .order_by("-request__priority", "request_id")
    )
    reasons = readable_messages([row.reason for row in rows], version.fair)
    for row, reason in zip(rows, reasons, strict=True):
        row.readable_reason = reason  # type: ignore[attr-defined]
    return rows


def slot_options(fair: Fair) -> list[tuple[int, str]]:
    """(pk, "2019-07-09 10:00–10:30") for each slot, in the fair's time zone."""
    zone = ZoneInfo(fair.time_zone)
    out = []
    for slot in MeetingSlot.objects.filter(fair=fair).order_by("start"):
        start = timezone.localtime(slot.start, timezone=zone)
        end = timezone.localtime(slot.end, timezone=zone)
        out.append((slot.pk, f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"))
    return out
