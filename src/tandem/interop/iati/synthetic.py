"""Deterministic synthetic joint projects, for tests and benchmarks.

Illustrative data, not facts: the names are made up; only the plan areas and national projects
are the programme's real codes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from .records import (
    ActivityRecord,
    BaselineRecord,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    IndicatorRecord,
    Measure,
    OrgRef,
    ParticipantRecord,
    ParticipantRole,
    PeriodRecord,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    ReportingOrg,
    ResultKind,
    ResultRecord,
    SectorRecord,
)

REPORTING_ORG = ReportingOrg(
    ref="XM-TANDEM-JR",
    type_code="10",
    names={
        "en": "Japan-Russia programme secretariat (illustrative)",
        "ja": "日露協力プログラム事務局（例示）",
        "ru": "Секретариат японско-российской программы (пример)",
    },
    vocabulary_base_uri="https://tandem.example.org/codelists",
)

_TOPICS = [
    ("Hospital diagnostics centre", "病院診断センター", "Диагностический центр больницы"),
    ("Waste sorting plant", "廃棄物選別工場", "Мусоросортировочный завод"),
    (
        "Lean production at a machine works",
        "機械工場のリーン生産",
        "Бережливое производство на заводе",
    ),
    ("LNG terminal upgrade", "LNGターミナルの改修", "Модернизация терминала СПГ"),
    (
        "Greenhouse vegetables in the Far East",
        "極東の温室野菜",
        "Тепличные овощи на Дальнем Востоке",
    ),
    (
        "Port logistics software",
        "港湾物流ソフトウェア",
        "Программное обеспечение для портовой логистики",
    ),
    ("Student exchange in engineering", "工学分野の学生交流", "Студенческий обмен в инженерии"),
    ("Urban transport planning", "都市交通計画", "Планирование городского транспорта"),
]
_CITIES = [
    ("Vladivostok", "ウラジオストク", "Владивосток"),
    ("Khabarovsk", "ハバロフスク", "Хабаровск"),
    ("Yekaterinburg", "エカテリンブルク", "Екатеринбург"),
    ("Kazan", "カザン", "Казань"),
    ("Novosibirsk", "ノヴォシビルスク", "Новосибирск"),
]
_REGIONS = [
    ("FE", "Far East", "Дальний Восток"),
    ("UR", "Urals", "Урал"),
    ("SI", "Siberia", "Сибирь"),
]
_JP_ORGS = [
    ("Sakura Machinery (illustrative)", "さくら機械（例示）"),
    ("Hokkai Trading (illustrative)", "北海商事（例示）"),
]
_RU_ORGS = [
    ("Volga Components (illustrative)", "Волжские компоненты (пример)"),
    ("Amur Logistics (illustrative)", "Амурская логистика (пример)"),
]
_SECTORS = ["12191", "14050", "23630", "25010", "31161", "32130", "43030", "11420"]


def _participants(rng: random.Random, n: int) -> tuple[ParticipantRecord, ...]:
    jp_en, jp_ja = rng.choice(_JP_ORGS)
    ru_en, ru_ru = rng.choice(_RU_ORGS)
    people = [
        ParticipantRecord(
            {"en": jp_en, "ja": jp_ja},
            ParticipantRole.LEAD,
            ref=f"JP-COR-{n % 9000 + 1000}",
            type_code="71",
            country="JP",
        ),
        ParticipantRecord(
            {"en": ru_en, "ru": ru_ru},
            ParticipantRole.PARTNER,
            ref=f"RU-INN-{7700000000 + n}",
            type_code="72",
            country="RU",
        ),
    ]
    if rng.random() < 0.5:
        people.append(
            ParticipantRecord(
                {"en": "Bank for development (illustrative)", "ja": "開発銀行（例示）"},
                ParticipantRole.FUNDER,
                ref="JP-GOV-1",
                type_code="15",
                country="JP",
            )
        )
    if rng.random() < 0.3:
        people.append(ParticipantRecord({"ru": "Подрядчик (пример)"}, ParticipantRole.IMPLEMENTER))
    return tuple(people)


def _financing(rng: random.Random, start: date) -> tuple[FinancingRecord, ...]:
    lines = []
    for i in range(rng.randint(2, 8)):
        kind = rng.choice([k for k in FinancingKind if k is not FinancingKind.UNSPECIFIED])
        stage = rng.choice(list(FinancingStage))
        when = start + timedelta(days=90 * i)
        amount = Decimal(rng.randint(1, 5000) * 1000)
        lines.append(
            FinancingRecord(
                kind=kind,
                stage=stage,
                amount=amount,
                currency=rng.choice(["JPY", "RUB", "USD", "EUR"]),
                date=when,
                period_end=when + timedelta(days=364) if stage is FinancingStage.PLANNED else None,
                provider=OrgRef({"en": "Bank for development (illustrative)"}, "JP-GOV-1", "15")
                if stage is not FinancingStage.PLANNED
                else None,
                descriptions={"en": f"Tranche {i + 1}", "ru": f"Транш {i + 1}"}
                if i % 2 and stage is not FinancingStage.PLANNED
                else {},
            )
        )
    return tuple(lines)


def _results(rng: random.Random, start: date) -> tuple[ResultRecord, ...]:
    if rng.random() < 0.4:
        return ()
    year = start.year
    indicator = IndicatorRecord(
        titles={"en": "Labour productivity", "ja": "労働生産性", "ru": "Производительность труда"},
        measure=Measure.PERCENTAGE,
        ascending=True,
        baseline=BaselineRecord(year=year, value=Decimal(100), iso_date=date(year, 1, 1)),
        periods=tuple(
            PeriodRecord(
                date(year + k, 1, 1),
                date(year + k, 12, 31),
                target=Decimal(100 + 10 * (k + 1)),
                actual=Decimal(100 + rng.randint(0, 15) * (k + 1)) if k < 2 else None,
            )
            for k in range(3)
        ),
    )
    return (
        ResultRecord(
            ResultKind.OUTCOME,
            {"en": "Higher productivity", "ru": "Рост"},
            (indicator,),
            descriptions={"ja": "生産性の向上"},
        ),
    )


def make_record(n: int, *, seed: int = 0) -> ActivityRecord:
    """The ``n``-th synthetic joint project (same ``n`` and ``seed``, same record)."""
    rng = random.Random(seed * 1_000_003 + n)
    topic_en, topic_ja, topic_ru = rng.choice(_TOPICS)
    city_en, city_ja, city_ru = rng.choice(_CITIES)
    year = 2016 + n % 8
    start = date(year, rng.randint(1, 12), rng.randint(1, 28))
    status = rng.choice(list(ProjectStatus))
    started = status not in (ProjectStatus.IDEA, ProjectStatus.NEGOTIATION, ProjectStatus.AGREED)
    region_code, region_en, region_ru = rng.choice(_REGIONS)
    return ActivityRecord(
        code=f"JR-{year}-{n:05d}",
        titles={
            "en": f"{topic_en} in {city_en}",
            "ja": f"{city_ja}における{topic_ja}",
            "ru": f"{topic_ru}: {city_ru}",
        },
        descriptions={
            "en": f"Joint project {n}: {topic_en.lower()} with partners from Japan and Russia.",
            "ja": f"共同プロジェクト{n}：日本とロシアのパートナーによる{topic_ja}。",
            "ru": f"Совместный проект {n}: {topic_ru.lower()} с партнёрами из Японии и России.",
        },
        status=status,
        participants=_participants(rng, n),
        planned_start=start,
        actual_start=start + timedelta(days=rng.randint(0, 60)) if started else None,
        planned_end=start + timedelta(days=365 * rng.randint(1, 4)),
        actual_end=start + timedelta(days=400) if status is ProjectStatus.COMPLETED else None,
        recipient_countries=(RecipientCountry("RU", Decimal(100)),),
        regions=(RegionRecord(region_code, "99", {"en": region_en, "ru": region_ru}),),
        sectors=(SectorRecord(rng.choice(_SECTORS), "1", percentage=Decimal(100)),),
        plan_areas=tuple(sorted(rng.sample([f"P{i}" for i in range(1, 9)], rng.randint(1, 2)))),
        national_projects=tuple(
            sorted(rng.sample([f"N{i}" for i in range(1, 14)], rng.randint(0, 2)))
        ),
        financing=_financing(rng, start),
        results=_results(rng, start),
        last_updated=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=n),
        default_currency="JPY",
    )


def make_records(count: int, *, seed: int = 0) -> Iterator[ActivityRecord]:
    """``count`` synthetic joint projects, generated lazily."""
    for n in range(count):
        yield make_record(n, seed=seed)
