"""One small reader per IATI element, the mirror of :mod:`tandem.interop.iati.elements`.

:func:`read_activity` turns one parsed ``<iati-activity>`` element into an
:class:`~tandem.interop.iati.records.ActivityRecord` plus the problems found in it.
"""

from __future__ import annotations

from typing import Final

from ..mapping import XML_LANG
from ..records import ActivityRecord, ImportProblem
from . import activity, finance, results
from .base import BadValue, Builder, Element, Reader, parse_datetime

__all__ = ["READERS", "read_activity"]

#: IATI element name -> reader. Elements not listed are not part of our model and skipped.
READERS: Final[dict[str, Reader]] = {
    "iati-identifier": activity.iati_identifier,
    "reporting-org": activity.reporting_org,
    "title": activity.title,
    "description": activity.description,
    "participating-org": activity.participating_org,
    "other-identifier": activity.other_identifier,
    "activity-status": activity.activity_status,
    "activity-date": activity.activity_date,
    "recipient-country": activity.recipient_country,
    "recipient-region": activity.recipient_region,
    "sector": activity.sector,
    "tag": activity.tag,
    "default-flow-type": activity.default_flow_type,
    "default-finance-type": activity.default_finance_type,
    "budget": finance.budget,
    "transaction": finance.transaction,
    "result": results.result,
}


def _attributes(element: Element, b: Builder) -> None:
    b.default_currency = element.get("default-currency") or None
    updated = element.get("last-updated-datetime")
    if updated:
        try:
            b.last_updated = parse_datetime(updated, "last-updated-datetime")
        except BadValue as exc:
            b.warn(element, f"{exc}; left out")


def _finish(element: Element, b: Builder) -> ActivityRecord | None:
    if b.identifier is None and "iati-identifier" not in b.seen:
        b.error(element, "activity has no iati-identifier")
    if not b.titles:
        b.error(element, "activity has no title (a title narrative is required)")
    if b.status is None and "activity-status" not in b.seen:
        b.error(element, "activity has no activity-status")
    if not b.descriptions:
        b.warn(element, "activity has no general description")
    if not b.participants:
        b.warn(element, "activity has no participating-org we could read")
    if b.failed or b.identifier is None or b.titles is None or b.status is None:
        return None
    identifier = b.identifier
    # Our code is other-identifier A1; the identifier is kept unless it is the usual
    # f"{reporting ref}-{code}" (so that activities we exported come back as they were).
    code = b.code or identifier
    own_identifier = None if identifier == f"{b.reporting_ref}-{b.code}" else identifier
    return ActivityRecord(
        code=code,
        titles=b.titles,
        descriptions=b.descriptions,
        status=b.status,
        participants=tuple(b.participants),
        planned_start=b.dates.get("planned_start"),
        actual_start=b.dates.get("actual_start"),
        planned_end=b.dates.get("planned_end"),
        actual_end=b.dates.get("actual_end"),
        recipient_countries=tuple(b.countries),
        regions=tuple(b.regions),
        sectors=tuple(b.sectors),
        plan_areas=tuple(b.plan_areas),
        national_projects=tuple(b.national_projects),
        financing=b.ordered_financing(),
        results=tuple(b.results),
        last_updated=b.last_updated,
        default_currency=b.default_currency,
        iati_identifier=own_identifier,
    )


def read_activity(
    element: Element, number: int = 1, default_lang: str = "en"
) -> tuple[ActivityRecord | None, list[ImportProblem]]:
    """Read the ``number``-th ``<iati-activity>``; the record is None when an error was found."""
    b = Builder(element.get(XML_LANG) or default_lang, number)
    _attributes(element, b)
    readers = READERS
    for child in element:
        tag = child.tag
        if type(tag) is not str:  # comments and processing instructions
            continue
        reader = readers.get(tag)
        if reader is None:
            continue
        b.seen.add(tag)
        try:
            reader(child, b)
        except BadValue as exc:
            b.error(child, str(exc))
    record = _finish(element, b)
    return record, b.finished_problems()
