"""The registry's API: list with the pages' filters, detail, create, update with a version check."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from tandem.api.errors import unprocessable
from tandem.api.schemas import TranslatedText, responses, translated
from tandem.api.security import OPTIONAL_AUTH, require
from tandem.core.actors import signed_in
from tandem.core.permissions import check
from tandem.interop.tabular.export import csv_chunks
from tandem.programme.selectors import current_programme
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.selectors.registry import (
    MAX_PAGE_SIZE,
    ProjectFilters,
    project_detail,
    projects_for_export,
    registry_page,
)
from tandem.projects.services.projects import StaleEditError, project_create, project_update

router = Router(tags=["projects"])
EXPORT_LIMIT = 100_000


class ParticipantOut(Schema):
    organisation: str
    side: str
    role: str


class ProjectSummaryOut(Schema):
    code: str
    title: TranslatedText
    status: str
    status_date: dt.date
    plan_areas: list[str]
    disclosure: str
    illustrative: bool
    version: int


class ProjectOut(ProjectSummaryOut):
    summary: TranslatedText
    national_projects: list[str]
    regions: list[str]
    aspects: list[str]
    participants: list[ParticipantOut]
    planned_start: dt.date | None
    planned_end: dt.date | None
    actual_start: dt.date | None
    actual_end: dt.date | None


class ProjectPageOut(Schema):
    items: list[ProjectSummaryOut]
    next: str | None


class ProjectQuery(Schema):
    plan_area: str = ""
    national_project: str = ""
    status: str = ""
    side: str = ""
    region: str = ""
    sector: str = ""
    aspect: str = ""
    q: str = ""
    sort: str = "code"
    after: str | None = None
    limit: int = 50

    def filters(self) -> ProjectFilters:
        return ProjectFilters(
            plan_area=self.plan_area,
            national_project=self.national_project,
            status=self.status,
            side=self.side,
            region=self.region,
            sector=self.sector,
            aspect=self.aspect,
            query=self.q,
        )


class ProjectUpdateIn(Schema):
    version: int
    changes: ProjectIn
    reason: str = ""


def _summary(project: JointProject) -> ProjectSummaryOut:
    return ProjectSummaryOut(
        code=project.code,
        title=translated(project, "title"),
        status=project.status,
        status_date=project.status_date,
        plan_areas=[link.plan_area.code for link in project.area_links.all()],
        disclosure=project.disclosure,
        illustrative=project.is_illustrative,
        version=project.version,
    )


def _detail(project: JointProject) -> ProjectOut:
    return ProjectOut(
        **_summary(project).model_dump(),
        summary=translated(project, "summary"),
        national_projects=[n.code for n in project.national_projects.all()],
        regions=[r.code for r in project.regions.all()],
        aspects=[a.aspect for a in project.aspects.all()],
        participants=[
            ParticipantOut(organisation=str(p.organisation.name), side=p.side.code, role=p.role)
            for p in project.participants.all()
        ],
        planned_start=project.planned_start,
        planned_end=project.planned_end,
        actual_start=project.actual_start,
        actual_end=project.actual_end,
    )


@router.get(
    "/projects",
    response=responses(ProjectPageOut, codes=(401, 403, 422)),
    auth=OPTIONAL_AUTH,
    summary="Joint projects visible to the caller, filtered, one page at a time",
)
@require("projects.view_registry")
def list_projects(request: HttpRequest, query: Query[ProjectQuery]) -> ProjectPageOut:
    if not 1 <= query.limit <= MAX_PAGE_SIZE:
        raise HttpError(422, f"limit must be between 1 and {MAX_PAGE_SIZE}.")
    page = registry_page(
        request.user, query.filters(), sort=query.sort, after=query.after, size=query.limit
    )
    return ProjectPageOut(items=[_summary(p) for p in page.rows], next=page.next_cursor)


@router.get(
    "/projects/export.csv",
    response=responses(str, codes=(401, 403)),
    summary="The filtered projects as CSV (formula payloads escaped)",
    openapi_extra={
        "responses": {
            200: {
                "description": "OK",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
@require("projects.export_projects")
def export_projects(request: HttpRequest, query: Query[ProjectQuery]) -> StreamingHttpResponse:
    projects = projects_for_export(request.user, query.filters(), EXPORT_LIMIT)
    response = StreamingHttpResponse(
        csv_chunks(projects.iterator(chunk_size=2000)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="joint-projects.csv"'
    return response


@router.get(
    "/projects/{code}",
    response=responses(ProjectOut, codes=(404,)),
    auth=OPTIONAL_AUTH,
    summary="One joint project (404 when it does not exist or the caller may not see it)",
)
@require("projects.view_registry")
def get_project(request: HttpRequest, code: str) -> ProjectOut:
    project = project_detail(request.user, code)
    if project is None:
        raise HttpError(404, "No such joint project.")
    return _detail(project)


@router.post(
    "/projects",
    response=responses(ProjectOut, codes=(401, 403, 422), ok_code=201),
    summary="Register a joint project",
)
@require("projects.add_project")
def create_project(request: HttpRequest, payload: ProjectIn) -> Status[ProjectOut]:
    programme = current_programme()
    if programme is None:
        raise HttpError(422, "No programme is loaded.")
    try:
        project = project_create(programme=programme, data=payload, actor=signed_in(request.user))
    except ValidationError as error:
        raise unprocessable(error) from error
    detail = project_detail(request.user, project.code)
    assert detail is not None
    return Status(201, _detail(detail))


@router.patch(
    "/projects/{code}",
    response=responses(ProjectOut, codes=(401, 403, 404, 409, 422)),
    summary="Change the given fields; refused with 409 if the version is not the current one",
)
@require("projects.view_registry")
def update_project(request: HttpRequest, code: str, payload: ProjectUpdateIn) -> ProjectOut:
    project = project_detail(request.user, code)
    if project is None:
        raise HttpError(404, "No such joint project.")
    if not check(request.user, "projects.change_project", project):
        raise HttpError(403, "You may not change this project.")
    if payload.changes.code != code:
        raise HttpError(422, "changes.code must be the project's code.")
    try:
        project_update(
            project=project,
            data=payload.changes,
            expected_version=payload.version,
            actor=signed_in(request.user),
            reason=payload.reason,
        )
    except StaleEditError as error:
        raise HttpError(409, str(error)) from error
    except ValidationError as error:
        raise unprocessable(error) from error
    updated = project_detail(request.user, code)
    assert updated is not None
    return _detail(updated)
