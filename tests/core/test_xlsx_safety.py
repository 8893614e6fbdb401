import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tandem.core.files.xlsx_safety import (
    NotAWorkbookError,
    WorkbookRefusedError,
    check_has_sheets,
    check_xlsx_archive,
)

pytestmark = pytest.mark.unit

BAD = Path(__file__).resolve().parents[1] / "data" / "bad" / "kpi"


def _workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["a", "b"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _replace_part(raw: bytes, name: str, text: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, text if info.filename == name else source.read(info))
    return out.getvalue()


def test_check_xlsx_archive_passes_a_plain_workbook() -> None:
    check_xlsx_archive(_workbook())


@pytest.mark.parametrize("raw", [b"", b"a,b\n1,2\n", b"PK\x03\x04broken"])
def test_check_xlsx_archive_refuses_what_is_not_a_zip(raw: bytes) -> None:
    with pytest.raises(NotAWorkbookError, match="not a valid XLSX"):
        check_xlsx_archive(raw)


def test_check_xlsx_archive_refuses_a_zip_without_a_workbook_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(NotAWorkbookError, match="not an XLSX workbook"):
        check_xlsx_archive(out.getvalue())


def test_check_xlsx_archive_refuses_a_zip_bomb_by_ratio() -> None:
    raw = _replace_part(_workbook(), "xl/worksheets/sheet1.xml", b" " * 5_000_000)
    with pytest.raises(WorkbookRefusedError, match="zip bomb") as error:
        check_xlsx_archive(raw)
    assert not isinstance(error.value, NotAWorkbookError)


def test_check_xlsx_archive_refuses_a_zip_bomb_by_total_size() -> None:
    with pytest.raises(WorkbookRefusedError, match="zip bomb"):
        check_xlsx_archive(_workbook(), max_unzipped_bytes=100)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_check_xlsx_archive_refuses_a_dtd_in_the_workbook_part(encoding: str) -> None:
    raw = _workbook()
    part = zipfile.ZipFile(io.BytesIO(raw)).read("xl/workbook.xml").decode()
    evil = part.replace(
        "<workbook", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook', 1
    )
    with pytest.raises(WorkbookRefusedError, match="DTD"):
        check_xlsx_archive(_replace_part(raw, "xl/workbook.xml", evil.encode(encoding)))


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("g-zip-bomb-deflate.xlsx", "zip bomb"),
        ("g-xxe-in-workbook.xlsx", "DTD"),
        ("g-billion-laughs-in-workbook.xlsx", "DTD"),
        ("g-xxe-in-sheet1.xlsx", "DTD"),
    ],
)
def test_check_xlsx_archive_refuses_the_bad_corpus_files(name: str, refusal: str) -> None:
    with pytest.raises(WorkbookRefusedError, match=refusal):
        check_xlsx_archive((BAD / name).read_bytes())


def test_check_has_sheets_refuses_a_workbook_without_sheets() -> None:
    raw = (BAD / "g-zip-no-sheets.xlsx").read_bytes()
    check_xlsx_archive(raw)
    book = load_workbook(io.BytesIO(raw), read_only=True)
    with pytest.raises(WorkbookRefusedError, match="no sheet"):
        check_has_sheets(book)
    check_has_sheets(load_workbook(io.BytesIO(_workbook()), read_only=True))
