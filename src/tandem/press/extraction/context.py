"""What every language's rules share while reading one article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tandem.press.extraction.dates import FoundDate
from tandem.press.extraction.facts import FigureFact, NameFact, PersonFact
from tandem.press.extraction.gazetteer import Gazetteer, Match


@dataclass
class Context:
    text: str
    language: str
    published: dt.date | None
    start: int  # where the headline starts (after a feed's "date YYYY-MM-DD")
    sentences: list[tuple[int, int]]
    gazetteer: Gazetteer
    matches: list[Match]
    dates: list[FoundDate]
    dateline: tuple[int, int] | None
    role_spans: list[tuple[int, int]] = field(default_factory=list)
    places: list[NameFact] = field(default_factory=list)  # the places found, for events
    # entity recognition (tandem eval ner): every mention of a name is kept, a country
    # wherever it is named and a place inside a person's title too; press facts keep a country
    # only where something happens there (countries.py) and no name inside a title
    mentions: bool = False
    # words the language rules know are no person's name (a dictionary's place names)
    not_people: list[tuple[int, int]] = field(default_factory=list)

    def sentence_of(self, position: int) -> tuple[int, int]:
        for span in self.sentences:
            if span[0] <= position < span[1]:
                return span
        return (position, position)

    def in_title(self, start: int, end: int, key: str | None) -> bool:
        """Inside a person's title, and not a region or city there (the governor *of
        Hokkaido* names a place; the minister *for the Far East* names a portfolio). Never
        where every mention counts (:attr:`mentions`)."""
        if self.mentions:
            return False
        inside = any(s < end and start < e for s, e in self.role_spans)
        return inside and not (key or "").startswith(("region:", "city:"))

    def masked(self, start: int, end: int) -> bool:
        """Inside a date expression or the dateline."""
        if self.dateline and self.dateline[0] <= start < self.dateline[1]:
            return True
        return any(d.start <= start < d.end or start <= d.start < end for d in self.dates)

    def matches_of(self, kind: str) -> list[Match]:
        return [m for m in self.matches if m.entry.kind == kind]


def add_person(people: list[PersonFact], fact: PersonFact) -> None:
    """One entry per person: same record, or one name the end of the other (Oreshkin)."""
    for known in people:
        same_key = fact.key is not None and fact.key == known.key
        a, b = known.name.casefold(), fact.name.casefold()
        same_name = a == b or a.endswith(b) or b.endswith(a)
        if same_key or (same_name and (fact.key is None or known.key is None)):
            if len(fact.name) > len(known.name) and not (known.key and not fact.key):
                known.name = fact.name
            known.role = known.role or fact.role
            known.country = known.country or fact.country
            known.key = known.key or fact.key
            known.spans.extend(fact.spans)
            return
    people.append(fact)


def add_name(rows: list[NameFact], fact: NameFact) -> None:
    for known in rows:
        a, b = known.name.casefold(), fact.name.casefold()
        if (fact.key and fact.key == known.key) or a == b:
            if len(fact.name) > len(known.name) and (fact.key or not known.key):
                known.name = fact.name
            known.spans.extend(fact.spans)
            return
    rows.append(fact)


def merge_figures(figures: list[FigureFact]) -> list[FigureFact]:
    """One figure per (subject, value, qualifier); a bare value yields to a qualified one."""
    merged: dict[tuple[str, int, str | None], FigureFact] = {}
    for figure in figures:
        key = (figure.subject, figure.value, figure.qualifier)
        if key in merged:
            merged[key].spans.extend(figure.spans)
            merged[key].scope = merged[key].scope or figure.scope
            merged[key].scope_key = merged[key].scope_key or figure.scope_key
        else:
            merged[key] = figure
    result = []
    for (subject, value, qualifier), figure in merged.items():
        if qualifier is None and any(
            k[0] == subject and k[1] == value and k[2] is not None for k in merged
        ):
            other = next(f for k, f in merged.items() if k[0] == subject and k[1] == value and k[2])
            other.spans.extend(figure.spans)
            continue
        result.append(figure)
    return result
