import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import User
from tandem.matchmaking.enums import IntroductionStatus, Outcome
from tandem.matchmaking.models import CompanyProfile, Introduction
from tandem.matchmaking.selectors.introductions import funnel, inbox
from tandem.matchmaking.services.introductions import (
    introduction_record_meeting,
    introduction_record_outcome,
    introduction_request,
    introduction_respond,
)
from tandem.matchmaking.services.suggestions import suggestions_refresh
from tandem.programme.models import PlanArea
from tandem.projects.models import JointProject

pytestmark = pytest.mark.integration


@pytest.fixture
def pair(
    make_profile: Callable[..., CompanyProfile], company_user: Callable[[str, str], User]
) -> tuple[CompanyProfile, CompanyProfile, User, User]:
    jp_user, ru_user = company_user("JP", "kawada"), company_user("RU", "ural")
    jp = make_profile(
        "Kawada", "JP", "en", "CNC lathes", "distributors of machine tools",
        organisation=jp_user.organisation, plan_area=PlanArea.objects.get(code="P3"),
    )  # fmt: skip
    ru = make_profile(
        "Uralstanok", "RU", "en", "machine tool distribution", "CNC lathes",
        organisation=ru_user.organisation,
    )  # fmt: skip
    return jp, ru, jp_user, ru_user


def test_introduction_request_keeps_the_suggestion_reasons_and_the_plan_area(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
) -> None:
    jp, ru, jp_user, _ru_user = pair
    suggestions_refresh(profile=jp)
    introduction = introduction_request(requester=jp, recipient=ru, actor=jp_user, message="Hi")
    assert introduction.status == IntroductionStatus.REQUESTED
    assert introduction.reasons and introduction.score is not None
    assert introduction.plan_area is not None and introduction.plan_area.code == "P3"


def test_a_company_cannot_ask_for_another_company(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
) -> None:
    jp, ru, _jp_user, ru_user = pair
    with pytest.raises(ValidationError, match="for itself"):
        introduction_request(requester=jp, recipient=ru, actor=ru_user)


def test_an_unpublished_company_cannot_be_asked(
    make_profile: Callable[..., CompanyProfile], agency: User
) -> None:
    jp = make_profile("Kawada", "JP", "en", "CNC lathes", "distributors")
    hidden = make_profile("Hidden", "RU", "en", "distribution", "lathes", consent=False)
    with pytest.raises(ValidationError, match="not published"):
        introduction_request(requester=jp, recipient=hidden, actor=agency)


def test_the_same_pair_is_introduced_once_in_either_direction(
    pair: tuple[CompanyProfile, CompanyProfile, User, User], agency: User
) -> None:
    jp, ru, _jp_user, _ru_user = pair
    introduction_request(requester=jp, recipient=ru, actor=agency)
    with pytest.raises(ValidationError, match="already have an introduction"):
        introduction_request(requester=ru, recipient=jp, actor=agency)


def test_declining_needs_a_reason_and_is_final(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
) -> None:
    jp, ru, jp_user, ru_user = pair
    introduction = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    with pytest.raises(ValidationError):
        introduction_respond(introduction=introduction, accept=False, actor=ru_user)
    declined = introduction_respond(
        introduction=introduction, accept=False, reason="We already have a supplier", actor=ru_user
    )
    assert declined.status == IntroductionStatus.DECLINED
    with pytest.raises(ValidationError, match="already answered"):
        introduction_respond(introduction=introduction, accept=True, actor=ru_user)
    with pytest.raises(ValidationError, match="accepted introduction"):
        introduction_record_outcome(introduction=declined, outcome=Outcome.NDA, actor=ru_user)


def test_contacts_are_shown_only_after_acceptance(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
) -> None:
    jp, ru, jp_user, ru_user = pair
    assert jp_user.has_perm("matchmaking.view_contacts", jp)
    assert not jp_user.has_perm("matchmaking.view_contacts", ru)
    introduction = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    assert not jp_user.has_perm("matchmaking.view_contacts", ru)
    assert not ru_user.has_perm("matchmaking.view_contacts", jp)
    introduction_respond(introduction=introduction, accept=True, actor=ru_user)
    assert jp_user.has_perm("matchmaking.view_contacts", ru)
    assert ru_user.has_perm("matchmaking.view_contacts", jp)


def test_an_accepted_introduction_leads_to_a_meeting_and_a_joint_project(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
    make_project: Callable[..., JointProject],
) -> None:
    jp, ru, jp_user, ru_user = pair
    introduction = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    introduction_respond(introduction=introduction, accept=True, actor=ru_user)
    with pytest.raises(ValidationError, match="Name the fair"):
        introduction_record_meeting(
            introduction=introduction, met_on=dt.date(2026, 7, 9), venue="fair", actor=jp_user
        )
    introduction_record_meeting(
        introduction=introduction,
        met_on=dt.date(2026, 7, 9),
        venue="fair",
        place="Innoprom",
        actor=jp_user,
    )
    with pytest.raises(ValidationError):
        introduction_record_outcome(
            introduction=introduction, outcome=Outcome.JOINT_PROJECT, actor=jp_user
        )
    project = make_project()
    done = introduction_record_outcome(
        introduction=introduction,
        outcome=Outcome.JOINT_PROJECT,
        joint_project=project,
        actor=jp_user,
    )
    assert done.joint_project == project
    assert list(project.introductions.all()) == [done]
    assert done.history.count() == 4  # type: ignore[attr-defined]


def test_funnel_counts_each_stage_per_side_and_per_plan_area(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
    make_profile: Callable[..., CompanyProfile],
) -> None:
    jp, ru, jp_user, ru_user = pair
    other = make_profile("Sibles", "RU", "en", "timber", "sawmill equipment")
    suggestions_refresh(profile=jp)
    accepted = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    introduction_respond(introduction=accepted, accept=True, actor=ru_user)
    introduction_record_meeting(
        introduction=accepted, met_on=dt.date(2026, 7, 9), venue="online", actor=jp_user
    )
    introduction_record_outcome(introduction=accepted, outcome=Outcome.AGREEMENT, actor=jp_user)
    introduction_request(requester=jp, recipient=other, actor=jp_user)
    rows = {row.label: row.counts for row in funnel("side")}
    assert rows[""] == {"suggested": 2, "requested": 2, "accepted": 1, "met": 1, "agreement": 1}
    assert rows["JP"]["requested"] == 2
    by_area = {row.label: row.counts for row in funnel("plan_area")}
    assert by_area["P3"]["agreement"] == 1


def test_funnel_shares_are_of_their_base_and_never_pass_100_percent(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
    make_profile: Callable[..., CompanyProfile],
    company_user: Callable[[str, str], User],
) -> None:
    jp, ru, jp_user, ru_user = pair
    make_profile("Sibles", "RU", "en", "timber", "sawmill equipment")
    suggestions_refresh(profile=jp)  # two suggested pairs, both for the Japanese company
    from_suggestion = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    introduction_respond(introduction=from_suggestion, accept=True, actor=ru_user)
    introduction_record_outcome(
        introduction=from_suggestion, outcome=Outcome.AGREEMENT, actor=jp_user
    )  # an agreement recorded without a meeting date
    for name in ("Dalles", "Amurwood"):  # Russian companies that ask without a suggestion
        user = company_user("RU", name.lower())
        asking = make_profile(name, "RU", "en", "timber", "buyers", organisation=user.organisation)
        introduction_request(requester=asking, recipient=jp, actor=user)
    rows = {row.label: row for row in funnel("side")}
    total = rows[""]
    assert total.counts["suggested"] == 2 and total.counts["requested"] == 3
    shares = dict(zip(("suggested", "requested", "accepted", "met", "agreement"),
                      (share for _value, share in total.cells()), strict=True))  # fmt: skip
    assert shares == {
        "suggested": None, "requested": 50, "accepted": 33, "met": 0, "agreement": 100
    }  # fmt: skip
    assert rows["RU"].share("requested") is None  # asked, but nothing was suggested to them
    for row in [*funnel("side"), *funnel("plan_area")]:
        assert all(share is None or 0 <= share <= 100 for _value, share in row.cells())


def test_inbox_shows_a_company_what_was_asked_of_it(
    pair: tuple[CompanyProfile, CompanyProfile, User, User],
) -> None:
    jp, ru, jp_user, ru_user = pair
    introduction = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    assert list(inbox(ru_user, "received")) == [introduction]
    assert list(inbox(jp_user, "received")) == []
    assert list(inbox(jp_user, "sent")) == [introduction]
    assert Introduction.objects.count() == 1
