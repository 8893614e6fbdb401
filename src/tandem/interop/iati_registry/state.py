"""One IATI activity as the registry holds it, from a read record or from a stored project.

:class:`ProjectState` is plain, comparable data: the preview compares the state a record asks
for with the state of the stored project ("unchanged" when equal), the commit writes it, and
the export turns a stored project back into an activity record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from tandem.core.i18n import LANGUAGES
from tandem.interop.iati.mapping import BUDGET, PLANNED_DISBURSEMENT
from tandem.interop.iati.records import (
    ActivityRecord,
    DocumentLinkRecord,
    FinancingStage,
    IndicatorRecord,
    LocationRecord,
    ResultRecord,
)

CENT = Decimal("0.01")
TEN_THOUSANDTH = Decimal("0.0001")
MONEY_LIMIT = Decimal(10) ** 16
MEASURE_LIMIT = Decimal(10) ** 14
DISBURSING = ("disbursement", "expenditure", "equity_purchase", "reimbursement")

Line = tuple[str, str, Decimal, str, dt.date, dt.date | None, dt.date | None]
Period = tuple[dt.date, dt.date, Decimal | None, Decimal | None, str, str]


@dataclass(frozen=True)
class IndicatorState:
    result_type: str
    result_title: str
    titles: tuple[tuple[str, str], ...]
    measure: str
    ascending: bool | None
    baseline: Decimal | None
    baseline_text: str
    baseline_date: dt.date | None
    periods: tuple[Period, ...]


@dataclass
class ProjectState:
    """What the registry keeps of one activity (participants are resolved separately)."""

    iati_identifier: str
    titles: dict[str, str]
    summaries: dict[str, str]
    other_texts: dict[str, dict[str, str]]
    status: str
    dates: dict[str, dt.date | None]
    regions: list[str]
    plan_areas: list[str]
    national_projects: list[str]
    lines: list[Line]
    indicators: list[IndicatorState]
    iati: dict[str, Any] = field(default_factory=dict)


def split_texts(texts: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(en/ja/ru texts, texts in other languages)."""
    ours = {k: v for k, v in texts.items() if k in LANGUAGES}
    others = {k: v for k, v in sorted(texts.items()) if k not in LANGUAGES}
    return ours, others


def money(amount: Decimal) -> Decimal | None:
    try:
        value = amount.quantize(CENT, rounding=ROUND_HALF_EVEN)
    except InvalidOperation:
        return None
    return value if abs(value) < MONEY_LIMIT else None


def measure_value(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    try:
        quantized = value.quantize(TEN_THOUSANDTH, rounding=ROUND_HALF_EVEN)
    except InvalidOperation:
        return None
    return quantized if abs(quantized) < MEASURE_LIMIT else None


_STAGE_TYPES = {
    FinancingStage.PLANNED: BUDGET,
    FinancingStage.PLEDGED: "outgoing_pledge",
    FinancingStage.COMMITTED: "commitment",
    FinancingStage.DISBURSED: "disbursement",
}


def _usual_type(record_line: Any) -> str:
    """The type of a line whose file gave none beyond its stage (as our export writes it)."""
    if record_line.stage is FinancingStage.DISBURSED and str(record_line.kind) == "investment":
        return "equity_purchase"
    return _STAGE_TYPES[record_line.stage]


def line_of(record_line: Any) -> Line | None:
    amount = money(record_line.amount)
    if amount is None:
        return None
    line_type = record_line.line_type or _usual_type(record_line)
    return (
        str(record_line.kind),
        line_type,
        amount,
        record_line.currency,
        record_line.date,
        record_line.period_end if line_type in (BUDGET, PLANNED_DISBURSEMENT) else None,
        record_line.value_date,
    )


def _value_and_text(value: Decimal | None, text: str | None) -> tuple[Decimal | None, str]:
    kept = measure_value(value)
    if value is not None and kept is None:
        return None, format(value, "f")[:300]
    return kept, (text or "")[:300]


def indicator_state(result: ResultRecord, indicator: IndicatorRecord) -> IndicatorState:
    ours, others = split_texts(indicator.titles)
    titles = ours or {"en": first_text(others)}  # another language shown as a fallback
    baseline = indicator.baseline
    base_value, base_text = _value_and_text(
        baseline.value if baseline else None, baseline.text if baseline else None
    )
    base_date = None
    if baseline is not None:
        base_date = baseline.iso_date or dt.date(max(baseline.year, 1), 1, 1)
    periods = []
    for period in indicator.periods:
        target, target_text = _value_and_text(period.target, period.target_text)
        actual, actual_text = _value_and_text(period.actual, period.actual_text)
        periods.append((period.start, period.end, target, actual, target_text, actual_text))
    return IndicatorState(
        result_type=str(result.kind),
        result_title=first_text(result.titles),
        titles=tuple(sorted((k, v[:1000]) for k, v in titles.items())),
        measure=str(indicator.measure),
        ascending=indicator.ascending,
        baseline=base_value,
        baseline_text=base_text,
        baseline_date=base_date,
        periods=tuple(periods),
    )


def first_text(texts: dict[str, str]) -> str:
    for language in (*LANGUAGES, *sorted(texts)):
        if texts.get(language):
            return texts[language]
    return ""


def _location(item: LocationRecord) -> dict[str, Any]:
    return {
        "ref": item.ref,
        "names": item.names,
        "descriptions": item.descriptions,
        "point": item.point,
        "reach": item.reach,
        "exactness": item.exactness,
        "location_class": item.location_class,
        "feature_designation": item.feature_designation,
        "ids": [list(pair) for pair in item.ids],
        "administrative": [list(triple) for triple in item.administrative],
    }


def _document(link: DocumentLinkRecord) -> dict[str, Any]:
    return {
        "url": link.url,
        "format": link.format,
        "titles": link.titles,
        "descriptions": link.descriptions,
        "categories": list(link.categories),
        "languages": list(link.languages),
        "date": link.date.isoformat() if link.date else None,
    }


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A publisher's date-time without a zone is read as UTC (what the database keeps)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


def iati_part(
    record: ActivityRecord, region_countries: set[str], pending: list[dict[str, Any]]
) -> dict[str, Any]:
    """What the interop IatiActivity keeps of the record (JSON-ready)."""
    publisher = record.publisher
    return {
        "reporting_org": {}
        if publisher is None
        else {"ref": publisher.ref, "type": publisher.type_code, "names": publisher.names},
        "default_currency": record.default_currency or "",
        "descriptions": {k: v for k, v in sorted(record.other_descriptions.items()) if v},
        "sectors": [
            {
                "code": s.code,
                "vocabulary": s.vocabulary,
                "vocabulary_uri": s.vocabulary_uri,
                "names": s.names,
                "percentage": _number(s.percentage),
            }
            for s in record.sectors
        ],
        "recipient_countries": [
            {"code": c.code, "percentage": _number(c.percentage)}
            for c in record.recipient_countries
            if c.code not in region_countries
        ],
        "recipient_regions": [
            {
                "code": r.code,
                "vocabulary": r.vocabulary,
                "names": r.names,
                "percentage": _number(r.percentage),
            }
            for r in record.regions
            if r.vocabulary != "99"
        ],
        "locations": [_location(item) for item in record.locations],
        "document_links": [_document(link) for link in record.document_links],
        "participants_to_confirm": pending,
        "last_updated": _aware(record.last_updated),
    }


def record_state(
    record: ActivityRecord,
    identifier: str,
    regions: list[str],
    region_countries: set[str],
    pending: list[dict[str, Any]],
) -> ProjectState:
    """The state ``record`` asks the registry to hold."""
    titles, other_titles = split_texts(record.titles)
    summaries, other_summaries = split_texts(record.descriptions)
    if not titles:  # shown as a fallback: the first other language in the title field
        titles = {"en": first_text(other_titles)}
    other_texts = {
        name: texts
        for name, texts in (("title", other_titles), ("summary", other_summaries))
        if texts
    }
    lines = [line for item in record.financing if (line := line_of(item)) is not None]
    indicators = [
        indicator_state(result, indicator)
        for result in record.results
        for indicator in result.indicators
    ]
    return ProjectState(
        iati_identifier=identifier,
        titles={k: v[:1000] for k, v in titles.items()},
        summaries=summaries,
        other_texts=other_texts,
        status=str(record.status),
        dates={
            "planned_start": record.planned_start,
            "actual_start": record.actual_start,
            "planned_end": record.planned_end,
            "actual_end": record.actual_end,
        },
        regions=sorted(regions),
        plan_areas=list(dict.fromkeys(record.plan_areas)),
        national_projects=sorted(set(record.national_projects)),
        lines=lines,
        indicators=indicators,
        iati=iati_part(record, region_countries, pending),
    )
