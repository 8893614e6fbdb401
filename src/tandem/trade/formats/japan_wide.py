"""Japan's trade statistics (Customs, 普通貿易統計) as the Customs' download gives them: one
row per direction, country and statistical code, with the year's and each month's quantities
and value side by side (values in thousand yen).

Columns: Exp or Imp/輸出入, Year/年, HS, Country/国, Unit1/単位1, Unit2/単位2, then for the
year and for each month Quantity1-…, Quantity2-…, Value-… (``Value-Year``, ``Value-Jan`` …
``Value-Dec``; in Japanese 金額(年), 金額(1月) … 金額(12月)). A row becomes one flow per
month with a value above zero, so that a year still under way is shown as the months it
covers; a row without monthly values becomes one flow for the whole year. The year's total
is not added to its months (it is their sum).
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import replace

from tandem.trade.formats import japan
from tandem.trade.formats.base import Flow, RowError, SkipRow, number
from tandem.trade.formats.checks import Ledger

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _names(kind: str, japanese: str) -> dict[str, tuple[str, ...]]:
    """The year's and each month's column of one kind (Value, Quantity1, Quantity2)."""
    names: dict[str, tuple[str, ...]] = {
        f"{kind}_0": (
            f"{kind}-Year",
            f"{japanese}(年)",
            f"{japanese}(全期)",
            f"{japanese}-年",
            f"{japanese}（年）",
        )
    }
    for month, short in enumerate(MONTHS, start=1):
        names[f"{kind}_{month}"] = (
            f"{kind}-{short}",
            f"{japanese}({month}月)",
            f"{japanese}-{month}月",
            f"{japanese}（{month}月）",
        )
    return {key.lower(): value for key, value in names.items()}


COLUMNS = {
    "year": japan.COLUMNS["year"],
    "flow": japan.COLUMNS["flow"],
    "country": japan.COLUMNS["country"],
    "hs": japan.COLUMNS["hs"],
    "unit1": japan.COLUMNS["unit1"],
    "unit2": japan.COLUMNS["unit2"],
    **_names("Value", "金額"),
    **_names("Quantity1", "数量1"),
    **_names("Quantity2", "数量2"),
}
REQUIRED = (("year",), ("flow",), ("country",), ("hs",), ("value_0", "value_1"))


def parse_all(cell: Callable[[str], str], known: Container[str], ledger: Ledger) -> list[Flow]:
    """The row's flows: its months with a value, or else its year. Where the row gives both,
    the year's value is checked against the sum of its months (``ledger``)."""
    flows = [
        replace(japan.parse(_period(cell, month), known), month=month)
        for month in range(1, 13)
        if _positive(f"Value-{MONTHS[month - 1]}", cell(f"value_{month}"))
    ]
    if flows:
        if cell("value_0"):
            first = flows[0]
            key = (first.year, None, first.reporter, first.partner, first.direction)
            months = sum((flow.value for flow in flows), start=japan.THOUSAND * 0)
            year_value = number("Value-Year", cell("value_0")) * japan.THOUSAND
            ledger.add_months(key, year_value, months)
        return flows
    if not cell("value_0"):
        raise RowError("no value for the year or for any month", code="no_value")
    if not _positive("Value-Year", cell("value_0")):
        raise SkipRow("rows without trade (every value 0)")
    return [japan.parse(_period(cell, 0), known)]


def _positive(column: str, text: str) -> bool:
    return bool(text) and number(column, text) > 0


def _period(cell: Callable[[str], str], month: int) -> Callable[[str], str]:
    """The row seen as a long-form row of one period (the long form's parser reads it)."""
    columns = {
        "month": "",
        "value": f"value_{month}",
        "quantity1": f"quantity1_{month}",
        "quantity2": f"quantity2_{month}",
    }

    def read(logical: str) -> str:
        found = columns.get(logical)
        if found is None:
            return cell(logical)
        return cell(found) if found else ""

    return read
