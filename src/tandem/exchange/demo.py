"""A deterministic generator of an illustrative exchange cohort (pure Python, no Django).

About 40 Russian enterprises (30 served, 10 not yet served as a comparison group), a dozen
Japanese host companies, 60 specialist dispatches, 80 trainee placements, KPI protocols with a
baseline and follow-ups at 6 and 12 months, and business outcomes. Served enterprises improve
by a plausible true effect per indicator (labour productivity +15%); the comparison group
drifts by a little. Organisations and people are referred to by index: the writer maps the
indices onto the illustrative organisations and people of ``tandem demo-data``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

SECTORS = ("machinery", "automotive", "metals", "chemicals", "food", "wood", "healthcare")
SIZES = ("small", "medium", "medium", "large")
EMPLOYEES = {"small": (15, 101), "medium": (101, 251), "large": (251, 4000)}
TOPICS = ("lean_production", "quality_control", "logistics", "maintenance", "energy_efficiency")
EXPERTISE = {
    "lean_production": (
        "Lean production (kaizen, 5S)",
        "リーン生産（改善・5S）",
        "Бережливое производство (кайдзен, 5S)",
    ),
    "quality_control": (
        "Quality control (QC circles, SPC)",
        "品質管理（QCサークル・SPC）",
        "Управление качеством (кружки качества, SPC)",
    ),
    "logistics": (
        "In-plant logistics and kanban",
        "工場内物流とかんばん",
        "Внутризаводская логистика и канбан",
    ),
    "maintenance": (
        "Total productive maintenance",
        "TPM（全員参加の生産保全）",
        "Всеобщее обслуживание оборудования (TPM)",
    ),
    "energy_efficiency": (
        "Energy efficiency in production",
        "生産における省エネルギー",
        "Энергоэффективность производства",
    ),
}
PROGRAMMES = (
    ("Production management course", "生産管理研修", "Курс управления производством"),
    ("Quality management course", "品質管理研修", "Курс управления качеством"),
    ("Kaizen on the shop floor", "現場改善研修", "Кайдзен на производственной площадке"),
)
WORK_PLAN = (
    "Week 1: diagnosis of the line. Weeks 2-3: pilot improvements with the plant team. "
    "Week 4: results, standard work, plan for the next six months.",
    "第1週：ラインの診断。第2〜3週：工場チームとの試行改善。第4週：成果、標準作業、今後6か月の計画。",
    "Неделя 1: диагностика линии. Недели 2–3: пилотные улучшения с командой завода. "
    "Неделя 4: результаты, стандартизированная работа, план на шесть месяцев.",
)
REPORT = (
    "Pilot line reorganised; changeover times halved; the plant team continues the programme.",
    "試行ラインを再編し、段取り替え時間を半減。工場チームが活動を継続。",
    "Пилотная линия перестроена; время переналадки сокращено вдвое; "
    "команда завода продолжает работу.",
)
METHOD = "Plant records, three-month average before the first visit"

# kind, unit, baseline range, true relative effect when served (lower is better for the
# negative ones), noise (standard deviation of the relative change)
INDICATORS = (
    ("labour_productivity", "rub_per_worker_hour", (900.0, 2600.0), 0.15, 0.10),
    ("lead_time", "days", (12.0, 45.0), -0.12, 0.08),
    ("defect_rate", "percent", (1.5, 6.0), -0.20, 0.15),
    ("inventory_turnover", "turns_per_year", (4.0, 11.0), 0.10, 0.09),
    ("on_time_delivery", "percent", (68.0, 88.0), 0.06, 0.05),
)
COMPARISON_DRIFT = 0.02


@dataclass(frozen=True)
class DemoEnterprise:
    organisation: int  # index into the side's illustrative enterprises and companies
    side: str
    sector: str
    size: str
    employees: int
    served: bool
    projects: tuple[int, ...] = ()


@dataclass(frozen=True)
class DemoDispatch:
    specialist: int
    host: int  # index into DemoCohort.enterprises
    topic: str
    start: dt.date
    end: dt.date
    reported: bool


@dataclass(frozen=True)
class DemoPlacement:
    trainee: int
    home: int
    host: int
    programme: tuple[str, str, str]
    start: dt.date
    end: dt.date
    completed: dt.date | None
    certificate: str


@dataclass(frozen=True)
class DemoMeasurement:
    enterprise: int
    kind: str
    unit: str
    horizon: int
    date: dt.date
    value: float


@dataclass(frozen=True)
class DemoOutcome:
    enterprise: int
    kind: str
    date: dt.date
    description: tuple[str, str, str]
    amount: float | None
    currency: str
    project: int | None


@dataclass
class DemoCohort:
    enterprises: list[DemoEnterprise] = field(default_factory=list)
    dispatches: list[DemoDispatch] = field(default_factory=list)
    placements: list[DemoPlacement] = field(default_factory=list)
    measurements: list[DemoMeasurement] = field(default_factory=list)
    outcomes: list[DemoOutcome] = field(default_factory=list)


def _date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def generate_cohort(
    seed: int,
    *,
    russian: int,
    japanese: int,
    specialists: int,
    trainees: int,
    projects: int,
    dispatches: int = 60,
    placements: int = 80,
) -> DemoCohort:
    """The cohort for ``russian`` enterprises and ``japanese`` companies available."""
    rng = random.Random(f"exchange:{seed}")
    cohort = DemoCohort()
    enterprises = min(russian, 40)
    served = enterprises * 3 // 4
    for index in range(enterprises):
        linked = (
            tuple(sorted({rng.randrange(projects) for _ in range(rng.randrange(3))}))
            if projects
            else ()
        )
        size = rng.choice(SIZES)
        cohort.enterprises.append(
            DemoEnterprise(
                index,
                "RU",
                rng.choice(SECTORS),
                size,
                rng.randrange(*EMPLOYEES[size]),
                index < served,
                linked,
            )
        )
    hosts = list(range(len(cohort.enterprises), len(cohort.enterprises) + min(japanese, 12)))
    for index in range(min(japanese, 12)):
        size = rng.choice(SIZES)
        cohort.enterprises.append(
            DemoEnterprise(
                index, "JP", rng.choice(SECTORS), size, rng.randrange(*EMPLOYEES[size]), False
            )
        )
    first_visit: dict[int, dt.date] = {}
    for number in range(dispatches if served and specialists else 0):
        host = number % served
        start = _date(rng, dt.date(2017, 3, 1), 1200)
        if host in first_visit and number >= served:  # a later visit follows the first
            start = first_visit[host] + dt.timedelta(days=rng.randrange(60, 240))
        end = start + dt.timedelta(days=rng.randrange(14, 42))
        first_visit.setdefault(host, start)
        cohort.dispatches.append(
            DemoDispatch(
                rng.randrange(specialists),
                host,
                rng.choice(TOPICS),
                start,
                end,
                end < dt.date(2021, 6, 1),
            )
        )
    for number in range(placements if served and hosts and trainees else 0):
        home = rng.randrange(served)
        start = first_visit.get(home, dt.date(2018, 1, 1)) + dt.timedelta(
            days=rng.randrange(0, 300)
        )
        end = start + dt.timedelta(days=rng.randrange(21, 90))
        completed = end if rng.random() < 0.9 else None
        cohort.placements.append(
            DemoPlacement(
                rng.randrange(trainees),
                home,
                rng.choice(hosts),
                rng.choice(PROGRAMMES),
                start,
                end,
                completed,
                f"JR-C-{number + 1:04d}" if completed else "",
            )
        )
    for index, enterprise in enumerate(cohort.enterprises[:enterprises]):
        if enterprise.served:
            baseline = first_visit[index] - dt.timedelta(days=rng.randrange(20, 60))
        else:
            baseline = _date(rng, dt.date(2018, 1, 1), 700)
        chosen = [INDICATORS[0], *rng.sample(INDICATORS[1:], rng.randrange(2, 5))]
        for kind, unit, (low, high), effect, noise in chosen:
            value0 = rng.uniform(low, high)
            change = effect if enterprise.served else COMPARISON_DRIFT * (1 if effect > 0 else -1)
            cohort.measurements.append(
                DemoMeasurement(index, kind, unit, 0, baseline, round(value0, 2))
            )
            for horizon, days in ((6, 182), (12, 365)):
                if horizon == 12 and rng.random() < 0.08:
                    continue  # not measured yet
                relative = change * horizon / 12 + rng.gauss(
                    0.0, noise * (0.7 if horizon == 6 else 1)
                )
                value = max(value0 * (1 + relative), 0.01)
                if unit == "percent":
                    value = min(value, 100.0)
                date = baseline + dt.timedelta(days=days + rng.randrange(-12, 13))
                cohort.measurements.append(
                    DemoMeasurement(index, kind, unit, horizon, date, round(value, 2))
                )
        if enterprise.served and rng.random() < 0.5:
            date = first_visit[index] + dt.timedelta(days=rng.randrange(200, 700))
            amount = float(rng.randrange(5, 120) * 1_000_000)
            cohort.outcomes.append(
                DemoOutcome(
                    index,
                    "contract",
                    date,
                    (
                        "Supply contract with a Japanese partner",
                        "日本企業との供給契約",
                        "Договор поставки с японским партнёром",
                    ),
                    amount,
                    "RUB",
                    None,
                )
            )
        if enterprise.served and projects and rng.random() < 0.25:
            date = first_visit[index] + dt.timedelta(days=rng.randrange(300, 900))
            cohort.outcomes.append(
                DemoOutcome(
                    index,
                    "follow_up_project",
                    date,
                    (
                        "Follow-up joint project after the dispatch",
                        "派遣後の後続共同プロジェクト",
                        "Совместный проект по итогам командирования",
                    ),
                    None,
                    "",
                    rng.randrange(projects),
                )
            )
    return cohort
