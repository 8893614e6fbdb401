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


def project_rows(projects: Iterable[Any]) -> Iterator[list[str]]:
    yield [column.name for column in COLUMNS]
    for project in projects:
        yield [escape_formula(column.read(project)) for column in COLUMNS]


#: Rows written into one chunk of a streamed CSV (one chunk per row costs a generator step,
#: an encode and a write of the server per row).
CSV_BATCH = 256


def csv_chunks(projects: Iterable[Any], batch: int = CSV_BATCH) -> Iterator[str]:
    """CSV in UTF-8 with a byte-order mark, so that Excel opens Japanese and Russian right:
    the byte-order mark, then the header, then the rows ``batch`` at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = project_rows(projects)
    yield "\ufeff"
    writer.writerow(next(rows))
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
    """The projects' sheet, then their records' sheets; with ``about`` (label, value pairs:
    what the file holds, when it was made, its licence) a first sheet "about" saying so."""
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
    for row in project_rows(_noting_ids(projects, project_ids)):
        sheet.append([xml_safe(cell) for cell in row])
    append_record_sheets(workbook, project_ids)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _noting_ids(projects: Iterable[Any], ids: list[int]) -> Iterator[Any]:
    for project in projects:
        ids.append(project.pk)
        yield project
