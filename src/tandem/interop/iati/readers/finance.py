"""Readers for ``<budget>``, ``<planned-disbursement>`` and ``<transaction>`` (financing lines).

Every budget, planned disbursement and transaction becomes a line: a line whose instrument the
file does not state is of kind ``unspecified``; the letter codes of IATI 1.x ("C", "D", "E",
...) are read as their numeric transaction types.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..mapping import (
    BUDGET,
    EQUITY_PURCHASE,
    KIND_DEFAULTS,
    LETTER_TRANSACTION_CODES,
    PLANNED_DISBURSEMENT,
    STAGE_TO_TRANSACTION,
    TRANSACTION_TO_STAGE,
    TRANSACTION_TYPES,
    kind_from_codes,
)
from ..records import FinancingKind, FinancingRecord, FinancingStage, OrgRef
from .base import BadValue, Builder, Element, parse_date, parse_decimal, tandem, text_of

_TANDEM_KIND = tandem("kind")
_CURRENCY = re.compile(r"[A-Z]{3}")


def _kind(element: Element, b: Builder, flow: str | None, finance: str | None) -> FinancingKind:
    ours = element.get(_TANDEM_KIND)
    if ours is not None:
        try:
            return FinancingKind(ours)
        except ValueError:
            b.warn(element, f"unknown tandem:kind {ours!r}", "unknown_tandem_kind", value=ours)
    kind = kind_from_codes(flow or b.default_flow, finance or b.default_finance)
    return FinancingKind.UNSPECIFIED if kind is None else kind


def _value(value: Element | None, b: Builder, what: str) -> tuple[Decimal, str, date | None]:
    if value is None:
        raise BadValue(f"{what} has no value", "no_value", what=what)
    amount = parse_decimal(value.text, f"{what} value")
    currency = (value.get("currency") or b.default_currency or "").strip().upper()
    if not currency:
        raise BadValue(
            f"{what} value has no currency and the activity no default-currency",
            "no_currency",
            what=what,
        )
    if not _CURRENCY.fullmatch(currency):
        raise BadValue(
            f"{what} value has a bad currency {currency!r}",
            "bad_currency",
            what=what,
            currency=currency,
        )
    dated = value.get("value-date")
    value_date = parse_date(dated, f"{what} value-date") if dated else None
    return amount, currency, value_date


def _line_type(
    element: Element, code: str, stage: FinancingStage, kind: FinancingKind
) -> str | None:
    """None where our own export wrote the code a line without a type gets (see elements)."""
    if element.get(_TANDEM_KIND) is not None:
        if stage is FinancingStage.DISBURSED and kind is FinancingKind.INVESTMENT:
            usual = EQUITY_PURCHASE
        else:
            usual = STAGE_TO_TRANSACTION.get(stage, "")
        if code == usual:
            return None
    return TRANSACTION_TYPES[code]


def _period(element: Element, what: str, *, end_required: bool) -> tuple[date, date | None]:
    start = element.find("period-start")
    end = element.find("period-end")
    start_date = parse_date(None if start is None else start.get("iso-date"), f"{what} start")
    if end is None and not end_required:
        return start_date, None
    return start_date, parse_date(None if end is None else end.get("iso-date"), f"{what} end")


def _org(element: Element | None, lang: str) -> OrgRef | None:
    if element is None:
        return None
    return OrgRef(
        names=text_of(element, lang),
        ref=element.get("ref") or None,
        type_code=element.get("type") or None,
    )


def budget(element: Element, b: Builder) -> None:
    kind = _kind(element, b, None, None)
    start_date, end_date = _period(element, "budget period", end_required=True)
    amount, currency, value_date = _value(element.find("value"), b, "budget")
    b.add_financing(
        element,
        FinancingRecord(
            kind=kind,
            stage=FinancingStage.PLANNED,
            amount=amount,
            currency=currency,
            date=start_date,
            period_end=end_date,
            line_type=None if element.get(_TANDEM_KIND) else BUDGET,
            value_date=value_date if value_date != start_date else None,
        ),
    )


def planned_disbursement(element: Element, b: Builder) -> None:
    kind = _kind(element, b, None, None)
    start_date, end_date = _period(element, "planned-disbursement period", end_required=False)
    amount, currency, value_date = _value(element.find("value"), b, "planned-disbursement")
    b.add_financing(
        element,
        FinancingRecord(
            kind=kind,
            stage=FinancingStage.PLANNED,
            amount=amount,
            currency=currency,
            date=start_date,
            period_end=end_date,
            provider=_org(element.find("provider-org"), b.lang),
            receiver=_org(element.find("receiver-org"), b.lang),
            line_type=PLANNED_DISBURSEMENT,
            value_date=value_date if value_date != start_date else None,
        ),
    )


def _children(element: Element) -> dict[str, Element]:
    """First child of each name, in one pass (cheaper than one ``find`` per name)."""
    parts: dict[str, Element] = {}
    for child in element:
        tag = child.tag
        if type(tag) is str and tag not in parts:
            parts[tag] = child
    return parts


def _code(element: Element | None) -> str | None:
    return None if element is None else element.get("code")


def transaction(element: Element, b: Builder) -> None:
    parts = _children(element)
    written = (_code(parts.get("transaction-type")) or "").strip()
    code = LETTER_TRANSACTION_CODES.get(written.upper(), written)
    stage = TRANSACTION_TO_STAGE.get(code)
    if stage is None:
        raise BadValue(
            f"transaction of unknown type {written!r}", "unknown_transaction_type", type=written
        )
    amount, currency, value_date = _value(parts.get("value"), b, "transaction")
    date_el = parts.get("transaction-date")
    dated = None if date_el is None else date_el.get("iso-date")
    if dated is None and value_date is not None:
        when = value_date  # no transaction-date: the value date is the only date there is
    else:
        when = parse_date(dated, "transaction-date")
    flow = _code(parts.get("flow-type"))
    finance = _code(parts.get("finance-type"))
    kind = _kind(element, b, flow, finance)
    default_flow, default_finance = KIND_DEFAULTS.get(kind, (None, None))
    description = parts.get("description")
    b.add_financing(
        element,
        FinancingRecord(
            kind=kind,
            stage=stage,
            amount=amount,
            currency=currency,
            date=when,
            provider=_org(parts.get("provider-org"), b.lang),
            receiver=_org(parts.get("receiver-org"), b.lang),
            descriptions={} if description is None else text_of(description, b.lang),
            flow_type=flow if flow and flow != default_flow else None,
            finance_type=finance if finance and finance != default_finance else None,
            line_type=_line_type(element, code, stage, kind),
            value_date=value_date if value_date != when else None,
        ),
    )
