"""IATI import problems carry a code and parameters and are shown in the reader's language,
one plain line each with the activity's identifier and line (issue 25), never the reader's
English message inside a translated frame."""

from __future__ import annotations

import io

import pytest
from django.utils import translation

from tandem.interop.iati import read_all
from tandem.interop.iati.records import ImportProblem
from tandem.interop.iati_registry.plan import problem_line
from tandem.interop.iati_registry.problems import IATI_PROBLEMS, problem_text

pytestmark = pytest.mark.unit

FILE = b"""<iati-activities>
<iati-activity>
<iati-identifier>XM-T-1</iati-identifier>
<reporting-org ref='XM-T' type='10'/>
<participating-org role='1' ref='XM-T-F'/>
<participating-org role='9' ref='XM-T-G'/>
<activity-status code='8'/>
<activity-date type='1' iso-date='2020-01-01'/>
</iati-activity>
</iati-activities>
"""


def _problems() -> dict[str, object]:
    _records, problems = read_all(io.BytesIO(FILE), max_bytes=1_000_000)
    return {problem.code: problem for problem in problems}


def test_each_problem_has_a_code_and_parameters() -> None:
    problems = _problems()
    assert {"no_version", "no_title", "unknown_role", "unknown_status"} <= problems.keys()
    assert set(problems) <= set(IATI_PROBLEMS)
    assert problems["unknown_role"].params == (("role", "9"),)  # type: ignore[attr-defined]
    assert problems["unknown_status"].params == (("status", "8"),)  # type: ignore[attr-defined]


def test_a_problem_line_names_the_activity_and_its_line_in_english() -> None:
    problem = _problems()["unknown_role"]
    with translation.override("en"):
        line = problem_line(problem)  # type: ignore[arg-type]
    assert line == (
        "XM-T-1, line 6 (note): a participating organisation with the unknown role 9 was left out"
    )


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_the_text_comes_from_the_reader_catalogue(language: str) -> None:
    problem = _problems()["unknown_status"]
    with translation.override(language):
        expected = translation.gettext(
            "unknown activity-status code %(status)s (expected 1 to 6); read as 1"
        ) % {"status": "8"}
        assert problem_text(problem) == expected  # type: ignore[arg-type]
        assert "XM-T-1" in problem_line(problem)  # type: ignore[arg-type]


def test_a_problem_without_a_code_keeps_its_english_message() -> None:
    with translation.override("ru"):
        assert problem_text(ImportProblem("something odd")) == "something odd"
