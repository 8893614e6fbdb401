"""``<title>`` and ``<description type="1">`` (general description)."""

from __future__ import annotations

from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, narratives, required_text


def title(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    required_text(parent, "title", activity.titles, ctx, "title")


def description(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    element = SubElement(parent, "description", type="1")
    if not narratives(element, activity.descriptions):
        raise ctx.fail("description has no text in any language (IATI requires one)")
