"""What the IATI parser and the export find wrong is kept as a problem code with parameters and
rendered in the reader's language at the edge (issue 25): malformed XML, a root element found
only after the first 64 KiB, a file that cannot be opened, bad values inside an activity, and
the reasons an activity is left out of an export. Files written for the tests."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from tandem.interop.iati import (
    ActivityRecord,
    ExportError,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    ParticipantRecord,
    ParticipantRole,
    ProjectStatus,
    read_all,
    write_activities,
)
from tandem.interop.iati.records import ImportProblem
from tandem.interop.iati.synthetic import REPORTING_ORG
from tandem.interop.iati_registry.problems import (
    EXPORT_PROBLEMS,
    IATI_PROBLEMS,
    export_problem_text,
    problem_text,
)

pytestmark = pytest.mark.unit

MAX = 1_000_000

ACTIVITY_WITH_BAD_VALUES = b"""<iati-activities version="2.03">
<iati-activity default-currency="EUR">
<iati-identifier>XM-T-1</iati-identifier>
<reporting-org ref="XM-T" type="10"><narrative>T</narrative></reporting-org>
<title><narrative>Ports</narrative></title>
<participating-org role="1" ref="XM-T"/>
<activity-status code="2"/>
<activity-date type="1" iso-date="2020-13-45"/>
<activity-date type="2" iso-date="1 May 2020"/>
<sector code=""/>
<transaction><transaction-type code="99"/><value>10</value></transaction>
<transaction><transaction-type code="3"/><value currency="eu">10</value></transaction>
<document-link format="text/html"><category code="A01"/></document-link>
</iati-activity>
<iati-activity>
<iati-identifier> </iati-identifier>
<title><narrative>No identifier</narrative></title>
</iati-activity>
</iati-activities>
"""


def _problems(raw: bytes) -> list[ImportProblem]:
    return read_all(io.BytesIO(raw), max_bytes=MAX)[1]


def _only(raw: bytes) -> ImportProblem:
    problems = _problems(raw)
    assert len(problems) == 1, problems
    return problems[0]


def test_malformed_xml_has_a_code_and_keeps_the_parser_detail() -> None:
    problem = _only(b'<iati-activities version="2.03"><iati-activity><title></iati-activity>')
    assert problem.code == "file_not_well_formed"
    detail = dict(problem.params)["detail"]
    assert detail and detail in problem.message
    with translation.override("en"):
        text = problem_text(problem)
    assert text.startswith("the file is not well-formed XML (damaged or truncated)")
    assert detail in text


def test_a_root_found_after_the_first_64_kib_has_the_root_code() -> None:
    """The sniffing of the head sees only a comment; the parser finds <other> and no event."""
    raw = b"<!--" + b"x" * 70_000 + b"-->\n<other><a/></other>\n"
    problem = _only(raw)
    assert (problem.code, dict(problem.params)) == ("file_root", {"root": "other"})
    with translation.override("en"):
        assert problem_text(problem) == "the root element is <other>, expected <iati-activities>"


def test_a_file_that_cannot_be_opened_has_a_code(tmp_path: Path) -> None:
    records, problems = read_all(tmp_path / "absent.xml", max_bytes=MAX)
    assert records == []
    assert [p.code for p in problems] == ["file_unreadable"]
    assert dict(problems[0].params)["reason"]


def test_every_bad_value_in_an_activity_has_a_catalogued_code() -> None:
    problems = _problems(ACTIVITY_WITH_BAD_VALUES)
    codes = [p.code for p in problems]
    assert "" not in codes, [p.message for p in problems if not p.code]
    assert set(codes) <= set(IATI_PROBLEMS)
    assert {
        "impossible_date",
        "bad_date",
        "no_code",
        "unknown_transaction_type",
        "bad_currency",
        "document_no_url",
        "empty_identifier",
    } <= set(codes)
    empty = next(p for p in problems if p.code == "empty_identifier")
    assert empty.severity == "error"  # the identifier is essential: the activity is refused


def test_a_left_out_element_is_said_in_the_catalogue_text_not_the_english_message() -> None:
    problem = next(p for p in _problems(ACTIVITY_WITH_BAD_VALUES) if p.code == "bad_date")
    assert dict(problem.params) == {
        "what": "activity-date type 2",
        "value": "1 May 2020",
        "left_out": "activity-date",
    }
    with translation.override("en"):
        text = problem_text(problem)
    # The catalogue quotes the value with “…”; the English message (repr) with '…'.
    assert text == (
        "activity-date type 2 has a bad date “1 May 2020” (expected YYYY-MM-DD); "
        "the activity-date was left out"
    )
    assert problem.message != text


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_parser_problems_are_rendered_through_gettext(language: str) -> None:
    problem = next(p for p in _problems(ACTIVITY_WITH_BAD_VALUES) if p.code == "bad_currency")
    params = dict(problem.params)
    with translation.override(language):
        expected = translation.gettext(
            "%(what)s has a value in an unknown currency “%(currency)s”"
        ) % {"what": params["what"], "currency": params["currency"]}
        frame = translation.gettext("%(problem)s; the %(element)s was left out")
        assert problem_text(problem) == frame % {"problem": expected, "element": "transaction"}


def _record(**changes: object) -> ActivityRecord:
    record = ActivityRecord(
        code="JR-2019-0042",
        titles={"en": "Port logistics software"},
        descriptions={"en": "A joint project."},
        status=ProjectStatus.AGREED,
        participants=(ParticipantRecord({"en": "Lead company"}, ParticipantRole.LEAD),),
        planned_start=date(2020, 1, 1),
    )
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def _line(**changes: object) -> FinancingRecord:
    line = FinancingRecord(
        kind=FinancingKind.LOAN,
        stage=FinancingStage.PLANNED,
        amount=Decimal(1000),
        currency="JPY",
        date=date(2020, 1, 1),
        period_end=date(2020, 12, 31),
    )
    return dataclasses.replace(line, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "code", "english"),
    [
        ({"titles": {}}, "export_no_text", "title has no text in any language"),
        ({"participants": ()}, "export_no_participants", None),
        ({"planned_start": None}, "export_no_dates", None),
        ({"plan_areas": ("P9",)}, "export_unknown_code", "unknown plan area “P9”"),
        (
            {"financing": (_line(currency="GB"),)},
            "export_currency",
            "the currency “GB” is not an ISO 4217 code",
        ),
        (
            {"financing": (_line(period_end=None),)},
            "export_budget_period",
            "the budget of 1 January 2020 has no period end",
        ),
        ({"default_currency": "eur"}, "export_currency", None),
    ],
)
def test_export_errors_have_a_catalogued_code(
    changes: dict[str, object], code: str, english: str | None
) -> None:
    left_out: list[ExportError] = []
    write_activities(
        [_record(**changes)],
        io.BytesIO(),
        reporting_org=REPORTING_ORG,
        generated=datetime(2024, 5, 1, tzinfo=UTC),
        left_out=left_out.append,
    )
    [error] = left_out
    assert error.code == code
    assert code in EXPORT_PROBLEMS
    with translation.override("en"):
        text = export_problem_text(error)
    if english is not None:
        assert text == english
