"""The registry in IATI 2.03: joint projects to activity records and back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.i18n import LANGUAGES
from tandem.interop.iati.export import write_activities
from tandem.interop.iati.records import ActivityRecord, ReportingOrg
from tandem.interop.iati_registry.problems import export_problem_text
from tandem.interop.iati_registry.stored import activity_record
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
            "regions__country",
            "financing",
            "indicators__values",
        )
        .select_related("iati")
    )


def exportable(projects: Iterable[Any], skipped: list[str]) -> Iterator[ActivityRecord]:
    """Records of the projects that can be valid IATI; "CODE: reason" of the others to skipped."""
    for project in projects:
        record = activity_record(project)
        dates = (record.planned_start, record.actual_start, record.planned_end, record.actual_end)
        if not record.participants:
            skipped.append(f"{project.code}: {_('no participants yet')}")
        elif not any(dates):
            skipped.append(f"{project.code}: {_('no start or end date yet')}")
        elif not any(record.titles.values()):
            skipped.append(f"{project.code}: {_('no title in any language')}")
        else:
            yield record


def export_public_projects(out: BinaryIO) -> tuple[int, list[str]]:
    """Write every public project as IATI 2.03 to ``out``; returns (written, left out).

    A project that cannot be valid IATI is left out with its reason ("CODE: reason", in the
    active language); the file written is valid whatever the records hold.
    """
    skipped: list[str] = []
    written = write_activities(
        exportable(public_projects().iterator(chunk_size=500), skipped),
        out,
        reporting_org=reporting_org(),
        generated=timezone.now(),
        left_out=lambda error: skipped.append(
            f"{error.iati_identifier}: {export_problem_text(error)}"
        ),
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
