"""Reader for ``<result>`` with indicators, baseline and periods."""

from __future__ import annotations

from decimal import Decimal

from ..mapping import IATI_TO_MEASURE, IATI_TO_RESULT
from ..records import BaselineRecord, IndicatorRecord, Measure, PeriodRecord, ResultRecord, Text
from .base import (
    BadValue,
    Builder,
    Element,
    optional_decimal,
    parse_bool,
    parse_date,
    parse_decimal,
    text_of,
)


def _text(element: Element, tag: str, lang: str) -> Text:
    child = element.find(tag)
    return {} if child is None else text_of(child, lang)


def _value(element: Element | None, what: str, b: Builder) -> Decimal | None:
    """A target or actual value; qualitative (non-numeric) values are left out."""
    if element is None:
        return None
    raw = element.get("value")
    if raw is None or not raw.strip():
        return None
    try:
        return parse_decimal(raw, what)
    except BadValue:
        b.warn(element, f"{what} {raw!r} is not a number and was left out")
        return None


def _baseline(element: Element | None) -> BaselineRecord | None:
    if element is None:
        return None
    year = element.get("year")
    if year is None or not year.strip().isdigit():
        raise BadValue(f"indicator baseline has a bad year {year!r}")
    iso_date = element.get("iso-date")
    return BaselineRecord(
        year=int(year),
        value=optional_decimal(element.get("value"), "baseline value"),
        iso_date=None if iso_date is None else parse_date(iso_date, "baseline"),
    )


def _period(element: Element, b: Builder) -> PeriodRecord:
    start = element.find("period-start")
    end = element.find("period-end")
    return PeriodRecord(
        start=parse_date(None if start is None else start.get("iso-date"), "period-start"),
        end=parse_date(None if end is None else end.get("iso-date"), "period-end"),
        target=_value(element.find("target"), "target", b),
        actual=_value(element.find("actual"), "actual", b),
    )


def _indicator(element: Element, b: Builder) -> IndicatorRecord:
    measure_code = element.get("measure")
    measure = IATI_TO_MEASURE.get(measure_code or "")
    if measure is None:
        b.warn(element, f"indicator measure {measure_code!r} unknown; read as unit")
        measure = Measure.UNIT
    titles = _text(element, "title", b.lang)
    if not titles:
        raise BadValue("indicator has no title")
    return IndicatorRecord(
        titles=titles,
        measure=measure,
        ascending=parse_bool(element.get("ascending"), "indicator ascending"),
        descriptions=_text(element, "description", b.lang),
        baseline=_baseline(element.find("baseline")),
        periods=tuple(_period(p, b) for p in element.iterchildren("period")),
    )


def result(element: Element, b: Builder) -> None:
    code = element.get("type")
    kind = IATI_TO_RESULT.get(code or "")
    if kind is None:
        b.warn(element, f"result of unknown type {code!r} was left out")
        return
    titles = _text(element, "title", b.lang)
    if not titles:
        raise BadValue("result has no title")
    indicators = tuple(_indicator(i, b) for i in element.iterchildren("indicator"))
    if not indicators:
        b.warn(element, "result without indicators was left out")
        return
    b.results.append(
        ResultRecord(kind, titles, indicators, descriptions=_text(element, "description", b.lang))
    )
