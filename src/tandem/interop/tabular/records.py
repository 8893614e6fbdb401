"""A project's records in the registry's files: one table per kind.

The XLSX export holds a sheet per kind after the projects (``financing``, ``milestones``,
``results``, ``result_values``, ``sources``); each kind is also a CSV of its own. Every row
names its project by ``project`` (the code) and itself by ``id`` (blank for a record to add);
a value per period names its result by ``result_id``. The registry import reads these
tables back (``tandem.interop.registry_records``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from tandem.core.validators import xml_safe
from tandem.interop.tabular.export import FORMULA_TRIGGERS, escape_formula
from tandem.interop.tabular.read import Table, UnreadableFileError, _check_zip, _sheet_table
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    Milestone,
    ResultIndicator,
    Source,
)

PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
PROJECT_CHUNK = 500  # projects per query: well under SQLite's limit on query parameters
TITLES = ("title_en", "title_ja", "title_ru")


@dataclass(frozen=True)
class RecordTable:
    """One kind of record as a table: its name (sheet and file), model and columns."""

    name: str
    model: type[models.Model]
    columns: tuple[str, ...]  # after "project" and "id"
    project_path: str  # the lookup from a record to its project
    parent: str = ""  # a column naming the record's parent row ("result_id")

    @property
    def header(self) -> tuple[str, ...]:
        parent = (self.parent,) if self.parent else ()
        return ("project", *parent, "id", *self.columns)


RECORD_TABLES: tuple[RecordTable, ...] = (
    RecordTable(
        "financing",
        FinancingLine,
        (
            "kind",
            "line_type",
            "amount",
            "currency",
            "date",
            "period_end",
            "value_date",
            "funder",
            "is_disbursement",
        ),
        "project",
    ),
    RecordTable("milestones", Milestone, (*TITLES, "due_date", "done_date"), "project"),
    RecordTable(
        "results",
        ResultIndicator,
        (
            *TITLES,
            "result_title",
            "result_type",
            "measure",
            "unit",
            "ascending",
            "baseline",
            "baseline_text",
            "baseline_date",
            "target",
        ),
        "project",
    ),
    RecordTable(
        "result_values",
        IndicatorValue,
        ("period_start", "period_end", "actual", "actual_text", "target", "target_text"),
        "indicator__project",
        parent="result_id",
    ),
    RecordTable("sources", Source, ("kind", "title", "url", "date"), "project"),
)
RECORD_TABLE_NAMES = tuple(table.name for table in RECORD_TABLES)
BY_NAME = {table.name: table for table in RECORD_TABLES}


def cell_text(value: Any) -> str:
    """A value as the files write it: ISO dates, yes/no, decimals as stored, blank for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value, "f")
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, models.Model):  # the funder: its reference, else its English name
        return str(getattr(value, "reference", "") or getattr(value, "name_en", "") or value)
    return str(value)


def safe_cell(text: str) -> str:
    """Escape what a spreadsheet would run; a plain number (a negative amount) stays a number."""
    return text if PLAIN_NUMBER.match(text) else escape_formula(text)


def unescape_cell(text: str) -> str:
    """Our export's escape taken off again; a cell that would run as a formula is refused."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    if text.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.match(text):
        raise ValueError(f"the cell looks like a spreadsheet formula ({text[:20]!r})")
    return text


def _reader(table: RecordTable, code_of: Callable[[Any], str]) -> Callable[[Any], list[str]]:
    def read(record: Any) -> list[str]:
        cells = [code_of(record)]
        if table.parent:
            cells.append(str(record.indicator_id))
        cells.append(str(record.pk))
        cells.extend(cell_text(getattr(record, name)) for name in table.columns)
        return [safe_cell(cell) for cell in cells]

    return read


def record_rows(table: RecordTable, project_ids: Sequence[int]) -> Iterator[list[str]]:
    """The header, then the rows of ``table`` for these projects (by project code, then id)."""
    yield list(table.header)
    related = ["indicator__project"] if table.parent else ["project"]
    if table.name == "financing":
        related.append("funder")
    for start in range(0, len(project_ids), PROJECT_CHUNK):
        chunk = project_ids[start : start + PROJECT_CHUNK]
        records = (
            table.model._default_manager.filter(**{f"{table.project_path}__in": chunk})
            .select_related(*related)
            .order_by(f"{table.project_path}__code", "pk")
        )
        if table.parent:
            read = _reader(table, lambda value: value.indicator.project.code)
        else:
            read = _reader(table, lambda record: record.project.code)
        for record in records.iterator(chunk_size=2000):
            yield read(record)


def append_record_sheets(workbook: Any, project_ids: Sequence[int]) -> None:
    """A sheet per kind of record of these projects, after the projects' sheet."""
    for table in RECORD_TABLES:
        sheet = workbook.create_sheet(title=table.name)
        for row in record_rows(table, project_ids):
            sheet.append([xml_safe(cell) for cell in row])


class _Echo:
    def write(self, value: str) -> str:
        return value


def record_csv_chunks(table: RecordTable, project_ids: Sequence[int]) -> Iterator[str]:
    """One kind of record as CSV in UTF-8 with a byte-order mark (Excel reads it right)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in record_rows(table, project_ids):
        yield writer.writerow(row)


def is_record_header(header: Iterable[str]) -> bool:
    """Whether a file holds records (its rows name a ``project``) rather than projects."""
    return "project" in {name.strip() for name in header}


def table_of_header(header: Iterable[str], filename: str = "") -> RecordTable | None:
    """The kind of record a CSV file holds, told by its header: the kind whose columns are
    exactly these, else the one kind whose columns include all of them, else the one of
    those that the file's name names (``milestones.csv``); None if still unclear."""
    names = {name.strip() for name in header if name.strip()}
    exact = [table for table in RECORD_TABLES if names == set(table.header)]
    if exact:
        return exact[0]
    wider = [table for table in RECORD_TABLES if {"project", "id"} <= names <= set(table.header)]
    if len(wider) > 1:
        longest_first = sorted(wider, key=lambda table: -len(table.name))
        named = [table for table in longest_first if table.name in filename.lower()]
        wider = named[:1] or wider
    return wider[0] if len(wider) == 1 else None


def read_record_sheets(raw: bytes, max_rows: int) -> dict[str, Table]:
    """The record sheets of a registry workbook, by name (sheets it lacks are left out)."""
    _check_zip(raw)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken workbooks
        raise UnreadableFileError(f"The workbook cannot be opened: {type(exc).__name__}.") from exc
    try:
        return {
            sheet.title: _sheet_table(sheet, max_rows)
            for sheet in workbook.worksheets[1:]
            if sheet.title in BY_NAME
        }
    except UnreadableFileError:
        raise
    except Exception as exc:  # a broken sheet fails while it is read, in many ways
        raise UnreadableFileError(f"The workbook cannot be read: {type(exc).__name__}.") from exc
    finally:
        workbook.close()
