"""Import a trade file: all or nothing, in bounded memory, with a preview (``dry_run``).

The file is streamed row by row (``formats.FlowReader``); flows are written in batches with
``bulk_create`` inside one transaction, and the aggregates by year × reporter × partner ×
direction × HS chapter are summed on the way and written at the end, with the summary the
pages read (``services.summary``). Any row that cannot be
read stops the writing; the transaction is rolled back, and the report lists the first errors
(each naming its row) and how many there were. Nothing is written on error or in a preview.

Values in yen or roubles are converted to US dollars with the registry's exchange rates
(``projects.ExchangeRate``): the latest rate on or before the middle of the period (15 July
for a year, the 15th for a month). A row whose currency has no such rate is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import IO, Any

from django.db import connection, transaction

from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.generations import generation_bump
from tandem.core.history import delete_rows
from tandem.projects.services.rates import MissingRateError, RateTable
from tandem.trade.formats import FileRejectedError, Flow, FlowReader, Problem
from tandem.trade.formats.checks import Check
from tandem.trade.messages import problem_text
from tandem.trade.models import ImportBatch, TradeAggregate, TradeFlow
from tandem.trade.services.codes import known_codes
from tandem.trade.services.import_notes import (
    check_line,
    overlap_warning,
    plan_warnings,
    skip_label,
)
from tandem.trade.services.publish import PUBLIC_TRADE_GENERATION
from tandem.trade.services.summary import refresh_summary

CENT = Decimal("0.01")
WRITE_BATCH = 5000
MAX_ERRORS = 50
SAMPLE = 10


@dataclass
class ImportReport:
    file_name: str
    file_format: str = ""
    encoding: str = ""
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    warnings: list[str] = field(default_factory=list)
    totals: dict[tuple[str, str, str], Decimal] = field(default_factory=dict)
    by_year: dict[tuple[int, str, str, str], tuple[int, Decimal]] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    years: tuple[int, int] | None = None
    sample: list[Flow] = field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def skipped_labels(self) -> list[tuple[str, int]]:
        """The rows left out, each reason in the reader's language."""
        return [(skip_label(reason), count) for reason, count in self.skipped.items()]

    @property
    def error_lines(self) -> list[str]:
        """The problems, each in the reader's language (trade.messages)."""
        return [problem_text(error) for error in self.errors]

    @property
    def check_lines(self) -> list[tuple[bool, str]]:
        """Each total compared with its parts: (agrees, one sentence)."""
        return [(check.agrees, check_line(check)) for check in self.checks]

    def summary(self) -> str:
        if not self.ok:
            tail = f" ({self.error_count} errors in all)" if self.error_count > 1 else ""
            return f"Nothing imported: {self.errors[0]}{tail}"
        years = f"{self.years[0]}–{self.years[1]}" if self.years else "-"
        verb = "Would import" if self.dry_run else "Imported"
        return f"{verb} {self.rows} rows ({self.file_format}, {self.encoding}, {years})."


def _rate_problem(error: Exception) -> dict[str, Any]:
    """A missing exchange rate as a message ("No USD rate on or before 2020-01-01.")."""
    found = re.match(r"No (\S+) rate on or before (\S+?)\.?$", str(error))
    if found is None:
        return {"code": "as_given", "params": {"text": str(error)}}
    return {"code": "no_rate", "params": {"currency": found[1], "date": found[2]}}


class _Converter:
    def __init__(self) -> None:
        self.table: RateTable | None = None
        self.factors: dict[tuple[str, int, int | None], Decimal] = {}

    def factor(self, currency: str, year: int, month: int | None) -> Decimal:
        key = (currency, year, month)
        found = self.factors.get(key)
        if found is None:
            if self.table is None:
                self.table = RateTable()
            on = dt.date(year, month or 7, 15)
            found = self.table.convert(Decimal(1), currency, "USD", on)
            self.factors[key] = found
        return found

    def usd(self, flow: Flow) -> Decimal:
        if flow.currency == "USD":
            return flow.value
        return (flow.value * self.factor(flow.currency, flow.year, flow.month)).quantize(
            CENT, rounding=ROUND_HALF_UP
        )


FLOW_COLUMNS = (
    "batch_id", "year", "month", "reporter", "partner", "direction", "hs_code", "chapter",
    "national_code", "value", "currency", "value_usd", "quantity", "unit",
)  # fmt: skip


def _insert_flows(rows: list[tuple[Any, ...]]) -> None:
    """Insert flow rows with one ``executemany``: Django's ``bulk_create`` builds a model and
    compiles every value, which costs ten times more than the insert itself at a million rows.
    The values are already checked by the reader; flows keep no history (the batch does)."""
    quote = connection.ops.quote_name
    table = quote(TradeFlow._meta.db_table)
    columns = ", ".join(quote(name) for name in FLOW_COLUMNS)
    marks = ", ".join(["%s"] * len(FLOW_COLUMNS))
    with connection.cursor() as cursor:
        # The table and column names come from the model, not from the file.
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(sql, rows)


def _overlaps(report: ImportReport, reporters: set[str]) -> list[str]:
    if report.years is None:
        return []
    existing = (
        TradeAggregate.objects.filter(
            reporter__in=reporters, year__gte=report.years[0], year__lte=report.years[1]
        )
        .values_list("reporter", "year")
        .distinct()
        .order_by("reporter", "year")
    )
    found: dict[str, list[int]] = defaultdict(list)
    for reporter, year in existing:
        found[reporter].append(year)
    return [overlap_warning(reporter, years) for reporter, years in found.items()]


def trade_import(
    *,
    stream: IO[bytes],
    file_name: str,
    file_format: str | None,
    actor: Actor,
    dry_run: bool = False,
    illustrative: bool = False,
    note: str = "",
) -> ImportReport:
    """Read ``stream`` (a seekable binary file) and import it unless ``dry_run``."""
    report = ImportReport(file_name=file_name, dry_run=dry_run)
    try:
        reader = FlowReader(stream, file_format, known_codes())
        with transaction.atomic():
            _run(reader, report, actor, dry_run=dry_run, illustrative=illustrative, note=note)
            if report.errors or dry_run:
                transaction.set_rollback(True)
                report.batch_id = None
    except FileRejectedError as error:
        report.errors, report.error_count, report.batch_id = [error.problem()], 1, None
    return report


def _run(
    reader: FlowReader,
    report: ImportReport,
    actor: Actor,
    *,
    dry_run: bool,
    illustrative: bool,
    note: str,
) -> None:
    converter = _Converter()
    batch: ImportBatch | None = None
    buffer: list[tuple[Any, ...]] = []
    sums: dict[tuple[int, str, str, str, str], list[Any]] = {}
    reporters: set[str] = set()
    first = last = 0
    for number, item in reader.rows():
        if batch is None and not dry_run and not report.errors:
            batch = save_with_actor(
                ImportBatch(
                    source=reader.file_format,
                    file_name=report.file_name[:255],
                    is_illustrative=illustrative,
                    imported_by=actor_user(actor),
                    note=note[:300],
                ),
                actor,
            )
        if isinstance(item, str):
            report.error_count += 1
            if len(report.errors) < MAX_ERRORS:
                report.errors.append(item)
            buffer.clear()
            continue
        try:
            value_usd = converter.usd(item)
        except MissingRateError as error:
            report.error_count += 1
            if len(report.errors) < MAX_ERRORS:
                report.errors.append(
                    Problem(
                        f"Row {number}: {error} Import exchange rates first.",
                        "row",
                        {"row": number, "problem": _rate_problem(error)},
                    )
                )
            continue
        report.rows += 1
        if len(report.sample) < SAMPLE:
            report.sample.append(item)
        first = min(first or item.year, item.year)
        last = max(last, item.year)
        reporters.add(item.reporter)
        key = (item.year, item.reporter, item.partner, item.direction, item.hs_code[:2])
        entry = sums.get(key)
        if entry is None:
            sums[key] = [value_usd, 1, 1 << (item.month or 0)]
        else:
            entry[0] += value_usd
            entry[1] += 1
            entry[2] |= 1 << (item.month or 0)
        if batch is not None and not report.errors:
            buffer.append(
                (
                    batch.pk,
                    item.year,
                    item.month,
                    item.reporter,
                    item.partner,
                    item.direction,
                    item.hs_code,
                    item.hs_code[:2],
                    item.national_code,
                    item.value.quantize(CENT, rounding=ROUND_HALF_UP),
                    item.currency,
                    value_usd,
                    item.quantity,
                    item.unit,
                )
            )
            if len(buffer) >= WRITE_BATCH:
                _insert_flows(buffer)
                buffer.clear()
    report.file_format = reader.file_format
    report.encoding = reader.encoding_label
    report.skipped = dict(reader.skipped)
    report.years = (first, last) if report.rows else None
    _summarise(report, sums)
    report.checks = reader.checks()
    report.warnings = [
        *plan_warnings(reader.plan, reader.coarser),
        *(check_line(check) for check in report.checks if not check.agrees),
        *_overlaps(report, reporters),
    ]
    if not report.rows and not report.errors:
        report.errors, report.error_count = (
            [Problem("The file has no rows to import.", "no_rows")],
            1,
        )
    if report.errors or batch is None:
        return
    if buffer:
        _insert_flows(buffer)
    TradeAggregate.objects.bulk_create(
        [
            TradeAggregate(
                batch=batch,
                year=year,
                reporter=reporter,
                partner=partner,
                direction=direction,
                chapter=chapter,
                value_usd=value,
                flows=count,
                months=months,
            )
            for (year, reporter, partner, direction, chapter), (
                value,
                count,
                months,
            ) in sums.items()
        ],
        batch_size=WRITE_BATCH,
    )
    batch.encoding = report.encoding
    batch.rows = report.rows
    batch.skipped = report.skipped
    batch.first_year, batch.last_year = first, last
    batch.reporters = ",".join(sorted(reporters))[:60]
    save_with_actor(batch, actor)
    refresh_summary()
    report.batch_id = batch.pk


def _summarise(report: ImportReport, sums: dict[tuple[int, str, str, str, str], list[Any]]) -> None:
    """The totals by flow, and the rows and value by flow and year, for the preview."""
    totals: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    by_year: dict[tuple[int, str, str, str], list[Any]] = {}
    for (year, reporter, partner, direction, _chapter), (value, rows, _m) in sums.items():
        totals[(reporter, partner, direction)] += value
        entry = by_year.setdefault((year, reporter, partner, direction), [0, Decimal(0)])
        entry[0] += rows
        entry[1] += value
    report.totals = dict(sorted(totals.items()))
    report.by_year = {key: (rows, value) for key, (rows, value) in sorted(by_year.items())}


@transaction.atomic
def batch_delete(*, batch: ImportBatch, actor: Actor) -> None:
    """Delete an import with its flows and aggregates (the history keeps who did it)."""
    public = batch.is_public
    TradeAggregate.objects.filter(batch=batch).delete()
    TradeFlow.objects.filter(batch=batch).delete()
    delete_rows([batch], actor=actor)
    refresh_summary()
    if public:  # the portal showed its figures
        generation_bump(PUBLIC_TRADE_GENERATION)
