"""Read an uploaded CSV or XLSX file safely into rows of text, or say clearly why not.

Guards: a size cap; for XLSX, the checks of :mod:`tandem.core.files.xlsx_safety` (zip bombs,
DTDs, no sheet) around openpyxl (which parses its XML through defusedxml); a row cap; CSV
decoded as UTF-8, CP932 (Japanese Windows) or CP1251 (Russian Windows), with the choice
explained.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tandem.core.files.xlsx_safety import (
    WorkbookRefusedError,
    check_has_sheets,
    check_xlsx_archive,
)
from tandem.core.text.scripts import CYRILLIC, JAPANESE


class UnreadableFileError(Exception):
    """The file as a whole cannot be read; the message says why in one sentence."""


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    encoding: str = ""
    notes: list[str] = field(default_factory=list)


def decode_csv(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "UTF-8"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    for encoding, script, label in (("cp932", JAPANESE, "CP932"), ("cp1251", CYRILLIC, "CP1251")):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if script.search(text):
            return text, label
    raise UnreadableFileError(
        "The file is not in UTF-8, CP932 (Japanese) or CP1251 (Russian): save it as UTF-8 CSV."
    )


def _check_header(header: list[str]) -> None:
    """One column per name: a repeated name would let one cell silently win over another."""
    seen: set[str] = set()
    for name in (cell.strip() for cell in header):
        if name and name in seen:
            raise UnreadableFileError(f"The header names the column {name!r} twice.")
        seen.add(name)


def _csv_table(raw: bytes, max_rows: int) -> Table:
    text, encoding = decode_csv(raw)
    if "\x00" in text:
        raise UnreadableFileError("The file holds NUL bytes: it is not a text CSV file.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration as exc:
        raise UnreadableFileError("The file is empty.") from exc
    except csv.Error as exc:
        raise UnreadableFileError(f"The file is not valid CSV: {exc}.") from exc
    _check_header(header)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= max_rows:
                raise UnreadableFileError(
                    f"The file has more than {max_rows:,} rows: split it into smaller files."
                )
            if len(cells) != len(header):
                raise UnreadableFileError(
                    f"Line {reader.line_num} has {len(cells)} cells but the header has "
                    f"{len(header)} columns."
                )
            rows.append((reader.line_num, dict(zip(header, cells, strict=False))))
    except csv.Error as exc:
        raise UnreadableFileError(
            f"The file is not valid CSV near line {reader.line_num}: {exc}."
        ) from exc
    return Table(header=[name.strip() for name in header], rows=rows, encoding=encoding)


def _check_zip(raw: bytes) -> None:
    """The shared checks of :mod:`tandem.core.files.xlsx_safety`: zip bombs, DTDs."""
    try:
        check_xlsx_archive(raw)
    except WorkbookRefusedError as exc:
        raise UnreadableFileError(str(exc)) from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        text = str(value.isoformat())
        return text[:10] if text.endswith("T00:00:00") else text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_table(raw: bytes, max_rows: int) -> Table:
    _check_zip(raw)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken workbooks
        raise UnreadableFileError(f"The workbook cannot be opened: {type(exc).__name__}.") from exc
    try:
        check_has_sheets(workbook)
    except WorkbookRefusedError as exc:
        workbook.close()
        raise UnreadableFileError(str(exc)) from exc
    try:
        return _sheet_table(workbook.worksheets[0], max_rows)
    except UnreadableFileError:
        raise
    except Exception as exc:  # a broken sheet fails while it is read, in many ways
        raise UnreadableFileError(f"The workbook cannot be read: {type(exc).__name__}.") from exc
    finally:
        workbook.close()


def _sheet_table(sheet: Any, max_rows: int) -> Table:
    iterator: Iterator[tuple[object, ...]] = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(cell).strip() for cell in next(iterator)]
    except StopIteration as exc:
        raise UnreadableFileError("The first sheet of the workbook is empty.") from exc
    _check_header(header)
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(iterator, start=2):
        texts = [_cell_text(cell) for cell in cells]
        if not any(text.strip() for text in texts):
            continue
        if len(rows) >= max_rows:
            raise UnreadableFileError(
                f"The workbook has more than {max_rows:,} rows: split it into smaller files."
            )
        rows.append((number, dict(zip(header, texts, strict=False))))
    return Table(header=header, rows=rows, encoding="XLSX")


def read_table(raw: bytes, filename: str, *, max_bytes: int, max_rows: int) -> Table:
    """Rows of an uploaded file, keyed by its header; raises UnreadableFileError."""
    if len(raw) > max_bytes:
        raise UnreadableFileError(
            f"The file is {len(raw) / 1_048_576:.1f} MB; "
            f"the limit is {max_bytes / 1_048_576:.0f} MB."
        )
    if not raw:
        raise UnreadableFileError("The file is empty.")
    name = filename.lower()
    if name.endswith(".xlsx") or raw[:4] == b"PK\x03\x04":
        return _xlsx_table(raw, max_rows)
    if name.endswith((".csv", ".txt")):
        return _csv_table(raw, max_rows)
    raise UnreadableFileError("Upload a .csv or .xlsx file.")
