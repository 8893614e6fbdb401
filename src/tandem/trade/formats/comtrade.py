"""UN Comtrade CSV: Comtrade Plus (the current API's 47 columns), the API/bulk CSV, and the
legacy Comtrade downloads (``Trade Flow Code``, ``Trade Value (US$)``, ``TradeValueUS``,
``Value`` …).

Values are US dollars (``primaryValue``); countries are M49 numbers or ISO alpha-3 codes.
Rows with the partner World and re-exports/re-imports are skipped and counted. Totals and
their parts (``checks``): a row is a total row when its second partner is World (0), its
customs procedure C00 and its mode of transport 0 (or the columns are absent); any other row
is a breakdown of that total, checked against it and never imported. ``TOTAL`` commodity
rows are checked against the HS level imported, never imported; when a file holds several
HS levels, one of them is imported (``checks.Survey.plan``) and the others are checked.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from tandem.trade.formats import countries
from tandem.trade.formats.base import (
    EXPORTS,
    IMPORTS,
    Flow,
    RowError,
    SkipRow,
    hs_code,
    month_of,
    number,
    optional_number,
    year_of,
)
from tandem.trade.formats.checks import Ledger, Part, RawKey, Survey
from tandem.trade.formats.columns import Layout

COLUMNS = {
    "period": ("period", "Period"),
    "year": ("refYear", "Year", "yr"),
    "month": ("refMonth",),
    "freq": ("freqCode",),
    "reporter_code": ("reporterCode", "Reporter Code", "rtCode"),
    "reporter_iso": ("reporterISO", "Reporter ISO", "rt3ISO"),
    "partner_code": ("partnerCode", "Partner Code", "ptCode"),
    "partner_iso": ("partnerISO", "Partner ISO", "pt3ISO"),
    "partner2": ("partner2Code", "2nd Partner Code", "ptCode2"),
    "customs": ("customsCode", "Customs Proc. Code", "cstCode"),
    "transport": ("motCode", "Mode of Transport Code"),
    "flow": ("flowCode", "Trade Flow Code", "rgCode"),
    "commodity": ("cmdCode", "Commodity Code"),
    "value": ("primaryValue", "Trade Value (US$)", "TradeValueUS", "TradeValue", "Value"),
    "quantity": ("qty", "Qty", "TradeQuantity"),
    "unit": ("qtyUnitAbbr", "Qty Unit"),
}
REQUIRED = (
    ("period", "year"),
    ("reporter_code", "reporter_iso"),
    ("partner_code", "partner_iso"),
    ("flow",),
    ("commodity",),
    ("value",),
)
FLOWS = {"X": EXPORTS, "M": IMPORTS, "2": EXPORTS, "1": IMPORTS}
SKIPPED_FLOWS = {"RX", "RM", "3", "4", "DX", "FM", "MIP", "MOP", "XIP", "XOP"}
TOTAL_CODES = ("TOTAL", "AG2", "ALL")
# The codes that mean "all" in each breakdown dimension (an empty cell too).
ALL_OF = {
    "partner2": ("0", "W00", "WLD", "WORLD"),
    "customs": ("C00",),
    "transport": ("0", "00", "TOTAL"),
}
BREAKDOWNS = tuple(ALL_OF)
SKIP_TOTAL = "commodity TOTAL (checked against the rows it adds up to, not added)"
SKIP_LEVEL = "rows at another HS level (checked against the level imported, not added)"
SKIP_BREAKDOWN = (
    "breakdown rows by second partner, customs procedure or mode of transport "
    "(checked against their total row, not added)"
)

_COUNTRIES: dict[tuple[str, str], str | None] = {}


def _country(cell: Callable[[str], str], role: str) -> str:
    code, iso = cell(f"{role}_code"), cell(f"{role}_iso")
    key = (code, iso)
    if key in _COUNTRIES:
        found = _COUNTRIES[key]
    else:
        found = (countries.from_iso3(iso) if iso else None) or (
            countries.from_m49(code) if code.isdigit() else None
        )
        if len(_COUNTRIES) < 10_000:
            _COUNTRIES[key] = found
    if found is None:
        raise RowError(
            f"{role} '{iso or code}' is not a country tandem knows (M49 or ISO3)",
            code="unknown_country",
            column=role,
            value=iso or code,
        )
    return found


def breakdown_of(cell: Callable[[str], str]) -> tuple[str, ...]:
    """The dimensions in which the row is a part rather than the total (empty for a total)."""
    return tuple(
        name
        for name in BREAKDOWNS
        if (text := cell(name).upper()) and text.lstrip("0") and text not in ALL_OF[name]
    )


def raw_key(cell: Callable[[str], str]) -> RawKey:
    """The row's commodity key as written (to pair breakdown rows with their total row)."""
    return (
        cell("period") or cell("year"),
        cell("month"),
        cell("reporter_code") or cell("reporter_iso"),
        cell("partner_code") or cell("partner_iso"),
        cell("flow").upper(),
        cell("commodity").upper(),
    )


def _level(commodity: str) -> int:
    if commodity.upper() in TOTAL_CODES:
        return 0
    return len(commodity.replace(".", "").replace(" ", ""))


def surveyor(layout: Layout, survey: Survey) -> Callable[[Sequence[str]], None]:
    """First reading: a function noting each row's HS level and code, or its breakdown. It
    reads the few cells it needs by position (a million rows take about a second)."""
    commodity_at = layout.index["commodity"] or 0  # a required column: never None here
    breakdown_at = [i for name in BREAKDOWNS if (i := layout.index[name]) is not None]
    levels = survey.levels

    def note(row: Sequence[str]) -> None:
        size = len(row)
        for i in breakdown_at:
            if i < size and row[i].strip() not in ("", "0", "C00"):
                cell = layout.reader(row)
                if breakdown_of(cell):
                    survey.breakdown_keys.add(raw_key(cell))
                    return
                break
        commodity = row[commodity_at].strip() if commodity_at < size else ""
        if not commodity:
            return  # an empty row, or one the second reading will refuse
        level = len(commodity) if commodity.isdigit() else _level(commodity)
        levels[level].add(commodity if level else "TOTAL")

    return note


def _period(cell: Callable[[str], str]) -> tuple[int, int | None]:
    period = cell("period") or cell("year")
    if len(period) == 6 and period.isdigit():
        return year_of("period", period[:4]), month_of("period", period[4:])
    month = month_of("refMonth", cell("month")) if cell("freq").upper() == "M" else None
    return year_of("period", period), month


def parse(cell: Callable[[str], str], known: Container[str], ledger: Ledger) -> Flow | Part:
    """The row's flow, or the part of a total it is (TOTAL, another level, a breakdown)."""
    year, month = _period(cell)
    flow_code = cell("flow").upper()
    if flow_code in SKIPPED_FLOWS:
        raise SkipRow("re-exports, re-imports and other special flows")
    if flow_code not in FLOWS:
        raise RowError(
            f"column flowCode: '{flow_code[:10]}' is not X (export) or M (import)",
            code="not_a_direction",
            column="flowCode",
            value=flow_code[:10],
            allowed="X, M",
        )
    reporter = _country(cell, "reporter")
    partner = _country(cell, "partner")
    if partner == countries.WORLD:
        raise SkipRow("partner World")
    key = (year, month, reporter, partner, FLOWS[flow_code])
    commodity = cell("commodity")
    value = number("primaryValue", cell("value"))
    plan = ledger.plan
    breakdown = breakdown_of(cell) if plan.breakdown_keys else ()
    level = len(commodity) if commodity.isdigit() else _level(commodity)
    if breakdown or level == 0 or (plan.level is not None and level != plan.level):
        if level and not commodity.isdigit():
            raise RowError(
                f"column cmdCode: '{commodity[:20]}' is not an HS code",
                code="not_an_hs_code",
                column="cmdCode",
                value=commodity[:20],
            )
        return Part(key, raw_key(cell), level, value, breakdown)
    code, national = hs_code("cmdCode", commodity, known)
    if plan.checks_parts:
        ledger.add(Part(key, raw_key(cell), len(code), value), 0)
    return Flow(
        year=year,
        month=month,
        reporter=reporter,
        partner=partner,
        direction=FLOWS[flow_code],
        hs_code=code,
        national_code=national if national != code else "",
        value=value,
        currency="USD",
        quantity=optional_number("qty", cell("quantity")),
        unit=cell("unit")[:20],
    )


def skip_reason(part: Part) -> str:
    if part.breakdown:
        return SKIP_BREAKDOWN
    return SKIP_TOTAL if part.level == 0 else SKIP_LEVEL
