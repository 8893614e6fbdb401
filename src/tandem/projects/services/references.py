"""Resolve the codes and names a ProjectIn refers to, with one clear message per problem.

A :class:`References` object loads the reference lists once; an import of thousands of rows
passes one to every row instead of asking the database again for each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from tandem.core.models import Country, Organisation, Region
from tandem.programme.models import NationalProject, PlanArea, Programme
from tandem.projects.schemas import ProjectIn


@dataclass
class Resolved:
    plan_areas: list[PlanArea] = field(default_factory=list)
    national_projects: list[NationalProject] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    confidential_side: Country | None = None
    participants: list[tuple[Organisation, Country, str]] = field(default_factory=list)


def organisation_key(organisation: Organisation | None) -> str:
    """How the form and the files name an organisation, so that :func:`find_organisation`
    finds it again: its reference, else its name (English first)."""
    if organisation is None:
        return ""
    names = (getattr(organisation, f"name_{language}", "") for language in ("en", "ja", "ru"))
    return str(organisation.reference or next((n for n in names if n), "") or organisation.name)


def find_organisation(name: str) -> Organisation | None:
    """An organisation by its reference or its exact name in any language."""
    return (
        Organisation.objects.filter(
            Q(reference=name) | Q(name_en=name) | Q(name_ja=name) | Q(name_ru=name)
        )
        .order_by("pk")
        .first()
    )


class References:
    """The programme's reference lists, loaded on first use and kept for the object's life."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self._organisations: dict[str, Organisation | None] = {}

    @cached_property
    def plan_areas(self) -> dict[str, PlanArea]:
        return {a.code: a for a in PlanArea.objects.filter(programme=self.programme)}

    @cached_property
    def national_projects(self) -> dict[str, NationalProject]:
        return {n.code: n for n in NationalProject.objects.filter(programme=self.programme)}

    @cached_property
    def regions(self) -> dict[str, Region]:
        return {r.code: r for r in Region.objects.all()}

    @cached_property
    def countries(self) -> dict[str, Country]:
        return {c.code: c for c in Country.objects.all()}

    def organisation(self, name: str) -> Organisation | None:
        if name not in self._organisations:
            self._organisations[name] = find_organisation(name)
        return self._organisations[name]


def _codes(
    known: dict[str, Any], codes: list[str], label: str, errors: dict[str, list[str]]
) -> list[Any]:
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors.setdefault(label, []).append(
            f"Unknown {label.replace('_', ' ')}: {', '.join(unknown)}."
        )
    return [known[code] for code in codes if code in known]


def resolve(
    data: ProjectIn, programme: Programme, references: References | None = None
) -> Resolved:
    refs = references or References(programme)
    resolved = Resolved()
    errors: dict[str, list[str]] = {}
    if data.plan_areas is not None:
        resolved.plan_areas = _codes(refs.plan_areas, data.plan_areas, "plan_areas", errors)
    if data.national_projects is not None:
        resolved.national_projects = _codes(
            refs.national_projects, data.national_projects, "national_projects", errors
        )
    if data.regions:
        resolved.regions = _codes(refs.regions, data.regions, "regions", errors)
    if data.confidential_side:
        resolved.confidential_side = refs.countries.get(data.confidential_side)
        if resolved.confidential_side is None:
            errors.setdefault("confidential_side", []).append(
                f"Unknown side: {data.confidential_side}."
            )
    leads: set[str] = set()
    for participant in data.participants or []:
        side = refs.countries.get(participant.side)
        organisation = refs.organisation(participant.organisation)
        if side is None:
            errors.setdefault("participants", []).append(f"Unknown side: {participant.side}.")
            continue
        if organisation is None:
            errors.setdefault("participants", []).append(
                f"Unknown organisation: {participant.organisation}."
            )
            continue
        if participant.role == "lead":
            if participant.side in leads:
                errors.setdefault("participants", []).append(
                    f"Two leads on the {participant.side} side: a project has one lead per side."
                )
            leads.add(participant.side)
        resolved.participants.append((organisation, side, participant.role))
    if errors:
        raise ValidationError(errors)
    return resolved
