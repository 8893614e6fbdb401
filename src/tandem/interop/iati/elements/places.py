"""``<location>`` and ``<document-link>``, written back as they were read."""

from __future__ import annotations

from ..mapping import TANDEM_NS
from ..records import ActivityRecord, LocationRecord
from .base import Element, ExportContext, SubElement, iso, narratives, set_text

FROM = f"{{{TANDEM_NS}}}from"
_WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"


def _location(parent: Element, item: LocationRecord) -> None:
    element = SubElement(parent, "location", {"ref": item.ref} if item.ref else {})
    if item.reach:
        SubElement(element, "location-reach", code=item.reach)
    for vocabulary, code in item.ids:
        SubElement(element, "location-id", vocabulary=vocabulary, code=code)
    if any(item.names.values()):
        narratives(SubElement(element, "name"), item.names)
    if any(item.descriptions.values()):
        narratives(SubElement(element, "description"), item.descriptions)
    for vocabulary, code, level in item.administrative:
        attrs = {"vocabulary": vocabulary, "code": code}
        if level:
            attrs["level"] = level
        SubElement(element, "administrative", attrs)
    if item.point:
        point = SubElement(element, "point", srsName=_WGS84)
        set_text(SubElement(point, "pos"), item.point)
    if item.exactness:
        SubElement(element, "exactness", code=item.exactness)
    if item.location_class:
        SubElement(element, "location-class", code=item.location_class)
    if item.feature_designation:
        SubElement(element, "feature-designation", code=item.feature_designation)


def location(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    for item in activity.locations:
        _location(parent, item)


def document_link(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Links with a format and a category (what IATI requires); others are left out.

    A link without a title gets its address as title, marked ``tandem:from="url"`` so that
    reading the file back does not take it for a title.
    """
    for link in activity.document_links:
        if not link.format or not link.categories:
            continue
        element = SubElement(parent, "document-link", url=link.url, format=link.format)
        if any(link.titles.values()):
            narratives(SubElement(element, "title"), link.titles)
        else:
            narratives(SubElement(element, "title", {FROM: "url"}), {"en": link.url})
        if any(link.descriptions.values()):
            narratives(SubElement(element, "description"), link.descriptions)
        for code in link.categories:
            SubElement(element, "category", code=code)
        for language in link.languages:
            SubElement(element, "language", code=language)
        if link.date is not None:
            SubElement(element, "document-date", {"iso-date": iso(link.date)})
