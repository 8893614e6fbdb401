"""Public read of the programme: plan areas and national projects in three languages."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from tandem.api.schemas import TranslatedText, responses, translated
from tandem.api.security import OPTIONAL_AUTH, require
from tandem.core.permissions import PUBLIC
from tandem.programme.selectors import national_projects, plan_areas

router = Router(tags=["programme"])


class ProgrammeItemOut(Schema):
    id: str
    number: int
    name: TranslatedText
    description: TranslatedText


def _item(obj: object) -> ProgrammeItemOut:
    return ProgrammeItemOut(
        id=obj.code,  # type: ignore[attr-defined]
        number=obj.number,  # type: ignore[attr-defined]
        name=translated(obj, "name"),
        description=translated(obj, "description"),
    )


@router.get(
    "/plan-areas",
    response=responses(list[ProgrammeItemOut], codes=()),
    auth=OPTIONAL_AUTH,
    summary="The plan areas (P1-P8) of the programme",
)
@require(PUBLIC)
def list_plan_areas(request: HttpRequest) -> list[ProgrammeItemOut]:
    return [_item(area) for area in plan_areas()]


@router.get(
    "/national-projects",
    response=responses(list[ProgrammeItemOut], codes=()),
    auth=OPTIONAL_AUTH,
    summary="The partner's national projects (N1-N13) that the plan serves",
)
@require(PUBLIC)
def list_national_projects(request: HttpRequest) -> list[ProgrammeItemOut]:
    return [_item(project) for project in national_projects()]
