"""A deterministic generator of illustrative organisations and people (pure Python).

Everything it makes is invented for demonstration. The same seed and sizes give the same
records, so that the demo, the tests and the benchmarks stand on the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (en, ja, ru) stems for company names, by side.
JAPANESE_STEMS = (
    ("Hokuto", "北斗", "Хокуто"),
    ("Asahi", "朝日", "Асахи"),
    ("Kiso", "木曽", "Кисо"),
    ("Shinano", "信濃", "Синано"),
    ("Tsubame", "燕", "Цубамэ"),
    ("Mikawa", "三河", "Микава"),
    ("Seto", "瀬戸", "Сэто"),
    ("Kaga", "加賀", "Кага"),
    ("Izumo", "出雲", "Идзумо"),
    ("Sakura", "桜", "Сакура"),
    ("Hayate", "疾風", "Хаятэ"),
    ("Minato", "港", "Минато"),
    ("Tokiwa", "常盤", "Токива"),
    ("Yamato", "大和", "Ямато"),
    ("Aoba", "青葉", "Аоба"),
)
RUSSIAN_STEMS = (
    ("Uralmash", "ウラルマシ", "Уралмаш"),
    ("Sibtech", "シブテック", "Сибтех"),
    ("Volga", "ヴォルガ", "Волга"),
    ("Amur", "アムール", "Амур"),
    ("Baikal", "バイカル", "Байкал"),
    ("Kama", "カマ", "Кама"),
    ("Neva", "ネヴァ", "Нева"),
    ("Primorye", "プリモーリエ", "Приморье"),
    ("Tayga", "タイガ", "Тайга"),
    ("Sever", "セーヴェル", "Север"),
    ("Don", "ドン", "Дон"),
    ("Oka", "オカ", "Ока"),
    ("Irtysh", "イルティシ", "Иртыш"),
    ("Zarya", "ザーリャ", "Заря"),
    ("Vostok", "ヴォストーク", "Восток"),
)
JAPANESE_TRADES = (
    ("Precision", "精機", "Сэйки"),
    ("Medical", "メディカル", "Медикал"),
    ("Foods", "食品", "Фудз"),
    ("Logistics", "ロジスティクス", "Логистикс"),
    ("Robotics", "ロボティクス", "Роботикс"),
    ("Engineering", "エンジニアリング", "Инжиниринг"),
    ("Systems", "システムズ", "Системз"),
    ("Materials", "マテリアル", "Материалз"),
)
RUSSIAN_TRADES = (
    ("Machine Works", "機械工場", "Машзавод"),
    ("Med", "メド", "Мед"),
    ("Agro", "アグロ", "Агро"),
    ("Trans", "トランス", "Транс"),
    ("Energo", "エネルゴ", "Энерго"),
    ("Les", "レス", "Лес"),
    ("Ryba", "ルイバ", "Рыба"),
    ("Soft", "ソフト", "Софт"),
)
JAPANESE_SURNAMES = (
    ("Sato", "佐藤", "Сато"),
    ("Suzuki", "鈴木", "Судзуки"),
    ("Takahashi", "高橋", "Такахаси"),
    ("Tanaka", "田中", "Танака"),
    ("Watanabe", "渡辺", "Ватанабэ"),
    ("Ito", "伊藤", "Ито"),
    ("Yamamoto", "山本", "Ямамото"),
    ("Nakamura", "中村", "Накамура"),
    ("Kobayashi", "小林", "Кобаяси"),
    ("Kato", "加藤", "Като"),
)
JAPANESE_GIVEN = (
    ("Hiroshi", "博", "Хироси"),
    ("Yuki", "由紀", "Юки"),
    ("Kenji", "健二", "Кэндзи"),
    ("Akiko", "明子", "Акико"),
    ("Takeshi", "武", "Такэси"),
    ("Naoko", "直子", "Наоко"),
)
RUSSIAN_SURNAMES = (
    ("Ivanov", "イワノフ", "Иванов"),
    ("Smirnov", "スミルノフ", "Смирнов"),
    ("Kuznetsov", "クズネツォフ", "Кузнецов"),
    ("Popov", "ポポフ", "Попов"),
    ("Sokolov", "ソコロフ", "Соколов"),
    ("Lebedev", "レベデフ", "Лебедев"),
    ("Morozov", "モロゾフ", "Морозов"),
    ("Volkov", "ヴォルコフ", "Волков"),
)
RUSSIAN_GIVEN = (
    ("Alexei", "アレクセイ", "Алексей"),
    ("Olga", "オリガ", "Ольга"),
    ("Dmitry", "ドミトリー", "Дмитрий"),
    ("Irina", "イリーナ", "Ирина"),
    ("Sergei", "セルゲイ", "Сергей"),
    ("Natalia", "ナタリア", "Наталья"),
)
POSITIONS = (
    ("Director", "取締役", "Директор"),
    (
        "Head of international cooperation",
        "国際協力部長",
        "Руководитель отдела международного сотрудничества",
    ),
    ("Chief engineer", "技師長", "Главный инженер"),
    ("Export manager", "輸出担当マネージャー", "Менеджер по экспорту"),
)
KINDS = ("company", "company", "company", "enterprise", "enterprise", "university", "agency")


@dataclass(frozen=True)
class Names:
    en: str
    ja: str
    ru: str


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    side: str
    kind: str
    name: Names
    region_index: int


@dataclass(frozen=True)
class DemoPerson:
    key: str
    side: str
    organisation_key: str
    name: Names
    position: Names


def _company_name(side: str, serial: int) -> Names:
    stems, trades = (
        (JAPANESE_STEMS, JAPANESE_TRADES) if side == "JP" else (RUSSIAN_STEMS, RUSSIAN_TRADES)
    )
    # Names are unique by construction: every (stem, trade) pair once, then numbered.
    stem = stems[serial % len(stems)]
    trade = trades[(serial // len(stems)) % len(trades)]
    suffix = "" if serial < len(stems) * len(trades) else f" {serial}"
    return Names(
        en=f"{stem[0]} {trade[0]}{suffix}",
        ja=f"{stem[1]}{trade[1]}{suffix}",
        ru=f"{stem[2]}{trade[2]}{suffix}" if side == "RU" else f"{stem[2]} {trade[2]}{suffix}",
    )


def _person_name(rng: random.Random, side: str) -> Names:
    if side == "JP":
        surname, given = rng.choice(JAPANESE_SURNAMES), rng.choice(JAPANESE_GIVEN)
        return Names(
            en=f"{given[0]} {surname[0]}",
            ja=f"{surname[1]}{given[1]}",
            ru=f"{given[2]} {surname[2]}",
        )
    surname, given = rng.choice(RUSSIAN_SURNAMES), rng.choice(RUSSIAN_GIVEN)
    female = given[0] in {"Olga", "Irina", "Natalia"}
    ru_surname = surname[2] + ("а" if female else "")
    return Names(
        en=f"{given[0]} {surname[0]}{'a' if female else ''}",
        ja=f"{given[1]}・{surname[1]}{'ア' if female else ''}",
        ru=f"{given[2]} {ru_surname}",
    )


def generate_organisations(seed: int, count: int) -> list[DemoOrganisation]:
    rng = random.Random(f"organisations:{seed}")
    result = []
    for serial in range(count):
        side = "JP" if serial % 2 == 0 else "RU"
        result.append(
            DemoOrganisation(
                key=f"demo-org-{serial:05d}",
                side=side,
                kind=rng.choice(KINDS),
                name=_company_name(side, serial),
                region_index=rng.randrange(1_000_000),
            )
        )
    return result


def generate_people(
    seed: int, count: int, organisations: list[DemoOrganisation]
) -> list[DemoPerson]:
    rng = random.Random(f"people:{seed}")
    result = []
    for serial in range(count):
        organisation = organisations[serial % len(organisations)]
        position = rng.choice(POSITIONS)
        result.append(
            DemoPerson(
                key=f"demo-person-{serial:05d}",
                side=organisation.side,
                organisation_key=organisation.key,
                name=_person_name(rng, organisation.side),
                position=Names(*position),
            )
        )
    return result
