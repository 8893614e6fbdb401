"""The three file formats read by the pure reader: encodings, columns, and refusals."""

import io
from decimal import Decimal
from pathlib import Path

import pytest

from tandem.trade.formats import FileRejectedError, Flow, FlowReader

pytestmark = pytest.mark.unit

KNOWN = {"27", "2709", "270900", "03", "0303", "030311", "847130", "870323", "8703"}


def read(raw: bytes, file_format: str | None) -> tuple[FlowReader, list[tuple[int, Flow | str]]]:
    reader = FlowReader(io.BytesIO(raw), file_format, KNOWN)
    return reader, list(reader.rows())


def test_comtrade_csv_with_bom_skips_world_and_re_exports(data_dir: Path) -> None:
    reader, rows = read((data_dir / "comtrade_sample.csv").read_bytes(), None)
    flows = [item for _, item in rows if isinstance(item, Flow)]
    assert reader.file_format == "comtrade" and reader.encoding_label == "UTF-8 with BOM"
    assert len(flows) == 6 and len(rows) == 6
    assert reader.skipped == {
        "partner World": 1,
        "re-exports, re-imports and other special flows": 1,
    }
    first = flows[0]
    assert (first.year, first.month, first.reporter, first.partner, first.direction) == (
        2019, None, "RU", "JP", "X",
    )  # fmt: skip
    assert (first.hs_code, first.value, first.currency, first.unit) == (
        "270900", Decimal(600000000), "USD", "kg",
    )  # fmt: skip


def test_japan_customs_csv_in_shift_jis_is_read_in_thousand_yen(data_dir: Path) -> None:
    reader, rows = read((data_dir / "japan_sample.csv").read_bytes(), "japan")
    flows = [item for _, item in rows if isinstance(item, Flow)]
    assert reader.encoding_label == "CP932"
    assert [f.direction for f in flows] == ["X", "X", "M", "M"]
    cars = flows[0]
    assert (cars.reporter, cars.partner, cars.hs_code, cars.national_code) == (
        "JP", "RU", "870323", "870323100",
    )  # fmt: skip
    assert cars.value == Decimal(43_600_000_000) and cars.currency == "JPY"
    assert (cars.quantity, cars.unit) == (Decimal(20000), "NO")
    assert (flows[3].quantity, flows[3].unit) == (Decimal(20_000_000), "KG")


def test_russia_fts_csv_in_cp1251_with_semicolons_and_decimal_commas(data_dir: Path) -> None:
    reader, rows = read((data_dir / "russia_sample.csv").read_bytes(), None)
    flows = [item for _, item in rows if isinstance(item, Flow)]
    assert reader.file_format == "russia" and reader.encoding_label == "CP1251"
    assert flows[1].value == Decimal("150000000.50")
    assert flows[0].national_code == "2709009000" and flows[0].hs_code == "270900"
    assert (flows[0].quantity, flows[0].unit) == (Decimal(1_500_000_000), "kg")
    assert (flows[2].quantity, flows[2].unit) == (Decimal(1000), "ШТ")
    assert flows[3].direction == "M"


def test_monthly_periods_in_each_format() -> None:
    _, rows = read(b"period,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"
                   b"201903,643,392,X,270900,5\n", "comtrade")  # fmt: skip
    assert rows[0][1].month == 3  # type: ignore[union-attr]
    raw = "НАПР;ПЕРИОД;СТРАНА;ТНВЭД;СТОИМ\nЭК;03/2019;JP;2709009000;1\nИМ;2019-04;JP;2709;1\n"
    _, rows = read(raw.encode("utf-8"), "russia")
    assert rows[0][1].month == 3  # type: ignore[union-attr]
    assert "one level of detail" in str(rows[1][1])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_formula.csv", "Row 3: column primaryValue: '=HYPERLINK("),
        ("bad_number.csv", "Row 3: column primaryValue: '12abc' is not a number."),
        ("bad_hs_code.csv", "Row 3: column cmdCode: HS code 270999 is not in the HS list"),
        ("bad_russia_direction.csv",
         "Row 3: column НАПР: 'ТР' is not ЭК/EXP (export) or ИМ/IMP (import)."),
        ("bad_japan_country.csv", "Row 3: column 国: '999' is not a country code tandem knows."),
    ],
)  # fmt: skip
def test_malformed_rows_give_one_line_errors_with_the_row(
    data_dir: Path, name: str, message: str
) -> None:
    _, rows = read((data_dir / name).read_bytes(), None)
    errors = [item for _, item in rows if isinstance(item, str)]
    assert len(errors) == 1
    assert errors[0].startswith(message)


def test_whole_file_refusals() -> None:
    with pytest.raises(FileRejectedError, match="could not be told"):
        read(b"year,country,code,value\n2019,JP,270900,100\n", None)
    with pytest.raises(FileRejectedError, match="lacks the columns: cmdCode"):
        read(b"refYear,reporterCode,partnerCode,flowCode,primaryValue\n", "comtrade")
    with pytest.raises(FileRejectedError, match="empty"):
        read(b"", "comtrade")
    with pytest.raises(FileRejectedError, match="not in UTF-8"):
        read(b"refYear,cmdCode\n\x81\xff\x00\xfe", "japan")
    with pytest.raises(FileRejectedError, match="Unknown format"):
        read(b"x", "excel")


def test_negative_values_and_bad_years_are_refused() -> None:
    raw = (
        b"refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"
        b"2019,643,392,X,270900,-5\n19,643,392,X,270900,5\n2019,643,999,X,270900,5\n"
        b"2019,643,392,Z,270900,5\n"
    )
    _, rows = read(raw, "comtrade")
    assert [item for _, item in rows] == [
        "Row 2: column primaryValue: '-5' is not a number of 0 or more.",
        "Row 3: column period: '19' is not a year.",
        "Row 4: partner '999' is not a country tandem knows (M49 or ISO3).",
        "Row 5: column flowCode: 'Z' is not X (export) or M (import).",
    ]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("japan_wide_sample.csv", "CP932"), ("japan_wide_sample_en.csv", "UTF-8")],
)
def test_japan_customs_wide_layout_becomes_one_flow_per_month_with_trade(
    data_dir: Path, name: str, encoding: str
) -> None:
    """The Customs' download: the year and the twelve months side by side in one row."""
    reader, rows = read((data_dir / name).read_bytes(), None)
    flows = [item for _, item in rows if isinstance(item, Flow)]
    assert reader.file_format == "japan" and reader.encoding_label == encoding
    assert [item for _, item in rows if isinstance(item, str)] == []
    # Cars exported in January and February; crude oil imported in March and April only;
    # the year's totals are not added to the months; the row without trade is left out.
    assert [(f.direction, f.hs_code, f.month, f.value) for f in flows] == [
        ("X", "870323", 1, Decimal(10_900_000_000)),
        ("X", "870323", 2, Decimal(21_800_000_000)),
        ("M", "270900", 3, Decimal(34_880_000_000)),
        ("M", "270900", 4, Decimal(34_880_000_000)),
    ]
    assert {(f.reporter, f.partner, f.currency, f.year) for f in flows} == {
        ("JP", "RU", "JPY", 2019)
    }
    assert (flows[0].quantity, flows[0].unit, flows[0].national_code) == (1000, "NO", "870323100")
    assert reader.skipped == {"rows without trade (every value 0)": 1}


def test_japan_wide_row_with_a_bad_month_names_the_column() -> None:
    header = "Exp or Imp,Year,HS,Country,Unit1,Unit2,Value-Year,Value-Jan,Value-Feb\n"
    _reader, rows = read((header + "1,2019,870323100,224,NO,KG,5,5,x\n").encode(), "japan")
    assert rows == [(2, "Row 2: column Value-Feb: 'x' is not a number.")]
