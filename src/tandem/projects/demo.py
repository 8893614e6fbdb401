"""A deterministic generator of illustrative joint projects (pure Python, no Django).

The projects are made up but shaped like the programme's: titles in three languages from
templates per plan area, national projects and aspects that fit them, regions that fit the
area (the Far East for P6), both sides' leads, statuses that moved forward since 2016, money.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

# (plan area, national projects, aspects, far_east_only, en, ja, ru); {city} names a place.
TEMPLATES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], bool, str, str, str], ...] = (
    (
        "P1",
        ("N2", "N1"),
        (),
        False,
        "Rehabilitation centre in {city}",
        "{city}のリハビリテーションセンター",
        "Реабилитационный центр в г. {city}",
    ),
    (
        "P1",
        ("N2",),
        ("localisation",),
        False,
        "Localised production of diagnostic equipment in {city}",
        "{city}における診断機器の現地生産",
        "Локализация производства диагностического оборудования в г. {city}",
    ),
    (
        "P1",
        ("N2", "N9"),
        (),
        False,
        "Telemedicine network for hospitals of {city}",
        "{city}の病院向け遠隔医療ネットワーク",
        "Сеть телемедицины для больниц г. {city}",
    ),
    (
        "P2",
        ("N4", "N5"),
        (),
        False,
        "Waste sorting and recycling plant in {city}",
        "{city}のごみ分別・リサイクル工場",
        "Мусоросортировочный и перерабатывающий завод в г. {city}",
    ),
    (
        "P2",
        ("N4", "N6"),
        (),
        False,
        "Smart traffic management for {city}",
        "{city}のスマート交通管理",
        "Интеллектуальная система управления движением в г. {city}",
    ),
    (
        "P2",
        ("N4", "N13"),
        (),
        False,
        "Urban water supply modernisation in {city}",
        "{city}の上水道近代化",
        "Модернизация городского водоснабжения в г. {city}",
    ),
    (
        "P3",
        ("N11", "N12"),
        ("export",),
        False,
        "SME export support desk in {city}",
        "{city}の中小企業輸出支援窓口",
        "Центр поддержки экспорта МСП в г. {city}",
    ),
    (
        "P3",
        ("N11",),
        ("productivity",),
        False,
        "Joint venture of machine-parts makers in {city}",
        "{city}における機械部品メーカーの合弁事業",
        "Совместное предприятие производителей комплектующих в г. {city}",
    ),
    (
        "P4",
        ("N12", "N13"),
        ("export",),
        False,
        "LNG transshipment terminal near {city}",
        "{city}近郊のLNG積替えターミナル",
        "Терминал перевалки СПГ вблизи г. {city}",
    ),
    (
        "P4",
        ("N5",),
        (),
        False,
        "Wind power plant in {city}",
        "{city}の風力発電所",
        "Ветроэлектростанция в г. {city}",
    ),
    (
        "P4",
        ("N5", "N13"),
        (),
        False,
        "Energy-efficient combined heat and power plant in {city}",
        "{city}の高効率熱電併給プラント",
        "Энергоэффективная ТЭЦ в г. {city}",
    ),
    (
        "P5",
        ("N7",),
        ("productivity",),
        False,
        "Lean production at a machine-building plant in {city}",
        "{city}の機械製造工場におけるリーン生産",
        "Бережливое производство на машиностроительном заводе в г. {city}",
    ),
    (
        "P5",
        ("N7", "N12"),
        ("diversification", "localisation"),
        False,
        "Localised assembly of agricultural machinery in {city}",
        "{city}における農業機械の現地組立",
        "Локализация сборки сельхозтехники в г. {city}",
    ),
    (
        "P5",
        ("N7",),
        ("productivity",),
        False,
        "Quality control training for suppliers in {city}",
        "{city}のサプライヤー向け品質管理研修",
        "Обучение поставщиков контролю качества в г. {city}",
    ),
    (
        "P6",
        ("N12",),
        ("export", "diversification"),
        True,
        "Fish processing complex in {city}",
        "{city}の水産加工コンビナート",
        "Рыбоперерабатывающий комплекс в г. {city}",
    ),
    (
        "P6",
        ("N12", "N5"),
        ("export",),
        True,
        "Year-round greenhouse complex in {city}",
        "{city}の通年型温室コンプレックス",
        "Круглогодичный тепличный комплекс в г. {city}",
    ),
    (
        "P6",
        ("N13", "N12"),
        ("export",),
        True,
        "Port logistics centre in {city}",
        "{city}の港湾物流センター",
        "Портовый логистический центр в г. {city}",
    ),
    (
        "P6",
        ("N12",),
        ("diversification", "export"),
        True,
        "Timber processing plant in {city}",
        "{city}の木材加工工場",
        "Деревообрабатывающий завод в г. {city}",
    ),
    (
        "P7",
        ("N9", "N8"),
        (),
        False,
        "Joint research on industrial robotics in {city}",
        "{city}における産業用ロボットの共同研究",
        "Совместные исследования в области промышленной робототехники в г. {city}",
    ),
    (
        "P7",
        ("N9",),
        (),
        False,
        "Digital platform for customs clearance, pilot in {city}",
        "{city}での通関デジタルプラットフォームの試行",
        "Цифровая платформа таможенного оформления, пилот в г. {city}",
    ),
    (
        "P8",
        ("N3", "N10"),
        (),
        False,
        "Student exchange programme with universities of {city}",
        "{city}の大学との学生交流プログラム",
        "Программа студенческого обмена с вузами г. {city}",
    ),
    (
        "P8",
        ("N10",),
        (),
        False,
        "Japanese culture festival in {city}",
        "{city}での日本文化フェスティバル",
        "Фестиваль японской культуры в г. {city}",
    ),
)
# (city en, ja, ru, region code, far east)
CITIES = (
    ("Vladivostok", "ウラジオストク", "Владивосток", "RU-PRI", True),
    ("Khabarovsk", "ハバロフスク", "Хабаровск", "RU-KHA", True),
    ("Yuzhno-Sakhalinsk", "ユジノサハリンスク", "Южно-Сахалинск", "RU-SAK", True),
    ("Yakutsk", "ヤクーツク", "Якутск", "RU-SA", True),
    ("Blagoveshchensk", "ブラゴヴェシチェンスク", "Благовещенск", "RU-AMU", True),
    ("Moscow", "モスクワ", "Москва", "RU-MOW", False),
    ("Saint Petersburg", "サンクトペテルブルク", "Санкт-Петербург", "RU-SPE", False),
    ("Yekaterinburg", "エカテリンブルク", "Екатеринбург", "RU-SVE", False),
    ("Kazan", "カザン", "Казань", "RU-TA", False),
    ("Novosibirsk", "ノヴォシビルスク", "Новосибирск", "RU-NVS", False),
    ("Voronezh", "ヴォロネジ", "Воронеж", "RU-VOR", False),
    ("Ulyanovsk", "ウリヤノフスク", "Ульяновск", "RU-ULY", False),
    ("Krasnoyarsk", "クラスノヤルスク", "Красноярск", "RU-KYA", False),
)
FORWARD = ("idea", "negotiation", "agreed", "under_implementation", "completed")
SUMMARY = (
    "Illustrative project made up for the demo.",
    "デモ用の例示プロジェクトです。",
    "Условный проект, созданный для демонстрации.",
)


@dataclass
class DemoProject:
    code: str
    plan_areas: list[str]
    national_projects: list[str]
    aspects: list[str]
    region: str
    titles: tuple[str, str, str]
    disclosure: str
    confidential_side: str | None
    history: list[tuple[str, dt.date]] = field(default_factory=list)
    financing: list[tuple[str, int, str, dt.date]] = field(default_factory=list)
    lead_jp: int = 0
    lead_ru: int = 0


def _history(rng: random.Random, registered: dt.date, until: dt.date) -> list[tuple[str, dt.date]]:
    history = [("idea", registered)]
    day = registered
    for status in FORWARD[1:]:
        day = day + dt.timedelta(days=rng.randint(60, 420))
        if day > until or rng.random() < 0.18:
            break
        history.append((status, day))
    if rng.random() < 0.08 and history[-1][0] != "completed":
        stop = history[-1][1] + dt.timedelta(days=rng.randint(30, 300))
        if stop <= until:
            history.append((rng.choice(("suspended", "cancelled")), stop))
    return history


def generate_projects(
    seed: int, count: int, *, prefix: str = "JR", until: dt.date = dt.date(2021, 6, 30)
) -> list[DemoProject]:
    rng = random.Random(f"projects:{seed}")
    start = dt.date(2016, 5, 6)
    span = (dt.date(2019, 12, 1) - start).days
    serials: dict[int, int] = {}
    projects = []
    for _index in range(count):
        template = rng.choice(TEMPLATES)
        area, nationals, aspects, far_east, en, ja, ru = template
        cities = [city for city in CITIES if city[4]] if far_east else CITIES
        city = rng.choice(cities)
        # A project in the Far Eastern Federal District also serves P6, now and then explicitly.
        extra_areas = ["P6"] if city[4] and area != "P6" and rng.random() < 0.5 else []
        registered = start + dt.timedelta(days=rng.randrange(span))
        serials[registered.year] = serials.get(registered.year, 0) + 1
        roll = rng.random()
        disclosure = "public" if roll < 0.55 else "internal" if roll < 0.92 else "side_confidential"
        project = DemoProject(
            code=f"{prefix}-{registered.year}-{serials[registered.year]:04d}",
            plan_areas=[area, *extra_areas],
            national_projects=list(nationals),
            aspects=list(aspects),
            region=city[3],
            titles=(en.format(city=city[0]), ja.format(city=city[1]), ru.format(city=city[2])),
            disclosure=disclosure,
            confidential_side=rng.choice(("JP", "RU"))
            if disclosure == "side_confidential"
            else None,
            history=_history(rng, registered, until),
            lead_jp=rng.randrange(1_000_000),
            lead_ru=rng.randrange(1_000_000),
        )
        if project.history[-1][0] in {"agreed", "under_implementation", "completed"}:
            currency = rng.choice(("JPY", "RUB", "USD"))
            scale = {"JPY": 100_000_000, "RUB": 50_000_000, "USD": 1_000_000}[currency]
            project.financing.append(
                (
                    rng.choice(("investment", "loan", "grant", "trade_finance")),
                    rng.randint(1, 60) * scale,
                    currency,
                    project.history[-1][1],
                )
            )
        projects.append(project)
    return projects
