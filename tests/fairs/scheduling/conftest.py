"""Builders for small hand-made events and for random ones (fixtures, since the suite runs with
--import-mode=importlib and test modules cannot import each other)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

EventDict = dict[str, Any]


def build_event(
    slots: int = 2,
    people: dict[str, dict[str, Any]] | None = None,
    requests: list[tuple[str, str, str, float] | tuple[str, str, str, float, str]] | None = None,
    tables: int = 5,
    interpreters: list[dict[str, Any]] | None = None,
    pinned: list[dict[str, Any]] | None = None,
) -> EventDict:
    """``people``: id -> {exhibitor, languages, available (slot numbers 1..)}; ``requests``:
    (id, from, to, priority[, status])."""
    slot_ids = [f"s{k}" for k in range(1, slots + 1)]
    participants = []
    for pid, spec in (people or {}).items():
        avail = spec.get("available", list(range(1, slots + 1)))
        p: dict[str, Any] = {
            "id": pid,
            "name": f"Name {pid}",
            "country": spec.get("country", "JP"),
            "exhibitor": spec.get("exhibitor", False),
            "available": [f"s{k}" for k in avail],
        }
        if "languages" in spec:
            p["languages"] = spec["languages"]
        participants.append(p)
    reqs = []
    for item in requests or []:
        rid, a, b, prio = item[:4]
        status = item[4] if len(item) > 4 else "accepted"
        reqs.append({"id": rid, "from": a, "to": b, "status": status, "priority": prio})
    data: EventDict = {
        "event": {
            "name": "test fair",
            "slots": [
                {
                    "id": sid,
                    "start": f"2025-07-07T{9 + k:02d}:00",
                    "end": f"2025-07-07T{9 + k:02d}:30",
                }
                for k, sid in enumerate(slot_ids)
            ],
            "tables": [{"id": f"t{k}"} for k in range(1, tables + 1)],
            "interpreters": interpreters or [],
        },
        "participants": participants,
        "requests": reqs,
    }
    if pinned:
        data["pinned"] = pinned
    return data


def random_event(seed: int, n: int = 40, m: int = 160, slots: int = 8) -> EventDict:
    """A small random event exercising every rule: exhibitors, partial availability, ja/ru/en
    languages (some missing), interpreters with shifts, few tables, mixed statuses."""
    rng = random.Random(seed)
    people: dict[str, dict[str, Any]] = {}
    for i in range(1, n + 1):
        country = rng.choice(["JP", "RU", "RU", "JP", "KZ"])
        base = {"JP": ["ja"], "RU": ["ru"], "KZ": ["ru", "en"]}[country]
        langs = base + (["en"] if rng.random() < 0.4 and "en" not in base else [])
        spec: dict[str, Any] = {
            "exhibitor": rng.random() < 0.3,
            "country": country,
            "available": sorted(rng.sample(range(1, slots + 1), rng.randint(1, slots))),
        }
        if rng.random() > 0.05:
            spec["languages"] = langs
        people[f"p{i}"] = spec
    weights = [rng.paretovariate(1.2) for _ in range(n)]
    requests: list[tuple[str, str, str, float, str]] = []
    for k in range(1, m + 1):
        a = rng.randrange(n)
        b = rng.choices(range(n), weights=weights)[0]
        if a == b:
            b = (b + 1) % n
        status = rng.choice(["accepted"] * 6 + ["pending", "declined"])
        requests.append((f"r{k}", f"p{a + 1}", f"p{b + 1}", rng.randint(1, 5), status))
    interpreters = []
    for k in range(1, max(2, n // 8) + 1):
        langs = rng.choice([["ja", "ru"], ["ja", "ru"], ["ja", "en"], ["en", "ru"]])
        interp: dict[str, Any] = {"id": f"i{k}", "languages": langs}
        if rng.random() < 0.5:
            interp["available"] = [f"s{j}" for j in range(1, slots + 1) if rng.random() < 0.6]
        interpreters.append(interp)
    return build_event(slots, people, requests, max(1, n // 10), interpreters)


@pytest.fixture
def sched_event() -> Callable[..., EventDict]:
    return build_event


@pytest.fixture
def sched_random_event() -> Callable[..., EventDict]:
    return random_event
