"""Notices to participants whose published agenda changed (added, moved, cancelled)."""

from __future__ import annotations

from django.utils import timezone

from tandem.fairs.enums import NoticeKind
from tandem.fairs.models import AgendaNotice, MeetingRequest, ScheduleVersion
from tandem.fairs.scheduling import Meeting
from tandem.fairs.selectors.event import pk, pk_of


def _kind(before: Meeting | None, after: Meeting | None) -> NoticeKind | None:
    if before is None and after is not None:
        return NoticeKind.ADDED
    if before is not None and after is None:
        return NoticeKind.CANCELLED
    if before is not None and after is not None:
        where_before = (before.slot, before.table, before.booth)
        if where_before != (after.slot, after.table, after.booth):
            return NoticeKind.MOVED
    return None


def notify_changes(
    version: ScheduleVersion,
    before: dict[str, Meeting],
    after: dict[str, Meeting],
) -> int:
    """One notice per participant of each meeting that changed; returns how many."""
    changed: dict[str, NoticeKind] = {}
    for rid in sorted(set(before) | set(after)):
        kind = _kind(before.get(rid), after.get(rid))
        if kind is not None:
            changed[rid] = kind
    if not changed:
        return 0
    requests = MeetingRequest.objects.in_bulk([pk(rid) for rid in changed])
    now = timezone.now()
    notices: list[AgendaNotice] = []
    for rid, kind in changed.items():
        request = requests[pk(rid)]
        old, new = before.get(rid), after.get(rid)
        for participant in (request.sender_id, request.receiver_id):
            notices.append(
                AgendaNotice(
                    participant_id=participant,
                    version=version,
                    request=request,
                    kind=kind,
                    previous_slot_id=pk_of(old.slot) if old else None,
                    slot_id=pk_of(new.slot) if new else None,
                    created_at=now,
                )
            )
    AgendaNotice.objects.bulk_create(notices, batch_size=1000)
    return len(notices)
