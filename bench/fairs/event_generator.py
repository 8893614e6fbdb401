"""Realistic synthetic B2B trade-fair events (Innoprom / CEATEC style), deterministic by seed.

What makes them realistic:

* heavy-tailed popularity: a few exhibitors (large corporations, ministries' pavilions) receive
  dozens of requests, most participants a handful (Pareto-distributed attractiveness);
* heavy-tailed activity of senders;
* mostly cross-border requests (Japan <-> Russia), some domestic and third-country ones;
* languages: Japanese participants speak ja (often en, some ru), Russian ones ru (often en,
  some ja), third-country ones en (Kazakh ones also ru), a few list no language at all;
* partial availability: not everyone attends every day, visitors come for a window of the day,
  exhibitors are at the booth most of the time but have breaks;
* about a third of participants are exhibitors (meetings at their booth), the rest meet at a
  limited pool of tables;
* a limited pool of interpreters (ja/ru mostly, some ja/en and ru/en), each working a shift;
* request statuses: mostly accepted, some pending, declined or cancelled; priorities 1..5.

Usage: ``python bench/fairs/event_generator.py PARTICIPANTS REQUESTS SEED > event.json``.
"""

from __future__ import annotations

import bisect
import json
import random
import sys
from itertools import accumulate
from typing import Any

SLOTS_PER_DAY = 14  # 09:30-12:30 and 13:30-17:30, 30-minute meetings (with a 1 h lunch)


def _days_for(n_participants: int) -> int:
    return 2 if n_participants <= 1000 else 3


def _slot_times(day: int, k: int) -> tuple[str, str]:
    start_min = 9 * 60 + 30 + 30 * k + (60 if k >= 6 else 0)
    end_min = start_min + 30
    date = f"2025-07-{7 + day:02d}"
    return (
        f"{date}T{start_min // 60:02d}:{start_min % 60:02d}:00",
        f"{date}T{end_min // 60:02d}:{end_min % 60:02d}:00",
    )


def _weighted_picker(rng: random.Random, weights: list[float]) -> Any:
    cum = list(accumulate(weights))
    total = cum[-1]

    def pick() -> int:
        return bisect.bisect_right(cum, rng.random() * total)

    return pick


def generate_event(
    n_participants: int, n_requests: int, seed: int = 0, name: str | None = None
) -> dict[str, Any]:
    rng = random.Random(seed)
    days = _days_for(n_participants)
    slots = []
    for d in range(days):
        for k in range(SLOTS_PER_DAY):
            start, end = _slot_times(d, k)
            slots.append({"id": f"d{d + 1}s{k + 1:02d}", "start": start, "end": end})
    slot_ids = [s["id"] for s in slots]

    def window(exhibitor: bool) -> list[str]:
        """Available slot ids of one participant."""
        if exhibitor:
            attend = [d for d in range(days) if rng.random() < 0.92] or [rng.randrange(days)]
        else:
            n_days = 1 + sum(rng.random() < 0.5 for _ in range(days - 1))
            attend = sorted(rng.sample(range(days), n_days))
        out: list[str] = []
        for d in attend:
            if exhibitor:
                day_slots = [k for k in range(SLOTS_PER_DAY) if rng.random() > 0.15]
            else:
                length = rng.randint(4, SLOTS_PER_DAY)
                first = rng.randint(0, SLOTS_PER_DAY - length)
                day_slots = [k for k in range(first, first + length) if rng.random() > 0.08]
            out.extend(slot_ids[d * SLOTS_PER_DAY + k] for k in day_slots)
        return out or [rng.choice(slot_ids)]

    participants = []
    popularity: list[float] = []
    activity: list[float] = []
    countries: list[str] = []
    for i in range(n_participants):
        u = rng.random()
        country = "JP" if u < 0.45 else "RU" if u < 0.9 else rng.choice(["KZ", "CN", "DE", "IN"])
        exhibitor = rng.random() < 0.33
        langs: list[str]
        if country == "JP":
            langs = (
                ["ja"]
                + (["en"] if rng.random() < 0.5 else [])
                + (["ru"] if rng.random() < 0.12 else [])
            )
        elif country == "RU":
            langs = (
                ["ru"]
                + (["en"] if rng.random() < 0.4 else [])
                + (["ja"] if rng.random() < 0.06 else [])
            )
        elif country == "KZ":
            langs = ["ru"] + (["en"] if rng.random() < 0.5 else [])
        elif country == "CN":
            langs = ["zh"] + (["en"] if rng.random() < 0.6 else [])
        else:
            langs = ["en"]
        p: dict[str, Any] = {
            "id": f"p{i + 1}",
            "name": f"Company {i + 1}",
            "country": country,
            "exhibitor": exhibitor,
            "available": window(exhibitor),
        }
        if rng.random() > 0.01:  # a few participants never filled in their languages
            p["languages"] = langs
        participants.append(p)
        attract = rng.paretovariate(1.3) * (3.0 if exhibitor else 1.0)
        popularity.append(min(attract, 200.0))
        activity.append(min(rng.paretovariate(1.6), 50.0))
        countries.append(country)

    by_country: dict[str, list[int]] = {}
    for i, c in enumerate(countries):
        by_country.setdefault(c, []).append(i)
    pick_sender = _weighted_picker(rng, activity)
    pick_any = _weighted_picker(rng, popularity)
    pickers = {
        c: (members, _weighted_picker(rng, [popularity[i] for i in members]))
        for c, members in by_country.items()
    }

    requests: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    attempts = 0
    while len(requests) < n_requests and attempts < n_requests * 20:
        attempts += 1
        a = pick_sender()
        ca = countries[a]
        if ca in ("JP", "RU") and rng.random() < 0.8:
            target = "RU" if ca == "JP" else "JP"
            members, pick = pickers[target]
            b = members[pick()]
        else:
            b = pick_any()
        if a == b or (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        u = rng.random()
        status = (
            "accepted"
            if u < 0.72
            else "pending"
            if u < 0.84
            else "declined"
            if u < 0.96
            else "cancelled"
        )
        priority = rng.choices([1, 2, 3, 4, 5], weights=[30, 25, 20, 15, 10])[0]
        requests.append(
            {
                "id": f"r{len(requests) + 1}",
                "from": f"p{a + 1}",
                "to": f"p{b + 1}",
                "status": status,
                "priority": priority,
            }
        )

    n_tables = max(3, n_participants // 18)
    tables = [{"id": f"t{k + 1}"} for k in range(n_tables)]
    n_interp = max(2, n_participants // 10)
    interpreters = []
    for k in range(n_interp):
        u = rng.random()
        langs = (
            ["ja", "ru"]
            if u < 0.6
            else ["ja", "en"]
            if u < 0.75
            else ["en", "ru"]
            if u < 0.9
            else ["en", "ja", "ru"]
        )
        interp: dict[str, Any] = {"id": f"i{k + 1}", "languages": langs}
        if rng.random() < 0.7:  # works a shift: some days, morning or afternoon or both
            shift: list[str] = []
            for d in range(days):
                if rng.random() < 0.8:
                    part = rng.choice(["am", "pm", "all", "all"])
                    ks = (
                        range(0, 6) if part == "am" else range(6, 14) if part == "pm" else range(14)
                    )
                    shift.extend(slot_ids[d * SLOTS_PER_DAY + k2] for k2 in ks)
            interp["available"] = shift or slot_ids[:SLOTS_PER_DAY]
        interpreters.append(interp)

    return {
        "event": {
            "name": name or f"Synthetic fair {n_participants}/{n_requests} seed {seed}",
            "slots": slots,
            "tables": tables,
            "interpreters": interpreters,
        },
        "participants": participants,
        "requests": requests,
    }


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    n, m = int(argv[0]), int(argv[1])
    seed = int(argv[2]) if len(argv) == 3 else 0
    json.dump(generate_event(n, m, seed), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
