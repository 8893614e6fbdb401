"""A row's validation problems are sentences in the reader's language, not pydantic's English
dump ("status_date: Input should be a valid date or datetime, month value is outside …")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation
from pydantic import BaseModel, Field, ValidationError

from tandem.core.validation_text import schema_problem_text

pytestmark = pytest.mark.unit


class Row(BaseModel):
    code: str = Field(max_length=5)
    status_date: dt.date
    count: int


def _problems(**row: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Row(**row)  # type: ignore[arg-type]
    return [schema_problem_text(problem) for problem in caught.value.errors()]


def test_each_problem_is_one_sentence_with_the_field_and_value() -> None:
    with translation.override("en"):
        problems = _problems(code="TOO-LONG", status_date="2020-13-01", count="x")
    assert problems == [
        "code: longer than 5 characters",
        "status_date: '2020-13-01' is not a date (write it as YYYY-MM-DD)",
        "count: 'x' is not a whole number",
    ]
    assert not any("Input should" in problem for problem in problems)


def test_a_missing_value() -> None:
    with translation.override("en"):
        assert _problems(code="A", count=1) == ["status_date: a value is required"]


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_sentence_is_the_reader_language_one(language: str) -> None:
    with translation.override(language):
        expected = translation.gettext("%(field)s: a value is required") % {"field": "status_date"}
        assert _problems(code="A", count=1) == [expected]
