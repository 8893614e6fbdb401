"""API of the matchmaking app, mounted under /api/v1/: profiles, suggestions, introductions."""

import datetime as dt
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
from tandem.core.permissions import check
from tandem.matchmaking.enums import MeetingVenue, Outcome
from tandem.matchmaking.models import CompanyProfile, Introduction
from tandem.matchmaking.selectors.introductions import funnel, inbox, visible_introductions
from tandem.matchmaking.selectors.profiles import ProfileFilters, search_profiles, visible_profiles
from tandem.matchmaking.services.introductions import (
    introduction_record_meeting,
    introduction_record_outcome,
    introduction_request,
    introduction_respond,
)
from tandem.matchmaking.services.ownership import linkable_organisations, profile_link_organisation
from tandem.matchmaking.services.suggestions import suggestions_refresh
from tandem.projects.selectors.visibility import visible_projects

router = Router(tags=["matchmaking"])
MAX_PAGE_SIZE = 200


class ContactOut(Schema):
    name: str
    email: str
    phone: str


class ProfileOut(Schema):
    id: int
    name: TranslatedText
    country: str
    region: str | None
    size: str
    industry_jsic: str
    industry_nace: str
    industry_okved: str
    language: str
    offers: TranslatedText
    seeks: TranslatedText
    languages_spoken: list[str]
    state: str
    consent_to_show: bool
    illustrative: bool
    contact: ContactOut | None


class ProfilePageOut(Schema):
    items: list[ProfileOut]
    count: int


class ProfileQuery(Schema):
    q: str = ""
    country: str = ""
    state: str = ""
    sort: str = "name"
    offset: int = 0
    limit: int = 50


class ReasonOut(Schema):
    their_phrase: str
    our_phrase: str
    direction: str
    similarity: float


class SuggestionOut(Schema):
    rank: int
    id: int
    name: str
    country: str
    score: float
    reasons: list[ReasonOut]


class IntroductionIn(Schema):
    requester: int
    recipient: int
    message: str = ""


class IntroductionAnswerIn(Schema):
    accept: bool
    reason: str = ""


class MeetingIn(Schema):
    met_on: dt.date
    venue: str
    place: str = ""


class IntroductionOutcomeIn(Schema):
    outcome: str
    note: str = ""
    joint_project: str | None = None


class IntroductionOut(Schema):
    id: int
    requester: int
    recipient: int
    status: str
    decline_reason: str
    met_on: dt.date | None
    venue: str
    outcome: str
    joint_project: str | None
    created_at: dt.datetime


class FunnelRowOut(Schema):
    group: str
    suggested: int
    requested: int
    accepted: int
    met: int
    agreement: int


def _profile_out(request: HttpRequest, profile: CompanyProfile) -> ProfileOut:
    contact = None
    if check(request.user, "matchmaking.view_contacts", profile):
        contact = ContactOut(
            name=profile.contact_name, email=profile.contact_email, phone=profile.contact_phone
        )
    return ProfileOut(
        id=profile.pk,
        name=translated(profile, "name"),
        country=profile.country.code,
        region=profile.region.code if profile.region is not None else None,
        size=profile.size,
        industry_jsic=profile.industry_jsic,
        industry_nace=profile.industry_nace,
        industry_okved=profile.industry_okved,
        language=profile.language,
        offers=translated(profile, "offers"),
        seeks=translated(profile, "seeks"),
        languages_spoken=profile.spoken(),
        state=profile.state,
        consent_to_show=profile.consent_to_show,
        illustrative=profile.is_illustrative,
        contact=contact,
    )


def _introduction_out(introduction: Introduction) -> IntroductionOut:
    return IntroductionOut(
        id=introduction.pk,
        requester=introduction.requester_id,
        recipient=introduction.recipient_id,
        status=introduction.status,
        decline_reason=introduction.decline_reason,
        met_on=introduction.met_on,
        venue=introduction.venue,
        outcome=introduction.outcome,
        joint_project=introduction.joint_project.code if introduction.joint_project else None,
        created_at=introduction.created_at,
    )


def _profile_or_404(request: HttpRequest, pk: int, permission: str) -> CompanyProfile:
    profile = visible_profiles(request.user).filter(pk=pk).first()
    if profile is None or not check(request.user, permission, profile):
        raise HttpError(404, "No such company profile.")
    return profile


class OrganisationLinkIn(Schema):
    organisation: int | None = None
    create: bool = False


class OrganisationLinkOut(Schema):
    profile: int
    organisation: int
    organisation_name: str
    version: int


@router.post(
    "/matchmaking/profiles/{profile_id}/organisation",
    response=responses(OrganisationLinkOut, codes=(401, 403, 404, 422)),
    summary="Link an agency-created profile to an organisation (picked, or created from it)",
)
@require("matchmaking.link_organisation")
def link_organisation(
    request: HttpRequest, profile_id: int, payload: OrganisationLinkIn
) -> OrganisationLinkOut:
    profile = _profile_or_404(request, profile_id, "matchmaking.link_organisation")
    organisation = None
    if payload.organisation is not None:
        organisation = linkable_organisations(profile).filter(pk=payload.organisation).first()
        if organisation is None:
            raise HttpError(
                422, "Unknown organisation, of another country, or one that has a profile."
            )
    try:
        linked = profile_link_organisation(
            profile=profile, organisation=organisation, create=payload.create, actor=request.user
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    assert linked.organisation is not None
    return OrganisationLinkOut(
        profile=linked.pk,
        organisation=linked.organisation.pk,
        organisation_name=str(linked.organisation.name),
        version=linked.version,
    )


@router.get(
    "/matchmaking/profiles",
    response=responses(ProfilePageOut, codes=(401, 403, 422)),
    summary="Company profiles visible to the caller, searched in every language",
)
@require("matchmaking.search_profiles")
def list_profiles(request: HttpRequest, query: Query[ProfileQuery]) -> ProfilePageOut:
    rows_window = page_slice(limit=query.limit, offset=query.offset, most=MAX_PAGE_SIZE)
    rows = search_profiles(
        request.user,
        ProfileFilters(q=query.q, country=query.country, state=query.state, sort=query.sort),
    )
    page = rows[rows_window]
    return ProfilePageOut(items=[_profile_out(request, p) for p in page], count=rows.count())


@router.get(
    "/matchmaking/profiles/{profile_id}",
    response=responses(ProfileOut, codes=(401, 403, 404)),
    summary="One company profile; contact details only where the caller may see them",
)
@require("matchmaking.search_profiles")
def get_profile(request: HttpRequest, profile_id: int) -> ProfileOut:
    return _profile_out(request, _profile_or_404(request, profile_id, "matchmaking.view_profile"))


@router.get(
    "/matchmaking/profiles/{profile_id}/suggestions",
    response=responses(list[SuggestionOut], codes=(401, 403, 404, 409, 422)),
    summary="Ranked partners of the other country, best first, with the matching phrases",
)
@require("matchmaking.use_matchmaking")
def get_suggestions(request: HttpRequest, profile_id: int, top: int = 20) -> list[SuggestionOut]:
    if not 1 <= top <= 100:
        raise HttpError(422, "top must be between 1 and 100.")
    profile = _profile_or_404(request, profile_id, "matchmaking.view_suggestions")
    rows = suggestions_refresh(profile=profile, top=top)
    if rows is None:
        raise HttpError(409, "The profile is being indexed; ask again in a minute.")
    names = {
        p.pk: p
        for p in CompanyProfile.objects.filter(
            pk__in=[r.candidate_id for r in rows]
        ).select_related("country")
    }
    return [
        SuggestionOut(
            rank=r.rank,
            id=r.candidate_id,
            name=str(names[r.candidate_id].name),
            country=names[r.candidate_id].country.code,
            score=r.score,
            reasons=[ReasonOut(**reason) for reason in r.reasons],
        )
        for r in rows
    ]


@router.post(
    "/matchmaking/introductions",
    response=responses(IntroductionOut, codes=(401, 403, 404, 422), ok_code=201),
    summary="Request an introduction of one company to another",
)
@require("matchmaking.request_introduction")
def create_introduction(request: HttpRequest, payload: IntroductionIn) -> Status[IntroductionOut]:
    requester = _profile_or_404(request, payload.requester, "matchmaking.view_suggestions")
    recipient = _profile_or_404(request, payload.recipient, "matchmaking.view_profile")
    try:
        introduction = introduction_request(
            requester=requester,
            recipient=recipient,
            actor=signed_in(request.user),
            message=payload.message,
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return Status(201, _introduction_out(introduction))


@router.get(
    "/matchmaking/introductions",
    response=responses(list[IntroductionOut], codes=(401, 403)),
    summary="The caller's introductions: received, sent or all",
)
@require("matchmaking.view_introductions")
def list_introductions(
    request: HttpRequest, box: str = "all", status: str = ""
) -> list[IntroductionOut]:
    return [_introduction_out(i) for i in inbox(request.user, box, status)[:500]]


@router.post(
    "/matchmaking/introductions/{introduction_id}/answer",
    response=responses(IntroductionOut, codes=(401, 403, 404, 422)),
    summary="Accept an introduction, or decline it with a reason",
)
@require("matchmaking.view_introductions")
def answer_introduction(
    request: HttpRequest, introduction_id: int, payload: IntroductionAnswerIn
) -> IntroductionOut:
    introduction = visible_introductions(request.user).filter(pk=introduction_id).first()
    if introduction is None or not check(
        request.user, "matchmaking.respond_introduction", introduction
    ):
        raise HttpError(404, "No such introduction waiting for your answer.")
    try:
        answered = introduction_respond(
            introduction=introduction,
            accept=payload.accept,
            reason=payload.reason,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return _introduction_out(answered)


def _party_introduction(request: HttpRequest, introduction_id: int) -> Introduction:
    introduction = visible_introductions(request.user).filter(pk=introduction_id).first()
    if introduction is None or not check(request.user, "matchmaking.record_outcome", introduction):
        raise HttpError(404, "No such introduction.")
    return introduction


@router.post(
    "/matchmaking/introductions/{introduction_id}/meeting",
    response=responses(IntroductionOut, codes=(401, 403, 404, 422)),
    summary="Record the meeting of an accepted introduction (venue: fair, online, elsewhere)",
)
@require("matchmaking.view_introductions")
def record_meeting(
    request: HttpRequest, introduction_id: int, payload: MeetingIn
) -> IntroductionOut:
    introduction = _party_introduction(request, introduction_id)
    if payload.venue not in MeetingVenue.values:
        raise HttpError(422, f"venue must be one of {', '.join(MeetingVenue.values)}.")
    try:
        done = introduction_record_meeting(
            introduction=introduction,
            met_on=payload.met_on,
            venue=payload.venue,
            place=payload.place,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return _introduction_out(done)


@router.post(
    "/matchmaking/introductions/{introduction_id}/outcome",
    response=responses(IntroductionOut, codes=(401, 403, 404, 422)),
    summary="Record what came of an accepted introduction; a joint project by its registry code",
)
@require("matchmaking.view_introductions")
def record_outcome(
    request: HttpRequest, introduction_id: int, payload: IntroductionOutcomeIn
) -> IntroductionOut:
    introduction = _party_introduction(request, introduction_id)
    choices = [value for value in Outcome.values if value]
    if payload.outcome not in choices:
        raise HttpError(422, f"outcome must be one of {', '.join(choices)}.")
    project = None
    if payload.joint_project:
        project = visible_projects(request.user).filter(code=payload.joint_project).first()
        if project is None:
            raise HttpError(422, "No joint project with this code that you can see.")
    try:
        done = introduction_record_outcome(
            introduction=introduction,
            outcome=payload.outcome,
            note=payload.note,
            joint_project=project,
            actor=signed_in(request.user),
        )
    except ValidationError as error:
        raise unprocessable(error) from error
    return _introduction_out(done)


@router.get(
    "/matchmaking/funnel",
    response=responses(list[FunnelRowOut], codes=(401, 403)),
    summary="Suggested, requested, accepted, met, agreement: in total and per side or plan area",
)
@require("matchmaking.view_funnel")
def get_funnel(request: HttpRequest, by: str = "side") -> list[FunnelRowOut]:
    rows: list[Any] = funnel("plan_area" if by == "plan_area" else "side")
    return [
        FunnelRowOut(group=r.label or ("all" if i == 0 else "none"), **r.counts)
        for i, r in enumerate(rows)
    ]
