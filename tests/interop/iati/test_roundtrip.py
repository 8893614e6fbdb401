"""Export then import gives back equal records, Japanese and Cyrillic text included."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from tandem.interop.iati import (
    ActivityRecord,
    BaselineRecord,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    ImportProblem,
    IndicatorRecord,
    Measure,
    OrgRef,
    ParticipantRecord,
    ParticipantRole,
    PeriodRecord,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    ResultKind,
    ResultRecord,
    SectorRecord,
    read_all,
    write_activities,
)
from tandem.interop.iati.synthetic import REPORTING_ORG, make_records

pytestmark = pytest.mark.unit

GENERATED = datetime(2024, 5, 1, tzinfo=UTC)
MAX_BYTES = 10_000_000


def round_trip(records: list[ActivityRecord]) -> tuple[list[ActivityRecord], list[ImportProblem]]:
    out = io.BytesIO()
    write_activities(records, out, reporting_org=REPORTING_ORG, generated=GENERATED)
    out.seek(0)
    return read_all(out, max_bytes=MAX_BYTES)


def full_record() -> ActivityRecord:
    """One record using every field, every status-like value and both text scripts."""
    lines = tuple(
        FinancingRecord(
            kind=kind,
            stage=stage,
            amount=Decimal("1234567.89"),
            currency=currency,
            date=date(2020, 4, 1),
            period_end=date(2021, 3, 31) if stage is FinancingStage.PLANNED else None,
            provider=None
            if stage is FinancingStage.PLANNED
            else OrgRef({"ja": "国際協力銀行（例示）"}, "JP-EX-1", "10"),
            receiver=None
            if stage is FinancingStage.PLANNED
            else OrgRef({"ru": "ООО «Ромашка» (пример)"}),
            descriptions={}
            if stage is FinancingStage.PLANNED
            else {"ja": "第1回融資", "ru": "Первый транш"},
        )
        for kind, currency in zip(
            [k for k in FinancingKind if k is not FinancingKind.UNSPECIFIED],
            ["JPY", "RUB", "USD", "EUR"],
            strict=True,
        )
        for stage in FinancingStage
    )
    overridden = FinancingRecord(
        kind=FinancingKind.LOAN,
        stage=FinancingStage.COMMITTED,
        amount=Decimal("0.5"),
        currency="USD",
        date=date(2022, 1, 1),
        flow_type="37",
        finance_type="431",
    )
    return ActivityRecord(
        code="JR-2019-0042",
        titles={
            "en": "Diagnostics centre in Khabarovsk",
            "ja": "ハバロフスクの画像診断センター",
            "ru": "Диагностический центр в Хабаровске",
        },
        descriptions={
            "en": "Line one.\nLine two & <three>.",
            "ja": "日本の医療機器と技術者。「健康寿命の伸長」に貢献する。",
            "ru": "Ёмкость: 120 исследований в день; «под ключ».",
        },
        status=ProjectStatus.NEGOTIATION,
        participants=tuple(
            ParticipantRecord(
                {"ja": f"参加者{i}", "ru": f"Участник {i}"}, role, f"JP-COR-{i}", "70", country
            )
            for i, (role, country) in enumerate(
                zip(ParticipantRole, ["JP", "RU", "JP", None], strict=True)
            )
        ),
        planned_start=date(2019, 12, 19),
        actual_start=date(2020, 2, 1),
        planned_end=date(2023, 12, 31),
        actual_end=date(2024, 1, 15),
        recipient_countries=(RecipientCountry("RU", Decimal("80")), RecipientCountry("JP")),
        regions=(
            RegionRecord("FE", "99", {"en": "Far East", "ru": "Дальний Восток"}, Decimal("20")),
            RegionRecord("730", "1"),
        ),
        sectors=(
            SectorRecord("12191", percentage=Decimal("60.5")),
            SectorRecord(
                "EN", "99", "https://example.org/s", {"ja": "エネルギー"}, Decimal("39.5")
            ),
        ),
        plan_areas=("P1", "P7"),
        national_projects=("N2", "N13"),
        financing=(*lines, overridden),
        results=(
            ResultRecord(
                ResultKind.OUTCOME,
                {"ru": "Рост производительности"},
                (
                    IndicatorRecord(
                        {"ja": "労働生産性", "ru": "Производительность труда"},
                        Measure.PERCENTAGE,
                        ascending=False,
                        descriptions={"en": "Output per hour"},
                        baseline=BaselineRecord(2019, Decimal("100"), date(2019, 12, 31)),
                        periods=(
                            PeriodRecord(date(2020, 1, 1), date(2020, 12, 31), Decimal("105")),
                            PeriodRecord(date(2021, 1, 1), date(2021, 12, 31), None, Decimal(3)),
                        ),
                    ),
                    IndicatorRecord(
                        {"en": "Trainees"}, Measure.UNIT, baseline=BaselineRecord(2019)
                    ),
                ),
                descriptions={"ja": "成果"},
            ),
        ),
        last_updated=datetime(2024, 4, 30, 18, 5, 7, 123456, tzinfo=timezone(timedelta(hours=9))),
        default_currency="RUB",
    )


def test_round_trip_synthetic_records_equal() -> None:
    records = list(make_records(60, seed=11))

    back, problems = round_trip(records)

    assert problems == []
    assert back == records


def test_round_trip_full_record_equal() -> None:
    record = full_record()

    back, problems = round_trip([record])

    assert problems == []
    assert back == [record]


def test_round_trip_keeps_foreign_identifier_and_every_status() -> None:
    records = [
        ActivityRecord(
            code=f"JR-2020-{i:04d}",
            titles={"ru": "Проект"},
            descriptions={"ja": "説明"},
            status=status,
            participants=(ParticipantRecord({"en": "P"}, ParticipantRole.PARTNER),),
            actual_end=date(2021, 1, 1),
            iati_identifier=f"GB-OTHER-{i}" if i % 2 else None,
        )
        for i, status in enumerate(ProjectStatus)
    ]

    back, problems = round_trip(records)

    assert problems == []
    assert back == records


def test_round_trip_japanese_and_cyrillic_written_as_utf8() -> None:
    out = io.BytesIO()
    write_activities([full_record()], out, reporting_org=REPORTING_ORG, generated=GENERATED)
    data = out.getvalue()

    assert "ハバロフスクの画像診断センター".encode() in data
    assert "Ёмкость: 120 исследований в день; «под ключ».".encode() in data
    assert b"&#" not in data


def test_round_trip_through_a_file_path(tmp_path: Path) -> None:
    records = list(make_records(5, seed=2))
    path = tmp_path / "activities.xml"
    with path.open("wb") as out:
        write_activities(records, out, reporting_org=REPORTING_ORG, generated=GENERATED)

    back, problems = read_all(path, max_bytes=MAX_BYTES)

    assert problems == []
    assert back == records
