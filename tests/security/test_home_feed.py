"""The home page's latest changes show each reader only the records they may open.

Each case plants one change as the newest in the workspace, then reads the home page as every
role: the roles that may open the record see its line (the test is not blind), no other role
does. Roles: both sides' secretariats, agency staff, the auditor, representatives of two
companies, and the public.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from tandem.core.audit import TRACKED_MODELS, save_with_actor
from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User
from tandem.matchmaking.enums import ProfileState
from tandem.matchmaking.models import CompanyProfile, Introduction
from tandem.press.models import Article
from tandem.programme.models import LabelExample, Programme
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create
from tandem.web.feed import FEED_EXCLUDED, FEED_RULES

pytestmark = pytest.mark.integration

READERS = ("secretariat_jp", "secretariat_ru", "agency", "auditor", "company_a", "company_b")
STAFF = ("secretariat_jp", "secretariat_ru", "agency", "auditor")


@dataclass
class Readers:
    users: dict[str, User]
    clients: dict[str, Client]
    company_a: Organisation
    company_b: Organisation

    def seeing(self, marker: str) -> set[str]:
        cache.clear()
        seen = {key for key, client in self.clients.items() if marker in _home(client)}
        return seen


def _home(client: Client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def readers(make_user: Callable[..., User]) -> Readers:
    users = {
        "secretariat_jp": make_user(Role.SECRETARIAT, "JP", username="feed-sec-jp"),
        "secretariat_ru": make_user(Role.SECRETARIAT, "RU", username="feed-sec-ru"),
        "agency": make_user(Role.AGENCY_STAFF, username="feed-agency"),
        "auditor": make_user(Role.AUDITOR, username="feed-auditor"),
        "company_a": make_user(Role.COMPANY_REPRESENTATIVE, "JP", username="feed-company-a"),
        "company_b": make_user(Role.COMPANY_REPRESENTATIVE, "RU", username="feed-company-b"),
    }
    company_a, company_b = users["company_a"].organisation, users["company_b"].organisation
    assert company_a is not None and company_b is not None
    company_b.name = "Feed company B"
    company_b.save()
    clients = {}
    for key, user in users.items():
        clients[key] = Client()
        clients[key].force_login(user)
    clients["public"] = Client()
    return Readers(
        users=users,
        clients=clients,
        company_a=company_a,
        company_b=company_b,
    )


def _project(actor: User, code: str, title: str, **extra: Any) -> JointProject:
    data = {
        "code": code,
        "title_en": title,
        "plan_areas": ["P4"],
        "national_projects": ["N7"],
        "status": "agreed",
        "participants": [],
    } | extra
    return project_create(programme=Programme.objects.get(), data=ProjectIn(**data), actor=actor)


def _profile(organisation: Organisation | None, name: str, state: str) -> CompanyProfile:
    return CompanyProfile.objects.create(
        organisation=organisation,
        name=name,
        country=Country.objects.get(code="RU"),
        language="en",
        contact_name="Feed contact",
        contact_email="feed@example.org",
        consent_to_show=True,
        state=state,
    )


def test_internal_project_reaches_staff_and_its_company_only(readers: Readers) -> None:
    participant = {"organisation": readers.company_a.name, "side": "JP", "role": "lead"}
    _project(
        readers.users["secretariat_jp"],
        "JR-2019-7001",
        "FEEDMARK internal project of company A",
        disclosure="internal",
        participants=[participant],
    )
    assert readers.seeing("FEEDMARK internal") == {*STAFF, "company_a"}


def test_side_confidential_project_and_its_label_example_stay_with_that_side(
    readers: Readers,
) -> None:
    _project(
        readers.users["secretariat_jp"],
        "JR-2019-7002",
        "FEEDMARK confidential to Japan",
        disclosure="side_confidential",
        confidential_side="JP",
    )
    assert readers.seeing("FEEDMARK confidential") == {"secretariat_jp"}
    save_with_actor(
        LabelExample(
            project_code="JR-2019-7002",
            language="en",
            title="x",
            primary_plan_area="P4",
            plan_areas=["P4"],
        ),
        readers.users["secretariat_jp"],
    )
    assert readers.seeing("JR-2019-7002: P4") == {"secretariat_jp"}


def test_press_articles_reach_programme_staff_only(readers: Readers) -> None:
    save_with_actor(
        Article(
            headline="FEEDMARK press article",
            text="Text of the article.",
            language="en",
            kind="paste",
            text_hash="feed-" + "0" * 59,
        ),
        readers.users["agency"],
    )
    assert readers.seeing("FEEDMARK press") == set(STAFF)


def test_a_draft_profile_reaches_its_company_and_the_agency_only(readers: Readers) -> None:
    _profile(readers.company_b, "FEEDMARK draft of company B", ProfileState.DRAFT)
    assert readers.seeing("FEEDMARK draft") == {"agency", "company_b"}


def test_introductions_reach_their_two_companies_and_the_agency_only(
    readers: Readers,
) -> None:
    first = _profile(None, "Feed listed first", ProfileState.PUBLISHED)
    second = _profile(None, "Feed listed second", ProfileState.PUBLISHED)
    introduction = Introduction(requester=first, recipient=second)
    introduction._change_reason = "FEEDMARK outcome between two others"  # type: ignore[attr-defined]
    introduction.save()
    assert readers.seeing("FEEDMARK outcome") == {"agency"}
    own = _profile(readers.company_a, "Feed own profile", ProfileState.PUBLISHED)
    ours = Introduction(requester=own, recipient=second)
    ours._change_reason = "FEEDMARK outcome of ours"  # type: ignore[attr-defined]
    ours.save()
    assert readers.seeing("FEEDMARK outcome of ours") == {"agency", "company_a"}


def test_sign_ins_are_nobodys_latest_change(
    readers: Readers, make_user: Callable[..., User]
) -> None:
    signing_in = make_user(Role.OFFICIAL, "RU", username="feedmark-signs-in")
    Client().force_login(signing_in)
    assert signing_in.history.filter(history_type="~").exists()  # type: ignore[attr-defined]
    assert readers.seeing("feedmark-signs-in") == set()


def test_company_representatives_do_not_learn_who_made_a_change(readers: Readers) -> None:
    _project(
        readers.users["secretariat_jp"], "JR-2019-7003", "FEEDMARK public", disclosure="public"
    )
    assert readers.seeing("FEEDMARK public") == {*READERS}
    assert readers.seeing("feed-sec-jp") == set(STAFF)


def test_every_tracked_kind_has_a_feed_rule_or_a_reason_to_stay_out() -> None:
    undecided = [
        m.__name__ for m in TRACKED_MODELS if m not in FEED_RULES and m not in FEED_EXCLUDED
    ]
    assert not undecided, f"decide who may see these in a feed: {undecided}"
