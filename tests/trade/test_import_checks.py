"""Imports of files with totals beside their parts: the database holds each total once, the
preview and the result report how the parts compare, the command prints the preview; and the
development corpus in ../shared/realdata/trade when it is there."""

import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import Sum
from django.test import Client
from django.utils import translation

from tandem.core.models import User
from tandem.projects.models import ExchangeRate
from tandem.trade.models import TradeAggregate, TradeTotal
from tandem.trade.services.imports import ImportReport, trade_import

pytestmark = pytest.mark.integration

REALDATA = Path(
    os.environ.get(
        "TANDEM_REALDATA_TRADE",
        Path(__file__).resolve().parents[3] / "shared" / "realdata" / "trade",
    )
)
PLUS_YEARS = {
    2014: Decimal(5_610_000_020),
    2015: Decimal(6_002_700_020),
    2016: Decimal(6_395_400_020),
    2017: Decimal(6_788_100_020),
    2018: Decimal(7_180_800_020),
}


def run(path: Path, actor: User | None = None, **options: Any) -> ImportReport:
    with path.open("rb") as stream:
        return trade_import(
            stream=stream, file_name=path.name, file_format=None, actor=actor, **options
        )


def test_comtrade_plus_years_in_the_database_equal_the_files_totals(
    data_dir: Path, secretariat: User, hs_code_list: None, nothing_written: Callable[[], bool]
) -> None:
    preview = run(data_dir / "comtrade_plus_breakdowns.csv", secretariat, dry_run=True)
    assert preview.ok and nothing_written()
    assert {key[0]: value for key, (_rows, value) in preview.by_year.items() if key[1] == "RU"} == (
        PLUS_YEARS
    )
    assert preview.warnings == [] and all(agrees for agrees, _ in preview.check_lines)
    report = run(data_dir / "comtrade_plus_breakdowns.csv", secretariat)
    assert report.ok, report.errors
    for year, total in PLUS_YEARS.items():
        stored = TradeAggregate.objects.filter(year=year, reporter="RU", direction="X")
        assert stored.aggregate(value=Sum("value_usd"))["value"] == total
        summary = TradeTotal.objects.filter(year=year, reporter="RU", direction="X")
        assert summary.aggregate(value=Sum("value_usd"))["value"] == total


def test_a_breakdown_that_differs_from_its_total_is_a_warning_in_preview_and_result(
    data_dir: Path, secretariat: User, hs_code_list: None
) -> None:
    path = data_dir / "comtrade_plus_breakdown_differs.csv"
    preview = run(path, secretariat, dry_run=True)
    (warning,) = preview.warnings
    assert warning.startswith("2016 RU→JP exports: the breakdown by second partner adds up to")
    assert "differ by 5,000,000 USD in 1 of 2 commodity codes" in warning
    report = run(path, secretariat)
    assert report.ok and report.warnings == [warning]
    assert (
        TradeAggregate.objects.filter(year=2016, reporter="RU").aggregate(value=Sum("value_usd"))[
            "value"
        ]
        == PLUS_YEARS[2016]
    )


def test_warnings_are_written_in_the_readers_language(
    data_dir: Path, secretariat: User, hs_code_list: None
) -> None:
    with translation.override("ru"):
        report = run(data_dir / "comtrade_plus_breakdown_differs.csv", secretariat, dry_run=True)
    # Numbers are grouped the Russian way (a no-break space) even before the catalogue has
    # the sentence: the line went through gettext and the reader's locale.
    assert "5\xa0000\xa0000 USD" in report.warnings[0]


def test_breakdowns_without_their_total_import_nothing(
    data_dir: Path, secretariat: User, hs_code_list: None, nothing_written: Callable[[], bool]
) -> None:
    report = run(data_dir / "comtrade_plus_breakdown_without_total.csv", secretariat)
    assert not report.ok and "have no total row" in report.errors[0]
    assert nothing_written()


def test_dry_run_prints_the_preview_with_the_checks(
    data_dir: Path,
    hs_code_list: None,
    nothing_written: Callable[[], bool],
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("trade", "import", str(data_dir / "comtrade_legacy_levels.csv"), "--dry-run")
    out = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    assert out[0] == (
        "Would import 7 rows from comtrade_legacy_levels.csv (comtrade, UTF-8), 2019–2019."
    )
    assert "2019 RU→JP exports 5 4,705,000,000 USD" in out
    assert any("the HS chapters (2 digits) add up to 4,705,000,002 USD" in line for line in out)
    assert any(line.startswith("2: commodity TOTAL rows") for line in out)
    assert "Warnings:" in out  # the level chosen is said
    assert nothing_written()


def test_japan_months_that_fall_short_of_their_year_are_reported(
    data_dir: Path, secretariat: User, hs_code_list: None
) -> None:
    ExchangeRate.objects.create(
        currency="JPY", date=date(2019, 1, 1), per_usd=Decimal(100), source="test"
    )
    report = run(data_dir / "japan_customs_office_ja.csv", secretariat, dry_run=True)
    assert report.ok, report.errors
    assert report.warnings == [
        "2019 JP→RU imports: the twelve months add up to 5,700,000,000 JPY, the file's year "
        "columns to 5,800,000,000 JPY: they differ by 100,000,000 JPY. The months are "
        "imported; check the file."
    ]


@pytest.mark.skipif(
    not REALDATA.is_dir(), reason=f"the development corpus {REALDATA} is not beside the checkout"
)
def test_development_corpus_imports_each_total_once(secretariat: User, hs_code_list: None) -> None:
    """The legacy download's TOTAL rows (SOURCES.md): 41,249,115,786 imports and
    17,439,991,278 exports; one level is imported and agrees with them within rounding."""
    ExchangeRate.objects.create(
        currency="JPY", date=date(2017, 1, 1), per_usd=Decimal(110), source="test"
    )
    legacy = run(REALDATA / "comtrade-legacy-h3-india-china-2010.csv", secretariat, dry_run=True)
    assert legacy.ok, legacy.errors
    expected = {"M": Decimal(41_249_115_786), "X": Decimal(17_439_991_278)}
    for (_reporter, _partner, direction), value in legacy.totals.items():
        assert abs(value - expected[direction]) <= expected[direction] * Decimal("0.0001")
    assert len(legacy.checks) == 6 and all(check.agrees for check in legacy.checks)
    for name in (
        "japan-customs-wide-by-customs-office-2017-excerpt.csv",
        "russia-fcs-regional-2015-01-excerpt.csv",
    ):
        report = run(REALDATA / name, secretariat, dry_run=True)
        assert report.ok, (name, report.errors)


def test_the_import_page_previews_the_checks_and_the_warning(
    client: Client, data_dir: Path, secretariat: User, hs_code_list: None
) -> None:
    client.force_login(secretariat)
    raw = (data_dir / "comtrade_plus_breakdown_differs.csv").read_bytes()
    preview = client.post("/trade/imports/", {"file": SimpleUploadedFile("p.csv", raw)})
    page = preview.content.decode()
    assert "Totals checked against their parts" in page
    assert "Rows and value by flow and year" in page
    assert '<p class="warning" role="status">2016 RU→JP exports: the breakdown by second' in page
    assert "breakdown rows by second partner, customs procedure or mode of transport" in page
    assert "6,395,400,020" in page  # 2016 as its total rows say, not twice it
    done = client.post(
        "/trade/imports/commit/", {"token": preview.context["token"]}, follow=True
    ).content.decode()
    assert "Imported 15 rows from p.csv." in done
    assert "2016 RU→JP exports: the breakdown by second partner adds up to" in done
