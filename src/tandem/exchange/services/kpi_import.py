"""The KPI protocol as a spreadsheet: a template to fill in and an all-or-nothing import.

One row is one measurement of one indicator. The import checks every row (units against the
indicator, dates against the baseline, values against the unit) and writes nothing unless all
rows are valid; the errors name their row and column.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook

from tandem.core.files.xlsx_safety import (
    NotAWorkbookError,
    WorkbookRefusedError,
    check_has_sheets,
    check_xlsx_archive,
)
from tandem.core.messages import message, render
from tandem.core.validators import xml_safe
from tandem.exchange.enums import Horizon, IndicatorKind, Unit
from tandem.exchange.messages import KPI_PROBLEMS
from tandem.exchange.models import EnterpriseProfile, KpiIndicator, KpiMeasurement
from tandem.exchange.services.records import indicator_save, measurement_save

COLUMNS = (
    "enterprise_id",
    "enterprise",
    "indicator",
    "name",
    "unit",
    "higher_is_better",
    "horizon_months",
    "date",
    "value",
    "method",
)
MAX_ROWS = 20_000


Problem = dict[str, Any]  # a message (tandem.core.messages) of exchange.messages.KPI_PROBLEMS


class KpiImportError(Exception):
    """The file is refused; ``problems`` says why, as messages to render in the reader's
    language (:func:`problem_texts`); ``errors`` is the same in English (logs, commands)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.errors = problem_texts(problems, language="en")
        super().__init__("; ".join(self.errors[:5]))


class RowProblem(ValueError):
    """One row's problem, as a code and parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.problem = message(code, **params)


def problem_texts(problems: list[Problem], *, language: str | None = None) -> list[str]:
    """``problems`` in ``language`` (the active one by default)."""
    return [render(KPI_PROBLEMS, problem, language=language) for problem in problems]


@dataclass
class KpiImportResult:
    indicators_created: int = 0
    measurements_created: int = 0
    measurements_updated: int = 0
    enterprises: set[int] = field(default_factory=set)


def kpi_template(enterprises: list[EnterpriseProfile]) -> bytes:
    """The XLSX template: the 'kpi' sheet to fill, the enterprises and the codes beside it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "kpi"
    sheet.append(list(COLUMNS))
    for profile in enterprises:
        for indicator in profile.indicators.all():
            for measurement in indicator.measurements.all():
                sheet.append(
                    [
                        profile.pk,
                        xml_safe(str(profile.organisation.name)),
                        indicator.kind,
                        xml_safe(indicator.name),
                        xml_safe(indicator.unit),
                        "yes" if indicator.improves_upwards else "no",
                        measurement.horizon,
                        measurement.date,
                        float(measurement.value),
                        xml_safe(measurement.method),
                    ]
                )
    listing = book.create_sheet("enterprises")
    listing.append(["enterprise_id", "enterprise", "side", "region"])
    for profile in enterprises:
        organisation = profile.organisation
        region = organisation.region.name if organisation.region else ""
        listing.append(
            [profile.pk, xml_safe(str(organisation.name)), organisation.side.code, xml_safe(region)]
        )
    codes = book.create_sheet("codes")
    codes.append(["column", "code", "meaning"])
    for kind in IndicatorKind:
        codes.append(["indicator", kind.value, str(kind.label)])
    for unit in Unit:
        codes.append(["unit", unit.value, str(unit.label)])
    for horizon in Horizon:
        codes.append(["horizon_months", horizon.value, str(horizon.label)])
    codes.append(["date", "YYYY-MM-DD", "the day the value was measured"])
    codes.append(["method", "", "required for the baseline (horizon 0)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(_text(value))
    except ValueError as exc:
        raise RowProblem("not_a_date", value=_text(value)[:40]) from exc


def _decimal(value: Any) -> Decimal:
    try:
        number = Decimal(_text(value).replace(",", "."))
    except InvalidOperation as exc:
        raise RowProblem("not_a_number", value=_text(value)[:40]) from exc
    if not number.is_finite():
        raise RowProblem("not_a_number", value=_text(value)[:40])
    return number


NOT_XLSX = message("not_xlsx")
#: The spellings of higher_is_better; an empty cell means yes.
YES = {"yes", "true", "1", "1.0", ""}
NO = {"no", "false", "0", "0.0"}


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES | NO:
        return text in YES
    raise RowProblem("not_a_flag", value=_text(value)[:40])


def _read_rows(content: bytes) -> list[tuple[int, dict[str, Any]]]:
    try:
        check_xlsx_archive(content)  # zip bombs and DTDs (XXE, billion laughs), before parsing
    except NotAWorkbookError as exc:
        raise KpiImportError([NOT_XLSX]) from exc
    except WorkbookRefusedError as exc:
        raise KpiImportError([message("refused", text=str(exc))]) from exc
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not XLSX
        raise KpiImportError([NOT_XLSX]) from exc
    try:
        check_has_sheets(book)
        sheet = book["kpi"] if "kpi" in book.sheetnames else book.worksheets[0]
        return _sheet_rows(sheet)
    except WorkbookRefusedError as exc:
        raise KpiImportError([message("refused", text=str(exc))]) from exc
    except KpiImportError:
        raise
    except Exception as exc:  # a broken sheet fails while it is read, in many ways
        raise KpiImportError([message("unreadable", kind=type(exc).__name__)]) from exc
    finally:
        book.close()


def _sheet_rows(sheet: Any) -> list[tuple[int, dict[str, Any]]]:
    rows = sheet.iter_rows(values_only=True)
    header = [_text(cell).lower() for cell in next(rows, ())]
    missing = [name for name in COLUMNS if name not in header and name != "enterprise"]
    if missing:
        raise KpiImportError([message("missing_columns", columns=missing)])
    result = []
    for number, row in enumerate(rows, start=2):
        if all(cell is None or _text(cell) == "" for cell in row):
            continue
        result.append((number, dict(zip(header, row, strict=False))))
        if len(result) > MAX_ROWS:
            raise KpiImportError([message("too_many_rows", max=MAX_ROWS)])
    return result


def _invalid(error: ValidationError) -> Problem:
    """A rule of the record, in the words the model gave (the active language), after the
    spreadsheet column it concerns (the columns are named by code in every language)."""
    if hasattr(error, "error_dict"):
        text = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        return message("invalid", text=text)
    return message("invalid", text=" ".join(error.messages))


def kpi_import(
    *, content: bytes, enterprises: list[EnterpriseProfile], actor: Any
) -> KpiImportResult:
    """Import measurements for ``enterprises`` (those the actor may edit); all or nothing."""
    allowed = {profile.pk: profile for profile in enterprises}
    rows = _read_rows(content)
    if not rows:
        raise KpiImportError([message("no_rows")])
    errors: list[Problem] = []
    result = KpiImportResult()
    # Baselines first, so that follow-ups are checked against them.
    rows.sort(key=lambda item: (_text(item[1].get("horizon_months")) or "9", item[0]))
    seen: dict[tuple[str, ...], int] = {}
    with transaction.atomic():
        for number, row in rows:
            key = _measurement_key(row)
            if key in seen:
                errors.append(
                    message("row", row=number, problem=message("duplicate", first=seen[key]))
                )
                continue
            seen[key] = number
            try:
                _import_row(row, allowed, actor, result)
            except RowProblem as exc:
                errors.append(message("row", row=number, problem=exc.problem))
            except ValueError as exc:  # a value the checks above did not foresee
                errors.append(message("row", row=number, problem=message("invalid", text=str(exc))))
            except ValidationError as exc:
                errors.append(message("row", row=number, problem=_invalid(exc)))
        if errors:
            errors.sort(key=lambda problem: int(problem["params"]["row"]))
            transaction.set_rollback(True)
            raise KpiImportError(errors)
    return result


def _measurement_key(row: dict[str, Any]) -> tuple[str, ...]:
    """What one row measures: one enterprise's indicator at one horizon."""
    enterprise = _text(row.get("enterprise_id")).removesuffix(".0")
    kind = _text(row.get("indicator"))
    name = _text(row.get("name")) if kind == IndicatorKind.OWN else ""
    return (enterprise, kind, name, _text(row.get("horizon_months")).removesuffix(".0"))


def _import_row(
    row: dict[str, Any],
    allowed: dict[int, EnterpriseProfile],
    actor: Any,
    result: KpiImportResult,
) -> None:
    try:
        enterprise_id = int(_text(row.get("enterprise_id")))
    except ValueError as exc:
        raise RowProblem("enterprise_id") from exc
    profile = allowed.get(enterprise_id)
    if profile is None:
        raise RowProblem("no_enterprise", id=enterprise_id)
    kind = _text(row.get("indicator"))
    if kind not in IndicatorKind.values:
        raise RowProblem("indicator", value=kind[:40], choices=list(IndicatorKind.values))
    name = _text(row.get("name")) if kind == IndicatorKind.OWN else ""
    unit = _text(row.get("unit"))
    horizon_text = _text(row.get("horizon_months"))
    if horizon_text not in {str(h) for h in Horizon.values}:
        raise RowProblem("horizon")
    higher_is_better = _flag(row.get("higher_is_better"))
    indicator = KpiIndicator.objects.filter(enterprise=profile, kind=kind, name=name).first()
    if indicator is None:
        indicator = indicator_save(
            indicator=KpiIndicator(
                enterprise=profile,
                kind=kind,
                name=name,
                unit=unit,
                higher_is_better=higher_is_better,
                is_illustrative=profile.is_illustrative,
            ),
            actor=actor,
        )
        result.indicators_created += 1
    elif indicator.unit != unit:
        raise RowProblem("unit", unit=indicator.unit, given=unit[:40])
    horizon = int(horizon_text)
    measurement = KpiMeasurement.objects.filter(indicator=indicator, horizon=horizon).first()
    created = measurement is None
    measurement = measurement or KpiMeasurement(
        indicator=indicator, horizon=horizon, is_illustrative=profile.is_illustrative
    )
    measurement.date = _date(row.get("date"))
    measurement.value = _decimal(row.get("value"))
    measurement.method = _text(row.get("method"))
    measurement_save(measurement=measurement, actor=actor)
    result.enterprises.add(profile.pk)
    if created:
        result.measurements_created += 1
    else:
        result.measurements_updated += 1
