"""``<sector>`` and ``<tag>`` (plan areas and national projects).

Plan areas and national projects are tags in vocabulary 99 with the reporting organisation's
``vocabulary-uri`` (see :mod:`tandem.interop.iati.mapping` for why tags and not sectors); their
names come from the ``PlanArea`` and ``NationalProject`` code lists.
"""

from __future__ import annotations

from ..codelists import CodeItem
from ..records import ActivityRecord
from .base import Element, ExportContext, SubElement, decimal_text, narratives


def sector(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    for item in activity.sectors:
        if item.vocabulary not in ctx.sector_vocabularies:
            raise ctx.fail(
                f"unknown sector vocabulary {item.vocabulary!r}",
                "export_sector_vocabulary",
                vocabulary=item.vocabulary,
            )
        attrs = {"vocabulary": item.vocabulary, "code": item.code}
        if item.vocabulary_uri:
            attrs["vocabulary-uri"] = item.vocabulary_uri
        if item.percentage is not None:
            attrs["percentage"] = decimal_text(item.percentage, ctx, "sector percentage")
        narratives(SubElement(parent, "sector", attrs), item.names)


def _tags(
    parent: Element,
    codes: tuple[str, ...],
    known: dict[str, CodeItem],
    uri: str,
    what: str,
    ctx: ExportContext,
) -> None:
    for code in codes:
        item = known.get(code)
        if item is None:
            raise ctx.fail(f"unknown {what} {code!r}", "export_unknown_code", what=what, code=code)
        element = SubElement(
            parent, "tag", {"vocabulary": "99", "vocabulary-uri": uri, "code": code}
        )
        narratives(element, item.names)


def tag(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    _tags(parent, activity.plan_areas, ctx.plan_areas, ctx.plan_areas_uri, "plan area", ctx)
    _tags(
        parent,
        activity.national_projects,
        ctx.national_projects,
        ctx.national_projects_uri,
        "national project",
        ctx,
    )
