"""``<budget>`` (planned financing lines) and ``<transaction>`` (the others).

The schema puts all budgets before all transactions; ``tandem:line`` keeps each line's position
in the record so that the import gives the lines back in the same order.

See :mod:`tandem.interop.iati.mapping` for the stage -> transaction type table and the
flow/finance type defaults of each kind.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..mapping import EQUITY_PURCHASE, KIND_DEFAULTS, STAGE_TO_TRANSACTION, TANDEM_NS
from ..records import ActivityRecord, FinancingKind, FinancingRecord, FinancingStage, OrgRef
from .base import Element, ExportContext, SubElement, decimal_text, iso, narratives

_KIND = f"{{{TANDEM_NS}}}kind"
_LINE = f"{{{TANDEM_NS}}}line"


def _value(parent: Element, line: FinancingRecord, ctx: ExportContext) -> None:
    if line.currency not in ctx.currencies:
        raise ctx.fail(f"currency {line.currency!r} is not in the Currency code list")
    value = SubElement(parent, "value", {"currency": line.currency, "value-date": iso(line.date)})
    value.text = decimal_text(line.amount, ctx, "amount")


def budget(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Planned lines: original (1), indicative (2) budgets over [date, period_end]."""
    for number, line in enumerate(activity.financing):
        if line.stage is not FinancingStage.PLANNED:
            continue
        if line.period_end is None or line.period_end < line.date:
            raise ctx.fail(f"planned line of {line.date} needs a period end after its start")
        attrs = {"type": "1", "status": "1", _KIND: line.kind.value, _LINE: str(number)}
        element = SubElement(parent, "budget", attrs)
        SubElement(element, "period-start", {"iso-date": iso(line.date)})
        SubElement(element, "period-end", {"iso-date": iso(line.period_end)})
        _value(element, line, ctx)


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
    value: str | None, default: str, known: Mapping[str, object], what: str, ctx: ExportContext
) -> str:
    if value is None:
        return default
    if value not in known:
        raise ctx.fail(f"{what} {value!r} is not in the code list")
    return value


def transaction(parent: Element, activity: ActivityRecord, ctx: ExportContext) -> None:
    """Pledged, committed and disbursed lines, with flow and finance type."""
    for number, line in enumerate(activity.financing):
        if line.stage is FinancingStage.PLANNED:
            continue
        if line.stage is FinancingStage.DISBURSED and line.kind is FinancingKind.INVESTMENT:
            type_code = EQUITY_PURCHASE
        else:
            type_code = STAGE_TO_TRANSACTION[line.stage]
        element = SubElement(parent, "transaction", {_KIND: line.kind.value, _LINE: str(number)})
        SubElement(element, "transaction-type", code=type_code)
        SubElement(element, "transaction-date", {"iso-date": iso(line.date)})
        _value(element, line, ctx)
        if any(line.descriptions.values()):
            narratives(SubElement(element, "description"), line.descriptions)
        _org(element, "provider-org", line.provider)
        _org(element, "receiver-org", line.receiver)
        flow, finance = KIND_DEFAULTS[line.kind]
        flow = _code(line.flow_type, flow, ctx.flow_types, "flow type", ctx)
        finance = _code(line.finance_type, finance, ctx.finance_types, "finance type", ctx)
        SubElement(element, "flow-type", code=flow)
        SubElement(element, "finance-type", code=finance)
