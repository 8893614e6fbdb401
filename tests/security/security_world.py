"""The world every security test runs against: the demo records of every app, one user per
role, and planted marker strings that only some roles may ever see.

``build_world()`` returns a :class:`World`: ``users`` by role key, ``objects`` by key (the
values that fill URL and API path parameters; see ``permission_matrix.OBJECT_KEYS``) and
``markers`` (marker string -> role keys that may see it). A demo step that fails (an app
being rebuilt) is recorded in ``broken`` instead of aborting the whole world, so that the
tests that need it fail with the reason and the rest still run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User

#: The nine roles of the matrix: key -> (role, side). "anonymous" has no user.
ROLES: dict[str, tuple[str, str | None]] = {
    "secretariat_jp": (Role.SECRETARIAT, "JP"),
    "secretariat_ru": (Role.SECRETARIAT, "RU"),
    "official_jp": (Role.OFFICIAL, "JP"),
    "official_ru": (Role.OFFICIAL, "RU"),
    "agency": (Role.AGENCY_STAFF, None),
    "coordinator": (Role.COORDINATOR, None),
    "company": (Role.COMPANY_REPRESENTATIVE, None),
    "auditor": (Role.AUDITOR, None),
    "anonymous": ("", None),
}
ROLE_KEYS = tuple(ROLES)

NOTE_JP = "PROBEMARK-NOTE-JP-7f3a"
NOTE_RU = "PROBEMARK-NOTE-RU-2b9c"
CONFIDENTIAL_JP = "PROBEMARK-CONFPROJ-JP-4d1e"
CONFIDENTIAL_RU = "PROBEMARK-CONFPROJ-RU-8e6f"
ONCE_CONFIDENTIAL_JP = "PROBEMARK-ONCECONF-JP-3c7d"
COMMITTEE_NOTE_JP = "PROBEMARK-SESSIONNOTE-JP-5a0b"
GOVERNMENT_JP = ("secretariat_jp", "official_jp")
GOVERNMENT_RU = ("secretariat_ru", "official_ru")


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)
    markers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    clients: dict[str, Any] = field(default_factory=dict)


def _step(world: World, name: str, build: Callable[[], None]) -> None:
    try:
        with transaction.atomic():
            build()
    except Exception as error:
        world.broken[name] = f"{type(error).__name__}: {error}"


def _users(world: World) -> None:
    for key, (role, side) in ROLES.items():
        if not role:
            world.users[key] = None
            continue
        world.users[key] = User.objects.create_user(
            username=f"probe-{key}",
            password="a-long-test-password",
            role=role,
            side=Country.objects.get(code=side) if side else None,
        )


def _projects(world: World) -> None:
    from tandem.programme.models import Programme
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.notes import confidential_note_create
    from tandem.projects.services.projects import project_create, project_update

    company = world.objects["company_org"]
    programme = Programme.objects.get()
    actor = world.users["secretariat_jp"]

    def make(code: str, title: str, by: str = "secretariat_jp", **extra: Any) -> Any:
        data = {
            "code": code,
            "title_en": title,
            "plan_areas": ["P5"],
            "national_projects": ["N7"],
            "status": "agreed",
            "participants": [{"organisation": company.name, "side": "JP", "role": "lead"}],
        } | extra
        return project_create(programme=programme, data=ProjectIn(**data), actor=world.users[by])

    public = make("JR-2026-9001", "Probe public project", disclosure="public")
    internal = make("JR-2026-9002", "Probe internal project", disclosure="internal")
    other = make(
        "JR-2026-9003", "Probe project of other companies", disclosure="internal", participants=[]
    )
    make(
        "JR-2026-9004",
        f"Probe confidential {CONFIDENTIAL_JP}",
        disclosure="side_confidential",
        confidential_side="JP",
        summary_en=f"Only Japan's government sees {CONFIDENTIAL_JP}.",
    )
    make(
        "JR-2026-9005",
        f"Probe confidential {CONFIDENTIAL_RU}",
        disclosure="side_confidential",
        confidential_side="RU",
        participants=[],
        by="secretariat_ru",
    )
    once = make(
        "JR-2026-9006",
        f"Probe once confidential {ONCE_CONFIDENTIAL_JP}",
        disclosure="side_confidential",
        confidential_side="JP",
    )
    # registered in 2019 as Japan's confidential project, public today: the "as of session
    # 15" view must not show its 2019 title to anyone but Japan's government
    once.history.update(history_date=dt.datetime(2019, 6, 1, tzinfo=dt.UTC))
    project_update(
        project=once,
        data=ProjectIn(
            code=once.code, title_en="Probe once confidential, now public", disclosure="public"
        ),
        expected_version=once.version,
        actor=actor,
    )
    for project in (public, internal):
        confidential_note_create(project=project, text=f"JP view {NOTE_JP}", actor=actor)
        confidential_note_create(
            project=project, text=f"RU view {NOTE_RU}", actor=world.users["secretariat_ru"]
        )
    world.objects |= {
        "project": internal.code,
        "project_version": internal.version,
        "project_public": public.code,
        "project_other_company": other.code,
        "project_confidential_jp": "JR-2026-9004",
        "project_confidential_ru": "JR-2026-9005",
        "project_once_confidential": "JR-2026-9006",
    }
    world.markers |= {
        NOTE_JP: GOVERNMENT_JP,
        NOTE_RU: GOVERNMENT_RU,
        CONFIDENTIAL_JP: GOVERNMENT_JP,
        CONFIDENTIAL_RU: GOVERNMENT_RU,
        ONCE_CONFIDENTIAL_JP: GOVERNMENT_JP,
    }


def _project_records(world: World) -> None:
    """One record of each kind on the internal probe project (and a financing line on Japan's
    confidential one), through the services; the project's version follows."""
    from tandem.projects.models import JointProject
    from tandem.projects.record_schemas import FinancingLineIn, MilestoneIn, ResultIn, SourceIn
    from tandem.projects.services import records

    actor = world.users["secretariat_jp"]
    assert actor is not None
    internal = JointProject.objects.get(code=world.objects["project"])
    loan = FinancingLineIn.model_validate(
        {"kind": "loan", "amount": "1000.00", "currency": "JPY", "date": "2026-01-15"}
    )
    line = records.financing_line_create(
        project=internal, expected_version=internal.version, data=loan, actor=actor
    )
    milestone = records.milestone_create(
        project=internal,
        expected_version=internal.version + 1,
        data=MilestoneIn(title_en="Probe milestone"),
        actor=actor,
    )
    result = records.result_create(
        project=internal,
        expected_version=internal.version + 2,
        data=ResultIn.model_validate({"title_en": "Probe result", "baseline_text": "none"}),
        actor=actor,
    )
    source = records.source_create(
        project=internal,
        expected_version=internal.version + 3,
        data=SourceIn.model_validate({"kind": "document", "title": "Probe source"}),
        actor=actor,
    )
    confidential = JointProject.objects.get(code=world.objects["project_confidential_jp"])
    hidden_line = records.financing_line_create(
        project=confidential, expected_version=confidential.version, data=loan, actor=actor
    )
    world.objects |= {
        "project_version": internal.version + 4,
        "financing_line": line.pk,
        "milestone": milestone.pk,
        "result": result.pk,
        "source": source.pk,
        "financing_line_confidential_jp": hidden_line.pk,
    }


def _committee(world: World) -> None:
    from tandem.committee.models import (
        ActionItem,
        AgendaItem,
        BriefingJob,
        Decision,
        SessionNote,
        WorkingGroup,
    )
    from tandem.committee.services.demo import committee_demo_create
    from tandem.core.actors import DEMO_ACTOR

    committee_demo_create(seed=2019, actor=DEMO_ACTOR)
    session = Decision.objects.order_by("pk").first().session
    item = AgendaItem.objects.filter(session=session).order_by("pk").first()
    decision = Decision.objects.filter(session=session).order_by("pk").first()
    action = ActionItem.objects.filter(session=session).order_by("pk").first()
    group = WorkingGroup.objects.order_by("pk").first() or WorkingGroup.objects.create(
        committee=session.committee, code="PRB", name="Probe working group"
    )
    world.objects |= {
        "session": session.number,
        "agenda_item": item.pk,
        "decision": decision.pk,
        "action_item": action.pk,
        "working_group": group.pk,
        "briefing_job": BriefingJob.objects.create(
            session=session,
            language="en",
            file_format="pdf",
            as_of=dt.date(2019, 12, 1),
            requested_by=world.users["secretariat_jp"],
        ).pk,
    }
    fields = {f.name for f in SessionNote._meta.get_fields()}
    if {"session", "side", "text"} <= fields:
        note = SessionNote(
            session=session,
            side=Country.objects.get(code="JP"),
            text=f"JP only {COMMITTEE_NOTE_JP}",
        )
        if "author" in fields:
            note.author = world.users["secretariat_jp"]
        note.save()
        world.markers[COMMITTEE_NOTE_JP] = GOVERNMENT_JP


def _exchange(world: World) -> None:
    from tandem.exchange.models import (
        EnterpriseProfile,
        KpiIndicator,
        KpiMeasurement,
        SpecialistDispatch,
        TraineePlacement,
    )
    from tandem.exchange.services.demo import demo_exchange_create

    demo_exchange_create(seed=2019)
    indicator = KpiIndicator.objects.earliest("pk")
    baseline = KpiMeasurement.objects.get(indicator=indicator, horizon=0)
    dispatch = SpecialistDispatch.objects.earliest("pk")
    placement = TraineePlacement.objects.earliest("pk")
    world.objects |= {
        "enterprise": EnterpriseProfile.objects.order_by("pk").first().pk,
        "indicator": indicator.pk,
        "measurement": KpiMeasurement.objects.order_by("pk").first().pk,
        "dispatch": dispatch.pk,
        "placement": placement.pk,
        # the values of valid API bodies: a specialist and the enterprise of the other side
        # that hosted them, a trainee with their home and host, the indicator's baseline date
        "specialist": dispatch.specialist_id,
        "dispatch_host": dispatch.host_id,
        "trainee": placement.trainee_id,
        "placement_home": placement.home_id,
        "placement_host": placement.host_id,
        "baseline_date": baseline.date.isoformat(),
    }


def _market_and_fair(world: World) -> None:
    from tandem.core.actors import DEMO_ACTOR
    from tandem.fairs.models import FairParticipant, MeetingRequest, ScheduledMeeting
    from tandem.fairs.services.demo import demo_fair_create
    from tandem.fairs.services.setup import participant_register
    from tandem.matchmaking.models import CompanyProfile, Introduction
    from tandem.matchmaking.services.demo import demo_market_create

    demo_market_create(seed=2019, actor=DEMO_ACTOR)
    version = demo_fair_create(time_limit=2.0, actor=DEMO_ACTOR)
    assert version is not None
    fair = version.fair
    introduction = Introduction.objects.order_by("pk").first()
    own_profile = introduction.requester
    company = own_profile.organisation
    participants = FairParticipant.objects.filter(fair=fair).order_by("pk")
    own = participants.filter(organisation=company).first() or participant_register(
        fair=fair, organisation=company, languages=["en"], actor=DEMO_ACTOR
    )
    other = participants.exclude(pk=own.pk).exclude(organisation=company).first()
    meeting = ScheduledMeeting.objects.filter(version=version).order_by("pk").first()
    request = MeetingRequest.objects.filter(fair=fair).order_by("pk").first()
    other_profile = CompanyProfile.objects.exclude(organisation=company).order_by("pk").first()
    from tandem.fairs import models as fair_models

    if hasattr(fair_models, "ScheduleJob"):
        # a finished computation: one still queued would refuse every new one for the fair
        world.objects["schedule_job"] = fair_models.ScheduleJob.objects.create(
            fair=fair, time_limit=1.0, status="done", version=version
        ).pk
    world.objects |= {
        "company_org": company,
        "profile": own_profile.pk,
        "profile_other_company": other_profile.pk,
        "introduction": introduction.pk,
        "fair": fair.slug,
        "fair_request": request.pk,
        "schedule": version.number,
        "meeting": meeting.pk,
        "participant": own.pk,
        "participant_other_company": other.pk,
    }


def _introductions_to_write(world: World) -> None:
    """Introductions the API's writes act on: one asked of the company (to answer), one it
    asked that was accepted (to record a meeting and an outcome), one accepted between two
    other companies; a listed partner of the other country that nobody has asked yet, another
    company of the company's own country that could ask it, and a profile the agency made that
    belongs to no organisation yet."""
    from tandem.matchmaking.enums import IntroductionStatus
    from tandem.matchmaking.models import CompanyProfile, Introduction
    from tandem.matchmaking.selectors.profiles import LISTED
    from tandem.matchmaking.services.introductions import (
        introduction_request,
        introduction_respond,
    )
    from tandem.matchmaking.services.profiles import profile_create

    agency = world.users["agency"]
    own = CompanyProfile.objects.get(pk=world.objects["profile"])
    introduced = Introduction.objects.values_list("requester_id", "recipient_id")
    untouched = (
        CompanyProfile.objects.filter(LISTED)
        .exclude(country=own.country)
        .exclude(pk__in=[pk for pair in introduced for pk in pair])
        .order_by("pk")
    )
    candidate, asking, accepting = untouched[:3]
    other_requester = (
        CompanyProfile.objects.filter(LISTED, country=own.country)
        .exclude(organisation=own.organisation)
        .earliest("pk")
    )
    received = introduction_request(requester=asking, recipient=own, actor=agency)
    accepted = introduction_request(requester=own, recipient=accepting, actor=agency)
    introduction_respond(introduction=accepted, accept=True, actor=agency)
    other_accepted = (
        Introduction.objects.filter(status=IntroductionStatus.ACCEPTED)
        .exclude(requester__organisation=own.organisation)
        .exclude(recipient__organisation=own.organisation)
        .earliest("pk")
    )
    unlinked = profile_create(
        data={
            "name_en": "Probe profile without organisation",
            "country": candidate.country,
            "language": "en",
            "offers_en": "Machining of small parts",
            "seeks_en": "A partner for machining",
            "size": "small",
            "contact_name": "Probe contact",
            "contact_email": "probe@example.org",
        },
        actor=agency,
    )
    world.objects |= {
        "introduction_candidate": candidate.pk,
        "introduction_requester_other_company": other_requester.pk,
        "introduction_received": received.pk,
        "introduction_accepted": accepted.pk,
        "introduction_other_company": other_accepted.pk,
        "profile_unlinked": unlinked.pk,
    }


def _fair_requests_to_write(world: World) -> None:
    """Meeting requests the API's writes act on: participants with no open request with the
    company's or the other company's participant (one to ask, one that asked the company, one
    the company asked), their organisations, and a draft schedule version to publish."""
    from tandem.fairs.enums import OPEN_STATUSES
    from tandem.fairs.models import Fair, FairParticipant, MeetingRequest
    from tandem.fairs.services.requests import meeting_request_create
    from tandem.fairs.services.schedules import schedule_compute

    agency = world.users["agency"]
    fair = Fair.objects.get(slug=world.objects["fair"])
    own = FairParticipant.objects.get(pk=world.objects["participant"])
    other = FairParticipant.objects.get(pk=world.objects["participant_other_company"])
    open_requests = MeetingRequest.objects.filter(fair=fair, status__in=OPEN_STATUSES)
    busy = {own.pk, other.pk}
    for sender, receiver in open_requests.values_list("sender_id", "receiver_id"):
        if {own.pk, other.pk} & {sender, receiver}:
            busy |= {sender, receiver}
    free = (
        FairParticipant.objects.filter(fair=fair, organisation__isnull=False)
        .exclude(pk__in=busy)
        .order_by("pk")
    )
    to_ask, asking, asked = free[:3]
    received = meeting_request_create(sender=asking, receiver=own, actor=agency)
    sent = meeting_request_create(sender=own, receiver=asked, actor=agency)
    draft = schedule_compute(fair=fair, time_limit=1.0, actor=agency)
    world.objects |= {
        "participant_free": to_ask.pk,
        "organisation_own": own.organisation_id,
        "organisation_other_company": other.organisation_id,
        "organisation_free": to_ask.organisation_id,
        "fair_request_received": received.pk,
        "fair_request_sent": sent.pk,
        "schedule_draft": draft.number,
    }


def _trade_and_press(world: World) -> None:
    from tandem.core.actors import DEMO_ACTOR
    from tandem.press.models import Article, Mention, Proposal
    from tandem.press.services.demo import demo_press_create
    from tandem.trade.models import ImportBatch
    from tandem.trade.services.demo import demo_trade_create

    demo_trade_create(seed=2019, actor=DEMO_ACTOR)
    demo_press_create(actor=DEMO_ACTOR)
    mention = Mention.objects.exclude(session=None).order_by("pk").first()
    world.objects |= {
        "trade_import": ImportBatch.objects.order_by("pk").first().pk,
        "article": Article.objects.order_by("pk").first().pk,
        "proposal": Proposal.objects.order_by("pk").first().pk,
        "mentioned_session": mention.session_id if mention else 1,
    }


def build_world() -> World:
    """Build the world in the current transaction (the caller rolls it back)."""
    from tandem.core.actors import DEMO_ACTOR
    from tandem.core.services.demo import demo_data_create
    from tandem.core.services.users import api_token_create
    from tandem.projects.services.demo import demo_projects_create

    world = World()
    call_command("load_default", verbosity=0)
    demo_data_create(seed=7, organisations=40, people=30, actor=DEMO_ACTOR)
    demo_projects_create(seed=7, count=20, actor=DEMO_ACTOR)
    _users(world)
    _step(world, "fairs and matchmaking", lambda: _market_and_fair(world))
    if "company_org" not in world.objects:
        world.objects["company_org"] = Organisation.objects.create(
            name="Probe company", kind="company", side=Country.objects.get(code="JP")
        )
    company_user = world.users["company"]
    assert company_user is not None
    company_user.organisation = world.objects["company_org"]
    company_user.save()
    _step(world, "projects", lambda: _projects(world))
    _step(world, "project records", lambda: _project_records(world))
    _step(world, "committee", lambda: _committee(world))
    _step(world, "exchange", lambda: _exchange(world))
    _step(world, "trade and press", lambda: _trade_and_press(world))
    _step(world, "introductions to write", lambda: _introductions_to_write(world))
    _step(world, "fair requests to write", lambda: _fair_requests_to_write(world))
    for key, user in world.users.items():
        if user is not None:
            world.tokens[key] = api_token_create(
                user=user, name="probe", actor=user, scope="write"
            )[1]
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        world.clients[key] = client
    return world


HASHING = "tandem.core.embedding.testing.HashingEmbedder"


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """The demo records of every app and a user per role, shared by the tests of a module;
    each test still runs in its own savepoint, so nothing a test writes reaches the next."""
    from django.conf import settings

    from tandem.matchmaking.services.matching import reset_matching_index

    previous = getattr(settings, "MATCHMAKING_EMBEDDER", None)
    settings.MATCHMAKING_EMBEDDER = HASHING
    reset_matching_index()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
    settings.MATCHMAKING_EMBEDDER = previous
    reset_matching_index()
