"""Readers for ``<budget>`` and ``<transaction>`` (financing lines)."""

from __future__ import annotations

from decimal import Decimal

from .. import codelists
from ..mapping import KIND_DEFAULTS, TRANSACTION_TO_STAGE, kind_from_codes
from ..records import FinancingKind, FinancingRecord, FinancingStage, OrgRef
from .base import BadValue, Builder, Element, parse_date, parse_decimal, tandem, text_of

_TANDEM_KIND = tandem("kind")


def _kind(element: Element, b: Builder, flow: str | None, finance: str | None) -> FinancingKind:
    ours = element.get(_TANDEM_KIND)
    if ours is not None:
        try:
            return FinancingKind(ours)
        except ValueError:
            b.warn(element, f"unknown tandem:kind {ours!r}")
    kind = kind_from_codes(flow or b.default_flow, finance or b.default_finance)
    if kind is None:
        raise LookupError(f"flow type {flow!r} / finance type {finance!r}")
    return kind


def _value(
    element: Element, value: Element | None, b: Builder, what: str
) -> tuple[Decimal, str] | None:
    if value is None:
        raise BadValue(f"{what} has no value")
    amount = parse_decimal(value.text, f"{what} value")
    currency = value.get("currency") or b.default_currency
    if not currency:
        raise BadValue(f"{what} value has no currency and the activity no default-currency")
    if currency not in codelists.load("Currency"):
        b.warn(element, f"{what} in {currency} was left out (not a programme currency)")
        return None
    return amount, currency


def _org(element: Element | None, lang: str) -> OrgRef | None:
    if element is None:
        return None
    return OrgRef(
        names=text_of(element, lang),
        ref=element.get("ref") or None,
        type_code=element.get("type") or None,
    )


def budget(element: Element, b: Builder) -> None:
    try:
        kind = _kind(element, b, None, None)
    except LookupError:
        b.warn(element, "budget of unknown instrument (no tandem:kind or default types) left out")
        return
    start = element.find("period-start")
    end = element.find("period-end")
    start_date = parse_date(None if start is None else start.get("iso-date"), "budget period-start")
    end_date = parse_date(None if end is None else end.get("iso-date"), "budget period-end")
    money = _value(element, element.find("value"), b, "budget")
    if money is None:
        return
    amount, currency = money
    b.add_financing(
        element,
        FinancingRecord(
            kind=kind,
            stage=FinancingStage.PLANNED,
            amount=amount,
            currency=currency,
            date=start_date,
            period_end=end_date,
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
    code = _code(parts.get("transaction-type"))
    stage = TRANSACTION_TO_STAGE.get(code or "")
    if stage is None:
        b.warn(element, f"transaction of type {code!r} was left out (not a financing line)")
        return
    date_el = parts.get("transaction-date")
    when = parse_date(None if date_el is None else date_el.get("iso-date"), "transaction-date")
    flow = _code(parts.get("flow-type"))
    finance = _code(parts.get("finance-type"))
    try:
        kind = _kind(element, b, flow, finance)
    except LookupError as exc:
        b.warn(element, f"transaction of unknown instrument ({exc}) was left out")
        return
    money = _value(element, parts.get("value"), b, "transaction")
    if money is None:
        return
    amount, currency = money
    default_flow, default_finance = KIND_DEFAULTS[kind]
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
        ),
    )
