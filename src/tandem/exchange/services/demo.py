"""Writes the illustrative cohort of :mod:`tandem.exchange.demo` through the services.

The cohort is small (about 1,000 records), so each record goes through its service and its
validation, and gets its creation record in the history.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from tandem.core.enums import OrganisationKind
from tandem.core.i18n import translated_fields
from tandem.core.models import Organisation, Person
from tandem.exchange.demo import EXPERTISE, METHOD, REPORT, WORK_PLAN, generate_cohort
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.services.records import (
    dispatch_save,
    enterprise_save,
    indicator_save,
    measurement_save,
    outcome_save,
    placement_save,
)
from tandem.projects.models import JointProject

KINDS = (OrganisationKind.ENTERPRISE, OrganisationKind.COMPANY)


@transaction.atomic
def demo_exchange_create(*, seed: int, actor: Any = None) -> dict[str, int]:
    """Create the illustrative cohort once; a second run changes nothing."""
    if EnterpriseProfile.objects.filter(is_illustrative=True).exists():
        return {"enterprises created": 0}
    organisations = {
        side: list(
            Organisation.objects.filter(is_illustrative=True, side__code=side, kind__in=KINDS)
            .exclude(exchange_profile__isnull=False)
            .order_by("reference")
        )
        for side in ("RU", "JP")
    }
    people = {
        side: list(
            Person.objects.filter(is_illustrative=True, side__code=side).order_by("reference")
        )
        for side in ("RU", "JP")
    }
    if not organisations["RU"] or not organisations["JP"] or not people["JP"]:
        raise ValueError(
            "Create the illustrative organisations and people first (tandem demo-data)."
        )
    projects = list(JointProject.objects.filter(is_illustrative=True).order_by("code"))
    cohort = generate_cohort(
        seed,
        russian=len(organisations["RU"]),
        japanese=len(organisations["JP"]),
        specialists=len(people["JP"]),
        trainees=len(people["RU"]),
        projects=len(projects),
    )
    profiles = []
    for item in cohort.enterprises:
        profile = EnterpriseProfile(
            organisation=organisations[item.side][item.organisation],
            sector=item.sector,
            size=item.size,
            employees=item.employees,
            is_illustrative=True,
        )
        linked = [projects[i] for i in item.projects]
        profiles.append(enterprise_save(profile=profile, joint_projects=linked, actor=actor))
    dispatches: dict[int, SpecialistDispatch] = {}
    for sent in cohort.dispatches:
        specialist = people["JP"][sent.specialist]
        dispatch = dispatch_save(
            dispatch=SpecialistDispatch(
                specialist=specialist,
                sending_organisation=specialist.organisation,
                host=profiles[sent.host],
                topic=sent.topic,
                start_date=sent.start,
                end_date=sent.end,
                is_illustrative=True,
                **translated_fields("expertise", EXPERTISE[sent.topic]),
                **translated_fields("work_plan", WORK_PLAN),
                **translated_fields("report", REPORT if sent.reported else ("", "", "")),
            ),
            actor=actor,
        )
        dispatches.setdefault(sent.host, dispatch)
    for placed in cohort.placements:
        placement_save(
            placement=TraineePlacement(
                trainee=people["RU"][placed.trainee] if people["RU"] else people["JP"][0],
                home=profiles[placed.home],
                host=profiles[placed.host],
                start_date=placed.start,
                end_date=placed.end,
                completed=placed.completed is not None,
                completion_date=placed.completed,
                certificate_number=placed.certificate,
                is_illustrative=True,
                **translated_fields("training_programme", placed.programme),
            ),
            actor=actor,
        )
    indicators: dict[tuple[int, str], KpiIndicator] = {}
    for measured in sorted(cohort.measurements, key=lambda m: (m.enterprise, m.kind, m.horizon)):
        key = (measured.enterprise, measured.kind)
        if key not in indicators:
            indicators[key] = indicator_save(
                indicator=KpiIndicator(
                    enterprise=profiles[measured.enterprise],
                    kind=measured.kind,
                    unit=measured.unit,
                    is_illustrative=True,
                ),
                actor=actor,
            )
        measurement_save(
            measurement=KpiMeasurement(
                indicator=indicators[key],
                horizon=measured.horizon,
                date=measured.date,
                value=Decimal(str(measured.value)),
                method=METHOD if measured.horizon == 0 else "",
                is_illustrative=True,
            ),
            actor=actor,
        )
    for result in cohort.outcomes:
        if result.project is not None:  # a follow-up project is linked to the enterprise too
            profiles[result.enterprise].joint_projects.add(projects[result.project])
        outcome_save(
            outcome=BusinessOutcome(
                enterprise=profiles[result.enterprise],
                kind=result.kind,
                date=result.date,
                amount=Decimal(str(result.amount)) if result.amount is not None else None,
                currency=result.currency,
                joint_project=projects[result.project] if result.project is not None else None,
                dispatch=dispatches.get(result.enterprise),
                is_illustrative=True,
                **translated_fields("description", result.description),
            ),
            actor=actor,
        )
    return {
        "enterprises created": len(profiles),
        "dispatches created": len(cohort.dispatches),
        "placements created": len(cohort.placements),
        "KPI indicators created": len(indicators),
        "KPI measurements created": len(cohort.measurements),
        "outcomes created": len(cohort.outcomes),
    }
