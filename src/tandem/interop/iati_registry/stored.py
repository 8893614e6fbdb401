"""A stored project as a :class:`ProjectState` (to compare) and as an activity (to export)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings

from tandem.core.i18n import texts_of
from tandem.interop.iati.mapping import BUDGET, PLANNED_DISBURSEMENT
from tandem.interop.iati.records import (
    ActivityRecord,
    BaselineRecord,
    DocumentLinkRecord,
    FinancingKind,
    FinancingRecord,
    FinancingStage,
    IndicatorRecord,
    LocationRecord,
    Measure,
    ParticipantRecord,
    ParticipantRole,
    PeriodRecord,
    ProjectStatus,
    RecipientCountry,
    RegionRecord,
    ResultKind,
    ResultRecord,
    SectorRecord,
)
from tandem.interop.iati_registry.state import IndicatorState, Line, ProjectState
from tandem.interop.models import IatiActivity
from tandem.projects.models import JointProject

_STAGES = {
    "": FinancingStage.COMMITTED,
    BUDGET: FinancingStage.PLANNED,
    PLANNED_DISBURSEMENT: FinancingStage.PLANNED,
    "outgoing_pledge": FinancingStage.PLEDGED,
    "incoming_pledge": FinancingStage.PLEDGED,
    "commitment": FinancingStage.COMMITTED,
    "incoming_commitment": FinancingStage.COMMITTED,
    "credit_guarantee": FinancingStage.COMMITTED,
}


def iati_of(project: JointProject) -> IatiActivity | None:
    try:
        return project.iati
    except IatiActivity.DoesNotExist:
        return None


def effective_type(line: Any) -> str:
    """The IATI type a line is published as (an untyped line is a commitment or disbursement)."""
    if line.line_type:
        return str(line.line_type)
    if not line.is_disbursement:
        return "commitment"
    return "equity_purchase" if line.kind == "investment" else "disbursement"


def _lines(project: JointProject) -> list[Line]:
    return [
        (
            line.kind,
            effective_type(line),
            line.amount,
            line.currency,
            line.date,
            line.period_end,
            line.value_date,
        )
        for line in project.financing.all()
    ]


def _indicator_states(project: JointProject) -> list[IndicatorState]:
    return [
        IndicatorState(
            result_type=item.result_type,
            result_title=item.result_title,
            titles=tuple(sorted(texts_of(item, "title").items())),
            measure=item.measure,
            ascending=item.ascending,
            baseline=item.baseline,
            baseline_text=item.baseline_text,
            baseline_date=item.baseline_date,
            periods=tuple(
                (v.period_start, v.period_end, v.target, v.actual, v.target_text, v.actual_text)
                for v in item.values.all()
            ),
        )
        for item in project.indicators.all()
    ]


def iati_fields(iati: IatiActivity | None) -> dict[str, Any]:
    if iati is None:
        return {}
    return {
        "reporting_org": iati.reporting_org,
        "default_currency": iati.default_currency,
        "descriptions": iati.descriptions,
        "sectors": iati.sectors,
        "recipient_countries": iati.recipient_countries,
        "recipient_regions": iati.recipient_regions,
        "locations": iati.locations,
        "document_links": iati.document_links,
        "participants_to_confirm": iati.participants_to_confirm,
        "last_updated": iati.last_updated,
    }


def stored_state(project: JointProject) -> ProjectState:
    return ProjectState(
        iati_identifier=project.iati_identifier,
        titles=texts_of(project, "title"),
        summaries=texts_of(project, "summary"),
        other_texts=project.other_texts or {},
        status=project.status,
        dates={
            "planned_start": project.planned_start,
            "actual_start": project.actual_start,
            "planned_end": project.planned_end,
            "actual_end": project.actual_end,
        },
        regions=sorted(r.code for r in project.regions.all()),
        plan_areas=[link.plan_area.code for link in project.area_links.all()],
        national_projects=sorted(n.code for n in project.national_projects.all()),
        lines=_lines(project),
        indicators=_indicator_states(project),
        iati=iati_fields(iati_of(project)),
    )


# ---- export --------------------------------------------------------------------------------


def _texts(project: JointProject, field: str) -> dict[str, str]:
    """en/ja/ru texts, then the other languages; a fallback copy of another language is not
    published twice."""
    others = (project.other_texts or {}).get(field, {})
    ours = texts_of(project, field)
    fallback = field == "title" and set(ours) == {"en"}  # only titles have a fallback copy
    if others and fallback and ours["en"] in others.values():
        ours = {}
    return {**ours, **others}


def _financing(line: Any) -> FinancingRecord:
    stage = _STAGES.get(line.line_type)
    if stage is None:
        stage = FinancingStage.DISBURSED
    if line.line_type == "" and line.is_disbursement:
        stage = FinancingStage.DISBURSED
    return FinancingRecord(
        kind=FinancingKind(line.kind),
        stage=stage,
        amount=line.amount,
        currency=line.currency,
        date=line.date,
        period_end=line.period_end,
        line_type=line.line_type or None,
        value_date=line.value_date,
    )


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _results(project: JointProject) -> tuple[ResultRecord, ...]:
    results: list[ResultRecord] = []
    group: list[IndicatorRecord] = []
    key: tuple[str, str] | None = None
    for item in project.indicators.all():
        titles = texts_of(item, "title") or {"en": item.title}
        item_key = (item.result_type or "output", item.result_title or item.title)
        baseline = None
        if item.baseline_date is not None:
            baseline = BaselineRecord(
                year=item.baseline_date.year,
                value=item.baseline,
                iso_date=item.baseline_date,
                text=item.baseline_text or None,
            )
        indicator = IndicatorRecord(
            titles=titles,
            measure=Measure(item.measure or "unit"),
            ascending=item.ascending,
            baseline=baseline,
            periods=tuple(
                PeriodRecord(
                    v.period_start,
                    v.period_end,
                    v.target,
                    v.actual,
                    v.target_text or None,
                    v.actual_text or None,
                )
                for v in item.values.all()
            ),
        )
        if key is not None and item_key != key:
            results.append(ResultRecord(ResultKind(key[0]), {"en": key[1]}, tuple(group)))
            group = []
        key = item_key
        group.append(indicator)
    if key is not None:
        results.append(ResultRecord(ResultKind(key[0]), {"en": key[1]}, tuple(group)))
    return tuple(results)


def _participants(
    project: JointProject, iati: IatiActivity | None
) -> tuple[ParticipantRecord, ...]:
    known = [
        ParticipantRecord(
            names=texts_of(p.organisation, "name"),
            role=ParticipantRole(p.role),
            ref=p.organisation.iati_ref or None,
            country=p.side.code,
        )
        for p in project.participants.all()
    ]
    pending = [
        ParticipantRecord(
            names=item.get("names") or {},
            role=ParticipantRole(item["role"]),
            ref=item.get("ref"),
            type_code=item.get("type"),
        )
        for item in (iati.participants_to_confirm if iati else [])
    ]
    return tuple(known + pending)


def _places(
    iati: IatiActivity | None,
) -> tuple[tuple[LocationRecord, ...], tuple[DocumentLinkRecord, ...]]:
    if iati is None:
        return (), ()
    locations = tuple(
        LocationRecord(
            ref=item["ref"],
            names=item["names"],
            descriptions=item["descriptions"],
            point=item["point"],
            reach=item["reach"],
            exactness=item["exactness"],
            location_class=item["location_class"],
            feature_designation=item["feature_designation"],
            ids=tuple((a, b) for a, b in item["ids"]),
            administrative=tuple((a, b, c) for a, b, c in item["administrative"]),
        )
        for item in iati.locations
    )
    links = tuple(
        DocumentLinkRecord(
            url=item["url"],
            format=item["format"],
            titles=item["titles"],
            categories=tuple(item["categories"]),
            descriptions=item["descriptions"],
            languages=tuple(item["languages"]),
            date=dt.date.fromisoformat(item["date"]) if item["date"] else None,
        )
        for item in iati.document_links
    )
    return locations, links


def _geography(
    project: JointProject, iati: IatiActivity | None
) -> tuple[tuple[RecipientCountry, ...], tuple[RegionRecord, ...]]:
    regions = list(project.regions.all())
    countries = [
        RecipientCountry(code=c["code"], percentage=_decimal(c["percentage"]))
        for c in (iati.recipient_countries if iati else [])
    ]
    given = {c.code for c in countries}
    for code in sorted({r.country.code for r in regions} - given):
        countries.append(RecipientCountry(code=code))
    records = [RegionRecord(code=r.code, names=texts_of(r, "name")) for r in regions]
    records += [
        RegionRecord(
            code=r["code"],
            vocabulary=r["vocabulary"],
            names=r["names"],
            percentage=_decimal(r["percentage"]),
        )
        for r in (iati.recipient_regions if iati else [])
    ]
    return tuple(countries), tuple(records)


def _published_by_others(iati: IatiActivity | None) -> bool:
    """We publish again an activity another organisation reports: we are a secondary reporter."""
    if iati is None:
        return False
    ref = (iati.reporting_org or {}).get("ref")
    return bool(ref) and ref != settings.TANDEM_IATI_REPORTING_ORG_REF


def activity_record(project: JointProject) -> ActivityRecord:
    """The project as an IATI activity: what the registry holds, and what it kept of IATI."""
    iati = iati_of(project)
    countries, regions = _geography(project, iati)
    locations, links = _places(iati)
    sectors = tuple(
        SectorRecord(
            code=s["code"],
            vocabulary=s["vocabulary"],
            vocabulary_uri=s["vocabulary_uri"],
            names=s["names"],
            percentage=_decimal(s["percentage"]),
        )
        for s in (iati.sectors if iati else [])
    )
    return ActivityRecord(
        code=project.code,
        titles=_texts(project, "title"),
        descriptions=_texts(project, "summary"),
        status=ProjectStatus(project.status),
        participants=_participants(project, iati),
        planned_start=project.planned_start,
        actual_start=project.actual_start,
        planned_end=project.planned_end,
        actual_end=project.actual_end,
        recipient_countries=countries,
        regions=regions,
        sectors=sectors,
        plan_areas=tuple(link.plan_area.code for link in project.area_links.all()),
        national_projects=tuple(n.code for n in project.national_projects.all()),
        financing=tuple(_financing(line) for line in project.financing.all()),
        results=_results(project),
        last_updated=iati.last_updated if iati is not None else project.updated_at,
        default_currency=(iati.default_currency or None) if iati else None,
        iati_identifier=project.iati_identifier or None,
        other_descriptions=dict(iati.descriptions) if iati else {},
        locations=locations,
        document_links=links,
        secondary_reporter=_published_by_others(iati),
        illustrative=project.is_illustrative,
    )
