"""Link extracted facts to tandem's records and check figures against the registry.

Each person, organisation, place, session, fair and plan area gets the id of its record, or
None (and a proposal, made by the ingest service). Each figure gets the registry's value as of
the article's date, a verdict and the projects behind the value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from tandem.committee.models import CommitteeSession
from tandem.core.models import Region
from tandem.fairs.models import Fair
from tandem.press.extraction import Facts
from tandem.press.extraction.verdicts import verdict, verdict_text
from tandem.press.selectors.registry import registry_count
from tandem.programme.models import PlanArea


@dataclass
class FigureCheck:
    as_of: dt.date | None
    registry_value: int | None
    verdict: str
    difference: int | None
    region_code: str = ""
    project_ids: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return verdict_text(self.verdict, self.difference)


@dataclass
class LinkedFacts:
    facts: Facts
    people: list[int | None]
    organisations: list[int | None]
    places: list[int | None]
    events: list[int | None]
    themes: list[int | None]
    figures: list[FigureCheck]

    def as_json(self) -> dict[str, Any]:
        """The shape of ``tandem press extract --format json``."""
        data = self.facts.as_json()
        for rows, records in (
            (data["people"], self.people),
            (data["organisations"], self.organisations),
            (data["places"], self.places),
            (data["events"], self.events),
        ):
            for row, record in zip(rows, records, strict=True):
                row["record"] = record
        for row, check in zip(data["figures"], self.figures, strict=True):
            row["registry_value"] = check.registry_value
            row["verdict"] = check.text
        return data


def _key_id(key: str | None, prefix: str) -> int | None:
    if key and key.startswith(prefix):
        tail = key.removeprefix(prefix)
        return int(tail) if tail.isdigit() else None
    return None


def _region_id(key: str | None, region_code: str | None, regions: dict[str, int]) -> int | None:
    if key and key.startswith("region:"):
        return regions.get(key.removeprefix("region:"))
    if region_code:
        return regions.get(region_code)
    return None


def _fair_id(key: str | None, day: dt.date | None) -> int | None:
    if not key or not key.startswith("fair:"):
        return None
    fairs = list(Fair.objects.filter(slug__startswith=key.removeprefix("fair:")))
    if not fairs:
        return None
    if day is None:
        return None if len(fairs) > 1 else fairs[0].pk
    same_year = [f for f in fairs if f.start_date.year == day.year]
    return same_year[0].pk if same_year else None


def link_facts(facts: Facts) -> LinkedFacts:
    regions = dict(Region.objects.values_list("code", "id"))
    areas = dict(PlanArea.objects.values_list("code", "id"))
    people = [_key_id(p.key, "person:") for p in facts.people]
    organisations = [
        _key_id(o.key, "organisation:") or _key_id(o.key, "committee:") for o in facts.organisations
    ]
    places = []
    for place in facts.places:
        entry = next(iter(_entries(place.key)), None)
        places.append(_region_id(place.key, entry.region if entry else None, regions))
    events: list[int | None] = []
    for event in facts.events:
        if event.kind == "session" and event.number:
            session = CommitteeSession.objects.filter(number=event.number).order_by("id").first()
            events.append(session.pk if session else None)
        elif event.kind == "fair":
            events.append(_fair_id(event.key, event.date or facts.published))
        else:
            events.append(None)
    themes = [areas.get(code) for code in facts.themes]
    as_of = facts.published or timezone.localdate()
    checks = []
    for figure in facts.figures:
        count = registry_count(figure.subject, as_of, figure.scope_key or "")
        if count is None:
            checks.append(FigureCheck(as_of, None, "cannot check", None, figure.scope_key or ""))
            continue
        kind, difference = verdict(figure.value, figure.qualifier, count.value)
        checks.append(
            FigureCheck(as_of, count.value, kind, difference, count.scope, count.project_ids)
        )
    return LinkedFacts(facts, people, organisations, places, events, themes, checks)


def _entries(key: str | None) -> list[Any]:
    from tandem.press.selectors.gazetteer import registry_gazetteer

    if not key:
        return []
    return [e for e in registry_gazetteer().entries if e.key == key]
