"""Japan's trade statistics (Customs, 普通貿易統計), long form: one row per year or month,
direction, country and 9-digit statistical code; values in thousand yen.

Columns (Japanese or English names): 年/Year, 月/Month (empty or 0 for the whole year),
輸出入/Exp or Imp (1 or 輸出 exports, 2 or 輸入 imports), 国/Country (the Customs' country
code, 224 for Russia, or ISO alpha-2), HS (9 digits; 6 also accepted), 単位1/Unit1,
数量1/Quantity1, 単位2/Unit2, 数量2/Quantity2, 金額/Value (thousand yen). The reporter is
Japan.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from decimal import Decimal

from tandem.trade.formats import countries
from tandem.trade.formats.base import (
    EXPORTS,
    IMPORTS,
    Flow,
    RowError,
    hs_code,
    month_of,
    number,
    optional_number,
    year_of,
)

COLUMNS = {
    "year": ("年", "Year"),
    "month": ("月", "Month"),
    "flow": ("輸出入", "Exp or Imp", "輸出入区分"),
    "country": ("国", "Country", "国コード"),
    "hs": ("HS", "統計品目番号", "品目コード"),
    "unit1": ("単位1", "Unit1"),
    "quantity1": ("数量1", "Quantity1"),
    "unit2": ("単位2", "Unit2"),
    "quantity2": ("数量2", "Quantity2"),
    "value": ("金額", "Value", "金額(千円)"),
}
REQUIRED = (("year",), ("flow",), ("country",), ("hs",), ("value",))
FLOWS = {
    "1": EXPORTS,
    "輸出": EXPORTS,
    "EXP": EXPORTS,
    "2": IMPORTS,
    "輸入": IMPORTS,
    "IMP": IMPORTS,
}
THOUSAND = Decimal(1000)


def parse(cell: Callable[[str], str], known: Container[str]) -> Flow:
    year = year_of("年", cell("year"))
    month = month_of("月", cell("month"))
    flow = FLOWS.get(cell("flow").upper())
    if flow is None:
        raise RowError(
            f"column 輸出入: '{cell('flow')[:10]}' is not 1 (輸出) or 2 (輸入)",
            code="not_a_direction",
            column="輸出入",
            value=cell("flow")[:10],
            allowed="1 (輸出), 2 (輸入)",
        )
    partner = countries.from_japan_customs(cell("country"))
    if partner is None:
        raise RowError(
            f"column 国: '{cell('country')[:10]}' is not a country code tandem knows",
            code="unknown_country",
            column="国",
            value=cell("country")[:10],
        )
    code, national = hs_code("HS", cell("hs"), known)
    quantity = optional_number("数量1", cell("quantity1"))
    unit = cell("unit1")
    if quantity is None or not unit:
        quantity, unit = optional_number("数量2", cell("quantity2")), cell("unit2")
    return Flow(
        year=year,
        month=month,
        reporter="JP",
        partner=partner,
        direction=flow,
        hs_code=code,
        national_code=national if national != code else "",
        value=number("金額", cell("value")) * THOUSAND,
        currency="JPY",
        quantity=quantity,
        unit=unit[:20],
    )
