"""Resolve the codes and names a ProjectIn refers to, with one clear message per problem."""

from __future__ import annotations

from dataclasses import dataclass, field
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


def find_organisation(name: str) -> Organisation | None:
    """An organisation by its reference or its exact name in any language."""
    return (
        Organisation.objects.filter(
            Q(reference=name) | Q(name_en=name) | Q(name_ja=name) | Q(name_ru=name)
        )
        .order_by("pk")
        .first()
    )


def _by_code(model: Any, programme: Programme, codes: list[str], label: str) -> list[Any]:
    found = {obj.code: obj for obj in model.objects.filter(programme=programme, code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({label: f"Unknown {label.replace('_', ' ')}: {', '.join(unknown)}."})
    return [found[code] for code in codes]


def resolve(data: ProjectIn, programme: Programme) -> Resolved:
    resolved = Resolved()
    errors: dict[str, list[str]] = {}
    countries = {country.code: country for country in Country.objects.all()}
    lookups = (
        ("plan_areas", PlanArea, data.plan_areas),
        ("national_projects", NationalProject, data.national_projects),
    )
    for label, model, codes in lookups:
        if codes is None:
            continue
        try:
            setattr(resolved, label, _by_code(model, programme, codes, label))
        except ValidationError as exc:
            errors.setdefault(label, []).extend(exc.message_dict[label])
    if data.regions:
        regions = {region.code: region for region in Region.objects.filter(code__in=data.regions)}
        unknown = [code for code in data.regions if code not in regions]
        if unknown:
            errors.setdefault("regions", []).append(f"Unknown regions: {', '.join(unknown)}.")
        resolved.regions = [regions[code] for code in data.regions if code in regions]
    if data.confidential_side:
        resolved.confidential_side = countries.get(data.confidential_side)
        if resolved.confidential_side is None:
            errors.setdefault("confidential_side", []).append(
                f"Unknown side: {data.confidential_side}."
            )
    leads: set[str] = set()
    for participant in data.participants or []:
        side = countries.get(participant.side)
        organisation = find_organisation(participant.organisation)
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
