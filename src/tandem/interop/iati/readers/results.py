"""Reader for ``<result>`` with indicators, baseline and periods."""

from __future__ import annotations

from decimal import Decimal

from ..mapping import IATI_TO_MEASURE, IATI_TO_RESULT
from ..records import BaselineRecord, IndicatorRecord, Measure, PeriodRecord, ResultRecord, Text
from .base import (
    BadValue,
    Builder,
    Element,
    parse_bool,
    parse_date,
    parse_decimal,
    text_of,
)


def _text(element: Element, tag: str, lang: str) -> Text:
    child = element.find(tag)
    return {} if child is None else text_of(child, lang)


def _value(element: Element | None) -> tuple[Decimal | None, str | None]:
    """A baseline, target or actual value: a number, or the words the file gives instead."""
    if element is None:
        return None, None
    raw = element.get("value")
    if raw is None or not raw.strip():
        return None, None
    try:
        return parse_decimal(raw, "value"), None
    except BadValue:
        return None, raw.strip()


def _baseline(element: Element | None, b: Builder) -> BaselineRecord | None:
    if element is None:
        return None
    year = (element.get("year") or "").strip()
    iso_date = element.get("iso-date")
    dated = None if iso_date is None else parse_date(iso_date, "baseline")
    if not year.isdigit() or int(year) < 1:
        if dated is None:
            b.warn(
                element,
                f"indicator baseline with a bad year {year!r} was left out",
                "bad_baseline_year",
                year=year,
            )
            return None
        year = str(dated.year)
    value, text = _value(element)
    return BaselineRecord(year=int(year), value=value, iso_date=dated, text=text)


def _period(element: Element, b: Builder) -> PeriodRecord | None:
    start = element.find("period-start")
    end = element.find("period-end")
    try:
        first = parse_date(None if start is None else start.get("iso-date"), "period-start")
        last = parse_date(None if end is None else end.get("iso-date"), "period-end")
    except BadValue as exc:
        b.bad_value(element, exc, "period")
        return None
    if last < first:
        b.warn(
            element,
            f"indicator period ending ({last}) before it starts was left out",
            "period_ends_before_start",
            end=last.isoformat(),
        )
        return None
    target, target_text = _value(element.find("target"))
    actual, actual_text = _value(element.find("actual"))
    return PeriodRecord(first, last, target, actual, target_text, actual_text)


def _indicator(element: Element, b: Builder) -> IndicatorRecord:
    measure_code = element.get("measure")
    measure = IATI_TO_MEASURE.get(measure_code or "")
    if measure is None:
        b.warn(
            element,
            f"indicator measure {measure_code!r} unknown; read as unit",
            "unknown_measure",
            measure=measure_code,
        )
        measure = Measure.UNIT
    titles = _text(element, "title", b.lang)
    if not titles:
        raise BadValue("indicator has no title", "no_indicator_title")
    try:
        ascending = parse_bool(element.get("ascending"), "indicator ascending")
    except BadValue as exc:
        b.bad_value(element, exc, "ascending")
        ascending = None
    periods = (_period(p, b) for p in element.iterchildren("period"))
    return IndicatorRecord(
        titles=titles,
        measure=measure,
        ascending=ascending,
        descriptions=_text(element, "description", b.lang),
        baseline=_baseline(element.find("baseline"), b),
        periods=tuple(p for p in periods if p is not None),
    )


def _indicators(element: Element, b: Builder) -> tuple[IndicatorRecord, ...]:
    kept = []
    for item in element.iterchildren("indicator"):
        try:
            kept.append(_indicator(item, b))
        except BadValue as exc:
            b.bad_value(item, exc, "indicator")
    return tuple(kept)


def result(element: Element, b: Builder) -> None:
    code = element.get("type")
    kind = IATI_TO_RESULT.get(code or "")
    if kind is None:
        b.warn(
            element,
            f"result of unknown type {code!r} was left out",
            "unknown_result_type",
            type=code,
        )
        return
    titles = _text(element, "title", b.lang)
    if not titles:
        raise BadValue("result has no title", "no_result_title")
    indicators = _indicators(element, b)
    if not indicators:
        b.warn(element, "result without indicators was left out", "result_without_indicators")
        return
    b.results.append(
        ResultRecord(kind, titles, indicators, descriptions=_text(element, "description", b.lang))
    )
