"""``<reporting-org>`` and ``<participating-org>``."""

from __future__ import annotations

from ..mapping import ROLE_TO_IATI, TANDEM_NS
from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, narratives

_ROLE = f"{{{TANDEM_NS}}}role"
_COUNTRY = f"{{{TANDEM_NS}}}country"


def reporting_org(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    org = ctx.reporting_org
    attrs = {"ref": org.ref, "type": org.type_code}
    if org.secondary_reporter or activity.secondary_reporter:
        attrs["secondary-reporter"] = "1"
    narratives(SubElement(parent, "reporting-org", attrs), org.names)


def participating_org(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Participants with their IATI role; tandem:role and tandem:country keep our detail."""
    if not activity.participants:
        raise ctx.fail(
            "no participants (IATI needs at least one participating-org)",
            "export_no_participants",
        )
    for participant in activity.participants:
        attrs: dict[str, str] = {}
        if participant.ref:
            attrs["ref"] = participant.ref
        if participant.type_code:
            if participant.type_code not in ctx.org_types:
                raise ctx.fail(
                    f"unknown organisation type {participant.type_code!r}",
                    "export_org_type",
                    type=participant.type_code,
                )
            attrs["type"] = participant.type_code
        attrs["role"] = ROLE_TO_IATI[participant.role]
        attrs[_ROLE] = participant.role.value
        if participant.country:
            attrs[_COUNTRY] = participant.country
        narratives(SubElement(parent, "participating-org", attrs), participant.names)
