"""One small reader per IATI element, the mirror of :mod:`tandem.interop.iati.elements`.

:func:`read_activity` turns one parsed ``<iati-activity>`` element into an
:class:`~tandem.interop.iati.records.ActivityRecord` plus the problems found in it.
"""

from __future__ import annotations

from typing import Final

from .. import _lxml
from ..mapping import XML_LANG
from ..records import ActivityRecord, ImportProblem, ProjectStatus
from . import activity, finance, places, results
from .base import BadValue, Builder, Element, Reader, language, parse_datetime

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
    "location": places.location,
    "sector": activity.sector,
    "tag": activity.tag,
    "default-flow-type": activity.default_flow_type,
    "default-finance-type": activity.default_finance_type,
    "budget": finance.budget,
    "planned-disbursement": finance.planned_disbursement,
    "transaction": finance.transaction,
    "document-link": places.document_link,
    "result": results.result,
}
#: Elements whose bad value refuses the whole activity; elsewhere only the element is left out.
ESSENTIAL: Final = frozenset({"iati-identifier"})


def _attributes(element: Element, b: Builder) -> None:
    b.default_currency = element.get("default-currency") or None
    updated = element.get("last-updated-datetime")
    if updated:
        try:
            b.last_updated = parse_datetime(updated, "last-updated-datetime")
        except BadValue as exc:
            b.bad_value(element, exc, "last-updated-datetime")


def _finish(element: Element, b: Builder) -> ActivityRecord | None:
    if b.identifier is None and "iati-identifier" not in b.seen:
        b.error(element, "activity has no iati-identifier", "no_identifier")
    if b.failed or b.identifier is None:
        return None
    identifier = b.identifier
    if not b.titles:
        b.warn(
            element,
            "activity has no title in any language; its identifier is the title",
            "no_title",
        )
        b.titles = {b.lang: identifier}
    if b.status is None:
        b.warn(element, "activity has no activity-status; read as 1 (pipeline)", "no_status")
        b.status = ProjectStatus.IDEA
    if not b.participants:
        b.warn(element, "activity has no participating-org we could read", "no_participant")
    # Our code is other-identifier A1; the identifier is kept unless it is the usual
    # f"{reporting ref}-{code}" (so that activities we exported come back as they were).
    code = b.code or identifier
    own_identifier = None if code and identifier == f"{b.reporting_ref}-{code}" else identifier
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
        other_descriptions=b.other_descriptions,
        locations=tuple(b.locations),
        document_links=tuple(b.document_links),
        publisher=b.publisher,
        secondary_reporter=b.secondary_reporter,
        line=_lxml.line(element),
    )


def read_activity(
    element: Element, number: int = 1, default_lang: str = "en"
) -> tuple[ActivityRecord | None, list[ImportProblem]]:
    """Read the ``number``-th ``<iati-activity>``; the record is None when an error was found."""
    b = Builder(language(element.get(XML_LANG), default_lang), number)
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
            b.bad_value(child, exc, "" if tag in ESSENTIAL else tag)
    record = _finish(element, b)
    return record, b.finished_problems()
