"""The facts one article states, with where in its text each was found (pure Python)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class PersonFact:
    name: str
    role: str | None = None
    country: str | None = None
    key: str | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass
class NameFact:
    """An organisation or a place."""

    name: str
    key: str | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass
class EventFact:
    kind: str
    number: int | None = None
    name: str | None = None
    place: str | None = None
    date: dt.date | None = None
    key: str | None = None
    spans: list[Span] = field(default_factory=list)
    precision: str = "day"  # "month" when the text names only the month (the 1st is kept)

    def date_text(self) -> str | None:
        """ISO date, or YYYY-MM when only the month is known."""
        if self.date is None:
            return None
        return self.date.isoformat()[:7] if self.precision == "month" else self.date.isoformat()


@dataclass
class FigureFact:
    subject: str
    value: int
    qualifier: str | None = None
    scope: str | None = None
    scope_key: str | None = None
    spans: list[Span] = field(default_factory=list)
    amount: float | None = None  # the exact value when it is not whole or is money
    unit: str | None = None  # currency (ISO 4217), "percent", or what is counted


@dataclass
class DateFact:
    date: dt.date
    relative: bool
    span: Span


@dataclass
class Facts:
    language: str
    published: dt.date | None
    headline: str
    text: str
    people: list[PersonFact] = field(default_factory=list)
    organisations: list[NameFact] = field(default_factory=list)
    places: list[NameFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)

    def marks(self) -> list[tuple[int, int, str]]:
        """Every span with the kind of fact found there, sorted, for highlighting."""
        found: list[tuple[int, int, str]] = []
        for kind, rows in (
            ("person", self.people),
            ("organisation", self.organisations),
            ("place", self.places),
            ("event", self.events),
            ("figure", self.figures),
        ):
            for row in rows:
                found.extend((start, end, kind) for start, end in row.spans)
        found.extend((d.span[0], d.span[1], "date") for d in self.dates)
        return sorted(set(found))

    def as_json(self) -> dict[str, Any]:
        """The shape of ``tandem press extract --format json``, without registry links."""
        return {
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "headline": self.headline,
            "people": [
                {"name": p.name, "role": p.role, "country": p.country, "record": None}
                for p in self.people
            ],
            "organisations": [{"name": o.name, "record": None} for o in self.organisations],
            "places": [{"name": p.name, "record": None} for p in self.places],
            "events": [
                {
                    "kind": e.kind,
                    "number": e.number,
                    "name": e.name,
                    "place": e.place,
                    "date": e.date_text(),
                    "record": None,
                }
                for e in self.events
            ],
            "figures": [
                {
                    "subject": f.subject,
                    "value": f.value,
                    "qualifier": f.qualifier,
                    "amount": f.amount,
                    "unit": f.unit,
                    "registry_value": None,
                    "verdict": "cannot check",
                }
                for f in self.figures
            ],
            "themes": list(self.themes),
        }
