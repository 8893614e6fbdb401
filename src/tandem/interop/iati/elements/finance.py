"""``<budget>`` (planned financing lines) and ``<transaction>`` (the others).

The schema puts all budgets before all transactions; ``tandem:line`` keeps each line's position
in the record so that the import gives the lines back in the same order.

See :mod:`tandem.interop.iati.mapping` for the stage -> transaction type table and the
flow/finance type defaults of each kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..mapping import (
    BUDGET,
    EQUITY_PURCHASE,
    KIND_DEFAULTS,
    PLANNED_DISBURSEMENT,
    STAGE_TO_TRANSACTION,
    TANDEM_NS,
    TRANSACTION_CODES,
)
from ..records import ActivityRecord, FinancingKind, FinancingRecord, FinancingStage, OrgRef
from .base import Element, ExportContext, SubElement, decimal_text, iso, narratives

_KIND = f"{{{TANDEM_NS}}}kind"
_LINE = f"{{{TANDEM_NS}}}line"
_CURRENCY = re.compile(r"[A-Z]{3}")
_PERIODIC = (BUDGET, PLANNED_DISBURSEMENT)


def _value(parent: Element, line: FinancingRecord, ctx: ExportContext) -> None:
    if not _CURRENCY.fullmatch(line.currency):
        raise ctx.fail(
            f"currency {line.currency!r} is not an ISO 4217 code",
            "export_currency",
            currency=line.currency,
        )
    valued = line.value_date or line.date
    value = SubElement(parent, "value", {"currency": line.currency, "value-date": iso(valued)})
    value.text = decimal_text(line.amount, ctx, "amount")


def budget(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Budgets (and planned lines of no stated type): original (1), indicative (1)."""
    for number, line in enumerate(activity.financing):
        untyped_plan = line.line_type is None and line.stage is FinancingStage.PLANNED
        if line.line_type != BUDGET and not untyped_plan:
            continue
        if line.period_end is None:
            raise ctx.fail(
                f"budget of {line.date} needs a period end",
                "export_budget_period",
                date=line.date.isoformat(),
            )
        attrs = {"type": "1", "status": "1", _KIND: line.kind.value, _LINE: str(number)}
        element = SubElement(parent, "budget", attrs)
        SubElement(element, "period-start", {"iso-date": iso(line.date)})
        SubElement(element, "period-end", {"iso-date": iso(line.period_end)})
        _value(element, line, ctx)


def planned_disbursement(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    for number, line in enumerate(activity.financing):
        if line.line_type != PLANNED_DISBURSEMENT:
            continue
        attrs = {_KIND: line.kind.value, _LINE: str(number)}
        element = SubElement(parent, "planned-disbursement", attrs)
        SubElement(element, "period-start", {"iso-date": iso(line.date)})
        if line.period_end is not None:
            SubElement(element, "period-end", {"iso-date": iso(line.period_end)})
        _value(element, line, ctx)
        _org(element, "provider-org", line.provider)
        _org(element, "receiver-org", line.receiver)


def _transaction_type(line: FinancingRecord) -> str:
    if line.line_type in TRANSACTION_CODES:
        return TRANSACTION_CODES[line.line_type]
    if line.stage is FinancingStage.DISBURSED and line.kind is FinancingKind.INVESTMENT:
        return EQUITY_PURCHASE
    return STAGE_TO_TRANSACTION[line.stage]


def _org(parent: Element, tag: str, org: OrgRef | None) -> None:
    if org is None:
        return
    attrs: dict[str, str] = {}
    if org.ref:
        attrs["ref"] = org.ref
    if org.type_code:
        attrs["type"] = org.type_code
    narratives(SubElement(parent, tag, attrs), org.names)


def _code(
    value: str | None,
    default: str | None,
    known: Mapping[str, object],
    what: str,
    ctx: ExportContext,
) -> str | None:
    """The line's own code, else the default of its kind; a code our code list does not have
    (withdrawn ones such as finance type 411 still appear in files) is left out."""
    if value is None:
        return default
    return value if value in known else None


def transaction(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Pledged, committed and disbursed lines, with flow and finance type."""
    for number, line in enumerate(activity.financing):
        if line.line_type in _PERIODIC or (
            line.line_type is None and line.stage is FinancingStage.PLANNED
        ):
            continue
        type_code = _transaction_type(line)
        element = SubElement(parent, "transaction", {_KIND: line.kind.value, _LINE: str(number)})
        SubElement(element, "transaction-type", code=type_code)
        SubElement(element, "transaction-date", {"iso-date": iso(line.date)})
        _value(element, line, ctx)
        if any(line.descriptions.values()):
            narratives(SubElement(element, "description"), line.descriptions)
        _org(element, "provider-org", line.provider)
        _org(element, "receiver-org", line.receiver)
        default_flow, default_finance = KIND_DEFAULTS.get(line.kind, (None, None))
        flow = _code(line.flow_type, default_flow, ctx.flow_types, "flow type", ctx)
        finance = _code(line.finance_type, default_finance, ctx.finance_types, "finance type", ctx)
        if flow is not None:
            SubElement(element, "flow-type", code=flow)
        if finance is not None:
            SubElement(element, "finance-type", code=finance)
