"""Write projects as CSV or XLSX, with every cell that a spreadsheet would run escaped."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from openpyxl import Workbook

from tandem.core.validators import xml_safe
from tandem.interop.tabular.columns import COLUMNS

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def escape_formula(value: str) -> str:
    """Keep a spreadsheet from running a cell: prefix a leading formula trigger with '."""
    if value and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


#: The triggers are single characters: a cell is escaped when its first one is among them.
_TRIGGER_SET = frozenset(FORMULA_TRIGGERS)


def escaped(cells: list[str]) -> list[str]:
    """:func:`escape_formula` of each cell (the same test, inlined: this runs per cell)."""
    triggers = _TRIGGER_SET
    return [("'" + cell) if cell and cell[0] in triggers else cell for cell in cells]


def project_cells(projects: Iterable[Any]) -> Iterator[tuple[int, list[str]]]:
    """(pk, unescaped cells) of model projects, read by the columns."""
    for project in projects:
        yield project.pk, [column.read(project) for column in COLUMNS]


#: Rows written into one chunk of a streamed CSV (one chunk per row costs a generator step,
#: an encode and a write of the server per row).
CSV_BATCH = 256


def csv_chunks(projects: Iterable[Any], batch: int = CSV_BATCH) -> Iterator[str]:
    """The CSV of model projects (see :func:`cells_csv_chunks`)."""
    return cells_csv_chunks(project_cells(projects), batch)


def cells_csv_chunks(
    records: Iterable[tuple[int, list[str]]], batch: int = CSV_BATCH
) -> Iterator[str]:
    """CSV in UTF-8 with a byte-order mark, so that Excel opens Japanese and Russian right:
    the byte-order mark, then the header, then the rows ``batch`` at a time, each cell
    formula-escaped. ``records`` are (id, cells) in the columns' order
    (:func:`project_cells`, or :func:`tandem.interop.tabular.bulk_rows.export_cells`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = (escaped(cells) for _pk, cells in records)
    yield "\ufeff"
    writer.writerow([column.name for column in COLUMNS])
    yield buffer.getvalue()
    while True:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(islice(rows, batch))
        chunk = buffer.getvalue()
        if not chunk:
            return
        yield chunk


def xlsx_bytes(
    projects: Iterable[Any],
    *,
    title: str = "projects",
    about: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The XLSX of model projects (see :func:`cells_xlsx_bytes`)."""
    return cells_xlsx_bytes(project_cells(projects), title=title, about=about)


def cells_xlsx_bytes(
    records: Iterable[tuple[int, list[str]]],
    *,
    title: str = "projects",
    about: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The projects' sheet, then their records' sheets; with ``about`` (label, value pairs:
    what the file holds, when it was made, its licence) a first sheet "about" saying so.
    ``records`` are (id, cells) as for :func:`cells_csv_chunks`."""
    # The records' sheets follow the projects'; imported here, as they escape cells with
    # this module's functions.
    from tandem.interop.tabular.records import append_record_sheets

    workbook = Workbook(write_only=True)
    if about:
        about_sheet = workbook.create_sheet(title="about")
        for label, value in about:
            about_sheet.append([xml_safe(escape_formula(label)), xml_safe(escape_formula(value))])
    sheet = workbook.create_sheet(title=title[:31])
    project_ids: list[int] = []
    sheet.append([column.name for column in COLUMNS])
    for pk, cells in records:
        project_ids.append(pk)
        sheet.append([xml_safe(cell) for cell in escaped(cells)])
    append_record_sheets(workbook, project_ids)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
