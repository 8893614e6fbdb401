"""API of the committee: sessions, agenda proposal, decisions, action items, briefing packs.

Mounted under /api/v1/.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from tandem.api.errors import unprocessable
from tandem.api.schemas import TranslatedText, responses, translated
from tandem.api.security import OPTIONAL_AUTH, require
from tandem.committee.enums import ActionStatus, BriefingFormat
from tandem.committee.models import ActionItem, BriefingJob, CommitteeSession, Decision
from tandem.committee.selectors.agenda import propose_agenda
from tandem.committee.selectors.portfolio import session_portfolio
from tandem.committee.selectors.sessions import (
    action_items,
    default_as_of,
    filtered_action_items,
    linked_projects,
    public_decisions,
    session_detail,
    sessions,
)
from tandem.committee.services.actions import action_item_update
from tandem.committee.tasks import briefing_start
from tandem.core.actors import signed_in
from tandem.core.permissions import PUBLIC

router = Router(tags=["committee"])


class CoChairOut(Schema):
    side: str
    name: TranslatedText
    title: TranslatedText


class SessionOut(Schema):
    number: int
    start_date: dt.date
    end_date: dt.date
    city: TranslatedText
    country: str
    status: str
    co_chairs: list[CoChairOut]
    illustrative: bool


class AgendaItemOut(Schema):
    number: int
    title: TranslatedText
    source: str
    plan_area: str | None
    projects: list[str]
    action_items: list[str]
    illustrative: bool


class DecisionOut(Schema):
    session: int
    number: int
    text: TranslatedText
    authentic: list[str]
    translation: dict[str, str]
    agenda_item: int | None
    projects: list[str]
    public: bool
    illustrative: bool


class CountsOut(Schema):
    as_of: dt.date
    since: dt.date | None
    registered: int
    new: int
    advanced: int
    stalled: int
    completed: int
    items_done: int
    items_open: int
    items_overdue: int


class SessionDetailOut(SessionOut):
    agenda: list[AgendaItemOut]
    decisions: list[DecisionOut]
    counts: CountsOut


class ProposedItemOut(Schema):
    source: str
    title: TranslatedText
    projects: int
    action_items: list[int]


class ActionItemOut(Schema):
    id: int
    reference: str
    title: TranslatedText
    owner_side: str
    owner_organisation: str | None
    due_date: dt.date
    status: str
    done_date: dt.date | None
    overdue: bool
    illustrative: bool


class ActionItemFilter(Schema):
    status: str | None = None
    side: str | None = None
    overdue: bool = False


class ActionItemPatch(Schema):
    status: ActionStatus | None = None
    due_date: dt.date | None = None
    done_date: dt.date | None = None


class BriefingIn(Schema):
    language: str = "en"
    format: BriefingFormat = BriefingFormat.PDF
    as_of: dt.date | None = None


class BriefingJobOut(Schema):
    id: int
    session: int
    language: str
    format: str
    as_of: dt.date
    status: str
    progress: int
    step: str
    error: str
    download: str | None


def _session_out(session: CommitteeSession) -> dict[str, Any]:
    return {
        "number": session.number,
        "start_date": session.start_date,
        "end_date": session.end_date,
        "city": translated(session, "city"),
        "country": session.country.code,
        "status": session.status,
        "co_chairs": [
            CoChairOut(
                side=c.side.code, name=translated(c.person, "name"), title=translated(c, "title")
            )
            for c in session.co_chairs.all()
        ],
        "illustrative": session.is_illustrative,
    }


def _decision_out(decision: Decision, session_number: int) -> DecisionOut:
    languages = ("ja", "ru", "en")
    return DecisionOut(
        session=session_number,
        number=decision.number,
        text=translated(decision, "text"),
        authentic=[lang for lang in languages if decision.is_authentic(lang)],
        translation={lang: decision.translation_status(lang) for lang in languages},
        agenda_item=decision.agenda_item.number if decision.agenda_item else None,
        projects=[p.code for p in decision.projects.all()],
        public=decision.is_public,
        illustrative=decision.is_illustrative,
    )


def _action_out(item: ActionItem, today: dt.date) -> ActionItemOut:
    return ActionItemOut(
        id=item.pk,
        reference=item.reference,
        title=translated(item, "title"),
        owner_side=item.owner_side.code,
        owner_organisation=str(item.owner_organisation) if item.owner_organisation else None,
        due_date=item.due_date,
        status=item.status,
        done_date=item.done_date,
        overdue=item.is_overdue(today),
        illustrative=item.is_illustrative,
    )


def _job_out(job: BriefingJob) -> BriefingJobOut:
    return BriefingJobOut(
        id=job.pk,
        session=job.session.number,
        language=job.language,
        format=job.file_format,
        as_of=job.as_of,
        status=job.status,
        progress=job.progress,
        step=job.step_text,
        error=job.error_text,
        download=f"/committee/briefing/jobs/{job.pk}/file" if job.status == "done" else None,
    )


def _session_or_404(number: int, reader: Any) -> CommitteeSession:
    session = session_detail(number, reader)
    if session is None:
        raise HttpError(404, "No such session.")
    return session


@router.get("/sessions", response=responses(list[SessionOut]), summary="Committee sessions")
@require("committee.view_session")
def list_sessions(request: HttpRequest) -> list[SessionOut]:
    return [SessionOut(**_session_out(s)) for s in sessions().order_by("number")]


@router.get(
    "/sessions/{number}",
    response=responses(SessionDetailOut, codes=(401, 403, 404)),
    summary="A session: agenda, decisions and what changed since the previous session",
)
@require("committee.view_session")
def get_session(request: HttpRequest, number: int) -> SessionDetailOut:
    session = _session_or_404(number, request.user)
    portfolio = session_portfolio(session, request.user)
    return SessionDetailOut(
        **_session_out(session),
        agenda=[
            AgendaItemOut(
                number=item.number,
                title=translated(item, "title"),
                source=item.source,
                plan_area=item.plan_area.code if item.plan_area else None,
                projects=[p.code for p in item.projects.all()],
                action_items=[a.reference for a in item.action_items.all()],
                illustrative=item.is_illustrative,
            )
            for item in session.agenda_items.all()
        ],
        decisions=[_decision_out(d, session.number) for d in session.decisions.all()],
        counts=CountsOut(as_of=portfolio.as_of, since=portfolio.since, **portfolio.counts()),
    )


@router.get(
    "/sessions/{number}/agenda-proposal",
    response=responses(list[ProposedItemOut], codes=(401, 403, 404)),
    summary="The draft agenda proposed from open action items and project changes",
)
@require("committee.view_session")
def get_agenda_proposal(request: HttpRequest, number: int) -> list[ProposedItemOut]:
    session = _session_or_404(number, request.user)
    return [
        ProposedItemOut(
            source=p.source,
            title=TranslatedText(**p.titles),
            projects=len(p.project_ids),
            action_items=p.action_item_ids,
        )
        for p in propose_agenda(session)
    ]


@router.get(
    "/decisions/public",
    response=responses(list[DecisionOut], codes=()),
    auth=OPTIONAL_AUTH,
    summary="Decisions both sides have agreed to publish",
)
@require(PUBLIC)
def list_public_decisions(request: HttpRequest) -> list[DecisionOut]:
    rows = (
        public_decisions()
        .select_related("agenda_item")
        .prefetch_related(linked_projects(request.user))
    )
    return [_decision_out(d, d.session.number) for d in rows]


@router.get("/action-items", response=responses(list[ActionItemOut]), summary="Action items")
@require("committee.view_session")
def list_action_items(
    request: HttpRequest, filters: Query[ActionItemFilter]
) -> list[ActionItemOut]:
    today = dt.date.today()
    rows = filtered_action_items(
        status=filters.status or "", side=filters.side or "", overdue=filters.overdue
    )
    return [_action_out(item, today) for item in rows]


@router.patch(
    "/action-items/{item_id}",
    response=responses(ActionItemOut, codes=(401, 403, 404, 422)),
    summary="Change an action item's status or dates",
)
@require("committee.change_session")
def patch_action_item(request: HttpRequest, item_id: int, data: ActionItemPatch) -> ActionItemOut:
    item = action_items().filter(pk=item_id).first()
    if item is None:
        raise HttpError(404, "No such action item.")
    try:
        item = action_item_update(
            item=item, actor=signed_in(request.user), **data.model_dump(exclude_unset=True)
        )
    except ValidationError as exc:
        raise unprocessable(exc) from exc
    return _action_out(item, dt.date.today())


@router.post(
    "/sessions/{number}/briefing",
    response=responses(BriefingJobOut, codes=(401, 403, 404, 422), ok_code=202),
    summary="Make the session's briefing pack in the background",
)
@require("committee.make_briefing")
def post_briefing(request: HttpRequest, number: int, data: BriefingIn) -> Status[BriefingJobOut]:
    session = _session_or_404(number, request.user)
    if data.language not in {"en", "ja", "ru"}:
        raise HttpError(422, "language must be one of en, ja, ru.")
    try:
        job = briefing_start(
            session=session,
            language=data.language,
            file_format=data.format,
            as_of=data.as_of or default_as_of(session),
            actor=request.user,
        )
    except ValidationError as error:  # too many packs waiting for this user
        raise unprocessable(error) from error
    return Status(202, _job_out(job))


@router.get(
    "/briefing-jobs/{job_id}",
    response=responses(BriefingJobOut, codes=(401, 403, 404)),
    summary="The progress of a briefing pack",
)
@require("committee.view_briefing")
def get_briefing_job(request: HttpRequest, job_id: int) -> BriefingJobOut:
    job = (
        BriefingJob.objects.select_related("session")
        .filter(pk=job_id, requested_by_id=request.user.pk)
        .first()
    )
    if job is None:
        raise HttpError(404, "No such briefing job.")
    return _job_out(job)
