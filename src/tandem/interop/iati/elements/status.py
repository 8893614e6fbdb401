"""``<activity-status>`` and ``<activity-date>``."""

from __future__ import annotations

from ..mapping import STATUS_TO_IATI, TANDEM_NS
from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, iso

_STATUS = f"{{{TANDEM_NS}}}status"


def activity_status(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """IATI ActivityStatus code, with our own status kept as tandem:status."""
    SubElement(
        parent,
        "activity-status",
        {"code": STATUS_TO_IATI[activity.status], _STATUS: activity.status.value},
    )


def activity_date(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """ActivityDateType 1 planned start, 2 actual start, 3 planned end, 4 actual end."""
    written = 0
    for code, value in (
        ("1", activity.planned_start),
        ("2", activity.actual_start),
        ("3", activity.planned_end),
        ("4", activity.actual_end),
    ):
        if value is not None:
            SubElement(parent, "activity-date", {"type": code, "iso-date": iso(value)})
            written += 1
    if not written:
        raise ctx.fail(
            "no start or end date (IATI needs at least one activity-date)", "export_no_dates"
        )
