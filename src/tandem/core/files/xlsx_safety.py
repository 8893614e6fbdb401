"""Safety checks on an uploaded XLSX workbook before and after openpyxl opens it (no Django).

An XLSX file is a zip archive of XML parts. Before it is parsed: its unpacked size and packing
ratio are capped (zip bombs), it must hold ``xl/workbook.xml``, and no XML part may declare a
DTD (a workbook never does; one that does carries entities: XXE, billion laughs). After it is
opened: it must have at least one sheet. Each refusal is one clear sentence; the importers
turn it into their own error type.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
#: How far into each XML part of a workbook a DTD is looked for (it precedes the root).
DOCTYPE_WINDOW = 4096


class WorkbookRefusedError(ValueError):
    """The workbook is refused; the message says why in one sentence."""


class NotAWorkbookError(WorkbookRefusedError):
    """The file is not an XLSX workbook at all (not a zip archive, or no workbook part)."""


def check_xlsx_archive(
    raw: bytes,
    *,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    max_ratio: float = MAX_ZIP_RATIO,
) -> None:
    """Refuse ``raw`` unless it is a zip archive safe to hand to openpyxl."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise NotAWorkbookError(
            "The file is not a valid XLSX workbook (it may be truncated)."
        ) from exc
    with archive:
        members = archive.infolist()
        total = sum(info.file_size for info in members)
        packed = sum(info.compress_size for info in members) or 1
        if total > max_unzipped_bytes or total / packed > max_ratio:
            raise WorkbookRefusedError(
                "The workbook unpacks to far more than its size (a zip bomb?): refused."
            )
        if "xl/workbook.xml" not in archive.namelist():
            raise NotAWorkbookError("The file is a zip archive but not an XLSX workbook.")
        for info in members:
            if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info):
                raise WorkbookRefusedError(
                    "The workbook declares a DTD (an XML entity attack?): refused."
                )


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(info) as member:
            head = member.read(DOCTYPE_WINDOW)
    # zipfile raises NotImplementedError for a compression method it does not support.
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise NotAWorkbookError(
            "The file is not a valid XLSX workbook (it may be truncated)."
        ) from exc
    # UTF-16 parts put NUL bytes between the letters.
    return b"<!DOCTYPE" in head.upper().replace(b"\x00", b"")


def check_has_sheets(workbook: Any) -> None:
    """Refuse an opened workbook (openpyxl's) that has no worksheet."""
    if not workbook.worksheets:
        raise WorkbookRefusedError("The workbook has no sheet.")
