"""The programme: plan areas and national projects in three languages (public), and the
label suggester that the project form and the import preview use."""

import logging

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from tandem.api.schemas import TranslatedText, responses, translated
from tandem.api.security import OPTIONAL_AUTH, require
from tandem.core.permissions import PUBLIC
from tandem.programme.labelling import LabelScore
from tandem.programme.selectors import far_east_region_names, national_projects, plan_areas
from tandem.programme.services.labelling import best_text, suggest_labels

logger = logging.getLogger(__name__)

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


class ProjectTextIn(Schema):
    """A project's title and summary in any of the three languages (the best is used)."""

    title: dict[str, str] = Field(default_factory=dict, description="en, ja, ru: the title")
    summary: dict[str, str] = Field(default_factory=dict, description="en, ja, ru: the summary")
    regions: list[str] = Field(default_factory=list, description="Region codes of the project")


class LabelReasonOut(Schema):
    """Why a label is suggested: a code (mentions, far_east_place, like_example, close_to)
    and what it found; put into words by the reader's side."""

    code: str
    values: list[str]


class LabelScoreOut(Schema):
    code: str
    score: float
    chosen: bool
    reasons: list[LabelReasonOut]


class LabelSuggestionsOut(Schema):
    language: str
    plan_areas: list[LabelScoreOut]
    national_projects: list[LabelScoreOut]


def _scores(items: list[LabelScore]) -> list[LabelScoreOut]:
    return [
        LabelScoreOut(
            code=item.id,
            score=round(item.score, 4),
            chosen=item.chosen,
            reasons=[LabelReasonOut(code=r.code, values=list(r.values)) for r in item.reasons],
        )
        for item in items
    ]


@router.post(
    "/label-suggestions",
    response=responses(LabelSuggestionsOut, codes=(401, 403, 503)),
    summary="Plan areas and national projects suggested for a project's title and summary",
)
@require("programme.suggest_labels")
def suggest_project_labels(request: HttpRequest, payload: ProjectTextIn) -> LabelSuggestionsOut:
    """What the project form suggests while a project is written (nothing is saved)."""
    text = best_text(payload.title, payload.summary)
    if text is None:
        raise HttpError(422, "Give a title or a summary in English, Japanese or Russian.")
    try:
        suggestion = suggest_labels(text, far_east_regions=far_east_region_names(payload.regions))
    except (RuntimeError, OSError) as error:  # the model is missing or failed to load
        logger.exception("label suggestion failed")
        raise HttpError(503, "Label suggestion is unavailable just now.") from error
    return LabelSuggestionsOut(
        language=text.language,
        plan_areas=_scores(suggestion.plan_areas),
        national_projects=_scores(suggestion.national_projects),
    )
