"""The registry in IATI 2.03: joint projects to activity records and back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tandem.core.i18n import LANGUAGES, texts_of
from tandem.interop.iati.export import write_activities
from tandem.interop.iati.records import (
    ActivityRecord,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    ParticipantRecord,
    ParticipantRole,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    ReportingOrg,
)
from tandem.projects.enums import Disclosure
from tandem.projects.models import JointProject, Participant, ProjectPlanArea
from tandem.projects.schemas import ProjectIn


def reporting_org() -> ReportingOrg:
    return ReportingOrg(
        ref=settings.TANDEM_IATI_REPORTING_ORG_REF,
        type_code="10",
        names={"en": settings.TANDEM_IATI_REPORTING_ORG_NAME},
        vocabulary_base_uri=settings.TANDEM_IATI_VOCABULARY_URI,
    )


def activity_record(project: JointProject) -> ActivityRecord:
    participants = tuple(
        ParticipantRecord(
            names=texts_of(p.organisation, "name"),
            role=ParticipantRole(p.role),
            ref=p.organisation.iati_ref or None,
            country=p.side.code,
        )
        for p in project.participants.all()
    )
    financing = tuple(
        FinancingRecord(
            kind=FinancingKind(line.kind),
            stage=FinancingStage.DISBURSED if line.is_disbursement else FinancingStage.COMMITTED,
            amount=line.amount,
            currency=line.currency,
            date=line.date,
        )
        for line in project.financing.all()
    )
    regions = tuple(project.regions.all())
    return ActivityRecord(
        code=project.code,
        titles=texts_of(project, "title"),
        descriptions=texts_of(project, "summary"),
        status=ProjectStatus(project.status),
        participants=participants,
        planned_start=project.planned_start,
        actual_start=project.actual_start,
        planned_end=project.planned_end,
        actual_end=project.actual_end,
        recipient_countries=(RecipientCountry(code="RU"),)
        if any(r.country_id for r in regions)
        else (),
        regions=tuple(RegionRecord(code=r.code, names=texts_of(r, "name")) for r in regions),
        plan_areas=tuple(link.plan_area.code for link in project.area_links.all()),
        national_projects=tuple(n.code for n in project.national_projects.all()),
        financing=financing,
        last_updated=project.updated_at,
    )


def public_projects() -> QuerySet[JointProject]:
    return (
        JointProject.objects.filter(disclosure=Disclosure.PUBLIC)
        .order_by("code")
        .prefetch_related(
            Prefetch(
                "participants", queryset=Participant.objects.select_related("organisation", "side")
            ),
            Prefetch("area_links", queryset=ProjectPlanArea.objects.select_related("plan_area")),
            "national_projects",
            "regions",
            "financing",
        )
    )


def exportable(projects: Iterable[JointProject], skipped: list[str]) -> Iterator[ActivityRecord]:
    """Records of the projects that can be valid IATI; the codes of the others go to skipped."""
    for project in projects:
        record = activity_record(project)
        has_date = any((record.planned_start, record.actual_start))
        if not record.participants or not has_date or not record.titles:
            skipped.append(project.code)
            continue
        yield record


def export_public_projects(out: BinaryIO) -> tuple[int, list[str]]:
    """Write every public project as IATI 2.03 to ``out``; returns (written, skipped codes)."""
    skipped: list[str] = []
    written = write_activities(
        exportable(public_projects().iterator(chunk_size=1000), skipped),
        out,
        reporting_org=reporting_org(),
        generated=timezone.now(),
    )
    return written, skipped


def project_in(record: ActivityRecord) -> ProjectIn:
    """What an imported activity asks the registry to hold (pydantic validates it)."""
    participants = [
        {
            "organisation": p.names.get("en") or next(iter(p.names.values()), ""),
            "side": p.country or "",
            "role": str(p.role),
        }
        for p in record.participants
    ]
    given: dict[str, Any] = {
        "code": record.code,
        "status": str(record.status),
        "plan_areas": list(record.plan_areas) or None,
        "national_projects": list(record.national_projects) or None,
        "regions": [r.code for r in record.regions if r.vocabulary == "99"] or None,
        "planned_start": record.planned_start,
        "planned_end": record.planned_end,
        "actual_start": record.actual_start,
        "actual_end": record.actual_end,
        "participants": participants or None,
        "disclosure": Disclosure.PUBLIC,
    }
    for lang in LANGUAGES:
        given[f"title_{lang}"] = record.titles.get(lang)
        given[f"summary_{lang}"] = record.descriptions.get(lang)
    return ProjectIn(**{key: value for key, value in given.items() if value is not None})
