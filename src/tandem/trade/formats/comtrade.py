"""UN Comtrade CSV: the column names of the Comtrade API/bulk CSV (and of the legacy bulk CSV).

Values are US dollars (``primaryValue``); countries are M49 numbers or ISO alpha-3 codes.
Rows with the partner World, re-exports/re-imports and commodity TOTAL are skipped (they
would count the same trade twice) and counted in the preview.
"""

from __future__ import annotations

from collections.abc import Callable, Container

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

COLUMNS = {
    "period": ("period",),
    "year": ("refYear", "Year"),
    "month": ("refMonth",),
    "freq": ("freqCode",),
    "reporter_code": ("reporterCode", "Reporter Code"),
    "reporter_iso": ("reporterISO", "Reporter ISO"),
    "partner_code": ("partnerCode", "Partner Code"),
    "partner_iso": ("partnerISO", "Partner ISO"),
    "flow": ("flowCode", "Trade Flow Code"),
    "commodity": ("cmdCode", "Commodity Code"),
    "value": ("primaryValue", "Trade Value (US$)"),
    "quantity": ("qty", "Qty"),
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
        raise RowError(f"{role} '{iso or code}' is not a country tandem knows (M49 or ISO3)")
    return found


def parse(cell: Callable[[str], str], known: Container[str]) -> Flow:
    period = cell("period") or cell("year")
    if len(period) == 6 and period.isdigit():
        year, month = year_of("period", period[:4]), month_of("period", period[4:])
    else:
        year = year_of("period", period)
        month = month_of("refMonth", cell("month")) if cell("freq").upper() == "M" else None
    flow_code = cell("flow").upper()
    if flow_code in SKIPPED_FLOWS:
        raise SkipRow("re-exports, re-imports and other special flows")
    if flow_code not in FLOWS:
        raise RowError(f"column flowCode: '{flow_code[:10]}' is not X (export) or M (import)")
    commodity = cell("commodity")
    if commodity.upper() in ("TOTAL", "AG2", "ALL"):
        raise SkipRow("commodity TOTAL")
    reporter = _country(cell, "reporter")
    partner = _country(cell, "partner")
    if partner == countries.WORLD:
        raise SkipRow("partner World")
    code, national = hs_code("cmdCode", commodity, known)
    return Flow(
        year=year,
        month=month,
        reporter=reporter,
        partner=partner,
        direction=FLOWS[flow_code],
        hs_code=code,
        national_code=national if national != code else "",
        value=number("primaryValue", cell("value")),
        currency="USD",
        quantity=optional_number("qty", cell("quantity")),
        unit=cell("unit")[:20],
    )
