"""``<iati-identifier>`` and ``<other-identifier type="A1">`` (our project code)."""

from __future__ import annotations

from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, set_text


def iati_identifier(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    set_text(SubElement(parent, "iati-identifier"), ctx.identifier)


def other_identifier(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Our project code, as the reporting organisation's internal activity identifier."""
    SubElement(parent, "other-identifier", ref=activity.code, type="A1")
