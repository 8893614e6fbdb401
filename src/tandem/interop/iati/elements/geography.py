"""``<recipient-country>`` and ``<recipient-region>``."""

from __future__ import annotations

from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, decimal_text, narratives


def recipient_country(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    for country in activity.recipient_countries:
        attrs = {"code": country.code}
        if country.percentage is not None:
            attrs["percentage"] = decimal_text(country.percentage, ctx, "country percentage")
        SubElement(parent, "recipient-country", attrs)


def recipient_region(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Our regions in vocabulary 99 (with the reporting org's URI), or IATI's 1/2."""
    for region in activity.regions:
        attrs = {"code": region.code, "vocabulary": region.vocabulary}
        if region.vocabulary == "99":
            attrs["vocabulary-uri"] = ctx.regions_uri
        if region.percentage is not None:
            attrs["percentage"] = decimal_text(region.percentage, ctx, "region percentage")
        narratives(SubElement(parent, "recipient-region", attrs), region.names)
