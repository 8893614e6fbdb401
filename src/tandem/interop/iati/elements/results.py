"""``<result>`` with its indicators, baseline and periods (target and actual)."""

from __future__ import annotations

from ..mapping import MEASURE_TO_IATI, RESULT_TO_IATI
from ..records import ActivityRecord, IndicatorRecord
from .base import Element, ExportContext, SubElement, decimal_text, iso, narratives, required_text


def _indicator(parent: Element, indicator: IndicatorRecord, ctx: ExportContext) -> None:
    attrs = {"measure": MEASURE_TO_IATI[indicator.measure]}
    if indicator.ascending is not None:
        attrs["ascending"] = "1" if indicator.ascending else "0"
    element = SubElement(parent, "indicator", attrs)
    required_text(element, "title", indicator.titles, ctx, "indicator title")
    if any(indicator.descriptions.values()):
        narratives(SubElement(element, "description"), indicator.descriptions)
    baseline = indicator.baseline
    if baseline is not None:
        if baseline.year < 1:
            raise ctx.fail(
                f"baseline year {baseline.year} is not a year",
                "export_baseline_year",
                year=baseline.year,
            )
        battrs = {"year": str(baseline.year)}
        if baseline.iso_date is not None:
            battrs["iso-date"] = iso(baseline.iso_date)
        if baseline.value is not None:
            battrs["value"] = decimal_text(baseline.value, ctx, "baseline value")
        elif baseline.text:
            battrs["value"] = baseline.text
        SubElement(element, "baseline", battrs)
    for period in indicator.periods:
        if period.end < period.start:
            raise ctx.fail(
                f"indicator period ends ({period.end}) before it starts",
                "export_period_order",
                end=period.end.isoformat(),
            )
        pel = SubElement(element, "period")
        SubElement(pel, "period-start", {"iso-date": iso(period.start)})
        SubElement(pel, "period-end", {"iso-date": iso(period.end)})
        if period.target is not None:
            SubElement(pel, "target", value=decimal_text(period.target, ctx, "target"))
        elif period.target_text:
            SubElement(pel, "target", value=period.target_text)
        if period.actual is not None:
            SubElement(pel, "actual", value=decimal_text(period.actual, ctx, "actual"))
        elif period.actual_text:
            SubElement(pel, "actual", value=period.actual_text)


def result(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    for item in activity.results:
        if not item.indicators:
            raise ctx.fail("a result needs at least one indicator", "export_result_indicators")
        element = SubElement(parent, "result", type=RESULT_TO_IATI[item.kind])
        required_text(element, "title", item.titles, ctx, "result title")
        if any(item.descriptions.values()):
            narratives(SubElement(element, "description"), item.descriptions)
        for indicator in item.indicators:
            _indicator(element, indicator, ctx)
