"""Hostile and broken files: refused with a clear file problem, never a crash or a leak."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tandem.interop.iati import ActivityRecord, ImportProblem, read_activities, read_all
from tandem.interop.iati import write_activities as write
from tandem.interop.iati.synthetic import REPORTING_ORG, make_records

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[2] / "data" / "iati"
MAX = 1_000_000
ACTIVITY = (
    b"<iati-activity><iati-identifier>XM-T-1</iati-identifier>"
    b"<reporting-org ref='XM-T' type='10'/><title><narrative>T</narrative></title>"
    b"<description><narrative>D</narrative></description>"
    b"<participating-org role='1' ref='XM-T-F'/><activity-status code='2'/>"
    b"<activity-date type='1' iso-date='2020-01-01'/></iati-activity>"
)


def only_file_error(problems: list[ImportProblem]) -> str:
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.severity, problem.iati_identifier, problem.activity) == ("error", None, None)
    assert problem.is_file_problem
    return problem.message


def synthetic_file(count: int) -> bytes:
    out = io.BytesIO()
    write(make_records(count), out, reporting_org=REPORTING_ORG, generated=datetime.now(UTC))
    return out.getvalue()


class Unsized(io.RawIOBase):
    """A stream whose size cannot be known in advance (like an upload or a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(min(len(buffer), 4096))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml", "external-dtd.xml"])
def test_doctype_files_refused_before_any_activity(name: str) -> None:
    records, problems = read_all(DATA / name, max_bytes=MAX)

    assert records == []
    assert "DOCTYPE" in only_file_error(problems)


def test_xxe_never_reads_the_referenced_file() -> None:
    items = list(read_activities(DATA / "xxe.xml", max_bytes=MAX))

    assert "root:" not in repr(items)


def test_doctype_after_a_long_comment_refused_by_the_parser_check() -> None:
    data = (
        b'<?xml version="1.0"?><!--' + b"x" * 100_000 + b"-->"
        b'<!DOCTYPE iati-activities [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        b'<iati-activities version="2.03">'
        + ACTIVITY.replace(b">T<", b">&e;<")
        + b"</iati-activities>"
    )

    records, problems = read_all(data, max_bytes=MAX)

    assert records == []
    assert "DOCTYPE" in only_file_error(problems)


def test_utf16_file_with_doctype_refused() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        f'<iati-activities version="2.03">{ACTIVITY.decode()}</iati-activities>'
    )

    records, problems = read_all(text.encode("utf-16"), max_bytes=MAX)

    assert records == []
    assert "DOCTYPE" in only_file_error(problems)


def test_utf16_file_without_doctype_read() -> None:
    text = (
        f'<?xml version="1.0" encoding="UTF-16"?><iati-activities version="2.03">'
        f"{ACTIVITY.decode()}</iati-activities>"
    )

    records, problems = read_all(text.encode("utf-16"), max_bytes=MAX)

    assert problems == []
    assert [r.iati_identifier for r in records] == ["XM-T-1"]


def test_oversized_file_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(synthetic_file(20))

    records, problems = read_all(path, max_bytes=10_000)

    assert records == []
    assert "over the limit of 10000" in only_file_error(problems)


def test_oversized_unsized_stream_stopped_at_the_limit() -> None:
    data = synthetic_file(30)
    stream = io.BufferedReader(Unsized(data))

    items = list(read_activities(stream, max_bytes=len(data) // 2))

    problems = [i for i in items if isinstance(i, ImportProblem)]
    records = [i for i in items if isinstance(i, ActivityRecord)]
    assert "over the limit" in only_file_error(problems)
    assert 0 < len(records) < 30


def test_unsized_stream_under_the_limit_read_whole() -> None:
    data = synthetic_file(12)

    records, problems = read_all(io.BufferedReader(Unsized(data)), max_bytes=len(data))

    assert problems == []
    assert len(records) == 12


def test_truncated_file_keeps_complete_activities_and_reports_the_cut() -> None:
    records, problems = read_all(DATA / "truncated.xml", max_bytes=MAX)

    assert [r.code for r in records] == ["XM-TEST-1"]
    message = only_file_error(problems)
    assert "not well-formed XML (damaged or truncated)" in message
    assert problems[0].line is not None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ((DATA / "not-xml.csv").read_bytes(), "the file is not XML (it starts with 'code,title"),
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (b"\x1f\x8b\x08\x00binary", "the file is not XML"),
        (b"%PDF-1.7\n", "the file is not XML"),
        ((DATA / "wrong-root.xml").read_bytes(), "root element is <iati-organisations>"),
        (b"<iati-activities version='2.03'/>", "has no iati-activity"),
        (b"<iati-activities version='1.05'>" + ACTIVITY + b"</iati-activities>", "1.05"),
        (b"<a><b></a>", "root element is <a>"),
        (
            b"<iati-activities version='2.03'><iati-activity>&nbsp;</iati-activity>"
            b"</iati-activities>",
            "Entity 'nbsp' not defined",
        ),
        (
            b"<iati-activities version='2.03'>" + ACTIVITY + b"<iati-activity>",
            "damaged or truncated",
        ),
    ],
)
def test_broken_files_give_one_clear_file_problem(data: bytes, expected: str) -> None:
    items = list(read_activities(data, max_bytes=MAX))

    problems = [i for i in items if isinstance(i, ImportProblem)]
    assert expected in only_file_error(problems)


def test_wrong_root_after_a_long_prolog_refused() -> None:
    data = b"<?xml version='1.0'?><!--" + b"y" * 70_000 + b"--><feed><entry/></feed>"

    records, problems = read_all(data, max_bytes=MAX)

    assert records == []
    assert "root element is <feed>" in only_file_error(problems)


def test_activities_nested_in_a_wrong_root_refused() -> None:
    data = b"<!--" + b"z" * 70_000 + b"--><wrapper>" + ACTIVITY + b"</wrapper>"

    records, problems = read_all(data, max_bytes=MAX)

    assert records == []
    assert "root element is <wrapper>" in only_file_error(problems)


def test_unknown_version_warns_and_reads() -> None:
    data = b"<iati-activities version='xx'>" + ACTIVITY + b"</iati-activities>"

    records, problems = read_all(data, max_bytes=MAX)

    assert len(records) == 1
    assert [p.severity for p in problems] == ["warning"]
    assert "version xx is not 2.01-2.03" in problems[0].message


def test_missing_file_reported(tmp_path: Path) -> None:
    records, problems = read_all(tmp_path / "nowhere.xml", max_bytes=MAX)

    assert records == []
    assert "cannot open the file" in only_file_error(problems)


def test_many_activities_read_one_by_one() -> None:
    data = synthetic_file(300)
    reader = read_activities(data, max_bytes=len(data))

    first = next(reader)
    rest = list(reader)

    assert isinstance(first, ActivityRecord)
    assert len(rest) == 299
    assert not any(isinstance(item, ImportProblem) for item in rest)
