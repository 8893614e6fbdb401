"""A deterministic generator of an illustrative B2B programme at a fair (pure Python, no Django).

The fair is a fact; the participants, requests and interpreters are made up and shaped like
real matchmaking days: a few popular companies attract most requests (heavy-tailed), some
participants are there on one day only, exhibitors meet at their booths, most Japanese
participants speak Japanese only and most Russian ones Russian only, a few speak English.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

DAYS = 2
#: (start, end) of the meeting slots of a day, local time, with a lunch break 13:00-14:00.
DAY_START, DAY_END, SLOT_MINUTES = "10:00", "17:00", 30
LUNCH = ("13:00", "14:00")
STATUSES = (("accepted", 0.78), ("declined", 0.1), ("pending", 0.12))
PRIORITIES = ((1, 0.2), (2, 0.45), (3, 0.25), (5, 0.1))


@dataclass(frozen=True)
class DemoParticipant:
    side: str  # "JP" or "RU"
    organisation_index: int  # index among that side's illustrative organisations
    exhibitor: bool
    booth: str
    languages: tuple[str, ...]
    days: tuple[int, ...]  # meeting days present (0-based)


@dataclass(frozen=True)
class DemoRequest:
    sender: int  # index into participants
    receiver: int
    priority: int
    status: str
    hours_before: int  # how long before the fair the request was made


@dataclass(frozen=True)
class DemoInterpreter:
    name: str
    languages: tuple[str, ...]
    days: tuple[int, ...]


@dataclass(frozen=True)
class DemoProgramme:
    participants: tuple[DemoParticipant, ...]
    requests: tuple[DemoRequest, ...]
    interpreters: tuple[DemoInterpreter, ...]
    tables: int


def _pick(rng: random.Random, weighted: tuple[tuple[object, float], ...]) -> object:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _languages(rng: random.Random, side: str) -> tuple[str, ...]:
    own = "ja" if side == "JP" else "ru"
    roll = rng.random()
    if roll < 0.2:
        return tuple(sorted((own, "en")))
    if roll < 0.25:
        return ("en", "ja", "ru")
    return (own,)


def generate_programme(
    seed: int, *, per_side: int = 30, requests: int = 240, exhibitors: int = 8
) -> DemoProgramme:
    rng = random.Random(seed)
    participants: list[DemoParticipant] = []
    for side in ("JP", "RU"):
        for index in range(per_side):
            exhibitor = index < exhibitors // 2
            days: tuple[int, ...] = tuple(range(DAYS))
            if not exhibitor and rng.random() < 0.3:
                days = (rng.randrange(DAYS),)
            participants.append(
                DemoParticipant(
                    side=side,
                    organisation_index=index,
                    exhibitor=exhibitor,
                    booth=f"{'A' if side == 'JP' else 'B'}{index + 1:02d}" if exhibitor else "",
                    languages=_languages(rng, side),
                    days=days,
                )
            )
    # Heavy-tailed popularity: Pareto weights, exhibitors a little more sought after.
    weights = [rng.paretovariate(1.3) * (2.0 if p.exhibitor else 1.0) for p in participants]
    seen: set[frozenset[int]] = set()
    made: list[DemoRequest] = []
    attempts = 0
    while len(made) < requests and attempts < requests * 50:
        attempts += 1
        sender = rng.randrange(len(participants))
        receiver = rng.choices(range(len(participants)), weights=weights)[0]
        # B2B across the sides: the programme matches Japanese and Russian companies.
        if participants[sender].side == participants[receiver].side:
            continue
        pair = frozenset((sender, receiver))
        if pair in seen:
            continue
        seen.add(pair)
        made.append(
            DemoRequest(
                sender=sender,
                receiver=receiver,
                priority=int(_pick(rng, PRIORITIES)),  # type: ignore[call-overload]
                status=str(_pick(rng, STATUSES)),
                hours_before=rng.randint(72, 24 * 30),
            )
        )
    interpreters = (
        DemoInterpreter("Interpreter A", ("ja", "ru"), (0, 1)),
        DemoInterpreter("Interpreter B", ("ja", "ru"), (0, 1)),
        DemoInterpreter("Interpreter C", ("ja", "ru"), (0, 1)),
        DemoInterpreter("Interpreter D", ("ja", "ru"), (0,)),
        DemoInterpreter("Interpreter E", ("ja", "ru"), (1,)),
        DemoInterpreter("Interpreter F", ("en", "ja", "ru"), (0, 1)),
    )
    return DemoProgramme(tuple(participants), tuple(made), interpreters, tables=6)
