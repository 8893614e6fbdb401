"""API of the fairs app, mounted under /api/v1/: fairs, meeting requests (and matchmaking
suggestions turned into requests), schedule versions, agendas.

Computing a schedule is a job for the task worker: ``POST /fairs/{slug}/schedules`` answers 202
with the job, ``GET /fairs/{slug}/schedule-jobs/{id}`` follows it until it is ``done`` (with
the version) or ``failed`` (with the error). A schedule version reads in the command line's
output format (``meetings`` with ``request``,
``slot``, ``table``, ``interpreter``; ``unscheduled`` with ``reason``; ``objective``,
``bound``), with the database ids ``R…``, ``S…``, ``T…``, ``I…``.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from tandem.api.errors import unprocessable
from tandem.api.schemas import responses
from tandem.api.security import require
from tandem.core.actors import signed_in
from tandem.core.models import Organisation
from tandem.fairs.enums import JobStatus, Priority
from tandem.fairs.messages import reason_message
from tandem.fairs.models import (
    Fair,
    FairParticipant,
    MeetingRequest,
    ScheduledMeeting,
    ScheduleJob,
    ScheduleVersion,
    UnplacedRequest,
)
from tandem.fairs.selectors.agenda import (
    can_act_for,
    participant_agenda,
    participant_names,
    published_version,
    requests_for,
)
from tandem.fairs.selectors.event import interpreter_id, request_id, slot_id, table_id
from tandem.fairs.services.requests import (
    meeting_request_create,
    meeting_request_from_suggestion,
    meeting_request_respond,
)
from tandem.fairs.services.schedules import MAX_TIME_LIMIT, schedule_publish
from tandem.fairs.tasks import schedule_start

router = Router(tags=["fairs"])


class FairOut(Schema):
    slug: str
    name: str
    city: str
    venue: str
    country: str
    start_date: dt.date
    end_date: dt.date
    time_zone: str
    request_deadline: dt.datetime | None
    scheduling_deadline: dt.datetime | None


class RequestOut(Schema):
    id: int
    sender: int
    receiver: int
    priority: int
    status: str
    expires_at: dt.datetime
    illustrative: bool


class RequestIn(Schema):
    sender: int
    receiver: int
    priority: int = int(Priority.NORMAL)
    message: str = ""


class RequestAnswerIn(Schema):
    accept: bool


class SuggestionIn(Schema):
    sender_organisation: int
    receiver_organisation: int
    score: float
    suggestion: str = ""


class ComputeIn(Schema):
    time_limit: float = 20.0
    seed: int = 0


class MeetingOut(Schema):
    request: str
    slot: str
    table: str | None
    interpreter: str | None
    pinned: bool


class UnscheduledOut(Schema):
    request: str
    #: The scheduler's English text (with event ids), as the command line prints it.
    reason: str
    #: Why, in the reader's language (Accept-Language or the account's), with names.
    message: str
    code: str
    params: dict[str, str]


class VersionOut(Schema):
    number: int
    status: str
    objective: float
    bound: float | None
    baseline: float | None
    meetings: list[MeetingOut]
    unscheduled: list[UnscheduledOut]


class ScheduleJobOut(Schema):
    id: int
    status: str
    progress: int
    time_limit: float
    seed: int
    error: str
    version: VersionOut | None


class FairAgendaItemOut(Schema):
    request: int
    start: dt.datetime
    end: dt.datetime
    counterpart: str
    place: str
    interpreter: str | None
    #: "ja/ru" when the sides share no language and no interpreter is with them (a fair that
    #: lists no interpreters schedules such meetings; the sides bring their own).
    language_gap: str | None = None


class AgendaOut(Schema):
    participant: str
    version: int | None
    meetings: list[FairAgendaItemOut]


def _fair(slug: str) -> Fair:
    return get_object_or_404(Fair, slug=slug)


def _request_out(r: MeetingRequest) -> RequestOut:
    return RequestOut(
        id=r.pk,
        sender=r.sender_id,
        receiver=r.receiver_id,
        priority=r.priority,
        status=r.status,
        expires_at=r.expires_at,
        illustrative=r.is_illustrative,
    )


def _version_out(version: ScheduleVersion) -> VersionOut:
    meetings = ScheduledMeeting.objects.filter(version=version).order_by("slot__start", "pk")
    return VersionOut(
        number=version.number,
        status=version.status,
        objective=version.objective,
        bound=version.bound,
        baseline=version.baseline,
        meetings=[
            MeetingOut(
                request=request_id(m.request_id),
                slot=slot_id(m.slot_id),
                table=table_id(m.table_id) if m.table_id else None,
                interpreter=interpreter_id(m.interpreter_id) if m.interpreter_id else None,
                pinned=m.pinned,
            )
            for m in meetings
        ],
        unscheduled=_unscheduled_out(version),
    )


def _unscheduled_out(version: ScheduleVersion) -> list[UnscheduledOut]:
    names = participant_names(version.fair)
    rows = UnplacedRequest.objects.filter(version=version).order_by("request_id")
    return [
        UnscheduledOut(
            request=request_id(u.request_id),
            reason=u.reason,
            message=(reason_message(u.code, u.params or {}, names) if u.code else None) or u.reason,
            code=u.code,
            params={str(k): str(v) for k, v in (u.params or {}).items()},
        )
        for u in rows
    ]


def _job_out(job: ScheduleJob) -> ScheduleJobOut:
    return ScheduleJobOut(
        id=job.pk,
        status=job.status,
        progress=job.progress(),
        time_limit=job.time_limit,
        seed=job.seed,
        error=job.error_text,
        version=_version_out(job.version) if job.status == JobStatus.DONE and job.version else None,
    )


@router.get("/fairs", response=responses(list[FairOut]), summary="Trade fairs")
@require("fairs.view_fair")
def list_fairs(request: HttpRequest) -> list[FairOut]:
    return [
        FairOut(
            slug=f.slug,
            name=f.name,
            city=f.city,
            venue=f.venue,
            country=f.country.code,
            start_date=f.start_date,
            end_date=f.end_date,
            time_zone=f.time_zone,
            request_deadline=f.request_deadline,
            scheduling_deadline=f.scheduling_deadline,
        )
        for f in Fair.objects.select_related("country")
    ]


@router.get(
    "/fairs/{slug}/requests",
    response=responses(list[RequestOut], codes=(401, 403, 404)),
    summary="Meeting requests the caller may see (all for organisers, their own otherwise)",
)
@require("fairs.take_part")
def list_requests(request: HttpRequest, slug: str, status: str = "") -> list[RequestOut]:
    fair = _fair(slug)
    return [_request_out(r) for r in requests_for(fair, request.user, status=status)]


@router.post(
    "/fairs/{slug}/requests",
    response=responses(RequestOut, codes=(401, 403, 404, 422), ok_code=201),
    summary="Request a meeting",
)
@require("fairs.take_part")
def create_request(request: HttpRequest, slug: str, payload: RequestIn) -> Status[RequestOut]:
    fair = _fair(slug)
    sender = get_object_or_404(FairParticipant, pk=payload.sender, fair=fair)
    receiver = get_object_or_404(FairParticipant, pk=payload.receiver, fair=fair)
    if not can_act_for(request.user, sender):
        raise HttpError(403, "You do not act for this participant.")
    try:
        made = meeting_request_create(
            sender=sender,
            receiver=receiver,
            priority=payload.priority,
            message=payload.message,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(201, _request_out(made))


@router.post(
    "/fairs/{slug}/requests/{pk}/answer",
    response=responses(RequestOut, codes=(401, 403, 404, 422)),
    summary="Accept or decline a meeting request (its receiver, or an organiser)",
)
@require("fairs.take_part")
def answer_request(
    request: HttpRequest, slug: str, pk: int, payload: RequestAnswerIn
) -> RequestOut:
    meeting_request = get_object_or_404(MeetingRequest, pk=pk, fair=_fair(slug))
    if not can_act_for(request.user, meeting_request.receiver):
        raise HttpError(403, "Only the receiver answers a meeting request.")
    try:
        answered = meeting_request_respond(
            request=meeting_request, accept=payload.accept, actor=signed_in(request.user)
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return _request_out(answered)


def _participating_organisation(fair: Fair, organisation_id: int) -> Organisation:
    """An organisation registered for ``fair``; any other id, whether an organisation has it
    or not, is 404 with the same words (an id never reveals an organisation's name)."""
    participant = (
        FairParticipant.objects.select_related("organisation")
        .filter(fair=fair, organisation_id=organisation_id)
        .first()
    )
    if participant is None or participant.organisation is None:
        raise HttpError(404, "No organisation with this id takes part in the fair.")
    return participant.organisation


@router.post(
    "/fairs/{slug}/suggestions",
    response=responses(RequestOut, codes=(401, 403, 404, 422), ok_code=201),
    summary="Turn a matchmaking suggestion into a meeting request",
)
@require("fairs.take_part")
def request_from_suggestion(
    request: HttpRequest, slug: str, payload: SuggestionIn
) -> Status[RequestOut]:
    fair = _fair(slug)
    sender = _participating_organisation(fair, payload.sender_organisation)
    receiver = _participating_organisation(fair, payload.receiver_organisation)
    own = getattr(request.user, "organisation_id", None)
    if not (request.user.has_perm("fairs.manage_meetings") or own == sender.pk):
        raise HttpError(403, "You do not act for this organisation.")
    try:
        made = meeting_request_from_suggestion(
            fair=fair,
            sender=sender,
            receiver=receiver,
            score=payload.score,
            suggestion_ref=payload.suggestion,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(201, _request_out(made))


@router.post(
    "/fairs/{slug}/schedules",
    response=responses(ScheduleJobOut, codes=(401, 403, 404, 422), ok_code=202),
    summary="Compute a new draft schedule version around the pinned meetings (a job)",
)
@require("fairs.manage_meetings")
def compute_schedule(request: HttpRequest, slug: str, payload: ComputeIn) -> Status[ScheduleJobOut]:
    if not 1 <= payload.time_limit <= MAX_TIME_LIMIT:
        raise HttpError(422, f"The time limit is between 1 and {MAX_TIME_LIMIT:g} seconds.")
    try:
        job = schedule_start(
            fair=_fair(slug),
            time_limit=payload.time_limit,
            seed=payload.seed,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(202, _job_out(job))


@router.get(
    "/fairs/{slug}/schedule-jobs/{job}",
    response=responses(ScheduleJobOut, codes=(401, 403, 404)),
    summary="A schedule computation: its status, progress, and the version or the error",
)
@require("fairs.manage_meetings")
def get_schedule_job(request: HttpRequest, slug: str, job: int) -> ScheduleJobOut:
    found = get_object_or_404(
        ScheduleJob.objects.select_related("version"), pk=job, fair=_fair(slug)
    )
    return _job_out(found)


@router.get(
    "/fairs/{slug}/schedules/{number}",
    response=responses(VersionOut, codes=(401, 403, 404)),
    summary="A schedule version in the command line's output format",
)
@require("fairs.manage_meetings")
def get_schedule(request: HttpRequest, slug: str, number: int) -> VersionOut:
    return _version_out(get_object_or_404(ScheduleVersion, fair=_fair(slug), number=number))


@router.post(
    "/fairs/{slug}/schedules/{number}/publish",
    response=responses(VersionOut, codes=(401, 403, 404, 422)),
    summary="Publish a draft version (participants whose meetings changed are notified)",
)
@require("fairs.manage_meetings")
def publish_schedule(request: HttpRequest, slug: str, number: int) -> VersionOut:
    version = get_object_or_404(ScheduleVersion, fair=_fair(slug), number=number)
    try:
        schedule_publish(version=version, actor=signed_in(request.user))
    except ValidationError as error:
        raise unprocessable(error) from error
    return _version_out(version)


@router.get(
    "/fairs/{slug}/participants/{pk}/agenda",
    response=responses(AgendaOut, codes=(401, 403, 404)),
    summary="A participant's agenda in the published schedule",
)
@require("fairs.take_part")
def get_agenda(request: HttpRequest, slug: str, pk: int) -> AgendaOut:
    fair = _fair(slug)
    participant = get_object_or_404(FairParticipant, pk=pk, fair=fair)
    if not can_act_for(request.user, participant):
        raise HttpError(404, "No such participant.")
    version = published_version(fair)
    items = participant_agenda(version, participant) if version else []
    return AgendaOut(
        participant=participant.name,
        version=version.number if version else None,
        meetings=[
            FairAgendaItemOut(
                request=item.meeting.request_id,
                start=item.meeting.slot.start,
                end=item.meeting.slot.end,
                counterpart=item.counterpart.name,
                place=item.place,
                interpreter=item.meeting.interpreter.name if item.meeting.interpreter else None,
                language_gap=item.language_gap or None,
            )
            for item in items
        ],
    )
