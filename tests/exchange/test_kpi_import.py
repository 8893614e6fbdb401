import datetime as dt
import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from tandem.core.models import User
from tandem.exchange.models import KpiIndicator, KpiMeasurement
from tandem.exchange.services.kpi_import import COLUMNS, KpiImportError, kpi_import, kpi_template

pytestmark = pytest.mark.integration


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "kpi"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(
    enterprise: int, kind: str, unit: str, horizon: int, date: Any, value: Any, method: str = ""
) -> list[Any]:
    return [enterprise, "", kind, "", unit, "", horizon, date, value, method]


def test_template_lists_existing_measurements_and_the_codes(
    pair: dict[str, Any], productivity: KpiIndicator
) -> None:
    book = load_workbook(io.BytesIO(kpi_template([pair["enterprise"], pair["company"]])))
    assert book.sheetnames == ["kpi", "enterprises", "codes"]
    rows = list(book["kpi"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert rows[1][0] == pair["enterprise"].pk and rows[1][2] == "labour_productivity"
    codes = {row[1] for row in book["codes"].iter_rows(values_only=True)}
    assert {"lead_time", "rub_per_worker_hour", 12} <= codes


def test_import_creates_indicators_and_measurements_baseline_first(
    pair: dict[str, Any], coordinator: User
) -> None:
    pk = pair["enterprise"].pk
    content = _xlsx(
        [
            _row(pk, "lead_time", "days", 12, "2020-01-20", 24),  # before its baseline in the file
            _row(pk, "lead_time", "days", 0, dt.datetime(2019, 1, 15), 30, "ERP order data"),
            _row(pk, "lead_time", "days", 6, "2019-07-16", "27,5"),
        ]
    )
    result = kpi_import(content=content, enterprises=[pair["enterprise"]], actor=coordinator)
    assert (result.indicators_created, result.measurements_created) == (1, 3)
    values = dict(KpiMeasurement.objects.values_list("horizon", "value"))
    assert values == {0: 30, 6: 27.5, 12: 24}


def test_import_is_all_or_nothing_and_names_each_bad_row(
    pair: dict[str, Any], coordinator: User
) -> None:
    pk = pair["enterprise"].pk
    content = _xlsx(
        [
            _row(pk, "lead_time", "days", 0, "2019-01-15", 30, "ERP order data"),
            _row(pk, "defect_rate", "days", 0, "2019-01-15", 3, "QC log"),  # wrong unit
            _row(pk, "lead_time", "days", 6, "2019-02-01", 28),  # too early
            _row(pk, "lead_time", "days", 12, "15/01/2020", 25),  # not a date
            _row(pair["company"].pk + 999, "lead_time", "days", 0, "2019-01-15", 3, "x"),
        ]
    )
    with pytest.raises(KpiImportError) as error:
        kpi_import(content=content, enterprises=[pair["enterprise"]], actor=coordinator)
    messages = error.value.errors
    assert [m.split(":")[0] for m in messages] == ["Row 3", "Row 4", "Row 5", "Row 6"]
    assert "unit" in messages[0] and "days after the baseline" in messages[1]
    assert "not a date" in messages[2] and "may edit" in messages[3]
    assert not KpiIndicator.objects.exists()
    assert not KpiMeasurement.objects.exists()


def test_import_refuses_a_unit_that_differs_from_the_indicators(
    pair: dict[str, Any], coordinator: User, productivity: KpiIndicator
) -> None:
    content = _xlsx(
        [
            _row(
                pair["enterprise"].pk,
                "labour_productivity",
                "units_per_worker_hour",
                6,
                "2019-07-15",
                5,
            )
        ]
    )
    with pytest.raises(KpiImportError, match="convert the value"):
        kpi_import(content=content, enterprises=[pair["enterprise"]], actor=coordinator)


def test_import_refuses_a_file_that_is_not_xlsx(pair: dict[str, Any], coordinator: User) -> None:
    with pytest.raises(KpiImportError, match="not an XLSX"):
        kpi_import(content=b"a,b\n1,2\n", enterprises=[pair["enterprise"]], actor=coordinator)
