"""API of the productivity exchange, mounted under /api/v1/.

The same visibility as the pages: programme staff see everything, coordinators write, a
company representative sees their own organisation's records only (others answer 404).
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from tandem.api.errors import unprocessable
from tandem.api.paging import page_slice
from tandem.api.schemas import TranslatedText, responses, translated
from tandem.api.security import require
from tandem.core.actors import signed_in
from tandem.core.models import Organisation, Person
from tandem.exchange.enums import Horizon, OutcomeKind, Topic
from tandem.exchange.models import (
    BusinessOutcome,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.reporting import effect_report_data
from tandem.exchange.schemas import EffectReportOut
from tandem.exchange.selectors import lists
from tandem.exchange.selectors.effect import effect_report
from tandem.exchange.selectors.visibility import (
    visible_dispatches,
    visible_enterprises,
    visible_placements,
)
from tandem.exchange.services.records import (
    dispatch_save,
    measurement_save,
    outcome_save,
    placement_save,
)
from tandem.exchange.services.removal import dispatch_delete, indicator_delete, placement_delete
from tandem.projects.selectors.visibility import visible_projects

router = Router(tags=["exchange"])
MAX_LIMIT = 500


class EnterpriseOut(Schema):
    id: int
    name: str
    side: str
    region: str | None
    sector: str
    size: str
    employees: int | None
    joint_projects: list[str]
    illustrative: bool


class MeasurementOut(Schema):
    horizon_months: int
    date: dt.date
    value: Decimal
    method: str


class IndicatorOut(Schema):
    id: int
    indicator: str
    name: str
    unit: str
    higher_is_better: bool
    measurements: list[MeasurementOut]


class EnterpriseDetailOut(EnterpriseOut):
    indicators: list[IndicatorOut]


class DispatchOut(Schema):
    id: int
    specialist: str
    sending_organisation: str
    expertise: TranslatedText
    host: int
    topic: str
    start_date: dt.date
    end_date: dt.date
    work_plan: TranslatedText
    report: TranslatedText
    illustrative: bool


class DispatchIn(Schema):
    specialist: int
    sending_organisation: int | None = None
    expertise: TranslatedText
    host: int
    topic: Topic
    start_date: dt.date
    end_date: dt.date
    work_plan: TranslatedText
    report: TranslatedText | None = None


class PlacementOut(Schema):
    id: int
    trainee: str
    home: int
    host: int
    training_programme: TranslatedText
    start_date: dt.date
    end_date: dt.date
    completed: bool
    completion_date: dt.date | None
    certificate_number: str
    illustrative: bool


class PlacementIn(Schema):
    trainee: int
    home: int
    host: int
    training_programme: TranslatedText
    start_date: dt.date
    end_date: dt.date
    completed: bool = False
    completion_date: dt.date | None = None
    certificate_number: str = ""


class MeasurementIn(Schema):
    horizon_months: Horizon
    date: dt.date
    value: Decimal
    method: str = ""


class OutcomeOut(Schema):
    id: int
    enterprise: int
    kind: str
    date: dt.date
    description: TranslatedText
    amount: Decimal | None
    currency: str
    joint_project: str | None
    dispatch: int | None
    illustrative: bool


class OutcomeIn(Schema):
    enterprise: int
    kind: OutcomeKind
    date: dt.date
    description: TranslatedText
    amount: Decimal | None = None
    currency: str = ""
    joint_project: str | None = None
    dispatch: int | None = None


class OutcomeFilter(Schema):
    limit: int = 100
    offset: int = 0
    kind: OutcomeKind | None = None
    enterprise: int | None = None


class Deleted(Schema):
    deleted: int
    files_removed: int


class Page(Schema):
    limit: int = 100
    offset: int = 0


def _enterprise(profile: Any) -> EnterpriseOut:
    organisation = profile.organisation
    return EnterpriseOut(
        id=profile.pk,
        name=str(organisation.name),
        side=organisation.side.code,
        region=organisation.region.code if organisation.region else None,
        sector=profile.sector,
        size=profile.size,
        employees=profile.employees,
        joint_projects=[p.code for p in profile.joint_projects.all()],
        illustrative=profile.is_illustrative,
    )


def _dispatch(dispatch: SpecialistDispatch) -> DispatchOut:
    return DispatchOut(
        id=dispatch.pk,
        specialist=str(dispatch.specialist.name),
        sending_organisation=str(dispatch.sending_organisation.name),
        expertise=translated(dispatch, "expertise"),
        host=dispatch.host_id,
        topic=dispatch.topic,
        start_date=dispatch.start_date,
        end_date=dispatch.end_date,
        work_plan=translated(dispatch, "work_plan"),
        report=translated(dispatch, "report"),
        illustrative=dispatch.is_illustrative,
    )


def _placement(placement: TraineePlacement) -> PlacementOut:
    return PlacementOut(
        id=placement.pk,
        trainee=str(placement.trainee.name),
        home=placement.home_id,
        host=placement.host_id,
        training_programme=translated(placement, "training_programme"),
        start_date=placement.start_date,
        end_date=placement.end_date,
        completed=placement.completed,
        completion_date=placement.completion_date,
        certificate_number=placement.certificate_number,
        illustrative=placement.is_illustrative,
    )


def _texts(field: str, text: TranslatedText | None) -> dict[str, str]:
    text = text or TranslatedText(en="", ja="", ru="")
    values = {"en": text.en, "ja": text.ja, "ru": text.ru}
    first = next((v for v in values.values() if v), "")
    return {field: first, **{f"{field}_{code}": value for code, value in values.items()}}


def _window(page: Page) -> slice:
    return page_slice(limit=page.limit, offset=page.offset, most=MAX_LIMIT)


@router.get(
    "/exchange/enterprises",
    response=responses(list[EnterpriseOut], codes=(401, 403, 422)),
    summary="Enterprises of the exchange visible to the caller",
)
@require("exchange.view_exchange")
def list_enterprises(request: HttpRequest, page: Query[Page]) -> list[EnterpriseOut]:
    rows = lists.enterprise_list(request.user).prefetch_related("joint_projects")
    return [_enterprise(p) for p in rows[_window(page)]]


@router.get(
    "/exchange/enterprises/{pk}",
    response=responses(EnterpriseDetailOut, codes=(401, 403, 404)),
    summary="One enterprise with its KPI protocol (404 unless the caller may see it)",
)
@require("exchange.view_exchange")
def get_enterprise(request: HttpRequest, pk: int) -> EnterpriseDetailOut:
    profile = visible_enterprises(request.user).filter(pk=pk).first()
    if profile is None:
        raise HttpError(404, "No such enterprise.")
    indicators = [
        IndicatorOut(
            id=row.indicator.pk,
            indicator=row.indicator.kind,
            name=row.indicator.label,
            unit=row.indicator.unit,
            higher_is_better=row.indicator.improves_upwards,
            measurements=[
                MeasurementOut(
                    horizon_months=m.horizon, date=m.date, value=m.value, method=m.method
                )
                for m in (row.baseline, row.six, row.twelve)
                if m is not None
            ],
        )
        for row in lists.kpi_protocol(profile)
    ]
    return EnterpriseDetailOut(**_enterprise(profile).model_dump(), indicators=indicators)


@router.get(
    "/exchange/dispatches",
    response=responses(list[DispatchOut], codes=(401, 403, 422)),
    summary="Specialist dispatches visible to the caller, latest first",
)
@require("exchange.view_exchange")
def list_dispatches(request: HttpRequest, page: Query[Page]) -> list[DispatchOut]:
    return [_dispatch(d) for d in lists.dispatch_list(request.user)[_window(page)]]


@router.post(
    "/exchange/dispatches",
    response=responses(DispatchOut, codes=(401, 403, 422), ok_code=201),
    summary="Record a specialist dispatch",
)
@require("exchange.change_exchange")
def create_dispatch(request: HttpRequest, payload: DispatchIn) -> Status[DispatchOut]:
    specialist = Person.objects.filter(pk=payload.specialist).first()
    host = visible_enterprises(request.user).filter(pk=payload.host).first()
    if specialist is None or host is None:
        raise HttpError(422, "Unknown specialist or host enterprise.")
    sending = payload.sending_organisation or specialist.organisation_id
    if sending is None or not Organisation.objects.filter(pk=sending).exists():
        raise HttpError(422, "Give the sending organisation.")
    dispatch = SpecialistDispatch(
        specialist=specialist,
        sending_organisation_id=sending,
        host=host,
        topic=payload.topic,
        start_date=payload.start_date,
        end_date=payload.end_date,
        **_texts("expertise", payload.expertise),
        **_texts("work_plan", payload.work_plan),
        **_texts("report", payload.report),
    )
    try:
        dispatch_save(dispatch=dispatch, actor=signed_in(request.user))
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(201, _dispatch(dispatch))


@router.get(
    "/exchange/placements",
    response=responses(list[PlacementOut], codes=(401, 403, 422)),
    summary="Trainee placements visible to the caller, latest first",
)
@require("exchange.view_exchange")
def list_placements(request: HttpRequest, page: Query[Page]) -> list[PlacementOut]:
    return [_placement(p) for p in lists.placement_list(request.user)[_window(page)]]


@router.post(
    "/exchange/placements",
    response=responses(PlacementOut, codes=(401, 403, 422), ok_code=201),
    summary="Record a trainee placement",
)
@require("exchange.change_exchange")
def create_placement(request: HttpRequest, payload: PlacementIn) -> Status[PlacementOut]:
    trainee = Person.objects.filter(pk=payload.trainee).first()
    enterprises = visible_enterprises(request.user)
    home = enterprises.filter(pk=payload.home).first()
    host = enterprises.filter(pk=payload.host).first()
    if trainee is None or home is None or host is None:
        raise HttpError(422, "Unknown trainee, home enterprise or host company.")
    placement = TraineePlacement(
        trainee=trainee,
        home=home,
        host=host,
        start_date=payload.start_date,
        end_date=payload.end_date,
        completed=payload.completed,
        completion_date=payload.completion_date,
        certificate_number=payload.certificate_number,
        **_texts("training_programme", payload.training_programme),
    )
    try:
        placement_save(placement=placement, actor=signed_in(request.user))
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(201, _placement(placement))


@router.put(
    "/exchange/indicators/{pk}/measurements",
    response=responses(MeasurementOut, codes=(401, 403, 404, 422)),
    summary="Record (or correct) the baseline or a follow-up of a KPI indicator",
)
@require("exchange.change_exchange")
def put_measurement(request: HttpRequest, pk: int, payload: MeasurementIn) -> MeasurementOut:
    indicator = lists.indicator_for(request.user, pk)
    if indicator is None:
        raise HttpError(404, "No such indicator.")
    horizon = int(payload.horizon_months)
    measurement = KpiMeasurement.objects.filter(indicator=indicator, horizon=horizon).first()
    measurement = measurement or KpiMeasurement(indicator=indicator, horizon=horizon)
    measurement.date, measurement.value, measurement.method = (
        payload.date,
        payload.value,
        payload.method,
    )
    try:
        measurement_save(measurement=measurement, actor=signed_in(request.user))
    except ValidationError as error:
        raise unprocessable(error) from error
    return MeasurementOut(
        horizon_months=horizon,
        date=measurement.date,
        value=measurement.value,
        method=measurement.method,
    )


def _outcome(outcome: BusinessOutcome, linkable: set[int]) -> OutcomeOut:
    project = outcome.joint_project
    return OutcomeOut(
        id=outcome.pk,
        enterprise=outcome.enterprise_id,
        kind=outcome.kind,
        date=outcome.date,
        description=translated(outcome, "description"),
        amount=outcome.amount,
        currency=outcome.currency,
        joint_project=project.code if project is not None and project.pk in linkable else None,
        dispatch=outcome.dispatch_id,
        illustrative=outcome.is_illustrative,
    )


@router.get(
    "/exchange/outcomes",
    response=responses(list[OutcomeOut], codes=(401, 403, 422)),
    summary="Business-expansion outcomes visible to the caller, latest first",
)
@require("exchange.view_exchange")
def list_outcomes(request: HttpRequest, filters: Query[OutcomeFilter]) -> list[OutcomeOut]:
    rows_window = _window(Page(limit=filters.limit, offset=filters.offset))
    rows = lists.outcome_list(request.user, kind=filters.kind or "")
    if filters.enterprise is not None:
        rows = rows.filter(enterprise_id=filters.enterprise)
    page = list(rows[rows_window])
    linkable = set(
        visible_projects(request.user)
        .filter(pk__in=[o.joint_project_id for o in page if o.joint_project_id])
        .values_list("pk", flat=True)
    )
    return [_outcome(o, linkable) for o in page]


@router.post(
    "/exchange/outcomes",
    response=responses(OutcomeOut, codes=(401, 403, 404, 422), ok_code=201),
    summary="Record a business outcome (a contract, a follow-up joint project…)",
)
@require("exchange.change_exchange")
def create_outcome(request: HttpRequest, payload: OutcomeIn) -> Status[OutcomeOut]:
    enterprise = visible_enterprises(request.user).filter(pk=payload.enterprise).first()
    if enterprise is None:
        raise HttpError(404, "No such enterprise.")
    project = None
    if payload.joint_project:
        project = visible_projects(request.user).filter(code=payload.joint_project).first()
        if project is None:
            raise HttpError(422, "Unknown joint project code.")
    dispatch = None
    if payload.dispatch is not None:
        dispatch = visible_dispatches(request.user).filter(pk=payload.dispatch).first()
        if dispatch is None:
            raise HttpError(422, "Unknown dispatch.")
    outcome = BusinessOutcome(
        enterprise=enterprise,
        kind=payload.kind,
        date=payload.date,
        amount=payload.amount,
        currency=payload.currency.upper(),
        joint_project=project,
        dispatch=dispatch,
        **_texts("description", payload.description),
    )
    try:
        outcome_save(outcome=outcome, actor=signed_in(request.user))
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(201, _outcome(outcome, {project.pk} if project is not None else set()))


@router.delete(
    "/exchange/dispatches/{pk}",
    response=responses(Deleted, codes=(401, 403, 404)),
    summary="Delete a dispatch and its files (outcomes that followed it stay, unlinked)",
)
@require("exchange.change_exchange")
def delete_dispatch(request: HttpRequest, pk: int) -> Deleted:
    dispatch = visible_dispatches(request.user).filter(pk=pk).first()
    if dispatch is None:
        raise HttpError(404, "No such dispatch.")
    return Deleted(
        deleted=pk, files_removed=dispatch_delete(dispatch=dispatch, actor=signed_in(request.user))
    )


@router.delete(
    "/exchange/placements/{pk}",
    response=responses(Deleted, codes=(401, 403, 404)),
    summary="Delete a placement and its files",
)
@require("exchange.change_exchange")
def delete_placement(request: HttpRequest, pk: int) -> Deleted:
    placement = visible_placements(request.user).filter(pk=pk).first()
    if placement is None:
        raise HttpError(404, "No such placement.")
    removed = placement_delete(placement=placement, actor=signed_in(request.user))
    return Deleted(deleted=pk, files_removed=removed)


@router.delete(
    "/exchange/indicators/{pk}",
    response=responses(Deleted, codes=(401, 403, 404)),
    summary="Delete a KPI indicator, its measurements and its evidence files",
)
@require("exchange.change_exchange")
def delete_indicator(request: HttpRequest, pk: int) -> Deleted:
    indicator = lists.indicator_for(request.user, pk)
    if indicator is None:
        raise HttpError(404, "No such indicator.")
    removed = indicator_delete(indicator=indicator, actor=signed_in(request.user))
    return Deleted(deleted=pk, files_removed=removed)


@router.get(
    "/exchange/effect-report",
    response=responses(EffectReportOut),
    summary="The effect report: per indicator and cohort, n, estimate, interval and method",
)
@require("exchange.view_effect_report")
def get_effect_report(request: HttpRequest) -> EffectReportOut:
    return effect_report_data(effect_report(user=request.user))
