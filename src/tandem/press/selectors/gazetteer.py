"""The gazetteer the extractor reads with: what the registry knows, in three languages.

People (core.Person, with their positions), organisations, the committee, trade fairs and
their venues, regions, and the cities of ``extraction/data/places.json``. The gazetteer is
rebuilt when any of those records changes (a cheap fingerprint query decides).
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, Max

from tandem.committee.models import Committee
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Organisation, Person, Region
from tandem.fairs.models import Fair
from tandem.press.extraction.gazetteer import (
    COMMITTEE_ALIASES,
    Entry,
    Gazetteer,
    person_names,
    place_names,
    static_organisations,
    static_places,
)

_CACHE: dict[str, Any] = {}


def _texts(obj: Any, field: str) -> dict[str, str]:
    """The non-empty per-language values of ``field`` (name_en, name_ja, name_ru)."""
    return {lang: value for lang in LANGUAGES if (value := getattr(obj, f"{field}_{lang}", ""))}


def _fingerprint() -> tuple[Any, ...]:
    parts: list[Any] = []
    for model in (Person, Organisation):
        row = model.objects.aggregate(n=Count("id"), last=Max("updated_at"))
        parts += [row["n"], row["last"]]
    parts.append(Fair.objects.aggregate(n=Count("id"), last=Max("id")))
    parts.append(Committee.objects.aggregate(n=Count("id"), last=Max("id")))
    parts.append(Region.objects.count())
    return tuple(str(p) for p in parts)


def registry_gazetteer() -> Gazetteer:
    fingerprint = _fingerprint()
    if _CACHE.get("fingerprint") == fingerprint:
        cached: Gazetteer = _CACHE["gazetteer"]
        return cached
    gazetteer = build_gazetteer()
    _CACHE.update(fingerprint=fingerprint, gazetteer=gazetteer)
    return gazetteer


def build_gazetteer() -> Gazetteer:
    gazetteer = Gazetteer()
    for committee in Committee.objects.all():
        texts = _texts(committee, "name")
        gazetteer.add(
            Entry(
                f"committee:{committee.pk}",
                "organisation",
                {k: (v, *COMMITTEE_ALIASES.get(k, ())) for k, v in texts.items()},
                texts.get("en", str(committee)),
            )
        )
    for person in Person.objects.select_related("side"):
        full = _texts(person, "name") or {"en": person.name}
        gazetteer.add(
            Entry(
                f"person:{person.pk}",
                "person",
                person_names(full),
                full.get("en", person.name),
                person.side.code,
                _texts(person, "position"),
            )
        )
    for organisation in Organisation.objects.select_related("side"):
        names: dict[str, tuple[str, ...]] = {
            k: (v,) for k, v in _texts(organisation, "name").items()
        }
        if organisation.short_name and len(organisation.short_name) >= 3:
            names["en"] = (*names.get("en", ()), organisation.short_name)
        gazetteer.add(
            Entry(
                f"organisation:{organisation.pk}",
                "organisation",
                names,
                organisation.name,
                organisation.side.code,
            )
        )
    seen_fairs: set[str] = set()
    for fair in Fair.objects.select_related("country"):
        base = re.sub(r"-\d{4}$", "", fair.slug)
        if base not in seen_fairs:
            seen_fairs.add(base)
            fair_names: dict[str, tuple[str, ...]] = {
                k: (v,) for k, v in _texts(fair, "name").items()
            }
            canonical = _texts(fair, "name").get("en", fair.name)
            gazetteer.add(Entry(f"fair:{base}", "fair", fair_names, canonical))
        venue: dict[str, tuple[str, ...]] = {k: (v,) for k, v in _texts(fair, "venue").items()}
        if venue:
            gazetteer.add(Entry(f"venue:{base}", "place", venue, fair.venue, fair.country.code))
    for region in Region.objects.select_related("country"):
        gazetteer.add(
            Entry(
                f"region:{region.code}",
                "place",
                place_names(_texts(region, "name")),
                _texts(region, "name").get("en", region.name),
                region.country.code,
                region=region.code,
            )
        )
    for entry in [*static_places(), *static_organisations()]:
        gazetteer.add(entry)
    return gazetteer
