"""A refused trade file's problems are codes with parameters, shown in the reader's language:
no "The format could not be told from the header" inside a Russian page, no "Row 3: … is
not a number" inside a Japanese one (issue 17). The command line keeps the English text."""

import io
from pathlib import Path

import pytest
from django.utils import translation

from tandem.core.messages import render
from tandem.trade.formats import FileRejectedError, FlowReader, Problem
from tandem.trade.messages import TRADE_PROBLEMS, problem_text

pytestmark = pytest.mark.unit

KNOWN = {"27", "2709", "270900", "03", "0303", "030311", "847130", "870323", "8703"}
CASES = {
    "bad_number.csv": "not_a_number",
    "bad_hs_code.csv": "unknown_hs_code",
    "bad_russia_direction.csv": "not_a_direction",
    "bad_japan_country.csv": "unknown_country",
    "bad_formula.csv": "formula",
}


def _problems(raw: bytes) -> list[Problem]:
    reader = FlowReader(io.BytesIO(raw), None, KNOWN)
    return [item for _, item in reader.rows() if isinstance(item, Problem)]


def _translated(code: str, language: str) -> bool:
    with translation.override("en"):
        source = str(TRADE_PROBLEMS[code])
    with translation.override(language):
        return str(TRADE_PROBLEMS[code]) != source


@pytest.mark.parametrize("language", ["ja", "ru"])
@pytest.mark.parametrize(("name", "code"), CASES.items())
def test_a_bad_row_is_a_code_shown_in_the_readers_language(
    data_dir: Path, name: str, code: str, language: str
) -> None:
    (problem,) = _problems((data_dir / name).read_bytes())
    assert problem.startswith("Row 3: ")  # the English line the command line prints
    assert problem.code == "row" and problem.params["row"] == 3
    inner = problem.params["problem"]
    assert isinstance(inner, dict) and inner["code"] == code
    shown = problem_text(problem, language=language)
    expected = render(TRADE_PROBLEMS, {"code": "row", "params": problem.params}, language=language)
    assert shown == expected and '"code"' not in shown and "%(" not in shown
    if _translated(code, language):
        english = render(TRADE_PROBLEMS, inner, language="en")
        assert english not in shown  # the English sentence never leaks
    if _translated("row", language):
        assert not shown.startswith("Row 3")


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_a_refused_file_is_a_code_shown_in_the_readers_language(language: str) -> None:
    reader = FlowReader(io.BytesIO(b"a;b;c\n1;2;3\n"), None, KNOWN)
    with pytest.raises(FileRejectedError) as refused:
        list(reader.rows())
    problem = refused.value.problem()
    assert problem.code == "format_not_told" and "could not be told" in problem
    shown = problem_text(problem, language=language)
    assert shown == render(TRADE_PROBLEMS, {"code": "format_not_told"}, language=language)
    if _translated("format_not_told", language):
        assert "could not be told" not in shown


def test_a_plain_text_stays_as_it_is() -> None:
    assert problem_text("Something tandem did not foresee.", language="ru") == (
        "Something tandem did not foresee."
    )
