"""A project's records through the API: financing lines, milestones, results, sources.

``/projects/{code}/financing``, ``/milestones``, ``/results`` and ``/sources``: list (whoever
may see the project), create, change and delete (whoever may change the project). Every write
names the project's ``version`` as the caller last saw it, like a change of the project
itself: 409 when someone else saved the project since, and nothing is written. Each write
answers with the project's new version, to name in the next write.
"""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from tandem.api.errors import unprocessable
from tandem.api.schemas import TranslatedText, responses, translated
from tandem.api.security import OPTIONAL_AUTH, require
from tandem.core.actors import signed_in
from tandem.core.permissions import check
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    JointProject,
    Milestone,
    ResultIndicator,
    Source,
)
from tandem.projects.record_schemas import (
    FinancingLineChanges,
    FinancingLineIn,
    MilestoneChanges,
    MilestoneIn,
    ResultChanges,
    ResultIn,
    SourceChanges,
    SourceIn,
)
from tandem.projects.selectors.registry import project_detail
from tandem.projects.services import records
from tandem.projects.services.projects import StaleEditError

router = Router(tags=["project records"])
T = TypeVar("T")
M = TypeVar("M", bound=models.Model)
WRITE_ERRORS = (401, 403, 404, 409, 422)


# --- shapes -------------------------------------------------------------------------------


class FinancingLineOut(Schema):
    id: int
    kind: str
    amount: Decimal
    currency: str
    date: dt.date
    line_type: str
    period_end: dt.date | None
    value_date: dt.date | None
    funder: str | None
    is_disbursement: bool


class MilestoneOut(Schema):
    id: int
    title: TranslatedText
    due_date: dt.date | None
    done_date: dt.date | None


class ResultValueOut(Schema):
    id: int
    period_start: dt.date
    period_end: dt.date
    actual: Decimal | None
    actual_text: str
    target: Decimal | None
    target_text: str


class ResultOut(Schema):
    id: int
    title: TranslatedText
    unit: str
    baseline: Decimal | None
    baseline_text: str
    baseline_date: dt.date | None
    target: Decimal | None
    result_title: str
    result_type: str
    measure: str
    ascending: bool | None
    values: list[ResultValueOut]


class SourceOut(Schema):
    id: int
    kind: str
    title: str
    url: str
    date: dt.date | None


class ProjectVersionOut(Schema):
    """The project's version after a write: name it in the next write."""

    version: int


class FinancingLineCreate(Schema):
    version: int
    record: FinancingLineIn


class FinancingLineUpdate(Schema):
    version: int
    changes: FinancingLineChanges


class FinancingLineWritten(ProjectVersionOut):
    record: FinancingLineOut


class MilestoneCreate(Schema):
    version: int
    record: MilestoneIn


class MilestoneUpdate(Schema):
    version: int
    changes: MilestoneChanges


class MilestoneWritten(ProjectVersionOut):
    record: MilestoneOut


class ResultCreate(Schema):
    version: int
    record: ResultIn


class ResultUpdate(Schema):
    version: int
    changes: ResultChanges


class ResultWritten(ProjectVersionOut):
    record: ResultOut


class SourceCreate(Schema):
    version: int
    record: SourceIn


class SourceUpdate(Schema):
    version: int
    changes: SourceChanges


class SourceWritten(ProjectVersionOut):
    record: SourceOut


def _financing_out(line: FinancingLine) -> FinancingLineOut:
    funder = line.funder
    return FinancingLineOut(
        id=line.pk,
        kind=line.kind,
        amount=line.amount,
        currency=line.currency,
        date=line.date,
        line_type=line.line_type,
        period_end=line.period_end,
        value_date=line.value_date,
        funder=str(funder.reference or funder.name) if funder is not None else None,
        is_disbursement=line.is_disbursement,
    )


def _milestone_out(milestone: Milestone) -> MilestoneOut:
    return MilestoneOut(
        id=milestone.pk,
        title=translated(milestone, "title"),
        due_date=milestone.due_date,
        done_date=milestone.done_date,
    )


def _value_out(value: IndicatorValue) -> ResultValueOut:
    return ResultValueOut(
        id=value.pk,
        period_start=value.period_start,
        period_end=value.period_end,
        actual=value.actual,
        actual_text=value.actual_text,
        target=value.target,
        target_text=value.target_text,
    )


def _result_out(result: ResultIndicator) -> ResultOut:
    return ResultOut(
        id=result.pk,
        title=translated(result, "title"),
        unit=result.unit,
        baseline=result.baseline,
        baseline_text=result.baseline_text,
        baseline_date=result.baseline_date,
        target=result.target,
        result_title=result.result_title,
        result_type=result.result_type,
        measure=result.measure,
        ascending=result.ascending,
        values=[_value_out(value) for value in result.values.all()],
    )


def _source_out(source: Source) -> SourceOut:
    return SourceOut(
        id=source.pk, kind=source.kind, title=source.title, url=source.url, date=source.date
    )


# --- lookups and errors -------------------------------------------------------------------


def _visible(request: HttpRequest, code: str) -> JointProject:
    project = project_detail(request.user, code)
    if project is None:
        raise HttpError(404, "No such joint project.")
    return project


def _changeable(request: HttpRequest, code: str) -> JointProject:
    project = _visible(request, code)
    if not check(request.user, "projects.change_project", project):
        raise HttpError(403, "You may not change this project.")
    return project


def _record(model: type[M], project: JointProject, record_id: int) -> M:
    record = model._default_manager.filter(project=project, pk=record_id).first()
    if record is None:
        raise HttpError(404, f"The project has no such {model._meta.verbose_name}.")
    return record


def _written(write: Callable[[], T]) -> T:
    """Run a service write; a stale version answers 409, invalid data 422."""
    try:
        return write()
    except StaleEditError as error:
        raise HttpError(409, str(error)) from error
    except ValidationError as error:
        raise unprocessable(error) from error


def _fresh(record: M) -> M:
    """The record as stored (amounts with their decimal places, values in order)."""
    return type(record)._default_manager.get(pk=record.pk)


def _version_of(project: JointProject) -> int:
    return int(JointProject.objects.values_list("version", flat=True).get(pk=project.pk))


# --- financing ----------------------------------------------------------------------------


@router.get(
    "/projects/{code}/financing",
    response=responses(list[FinancingLineOut], codes=(404,)),
    auth=OPTIONAL_AUTH,
    summary="The project's financing lines",
)
@require("projects.view_registry")
def list_financing_lines(request: HttpRequest, code: str) -> list[FinancingLineOut]:
    project = _visible(request, code)
    lines = FinancingLine.objects.filter(project=project).select_related("funder")
    return [_financing_out(line) for line in lines]


@router.post(
    "/projects/{code}/financing",
    response=responses(FinancingLineWritten, codes=WRITE_ERRORS, ok_code=201),
    summary="Add a financing line; 409 if the version is not the project's current one",
)
@require("projects.view_registry")
def create_financing_line(
    request: HttpRequest, code: str, payload: FinancingLineCreate
) -> Status[FinancingLineWritten]:
    project = _changeable(request, code)
    line = _written(
        lambda: records.financing_line_create(
            project=project,
            expected_version=payload.version,
            data=payload.record,
            actor=signed_in(request.user),
        )
    )
    return Status(
        201, FinancingLineWritten(version=_version_of(project), record=_financing_out(_fresh(line)))
    )


@router.patch(
    "/projects/{code}/financing/{line_id}",
    response=responses(FinancingLineWritten, codes=WRITE_ERRORS),
    summary="Change the given fields of a financing line; 409 on a stale version",
)
@require("projects.view_registry")
def update_financing_line(
    request: HttpRequest, code: str, line_id: int, payload: FinancingLineUpdate
) -> FinancingLineWritten:
    project = _changeable(request, code)
    line = _record(FinancingLine, project, line_id)
    line = _written(
        lambda: records.financing_line_update(
            line=line,
            expected_version=payload.version,
            changes=payload.changes,
            actor=signed_in(request.user),
        )
    )
    return FinancingLineWritten(version=_version_of(project), record=_financing_out(_fresh(line)))


@router.delete(
    "/projects/{code}/financing/{line_id}",
    response=responses(ProjectVersionOut, codes=WRITE_ERRORS),
    summary="Delete a financing line; ?version= is the project's current version",
)
@require("projects.view_registry")
def delete_financing_line(
    request: HttpRequest, code: str, line_id: int, version: int
) -> ProjectVersionOut:
    project = _changeable(request, code)
    line = _record(FinancingLine, project, line_id)
    _written(
        lambda: records.financing_line_delete(
            line=line,
            expected_version=version,
            actor=signed_in(request.user),
        )
    )
    return ProjectVersionOut(version=_version_of(project))


# --- milestones ---------------------------------------------------------------------------


@router.get(
    "/projects/{code}/milestones",
    response=responses(list[MilestoneOut], codes=(404,)),
    auth=OPTIONAL_AUTH,
    summary="The project's milestones",
)
@require("projects.view_registry")
def list_milestones(request: HttpRequest, code: str) -> list[MilestoneOut]:
    project = _visible(request, code)
    return [_milestone_out(m) for m in Milestone.objects.filter(project=project)]


@router.post(
    "/projects/{code}/milestones",
    response=responses(MilestoneWritten, codes=WRITE_ERRORS, ok_code=201),
    summary="Add a milestone; 409 if the version is not the project's current one",
)
@require("projects.view_registry")
def create_milestone(
    request: HttpRequest, code: str, payload: MilestoneCreate
) -> Status[MilestoneWritten]:
    project = _changeable(request, code)
    milestone = _written(
        lambda: records.milestone_create(
            project=project,
            expected_version=payload.version,
            data=payload.record,
            actor=signed_in(request.user),
        )
    )
    return Status(
        201,
        MilestoneWritten(version=_version_of(project), record=_milestone_out(_fresh(milestone))),
    )


@router.patch(
    "/projects/{code}/milestones/{milestone_id}",
    response=responses(MilestoneWritten, codes=WRITE_ERRORS),
    summary="Change the given fields of a milestone; 409 on a stale version",
)
@require("projects.view_registry")
def update_milestone(
    request: HttpRequest, code: str, milestone_id: int, payload: MilestoneUpdate
) -> MilestoneWritten:
    project = _changeable(request, code)
    milestone = _record(Milestone, project, milestone_id)
    milestone = _written(
        lambda: records.milestone_update(
            milestone=milestone,
            expected_version=payload.version,
            changes=payload.changes,
            actor=signed_in(request.user),
        )
    )
    return MilestoneWritten(version=_version_of(project), record=_milestone_out(_fresh(milestone)))


@router.delete(
    "/projects/{code}/milestones/{milestone_id}",
    response=responses(ProjectVersionOut, codes=WRITE_ERRORS),
    summary="Delete a milestone; ?version= is the project's current version",
)
@require("projects.view_registry")
def delete_milestone(
    request: HttpRequest, code: str, milestone_id: int, version: int
) -> ProjectVersionOut:
    project = _changeable(request, code)
    milestone = _record(Milestone, project, milestone_id)
    _written(
        lambda: records.milestone_delete(
            milestone=milestone,
            expected_version=version,
            actor=signed_in(request.user),
        )
    )
    return ProjectVersionOut(version=_version_of(project))


# --- results ------------------------------------------------------------------------------


@router.get(
    "/projects/{code}/results",
    response=responses(list[ResultOut], codes=(404,)),
    auth=OPTIONAL_AUTH,
    summary="The project's results: baseline, target and actual values per period",
)
@require("projects.view_registry")
def list_results(request: HttpRequest, code: str) -> list[ResultOut]:
    project = _visible(request, code)
    results = ResultIndicator.objects.filter(project=project).prefetch_related("values")
    return [_result_out(result) for result in results]


@router.post(
    "/projects/{code}/results",
    response=responses(ResultWritten, codes=WRITE_ERRORS, ok_code=201),
    summary="Add a result with its values per period; 409 on a stale version",
)
@require("projects.view_registry")
def create_result(request: HttpRequest, code: str, payload: ResultCreate) -> Status[ResultWritten]:
    project = _changeable(request, code)
    result = _written(
        lambda: records.result_create(
            project=project,
            expected_version=payload.version,
            data=payload.record,
            actor=signed_in(request.user),
        )
    )
    return Status(
        201, ResultWritten(version=_version_of(project), record=_result_out(_fresh(result)))
    )


@router.patch(
    "/projects/{code}/results/{result_id}",
    response=responses(ResultWritten, codes=WRITE_ERRORS),
    summary="Change the given fields of a result (values, when given, replace the periods)",
)
@require("projects.view_registry")
def update_result(
    request: HttpRequest, code: str, result_id: int, payload: ResultUpdate
) -> ResultWritten:
    project = _changeable(request, code)
    result = _record(ResultIndicator, project, result_id)
    result = _written(
        lambda: records.result_update(
            result=result,
            expected_version=payload.version,
            changes=payload.changes,
            actor=signed_in(request.user),
        )
    )
    return ResultWritten(version=_version_of(project), record=_result_out(_fresh(result)))


@router.delete(
    "/projects/{code}/results/{result_id}",
    response=responses(ProjectVersionOut, codes=WRITE_ERRORS),
    summary="Delete a result and its values; ?version= is the project's current version",
)
@require("projects.view_registry")
def delete_result(
    request: HttpRequest, code: str, result_id: int, version: int
) -> ProjectVersionOut:
    project = _changeable(request, code)
    result = _record(ResultIndicator, project, result_id)
    _written(
        lambda: records.result_delete(
            result=result,
            expected_version=version,
            actor=signed_in(request.user),
        )
    )
    return ProjectVersionOut(version=_version_of(project))


# --- sources ------------------------------------------------------------------------------


@router.get(
    "/projects/{code}/sources",
    response=responses(list[SourceOut], codes=(404,)),
    auth=OPTIONAL_AUTH,
    summary="The project's sources",
)
@require("projects.view_registry")
def list_sources(request: HttpRequest, code: str) -> list[SourceOut]:
    project = _visible(request, code)
    return [_source_out(source) for source in Source.objects.filter(project=project)]


@router.post(
    "/projects/{code}/sources",
    response=responses(SourceWritten, codes=WRITE_ERRORS, ok_code=201),
    summary="Add a source; 409 if the version is not the project's current one",
)
@require("projects.view_registry")
def create_source(request: HttpRequest, code: str, payload: SourceCreate) -> Status[SourceWritten]:
    project = _changeable(request, code)
    source = _written(
        lambda: records.source_create(
            project=project,
            expected_version=payload.version,
            data=payload.record,
            actor=signed_in(request.user),
        )
    )
    return Status(
        201, SourceWritten(version=_version_of(project), record=_source_out(_fresh(source)))
    )


@router.patch(
    "/projects/{code}/sources/{source_id}",
    response=responses(SourceWritten, codes=WRITE_ERRORS),
    summary="Change the given fields of a source; 409 on a stale version",
)
@require("projects.view_registry")
def update_source(
    request: HttpRequest, code: str, source_id: int, payload: SourceUpdate
) -> SourceWritten:
    project = _changeable(request, code)
    source = _record(Source, project, source_id)
    source = _written(
        lambda: records.source_update(
            source=source,
            expected_version=payload.version,
            changes=payload.changes,
            actor=signed_in(request.user),
        )
    )
    return SourceWritten(version=_version_of(project), record=_source_out(_fresh(source)))


@router.delete(
    "/projects/{code}/sources/{source_id}",
    response=responses(ProjectVersionOut, codes=WRITE_ERRORS),
    summary="Delete a source; ?version= is the project's current version",
)
@require("projects.view_registry")
def delete_source(
    request: HttpRequest, code: str, source_id: int, version: int
) -> ProjectVersionOut:
    project = _changeable(request, code)
    source = _record(Source, project, source_id)
    _written(
        lambda: records.source_delete(
            source=source,
            expected_version=version,
            actor=signed_in(request.user),
        )
    )
    return ProjectVersionOut(version=_version_of(project))
