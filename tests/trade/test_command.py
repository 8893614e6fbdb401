"""`tandem trade import` and `tandem trade report` (through call_command: the command line
entry closes the database connections when it ends, which a test on PostgreSQL cannot
survive)."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tandem.trade.models import FdiFigure

pytestmark = pytest.mark.integration


def test_trade_import_then_report_as_json(
    data_dir: Path, db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("trade", "import", str(data_dir / "comtrade_sample.csv"))
    out = capsys.readouterr().out
    assert "Imported 6 rows from comtrade_sample.csv (comtrade, UTF-8 with BOM), 2019–2019." in out
    assert "Rows left out:" in out and "  1: partner World (the sum over partners)" in out
    call_command("trade", "report", "--format", "json")
    payload = json.loads(capsys.readouterr().out)
    assert payload["hhi_scale"] == "0-1" and payload["illustrative"] is False
    russia = next(
        row for row in payload["rows"] if (row["reporter"], row["direction"]) == ("RU", "exports")
    )
    # 600 (27) + 150 (03) + 50 (84) million: shares 0.75, 0.1875, 0.0625.
    assert russia["total_usd"] == "800000000.00"
    assert russia["hhi"] == pytest.approx(0.75**2 + 0.1875**2 + 0.0625**2)
    assert russia["chapters_for_90"] == 2
    assert russia["non_resource_share"] == pytest.approx(0.0625)
    assert russia["growth"] is None


def test_trade_import_dry_run_and_a_malformed_file(
    data_dir: Path, nothing_written: Callable[[], bool], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(data_dir / "russia_sample.csv")
    call_command("trade", "import", path, "--format", "russia", "--dry-run")
    out = capsys.readouterr().out
    assert "Would import 4 rows from russia_sample.csv (russia, CP1251), 2019–2019." in out
    # The preview docs/trade.md describes: rows and value by flow and year, totals by flow.
    assert "Nothing was written (dry run)." in out
    assert "Rows and value by flow and year (US dollars):" in out
    assert "2019  RU→JP  exports" in out and "Totals by flow (US dollars):" in out
    assert "First rows:" in out
    assert nothing_written()
    with pytest.raises(CommandError, match="Nothing imported: Row 3"):
        call_command("trade", "import", str(data_dir / "bad_number.csv"))
    err = capsys.readouterr().err
    assert "Row 3: column primaryValue: '12abc' is not a number." in err
    assert nothing_written()


def test_fdi_import_command(data_dir: Path, db: None) -> None:
    call_command("trade", "fdi-import", str(data_dir / "fdi_sample.csv"))
    assert FdiFigure.objects.count() == 2
