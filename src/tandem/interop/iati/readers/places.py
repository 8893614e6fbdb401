"""Readers for ``<location>`` and ``<document-link>``."""

from __future__ import annotations

from ..records import DocumentLinkRecord, LocationRecord
from .base import BadValue, Builder, Element, language, parse_date, tandem, text_of

_FROM = tandem("from")


def _code(element: Element, tag: str) -> str | None:
    child = element.find(tag)
    if child is None:
        return None
    return (child.get("code") or "").strip() or None


def _text(element: Element, tag: str, lang: str) -> dict[str, str]:
    child = element.find(tag)
    if child is None or child.get(_FROM) is not None:
        return {}  # absent, or our export's stand-in (the link's address as its title)
    return text_of(child, lang)


def location(element: Element, b: Builder) -> None:
    point = element.find("point")
    pos = None if point is None else point.find("pos")
    position = None if pos is None or not pos.text else " ".join(pos.text.split())
    ids = tuple(
        (item.get("vocabulary") or "", item.get("code") or "")
        for item in element.iterchildren("location-id")
        if item.get("vocabulary") and item.get("code")
    )
    administrative = tuple(
        (item.get("vocabulary") or "", item.get("code") or "", item.get("level"))
        for item in element.iterchildren("administrative")
        if item.get("vocabulary") and item.get("code")
    )
    b.locations.append(
        LocationRecord(
            ref=element.get("ref") or None,
            names=_text(element, "name", b.lang),
            descriptions=_text(element, "description", b.lang),
            point=position or None,
            reach=_code(element, "location-reach"),
            exactness=_code(element, "exactness"),
            location_class=_code(element, "location-class"),
            feature_designation=_code(element, "feature-designation"),
            ids=ids,
            administrative=administrative,
        )
    )


def document_link(element: Element, b: Builder) -> None:
    url = (element.get("url") or "").strip()
    if not url:
        raise BadValue("document-link has no url", "document_no_url")
    categories = tuple(
        code for item in element.iterchildren("category") if (code := item.get("code"))
    )
    languages = tuple(
        language(item.get("code"), "")
        for item in element.iterchildren("language")
        if item.get("code")
    )
    if not categories or not (element.get("format") or "").strip():
        raise BadValue(
            "document-link has no format or no category (IATI requires both)",
            "document_no_format",
        )
    dated = element.find("document-date")
    b.document_links.append(
        DocumentLinkRecord(
            url=url,
            format=(element.get("format") or "").strip(),
            titles=_text(element, "title", b.lang),
            categories=categories,
            descriptions=_text(element, "description", b.lang),
            languages=languages,
            date=None
            if dated is None
            else parse_date(dated.get("iso-date"), "document-link document-date"),
        )
    )
