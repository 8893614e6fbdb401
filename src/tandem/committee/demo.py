# ruff: noqa: E501 - the texts of the decisions are kept whole, one line per language
"""A deterministic generator of the committee's illustrative records (pure Python, no Django).

It adds to the 15th session (a fact: Moscow, 19 December 2019) a made-up agenda, numbered
decisions in Japanese, Russian and English and the action items they set; and it plans a 16th
session (made up too) whose draft agenda the application proposes. Every record is flagged
illustrative by the writer.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

Text = tuple[str, str, str]  # en, ja, ru

AGENDA_15: tuple[tuple[str | None, Text], ...] = (
    (
        None,
        (
            "Opening of the session and adoption of the agenda",
            "開会及び議題の採択",
            "Открытие заседания и утверждение повестки дня",
        ),
    ),
    (
        "P5",
        (
            "Productivity improvement at Russian enterprises",
            "ロシア企業の生産性向上",
            "Повышение производительности труда на российских предприятиях",
        ),
    ),
    (
        "P6",
        (
            "Industries and export bases in the Far East",
            "極東の産業振興・輸出基地化",
            "Развитие промышленности и экспортной базы на Дальнем Востоке",
        ),
    ),
    (
        "P3",
        (
            "Exchange between small and medium-sized enterprises",
            "中小企業交流",
            "Обмен между малыми и средними предприятиями",
        ),
    ),
    (
        "P2",
        (
            "Comfortable and clean cities",
            "快適・清潔で住みやすく、活動しやすい都市作り",
            "Комфортная и чистая городская среда",
        ),
    ),
    ("P8", ("People-to-people exchange", "人的交流", "Гуманитарные обмены")),
)

DECISIONS_15: tuple[tuple[int, Text], ...] = (
    (
        2,
        (
            "The Committee welcomes the dispatch of Japanese specialists to Russian enterprises and asks both secretariats to report the results of the productivity projects at the next session.",
            "委員会は、ロシア企業への日本人専門家の派遣を歓迎し、両事務局に対し、生産性向上プロジェクトの成果を次回会合で報告するよう求める。",
            "Комиссия приветствует направление японских специалистов на российские предприятия и поручает секретариатам сторон доложить о результатах проектов по повышению производительности на следующем заседании.",
        ),
    ),
    (
        2,
        (
            "The Committee agrees to extend the trainee programme in Japan to further regions of Russia.",
            "委員会は、日本における研修プログラムをロシアの他の地域に拡大することに合意する。",
            "Комиссия соглашается распространить программу стажировок в Японии на другие регионы России.",
        ),
    ),
    (
        3,
        (
            "The Committee takes note of the progress of the joint projects in the Far East and asks the sides to prepare a list of priority export projects.",
            "委員会は、極東における共同プロジェクトの進展に留意し、双方に対し優先輸出プロジェクトのリストを作成するよう求める。",
            "Комиссия принимает к сведению ход реализации совместных проектов на Дальнем Востоке и поручает сторонам подготовить перечень приоритетных экспортных проектов.",
        ),
    ),
    (
        4,
        (
            "The Committee supports business-matching events for SMEs at Innoprom and CEATEC and asks the trade-promotion agencies to report the outcomes.",
            "委員会は、イノプロム及びCEATECにおける中小企業のビジネスマッチングを支持し、貿易振興機関に対し成果を報告するよう求める。",
            "Комиссия поддерживает проведение деловых встреч МСП на выставках «Иннопром» и CEATEC и поручает организациям содействия торговле доложить об итогах.",
        ),
    ),
    (
        5,
        (
            "The Committee welcomes the urban environment projects and asks the sides to share experience of waste sorting.",
            "委員会は、都市環境プロジェクトを歓迎し、双方に対しごみ分別の経験を共有するよう求める。",
            "Комиссия приветствует проекты в области городской среды и поручает сторонам обменяться опытом сортировки отходов.",
        ),
    ),
    (
        6,
        (
            "The Committee agrees to continue the student exchange programmes.",
            "委員会は、学生交流プログラムを継続することに合意する。",
            "Комиссия соглашается продолжить программы студенческих обменов.",
        ),
    ),
)

ACTIONS: tuple[tuple[int, str, Text], ...] = (
    (
        1,
        "JP",
        (
            "Report the results of the specialist dispatches",
            "専門家派遣の成果を報告する",
            "Доложить о результатах направления специалистов",
        ),
    ),
    (
        1,
        "RU",
        (
            "Nominate pilot enterprises for productivity projects",
            "生産性プロジェクトのパイロット企業を推薦する",
            "Определить пилотные предприятия для проектов по производительности",
        ),
    ),
    (
        2,
        "RU",
        (
            "Propose regions for the trainee programme",
            "研修プログラムの対象地域を提案する",
            "Предложить регионы для программы стажировок",
        ),
    ),
    (
        2,
        "JP",
        (
            "Prepare training places in Japan",
            "日本での研修受入れ先を準備する",
            "Подготовить места стажировок в Японии",
        ),
    ),
    (
        3,
        "RU",
        (
            "Draft the list of priority export projects in the Far East",
            "極東の優先輸出プロジェクトのリスト案を作成する",
            "Подготовить проект перечня приоритетных экспортных проектов на Дальнем Востоке",
        ),
    ),
    (
        3,
        "JP",
        (
            "Comment on the list of priority export projects",
            "優先輸出プロジェクトのリストに意見を述べる",
            "Подготовить замечания к перечню приоритетных экспортных проектов",
        ),
    ),
    (
        4,
        "JP",
        (
            "Report the outcomes of the CEATEC business meetings",
            "CEATECでの商談の成果を報告する",
            "Доложить об итогах деловых встреч на CEATEC",
        ),
    ),
    (
        4,
        "RU",
        (
            "Report the outcomes of the Innoprom business meetings",
            "イノプロムでの商談の成果を報告する",
            "Доложить об итогах деловых встреч на «Иннопроме»",
        ),
    ),
    (
        5,
        "JP",
        (
            "Organise a seminar on waste sorting",
            "ごみ分別に関するセミナーを開催する",
            "Организовать семинар по сортировке отходов",
        ),
    ),
    (
        6,
        "RU",
        (
            "Update the list of partner universities",
            "提携大学のリストを更新する",
            "Обновить перечень вузов-партнёров",
        ),
    ),
)

SESSION_16: dict[str, Any] = {
    "number": 16,
    "start_date": dt.date(2021, 10, 14),
    "end_date": dt.date(2021, 10, 14),
    "country": "JP",
    "city": ("Tokyo", "東京", "Токио"),
    "co_chairs": {
        "JP": ("motegi", None),
        "RU": (
            "reshetnikov",
            (
                ("Maxim Reshetnikov", "マクシム・レシェトニコフ", "Максим Решетников"),
                (
                    "Minister of Economic Development of the Russian Federation",
                    "ロシア連邦経済発展大臣",
                    "Министр экономического развития Российской Федерации",
                ),
            ),
        ),
    },
    "opening": AGENDA_15[0][1],
}


@dataclass
class DemoAction:
    decision: int
    side: str
    titles: Text
    due_date: dt.date
    status: str
    done_date: dt.date | None
    project_pick: int
    organisation_pick: int


@dataclass
class CommitteeDemo:
    agenda: list[tuple[str | None, Text]] = field(default_factory=list)
    decisions: list[tuple[int, Text, list[int]]] = field(default_factory=list)
    actions: list[DemoAction] = field(default_factory=list)


def generate_committee_demo(seed: int, *, held: dt.date = dt.date(2019, 12, 19)) -> CommitteeDemo:
    """The illustrative content of the 15th session; the same seed gives the same records."""
    rng = random.Random(f"committee:{seed}")
    demo = CommitteeDemo(agenda=list(AGENDA_15))
    for agenda_number, texts in DECISIONS_15:
        demo.decisions.append((agenda_number, texts, [rng.randrange(1_000_000) for _ in range(2)]))
    for decision, side, titles in ACTIONS:
        due = held + dt.timedelta(days=rng.randint(150, 760))
        roll = rng.random()
        if roll < 0.4:
            status, done = "done", min(due, held + dt.timedelta(days=rng.randint(60, 600)))
        elif roll < 0.7:
            status, done = "in_progress", None
        else:
            status, done = "open", None
        demo.actions.append(
            DemoAction(
                decision=decision,
                side=side,
                titles=titles,
                due_date=due,
                status=status,
                done_date=done,
                project_pick=rng.randrange(1_000_000),
                organisation_pick=rng.randrange(1_000_000),
            )
        )
    return demo
