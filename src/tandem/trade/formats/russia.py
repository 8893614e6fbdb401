"""Russia's customs statistics (FTS, by ТН ВЭД code): one row per period, direction, country
and 10-digit commodity code; values in US dollars.

Columns (Russian, the FTS open-data Latin names, or the English names of the FTS regional
files): НАПР/napr/DIRECTION (ЭК or EXP exports, ИМ or IMP imports), ПЕРИОД/PERIOD (2019,
2019-03, 03/2019 or 201903), СТРАНА/strana/COUNTRY (ISO alpha-2), ТНВЭД/tnved/HS,
ЕДИЗМ/edizm/UM, СТОИМ/stoim/VALUE (US dollars), НЕТТО/netto/NETWEIGHT (kg), КОЛ/kol/QUANTITY
(in ЕДИЗМ). Other columns (REGION, REGION_S …) are ignored: a regional file's rows are each
one region's trade, added together. Decimal commas are accepted. The reporter is Russia.
"""

from __future__ import annotations

from collections.abc import Callable, Container

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
    "flow": ("НАПР", "napr", "DIRECTION", "НАПРАВЛЕНИЕ"),
    "period": ("ПЕРИОД", "period"),
    "country": ("СТРАНА", "strana", "COUNTRY"),
    "code": ("ТНВЭД", "tnved", "ТН ВЭД", "HS", "КОД ТН ВЭД"),
    "unit": ("ЕДИЗМ", "edizm", "UM", "ЕД. ИЗМ."),
    "value": ("СТОИМ", "stoim", "СТОИМ USD", "VALUE", "СТОИМОСТЬ"),
    "net": ("НЕТТО", "netto", "NETWEIGHT", "ВЕС НЕТТО"),
    "quantity": ("КОЛ", "kol", "QUANTITY", "КОЛИЧЕСТВО"),
}
REQUIRED = (("flow",), ("period",), ("country",), ("code",), ("value",))
FLOWS = {
    "ЭК": EXPORTS,
    "ЭКСПОРТ": EXPORTS,
    "EXP": EXPORTS,
    "EX": EXPORTS,
    "EXPORT": EXPORTS,
    "ИМ": IMPORTS,
    "ИМПОРТ": IMPORTS,
    "IMP": IMPORTS,
    "IM": IMPORTS,
    "IMPORT": IMPORTS,
}


def _period(text: str) -> tuple[int, int | None]:
    if "/" in text:
        month, _, year = text.partition("/")
        return year_of("ПЕРИОД", year), month_of("ПЕРИОД", month)
    if "-" in text:
        year, _, month = text.partition("-")
        return year_of("ПЕРИОД", year), month_of("ПЕРИОД", month)
    if len(text) == 6 and text.isdigit():
        return year_of("ПЕРИОД", text[:4]), month_of("ПЕРИОД", text[4:])
    return year_of("ПЕРИОД", text), None


def parse(cell: Callable[[str], str], known: Container[str]) -> Flow:
    flow = FLOWS.get(cell("flow").upper())
    if flow is None:
        raise RowError(
            f"column НАПР: '{cell('flow')[:10]}' is not ЭК/EXP (export) or ИМ/IMP (import)",
            code="not_a_direction",
            column="НАПР",
            value=cell("flow")[:10],
            allowed="ЭК/EXP, ИМ/IMP",
        )
    year, month = _period(cell("period"))
    partner = cell("country").upper()
    if not (len(partner) == 2 and partner.isascii() and partner.isalpha()):
        raise RowError(
            f"column СТРАНА: '{partner[:10]}' is not an ISO alpha-2 country code",
            code="unknown_country",
            column="СТРАНА",
            value=partner[:10],
        )
    code, national = hs_code("ТНВЭД", cell("code"), known)
    quantity = optional_number("КОЛ", cell("quantity"), comma_decimal=True)
    unit = cell("unit")
    if quantity is None:
        quantity = optional_number("НЕТТО", cell("net"), comma_decimal=True)
        unit = "kg" if quantity is not None else ""
    return Flow(
        year=year,
        month=month,
        reporter="RU",
        partner=partner,
        direction=flow,
        hs_code=code,
        national_code=national if national != code else "",
        value=number("СТОИМ", cell("value"), comma_decimal=True),
        currency="USD",
        quantity=quantity,
        unit=unit[:20],
    )
