"""The IATI standard's own 2.03 test files: should-pass validate, should-fail do not, and the
importer reads all of them without crashing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tandem.interop.iati import ActivityRecord, ImportProblem, read_activities, validate

pytestmark = pytest.mark.unit

SHARED = (Path(__file__).resolve().parents[3] / ".." / "shared" / "iati" / "2.03").resolve()
CASES = SHARED / "tests" / "activity-tests"

if not CASES.is_dir():
    pytest.skip(
        f"the IATI standard's 2.03 test files are read from ../shared, absent here: {CASES}",
        allow_module_level=True,
    )

SHOULD_PASS = sorted((CASES / "should-pass").rglob("*.xml"))
SHOULD_FAIL = sorted((CASES / "should-fail").rglob("*.xml"))


def case_id(path: Path) -> str:
    return str(path.relative_to(CASES))


def read_everything(path: Path) -> list[ActivityRecord | ImportProblem]:
    items = list(read_activities(path, max_bytes=1_000_000))
    assert all(isinstance(item, ActivityRecord | ImportProblem) for item in items)
    return items


def test_standard_test_files_found() -> None:
    assert len(SHOULD_PASS) >= 50
    assert len(SHOULD_FAIL) >= 200


@pytest.mark.parametrize("path", SHOULD_PASS, ids=case_id)
def test_should_pass_file_validates_and_reads(path: Path) -> None:
    assert validate(path, folder=SHARED) == []

    items = read_everything(path)

    assert items
    # Their codes are placeholders ("xx"), so most activities come back as problems, each
    # tied to a line; whatever is read is a complete record.
    for item in items:
        if isinstance(item, ImportProblem) and not item.is_file_problem:
            assert item.line is not None


@pytest.mark.parametrize("path", SHOULD_FAIL, ids=case_id)
def test_should_fail_file_fails_validation_and_reads_without_crash(path: Path) -> None:
    assert validate(path, folder=SHARED) != []

    read_everything(path)
