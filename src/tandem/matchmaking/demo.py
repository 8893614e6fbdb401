# ruff: noqa: E501  (the table of illustrative company texts reads better unwrapped)
"""A deterministic generator of illustrative company profiles and introductions (no Django).

Every company is made up. Each domain pairs a Japanese and a Russian company whose offer meets
the other's need, and adds a near-miss (a second seller of the same thing) so the demo shows
that competitors are kept down. Texts are in the company's own language, some with an
English or Japanese/Russian translation; a few companies write in English.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# (domain, plan area, JP: (name, region, nace, language, offers, seeks),
#  RU: (...), near-miss RU: (...)); offers/seeks are in the company's own language.
Company = tuple[str, str, str, str, str, str]
DOMAINS: tuple[tuple[str, str, Company, Company, Company], ...] = (
    ("machine tools", "P5",
     ("川田精機", "JP-15", "C28", "ja", "CNC旋盤とマシニングセンタを設計・製造しています。操作トレーニングも提供します。",
      "ロシアでの工作機械の販売代理店と、アフターサービスを担える拠点を探しています。"),
     ("Уралстанкосервис", "RU-SVE", "G46", "ru", "Продажа, наладка и сервис металлообрабатывающих станков на Урале.",
      "Ищем производителя токарных станков с ЧПУ и обрабатывающих центров для дистрибуции."),
     ("Станкозавод Сибири", "RU-NVS", "C28", "ru", "Производим токарные станки с ЧПУ и обрабатывающие центры.",
      "Ищем дистрибьюторов станков в регионах России.")),
    ("seafood", "P6",
     ("函館水産トレーディング", "JP-01", "G46", "ja", "水産物の輸入・卸売を行い、回転寿司チェーンへ販売しています。",
      "ロシア産のウニ、カニ、ホタテを安定して供給できる漁業会社を探しています。"),
     ("Курильский рыбак", "RU-SAK", "A03", "ru", "Вылов и заморозка краба, морского ежа и гребешка на Курилах.",
      "Ищем импортёров морепродуктов в Японии."),
     ("Владивостокская рыбная база", "RU-PRI", "G46", "ru", "Импорт и оптовая торговля морепродуктами.",
      "Ищем поставщиков краба и гребешка.")),
    ("medical devices", "P1",
     ("Hokuto Medical", "JP-13", "C32", "en", "We make rehabilitation robots and gait-training devices for hospitals.",
      "Distributors of medical equipment in Russia with service engineers."),
     ("МедТехника Казань", "RU-TA", "G46", "ru", "Поставка и сервисное обслуживание медицинского оборудования для больниц Татарстана.",
      "Ищем производителей реабилитационного оборудования и роботов."),
     ("РеаРобот", "RU-MOW", "C32", "ru", "Разрабатываем роботы для реабилитации после инсульта.",
      "Ищем дистрибьюторов в клиниках.")),
    ("timber", "P6",
     ("北陸住宅資材", "JP-15", "G46", "ja", "住宅用の木材・集成材を輸入し、国内の工務店へ販売しています。",
      "ロシア極東の製材所からカラマツ・トドマツの製材品を継続して調達したいです。"),
     ("Хабаровсклес", "RU-KHA", "C16", "ru", "Лесопильный завод: пиломатериалы из лиственницы и пихты камерной сушки.",
      "Ищем покупателей пиломатериалов в Японии."),
     ("Амурский пиломатериал", "RU-KHA", "G46", "ru", "Оптовая торговля пиломатериалами.",
      "Ищем поставщиков лиственницы.")),
    ("software localisation", "P7",
     ("Sakura Lingo", "JP-27", "J62", "en", "Software localisation and Japanese UX writing for apps and games.",
      "Russian game studios and software companies that want to enter the Japanese market."),
     ("ИгроСтудия Пиксель", "RU-MOW", "J58", "ru", "Разрабатываем мобильные игры; 3 млн игроков в России.",
      "Ищем партнёра для локализации игр на японский язык и выхода на рынок Японии."),
     ("ЛокаПро", "RU-MOW", "J62", "ru", "Локализация программ и игр на японский и китайский языки.",
      "Ищем заказчиков из игровой индустрии.")),
    ("hydrogen", "P4",
     ("Chubu Hydrogen Systems", "JP-23", "C28", "en", "Electrolysers and hydrogen compressors for industrial sites.",
      "Partners in Russia with cheap renewable or hydro power for pilot hydrogen plants."),
     ("Сахалинская энергия", "RU-SAK", "D35", "ru", "Гидро- и ветровая генерация, площадки для энергоёмких производств.",
      "Ищем поставщика электролизёров для пилотного производства водорода."),
     ("ВодородТех", "RU-MOW", "C28", "ru", "Производим электролизёры и компрессоры для водорода.",
      "Ищем заказчиков на пилотные проекты.")),
)  # fmt: skip
TRANSLATIONS: dict[str, tuple[str, str]] = {
    # own offers/seeks text -> (English offers, English seeks) for some companies
    "川田精機": ("We design and make CNC lathes and machining centres, with operator training.",
             "A distributor of machine tools in Russia that can also provide after-sales service."),
    "Курильский рыбак": ("Catch and freezing of crab, sea urchin and scallop in the Kurils.",
                         "Importers of seafood in Japan."),
}  # fmt: skip
SIZES = ("micro", "small", "medium")
STAGES = ("requested", "accepted", "met", "agreement", "declined")


@dataclass(frozen=True)
class DemoProfile:
    reference: str
    country: str
    name: str
    region: str
    nace: str
    language: str
    offers: str
    seeks: str
    size: str
    plan_area: str
    offers_en: str = ""
    seeks_en: str = ""
    state: str = "published"
    consent: bool = True


@dataclass(frozen=True)
class DemoIntroduction:
    requester: str
    recipient: str
    stage: str  # one of STAGES


@dataclass
class DemoMarket:
    profiles: list[DemoProfile] = field(default_factory=list)
    introductions: list[DemoIntroduction] = field(default_factory=list)


def _profile(
    ref: str, country: str, area: str, company: Company, size: str, **extra: object
) -> DemoProfile:
    name, region, nace, language, offers, seeks = company
    offers_en, seeks_en = TRANSLATIONS.get(name, ("", ""))
    return DemoProfile(ref, country, name, region, nace, language, offers, seeks, size, area,
                       offers_en, seeks_en, **extra)  # type: ignore[arg-type]  # fmt: skip


def generate_market(seed: int) -> DemoMarket:
    """The same companies and introductions for the same seed."""
    rng = random.Random(seed)
    market = DemoMarket()
    for number, (_domain, area, jp, ru, near) in enumerate(DOMAINS, start=1):
        market.profiles.append(_profile(f"demo-jp-{number:02d}", "JP", area, jp, rng.choice(SIZES)))
        market.profiles.append(_profile(f"demo-ru-{number:02d}", "RU", area, ru, rng.choice(SIZES)))
        market.profiles.append(
            _profile(f"demo-rn-{number:02d}", "RU", area, near, rng.choice(SIZES))
        )
        stage = STAGES[(number - 1) % len(STAGES)]
        market.introductions.append(
            DemoIntroduction(f"demo-jp-{number:02d}", f"demo-ru-{number:02d}", stage)
        )
    # one draft and one without consent, to show the states
    draft = market.profiles[-1]
    market.profiles[-1] = DemoProfile(**{**draft.__dict__, "state": "draft"})
    hidden = market.profiles[-4]
    market.profiles[-4] = DemoProfile(**{**hidden.__dict__, "consent": False})
    return market
