"""``<title>`` and ``<description>`` (general, then objectives, target groups, other)."""

from __future__ import annotations

from ..mapping import TANDEM_NS
from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, narratives, required_text

FROM_TITLE = f"{{{TANDEM_NS}}}from"


def title(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    required_text(parent, "title", activity.titles, ctx, "title")


def description(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """The general description, then the other types; IATI needs at least one description.

    An activity with no description at all gets its title as the general description, marked
    ``tandem:from="title"`` so that reading the file back does not take it for a summary.
    """
    if any(activity.descriptions.values()):
        narratives(SubElement(parent, "description", type="1"), activity.descriptions)
    written = any(activity.descriptions.values())
    for kind, text in sorted(activity.other_descriptions.items()):
        if any(text.values()):
            narratives(SubElement(parent, "description", type=kind), text)
            written = True
    if not written:
        element = SubElement(parent, "description", {"type": "1", FROM_TITLE: "title"})
        narratives(element, activity.titles)
