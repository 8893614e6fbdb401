"""Structures of real publishers' files are read whole (files written for the tests)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from tandem.interop.iati import (
    FinancingRecord,
    ReportingOrg,
    read_all,
    validate,
    write_activities,
)

from .published import LONG_TITLE, activities_file, activity_es, activity_nl

pytestmark = pytest.mark.unit

MAX = 10_000_000
ORG = ReportingOrg("XM-OURS", "10", {"en": "Ours"}, "https://example.org/vocab")


def _money(line: FinancingRecord) -> tuple[object, ...]:
    return (line.amount, line.currency, line.date, line.period_end, line.value_date, line.kind)


def _read(raw: bytes):  # type: ignore[no-untyped-def]
    records, problems = read_all(raw, max_bytes=MAX)
    return records, problems


def test_file_without_version_is_read_with_a_note() -> None:
    records, problems = _read(activities_file(activity_es(), activity_nl()))
    assert len(records) == 2
    assert [p.severity for p in problems] == ["warning"]
    assert "does not say its IATI version" in problems[0].message


def test_spanish_only_activity_keeps_its_texts_in_spanish_with_lower_case_codes() -> None:
    (record,), _ = _read(activities_file(activity_es(), version="2.01"))
    assert record.titles == {"es": LONG_TITLE}
    assert len(LONG_TITLE) > 300
    assert record.descriptions == {}
    assert record.other_descriptions == {"2": {"es": "Reducir la mortalidad infantil."}}
    assert record.iati_identifier == "XM-EXAMPLE-1-ES-0007"


def test_narrative_without_language_takes_the_file_language() -> None:
    (record,), _ = _read(activities_file(activity_es(), version="2.03", lang="es"))
    names = [p.names for p in record.participants]
    assert {"es": "Red de Salud Rural"} in names


def test_every_budget_disbursement_and_transaction_becomes_a_line() -> None:
    (record,), problems = _read(activities_file(activity_es(), version="2.02"))
    assert not [p for p in problems if p.severity == "error"]
    types = [line.line_type for line in record.financing]
    assert types == [
        "budget",
        "budget",
        "planned_disbursement",
        "commitment",
        "disbursement",
        "expenditure",
    ]
    currencies = [line.currency for line in record.financing]
    assert currencies == ["EUR", "EUR", "USD", "EUR", "USD", "EUR"]
    assert record.financing[5].amount == Decimal("-1500.25")
    assert record.financing[4].value_date == date(2020, 6, 28)
    assert all(str(line.kind) == "unspecified" for line in record.financing)


def test_text_baselines_targets_and_actuals_are_kept() -> None:
    (record,), _ = _read(activities_file(activity_es(), version="2.03"))
    numeric, words = record.results[0].indicators
    assert numeric.baseline is not None and numeric.baseline.value == Decimal(1200)
    assert words.baseline is not None and words.baseline.text == "No"
    assert words.periods[0].target_text == "Si"
    assert words.periods[0].actual_text == "En curso"


def test_locations_and_document_links_are_kept() -> None:
    (record,), _ = _read(activities_file(activity_es(), version="2.03"))
    assert record.locations[0].point == "-19.58 -65.75"
    assert record.document_links[0].languages == ("es",)
    assert record.recipient_countries[0].code == "BO"


def test_export_of_read_activities_is_valid_and_reads_back_the_same() -> None:
    records, _ = _read(activities_file(activity_es(), activity_nl(), version="2.03"))
    out = io.BytesIO()
    left_out: list[Exception] = []
    written = write_activities(
        records,
        out,
        reporting_org=ORG,
        generated=datetime(2024, 1, 1, tzinfo=UTC),
        left_out=left_out.append,
    )
    assert (written, left_out) == (2, [])
    assert validate(out.getvalue()) == []
    again, problems = _read(out.getvalue())
    assert not [p for p in problems if p.severity == "error"]
    for before, after in zip(records, again, strict=True):
        assert [_money(line) for line in after.financing] == [
            _money(line) for line in before.financing
        ]
        assert after.results == before.results
        assert after.titles == before.titles
        assert after.other_descriptions == before.other_descriptions
        assert after.locations == before.locations


def test_activity_without_any_description_is_written_with_its_title_and_reads_back_without() -> (
    None
):
    records, _ = _read(activities_file(activity_es(), version="2.03"))
    bare = records[0].__class__(
        **{
            **{f: getattr(records[0], f) for f in records[0].__dataclass_fields__},
            "other_descriptions": {},
        }
    )
    out = io.BytesIO()
    write_activities([bare], out, reporting_org=ORG, generated=datetime(2024, 1, 1, tzinfo=UTC))
    assert validate(out.getvalue()) == []
    (again,), _ = _read(out.getvalue())
    assert again.descriptions == {} and again.other_descriptions == {}


def test_a_withdrawn_finance_type_is_left_out_not_the_activity() -> None:
    text = activity_nl().replace(
        '<value value-date="2019-01-20">40000</value></transaction>',
        '<value value-date="2019-01-20">40000</value><finance-type code="411"/></transaction>',
    )
    records, _ = _read(activities_file(text, version="2.02"))
    assert records[0].financing[0].finance_type == "411"
    out = io.BytesIO()
    written = write_activities(
        records, out, reporting_org=ORG, generated=datetime(2024, 1, 1, tzinfo=UTC)
    )
    assert written == 1
    assert validate(out.getvalue()) == []
    assert b'finance-type code="411"' not in out.getvalue()
