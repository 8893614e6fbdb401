"""Streaming IATI 2.03 export of joint projects.

:data:`ELEMENTS` lists the element mappers in the order the 2.03 schema requires. Each record is
built as one small lxml tree and written through :class:`lxml.etree.xmlfile`, then dropped, so
memory does not grow with the number of activities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import BinaryIO, Final

from lxml import etree

from . import _lxml
from .elements import (
    classifications,
    finance,
    geography,
    identifiers,
    organisations,
    places,
    results,
    status,
    texts,
)
from .elements.base import Element, ElementMapper, ExportContext, ExportError
from .mapping import TANDEM_NS
from .records import ActivityRecord, ReportingOrg

__all__ = ["ELEMENTS", "IATI_VERSION", "ExportError", "build_activity", "write_activities"]

IATI_VERSION: Final = "2.03"
NSMAP: Final = {"tandem": TANDEM_NS}

#: The element mappers, in the order of the 2.03 ``iati-activity`` sequence.
ELEMENTS: Final[tuple[ElementMapper, ...]] = (
    identifiers.iati_identifier,
    organisations.reporting_org,
    texts.title,
    texts.description,
    organisations.participating_org,
    identifiers.other_identifier,
    status.activity_status,
    status.activity_date,
    geography.recipient_country,
    geography.recipient_region,
    places.location,
    classifications.sector,
    classifications.tag,
    finance.budget,
    finance.planned_disbursement,
    finance.transaction,
    places.document_link,
    results.result,
)


def build_activity(record: ActivityRecord, ctx: ExportContext) -> Element:
    """One ``<iati-activity>`` element for ``record``; raises :class:`ExportError`."""
    ctx.identifier = record.iati_identifier or f"{ctx.reporting_org.ref}-{record.code}"
    attrs: dict[str, str] = {}
    if record.last_updated is not None:
        attrs["last-updated-datetime"] = record.last_updated.isoformat()
    if record.default_currency is not None:
        if not re.fullmatch(r"[A-Z]{3}", record.default_currency):
            raise ctx.fail(
                f"default currency {record.default_currency!r} is not an ISO code",
                "export_currency",
                currency=record.default_currency,
            )
        attrs["default-currency"] = record.default_currency
    activity = etree.Element("iati-activity", attrs, nsmap=NSMAP)
    try:
        for mapper in ELEMENTS:
            mapper(activity, record, ctx)
    except ExportError:
        raise
    except ValueError as exc:  # lxml refuses e.g. a control character in a code or ref
        raise ctx.fail(
            f"cannot be written as XML: {exc}", "export_not_xml", detail=str(exc)
        ) from exc
    return activity


ILLUSTRATIVE_NOTE = (
    " Illustrative demo data: the activity below is made up for demonstration"
    " and is not a fact about the programme. "
)


def write_activities(
    records: Iterable[ActivityRecord],
    out: BinaryIO,
    *,
    reporting_org: ReportingOrg,
    generated: datetime,
    left_out: Callable[[ExportError], None] | None = None,
    preamble: str = "",
) -> int:
    """Write ``records`` as an IATI 2.03 activities file to ``out``; return how many.

    Streams: each activity is built, written and dropped, so ``records`` may be a generator
    over any number of rows. A record that cannot be valid IATI is left out and its
    :class:`ExportError` (naming the activity and the reason) passed to ``left_out``; without
    ``left_out`` the error is raised and the output is incomplete (discard it).
    ``preamble`` is written as a comment before the root element.
    """
    ctx = ExportContext(reporting_org)
    count = 0
    root_attrs = {"version": IATI_VERSION, "generated-datetime": generated.isoformat()}
    with _lxml.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        if preamble:  # what the file holds, when it was made, its licence: a comment
            while "--" in preamble:  # a comment may not hold a double hyphen
                preamble = preamble.replace("--", "- -")
            xf.write(etree.Comment(f" {preamble} "))
        with xf.element("iati-activities", root_attrs, nsmap=NSMAP):
            xf.write("\n")
            for record in records:
                try:
                    activity = build_activity(record, ctx)
                except ExportError as exc:
                    if left_out is None:
                        raise
                    left_out(exc)
                    continue
                if record.illustrative:
                    xf.write(etree.Comment(ILLUSTRATIVE_NOTE), pretty_print=True)
                xf.write(activity, pretty_print=True)
                count += 1
    return count
