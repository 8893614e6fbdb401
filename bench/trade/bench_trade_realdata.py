"""Development figures: import the trade files of the real-data corpus and compare each
imported total with the total the file itself states.

    PYTHONPATH=src python bench/trade/bench_trade_realdata.py [--corpus ../shared/realdata/trade]

(`make eval-trade` runs it and gathers the figures into docs/performance.md.) Each file of
the corpus (published by others; see its SOURCES.md) is imported with ``trade_import`` into a
throw-away SQLite database. The file's own totals are read here independently of tandem's
reader: the legacy Comtrade download's ``TOTAL`` rows, the Japan Customs table's
``Value-Year`` columns, the FCS table's ``VALUE`` column. Beside them, the Comtrade Plus
structures the corpus lacks, from the test files written for tandem (tests/data/trade):
every year must equal the file's own total rows. Writes bench/results/trade_realdata.md.
Without the corpus it says so and leaves the earlier figures in place.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "trade_realdata.md"
CORPUS = ROOT.parent / "shared" / "realdata" / "trade"
TESTS = ROOT / "tests" / "data" / "trade"
PLUS_FILES = ("comtrade_plus_breakdowns.csv", "comtrade_plus_breakdown_differs.csv")


def own_totals(path: Path) -> dict[str, Decimal]:
    """The totals the file states, by direction (X, M), in the file's currency unit."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    totals: dict[str, Decimal] = defaultdict(Decimal)
    header = rows[0].keys() if rows else []
    if "Commodity Code" in header:  # legacy Comtrade: the TOTAL rows
        for row in rows:
            if row["Commodity Code"] == "TOTAL":
                totals[{"1": "M", "2": "X"}[row["Trade Flow Code"]]] += Decimal(row["Value"])
    elif "Value-Year" in header:  # Japan Customs, thousand yen
        for row in rows:
            direction = {"1": "X", "2": "M"}[row["Exp or Imp"]]
            totals[direction] += Decimal(row["Value-Year"]) * 1000
    elif "DIRECTION" in header:  # Russia's FCS
        for row in rows:
            totals[{"EXP": "X", "IMP": "M"}[row["DIRECTION"]]] += Decimal(row["VALUE"])
    return dict(totals)


def plus_own_totals(path: Path) -> dict[tuple[int, str, str], Decimal]:
    """A Comtrade Plus file's own total rows by year, reporter and flow."""
    totals: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if (row["partner2Code"], row["customsCode"], row["motCode"]) != ("0", "C00", "0"):
                continue
            if row["partnerCode"] == "0" or row["cmdCode"] == "TOTAL":
                continue
            key = (int(row["refYear"]), row["reporterISO"][:2], row["flowCode"])
            totals[key] += Decimal(row["primaryValue"])
    return dict(totals)


def imported(batch_id: int) -> dict[str, Decimal]:
    from django.db.models import Sum

    from tandem.trade.models import TradeFlow

    rows = TradeFlow.objects.filter(batch_id=batch_id).values("direction")
    return {row["direction"]: row["value"] for row in rows.annotate(value=Sum("value"))}


def import_file(path: Path) -> tuple[Any, float]:
    from tandem.trade.services.imports import trade_import

    start = time.perf_counter()
    with path.open("rb") as stream:
        report = trade_import(stream=stream, file_name=path.name, file_format=None, actor=None)
    return report, time.perf_counter() - start


def corpus_rows(corpus: Path) -> list[str]:
    lines = [
        "| file | format, encoding | rows imported | left out | errors | direction | "
        "imported | the file's own total | difference | checks agreeing | seconds |",
        "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for path in sorted(corpus.glob("*.csv")):
        report, seconds = import_file(path)
        expected = own_totals(path)
        found = imported(report.batch_id) if report.ok else {}
        agreeing = sum(check.agrees for check in report.checks)
        for direction in sorted(expected, reverse=True):
            total, value = expected[direction], found.get(direction, Decimal(0))
            share = (value - total) / total if total else Decimal(0)
            lines.append(
                f"| `{path.name}` | {report.file_format}, {report.encoding} | {report.rows:,} | "
                f"{sum(report.skipped.values()):,} | {report.error_count} | {direction} | "
                f"{value:,.0f} | {total:,.0f} | {value - total:+,.0f} ({share:+.7%}) | "
                f"{agreeing} of {len(report.checks)} | {seconds:.2f} |"
            )
    return lines


def plus_rows() -> tuple[list[str], int, int]:
    lines = [
        "| test file | years | years equal to the file's own total | breakdown rows left out |"
        " checks differing (reported) |",
        "|---|---:|---:|---:|---:|",
    ]
    equal = years = 0
    for name in PLUS_FILES:
        path = TESTS / name
        report, _seconds = import_file(path)
        expected = plus_own_totals(path)
        found: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
        for (year, reporter, _partner, direction), (_n, value) in report.by_year.items():
            found[(year, reporter, direction)] += value
        same = sum(found.get(key) == value for key, value in expected.items())
        equal, years = equal + same, years + len(expected)
        left_out = sum(n for reason, n in report.skipped.items() if reason.startswith("breakdown"))
        differing = sum(not check.agrees for check in report.checks)
        lines.append(f"| `{name}` | {len(expected)} | {same} | {left_out} | {differing} |")
    return lines, equal, years


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(CORPUS))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"The development corpus {corpus} is not there: figures left as they were.")
        return 0
    os.environ["TANDEM_DATA_DIR"] = tempfile.mkdtemp(prefix="tandem-eval-trade-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings.test")
    import django

    django.setup()
    from datetime import date

    from django.core.management import call_command

    from tandem.projects.models import ExchangeRate

    call_command("migrate", verbosity=0)
    call_command("load_default", verbosity=0)
    # Japan's file is in yen: an assumed rate, so that it converts (the figures compared here
    # are in the file's own currency).
    ExchangeRate.objects.create(
        currency="JPY", date=date(2010, 1, 1), per_usd=Decimal(110), source="eval"
    )
    table = corpus_rows(corpus)
    plus, equal, years = plus_rows()
    lines = [
        "## Trade: development figures on the real-data corpus",
        "",
        "Development figures (`make eval-trade`, `bench/trade/bench_trade_realdata.py`): the "
        f"trade files of `../shared/realdata/trade` ({len(list(corpus.glob('*.csv')))} files, "
        "published by others; see SOURCES.md there), each imported into an empty SQLite "
        "database and its imported value compared with the total the file itself states "
        "(read independently: the legacy Comtrade `TOTAL` rows, the Japan Customs "
        "`Value-Year` columns, the FCS `VALUE` column), in the file's currency. The legacy "
        "file holds TOTAL beside every HS level: one level is imported and the others are "
        "checked against TOTAL (the levels differ from it by a few dollars of rounding).",
        "",
        *table,
        "",
        "The corpus has no UN Comtrade Plus download; the Comtrade Plus structures are measured "
        "on the test files written for tandem (47 columns; breakdown rows by second partner, "
        "customs procedure and mode of transport beside their total rows in 2015–2017): "
        f"**{equal} of {years} years equal to the file's own total**.",
        "",
        *plus,
    ]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if equal == years else 1


if __name__ == "__main__":
    sys.exit(main())
