"""A joint project with something in every part of its record, and a snapshot of that record:
what tests of the edit paths (the form, the files) compare before and after a change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tandem.core.models import Country, Organisation, User
from tandem.programme.models import Programme
from tandem.projects.enums import ParticipantRole
from tandem.projects.models import (
    ConfidentialNote,
    FinancingLine,
    JointProject,
    Milestone,
    ResultIndicator,
    Source,
)
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create

CODE = "JR-2018-0107"
LANGUAGES = ("en", "ja", "ru")
ROLES: tuple[str, ...] = tuple(ParticipantRole.values)  # every role the registry knows


def organisation_name(role: str, side: str, which: str = "one") -> str:
    return f"{role.title()} {side.upper()} {which}"


def make_people() -> dict[str, Organisation]:
    """Two organisations per role and side: one taking part, one to choose instead."""
    sides = {"jp": Country.objects.get(code="JP"), "ru": Country.objects.get(code="RU")}
    return {
        f"{role}_{side}{suffix}": Organisation.objects.create(
            name_en=organisation_name(role, side, suffix.strip() or "one"),
            kind="company",
            side=country,
        )
        for role in ROLES
        for side, country in sides.items()
        for suffix in ("", " two")
    }


def make_full_project(people: dict[str, Organisation], actor: User) -> JointProject:
    project = project_create(
        programme=Programme.objects.get(),
        data=ProjectIn.model_validate(
            {
                "code": CODE,
                "title_en": "Sawmill modernisation in Khabarovsk",
                "title_ja": "ハバロフスクの製材所近代化",
                "title_ru": "Модернизация лесопильного завода в Хабаровске",
                "summary_en": "New drying kilns and a grading line.",
                "summary_ja": "乾燥炉と選別ラインの新設。",
                "summary_ru": "Новые сушильные камеры и линия сортировки.",
                "status": "agreed",
                "status_date": dt.date(2019, 4, 1),
                "plan_areas": ["P6", "P3"],
                "national_projects": ["N7"],
                "regions": ["RU-KHA"],
                "places": "Khabarovsk",
                "aspects": ["productivity"],
                "sectors": [{"vocabulary": "isic", "code": "1610"}],
                "planned_start": dt.date(2019, 6, 1),
                "planned_end": dt.date(2022, 12, 31),
                "disclosure": "internal",
                "participants": [
                    {
                        "organisation": organisation_name(role, side),
                        "side": side.upper(),
                        "role": role,
                    }
                    for role in ROLES
                    for side in ("jp", "ru")
                ],
                "financing": [
                    {
                        "kind": "loan",
                        "amount": "1500000000",
                        "currency": "JPY",
                        "date": "2019-05-10",
                    }
                ],
            }
        ),
        actor=actor,
    )
    Milestone.objects.create(
        project=project, title="Kilns commissioned", due_date=dt.date(2020, 9, 1)
    )
    ResultIndicator.objects.create(
        project=project, title="Output", unit="m3", baseline=Decimal(100)
    )
    Source.objects.create(project=project, kind="document", title="Agreement of 1 April 2019")
    ConfidentialNote.objects.create(
        project=project, side=Country.objects.get(code="JP"), text="Our side's note"
    )
    return project


def snapshot(code: str) -> dict[str, Any]:
    """Everything the registry holds about the project, one key per thing a user can change."""
    project = JointProject.objects.get(code=code)
    scalars = {
        name: getattr(project, name)
        for name in (
            *(f"{n}_{lang}" for n in ("title", "summary") for lang in LANGUAGES),
            "status",
            "status_date",
            "places",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "disclosure",
            "confidential_side_id",
        )
    }
    return scalars | {
        "plan_areas": sorted((k.plan_area.code, k.is_primary) for k in project.area_links.all()),
        "national_projects": sorted(n.code for n in project.national_projects.all()),
        "regions": sorted(r.code for r in project.regions.all()),
        "aspects": sorted(a.aspect for a in project.aspects.all()),
        "sectors": sorted((s.vocabulary, s.code) for s in project.sectors.all()),
        "participants": sorted(
            (str(p.organisation.name), p.side.code, p.role) for p in project.participants.all()
        ),
        "financing": sorted(
            (f.kind, f.amount, f.currency, f.date)
            for f in FinancingLine.objects.filter(project=project)
        ),
        "status_changes": [
            (c.from_status, c.to_status, c.date) for c in project.status_changes.order_by("id")
        ],
        "milestones": list(project.milestones.values_list("title", "due_date", "done_date")),
        "indicators": list(project.indicators.values_list("title", "unit", "baseline")),
        "sources": list(project.sources.values_list("kind", "title")),
        "notes": list(project.confidential_notes.values_list("text", flat=True)),
    }
