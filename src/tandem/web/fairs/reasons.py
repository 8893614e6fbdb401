"""Unplaced requests with their reasons in the reader's language (the catalogue is
:mod:`tandem.fairs.messages`, shared with the API)."""

from __future__ import annotations

from tandem.fairs.messages import MESSAGES, reason_message
from tandem.fairs.models import ScheduleVersion, UnplacedRequest
from tandem.fairs.selectors.agenda import participant_names, unplaced_with_reasons

__all__ = ["MESSAGES", "reason_message", "translated_unplaced"]


def translated_unplaced(version: ScheduleVersion) -> list[UnplacedRequest]:
    """The version's unplaced requests, each with ``readable_reason`` in the active language."""
    rows = unplaced_with_reasons(version)
    names = participant_names(version.fair)
    for row in rows:
        message = reason_message(row.code, row.params or {}, names) if row.code else None
        if message is not None:
            row.readable_reason = message  # type: ignore[attr-defined]
    return rows
