"""The KPI import's problems are codes with parameters, shown in the reader's language: no
English "Row 2: '' is not a number." inside a Japanese or Russian page (issue 17)."""

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from openpyxl import Workbook

from tandem.core.messages import render
from tandem.core.models import User
from tandem.exchange.messages import KPI_PROBLEMS
from tandem.exchange.services.kpi_import import COLUMNS, KpiImportError, kpi_import

pytestmark = pytest.mark.integration


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "kpi"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _bad(pk: int) -> bytes:
    return _xlsx(
        [
            [pk, "", "lead_time", "", "days", "", 0, "2019-01-15", "", "ERP"],  # no value
            [pk, "", "lead_time", "", "days", "maybe", 6, "15/07/2019", 3, ""],  # flag, date
            [pk + 999, "", "nonsense", "", "days", "", 7, "2019-01-15", 3, "x"],  # enterprise
        ]
    )


@pytest.fixture(autouse=True)
def _language_restored() -> Any:
    """The signed-in reader's language is activated by the middleware for the thread: keep it
    out of the tests that run after these."""
    language = translation.get_language()
    yield
    translation.activate(language)


def _translated(msgid: str, language: str) -> bool:
    with translation.override(language):
        return translation.gettext(msgid) != msgid


def test_problems_are_codes_with_parameters_not_sentences(
    pair: dict[str, Any], coordinator: User
) -> None:
    with pytest.raises(KpiImportError) as error:
        kpi_import(
            content=_bad(pair["enterprise"].pk), enterprises=[pair["enterprise"]], actor=coordinator
        )
    problems = error.value.problems
    assert [p["code"] for p in problems] == ["row", "row", "row"]
    assert [p["params"]["row"] for p in problems] == [2, 3, 4]
    assert problems[0]["params"]["problem"] == {"code": "not_a_number", "params": {"value": ""}}
    assert {p["params"]["problem"]["code"] for p in problems} <= set(KPI_PROBLEMS)
    assert error.value.errors[0] == "Row 2: “” is not a number."  # English for logs


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_import_page_shows_the_problems_in_the_readers_language(
    client: Client, pair: dict[str, Any], coordinator: User, language: str
) -> None:
    coordinator.language = language
    coordinator.save(update_fields=["language"])
    client.force_login(coordinator)
    upload = io.BytesIO(_bad(pair["enterprise"].pk))
    upload.name = "kpi.xlsx"
    page = client.post(reverse("web:exchange_kpi_import"), {"file": upload})
    text = page.content.decode()
    with pytest.raises(KpiImportError) as error:
        kpi_import(
            content=_bad(pair["enterprise"].pk), enterprises=[pair["enterprise"]], actor=coordinator
        )
    for problem in error.value.problems:
        assert escape(render(KPI_PROBLEMS, problem, language=language)) in text
    if _translated("Row %(row)d: %(problem)s", language):
        assert "Row 2" not in text  # the English sentence never leaks
    if _translated("“%(value)s” is not a number.", language):
        assert "is not a number" not in text
