import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tandem.core.enums import Role
from tandem.core.models import Country, User
from tandem.matchmaking.enums import IntroductionStatus, ProfileState
from tandem.matchmaking.models import CompanyProfile, Introduction

pytestmark = pytest.mark.integration


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_companies(
    make_profile: Callable[..., CompanyProfile], company_user: Callable[[str, str], User]
) -> tuple[CompanyProfile, CompanyProfile, User, User]:
    jp_user, ru_user = company_user("JP", "kawada"), company_user("RU", "ural")
    jp = make_profile(
        "川田精機", "JP", "ja", "CNC旋盤とマシニングセンタを製造しています。",
        "ロシアの工作機械の販売代理店を探しています。", organisation=jp_user.organisation,
        contact_email="sales@kawada.example.jp",
        offers_en="We make CNC lathes and machining centres.",
    )  # fmt: skip
    ru = make_profile(
        "Уралстанок", "RU", "ru", "Дистрибуция станков по Уралу.", "Токарные станки с ЧПУ.",
        organisation=ru_user.organisation, contact_phone="+7 343 000 00 00",
    )  # fmt: skip
    return jp, ru, jp_user, ru_user


def test_company_sees_its_suggestions_and_asks_for_an_introduction(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
) -> None:
    jp, ru, jp_user, ru_user = two_companies
    client = _client(jp_user)
    page = client.get(reverse("web:matchmaking_suggestions"))
    assert page.status_code == 200
    assert "Уралстанок" in page.content.decode()
    assert "+7 343" not in page.content.decode()
    response = client.post(
        reverse("web:matchmaking_introduction_new"),
        {"requester": jp.pk, "recipient": ru.pk, "message": "Let us meet at Innoprom"},
    )
    introduction = Introduction.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:matchmaking_introduction", args=[introduction.pk])
    detail = _client(ru_user).get(response["Location"]).content.decode()
    assert "Let us meet at Innoprom" in detail
    assert jp.contact_email not in detail  # not before acceptance


def test_the_company_asked_accepts_and_then_sees_the_contacts(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User], agency: User
) -> None:
    jp, ru, jp_user, ru_user = two_companies
    introduction = Introduction.objects.create(requester=jp, recipient=ru, requested_by=agency)
    answer = reverse("web:matchmaking_introduction_answer", args=[introduction.pk])
    assert _client(jp_user).post(answer, {"decision": "accept"}).status_code == 404
    refused = _client(ru_user).post(answer, {"decision": "decline"})
    assert refused.status_code == 400
    assert "Say why" in refused.content.decode()
    assert _client(ru_user).post(answer, {"decision": "accept"}).status_code == 302
    introduction.refresh_from_db()
    assert introduction.status == IntroductionStatus.ACCEPTED
    profile_page = _client(ru_user).get(reverse("web:matchmaking_profile", args=[jp.pk]))
    assert jp.contact_email in profile_page.content.decode()
    meeting = _client(jp_user).post(
        reverse("web:matchmaking_introduction_meeting", args=[introduction.pk]),
        {"met_on": "2026-07-09", "venue": "fair", "place": "Innoprom"},
    )
    assert meeting.status_code == 302
    introduction.refresh_from_db()
    assert introduction.met_on == dt.date(2026, 7, 9)
    outcome = _client(jp_user).post(
        reverse("web:matchmaking_introduction_outcome", args=[introduction.pk]),
        {"outcome": "joint_project", "joint_project": "JR-2099-0001"},
    )
    assert outcome.status_code == 400
    assert "No joint project with this code" in outcome.content.decode()


def test_another_companys_draft_profile_is_not_found(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
    make_profile: Callable[..., CompanyProfile],
) -> None:
    _jp, _ru, jp_user, _ru_user = two_companies
    draft = make_profile("Draft RU", "RU", "en", "timber", "saws", publish=False)
    response = _client(jp_user).get(reverse("web:matchmaking_profile", args=[draft.pk]))
    assert response.status_code == 404


def test_profile_search_finds_russian_text_and_hides_unlisted_profiles_from_officials(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
    make_profile: Callable[..., CompanyProfile],
    make_user: Callable[..., User],
) -> None:
    make_profile("Hidden", "RU", "ru", "Дистрибуция станков", "Станки", consent=False)
    official = make_user(Role.OFFICIAL, "RU", username="official")
    page = _client(official).get(reverse("web:matchmaking_profiles"), {"q": "станков"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Уралстанок" in body and "Hidden" not in body
    assert "1 profile matches" in body


def test_agency_reviews_and_publishes_a_company_profile(
    agency: User, company_user: Callable[[str, str], User]
) -> None:
    user = company_user("JP", "sato")
    client = _client(user)
    form = client.post(
        reverse("web:matchmaking_profile_new"),
        {
            "name_ja": "佐藤食品",
            "language": "ja",
            "offers_ja": "日本酒と味噌を製造しています。",
            "seeks_ja": "ロシアの輸入業者を探しています。",
            "size": "micro",
            "contact_name": "佐藤",
            "contact_email": "sato@example.org",
            "consent_to_show": "on",
            "version": "1",
        },
    )
    assert form.status_code == 302, form.content.decode()[:2000]
    profile = CompanyProfile.objects.get(organisation=user.organisation)
    assert profile.country == Country.objects.get(code="JP")
    state_url = reverse("web:matchmaking_profile_state", args=[profile.pk])
    assert client.post(state_url, {"action": "review"}).status_code == 403
    _client(agency).post(state_url, {"action": "review"})
    _client(agency).post(state_url, {"action": "publish"})
    profile.refresh_from_db()
    assert profile.state == ProfileState.PUBLISHED


def test_profile_form_explains_a_missing_own_language_text(
    company_user: Callable[[str, str], User],
) -> None:
    response = _client(company_user("JP", "sato")).post(
        reverse("web:matchmaking_profile_new"),
        {"name_en": "Sato", "language": "ja", "offers_en": "sake", "size": "micro",
         "contact_name": "Sato", "contact_email": "sato@example.org"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "in the language of the profile" in response.content.decode()


def test_funnel_page_shows_the_stages_to_government_readers(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
    secretariat_jp: User,
) -> None:
    client = _client(secretariat_jp)
    assert client.get(reverse("web:matchmaking_suggestions")).status_code == 302
    page = client.get(reverse("web:matchmaking_funnel"), {"by": "plan_area"})
    assert page.status_code == 200
    assert "Agreement" in page.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(db: None) -> None:
    response = Client().get(reverse("web:matchmaking_suggestions"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_profile_search_by_meaning_ranks_published_profiles(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
    make_profile: Callable[..., CompanyProfile],
    agency: User,
) -> None:
    make_profile("Timber", "RU", "en", "sawn larch timber", "buyers in Japan")
    make_profile("Hidden", "RU", "ru", "Токарные станки с ЧПУ", "Станки", consent=False)
    page = _client(agency).get(
        reverse("web:matchmaking_profiles"), {"q": "Токарные станки с ЧПУ", "mode": "meaning"}
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "similarity" in body
    assert body.index("Уралстанок") < body.index("Timber")
    assert "Hidden" not in body  # only published profiles with consent are searched by meaning


def test_the_company_asked_may_read_an_unpublished_requesters_profile_but_not_its_contacts(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
    make_profile: Callable[..., CompanyProfile],
    company_user: Callable[[str, str], User],
) -> None:
    from tandem.matchmaking.services.introductions import introduction_request

    _jp, ru, _jp_user, ru_user = two_companies
    draft_user = company_user("JP", "newcomer")
    draft = make_profile(
        "Newcomer", "JP", "en", "CNC lathes", "distributors", publish=False,
        organisation=draft_user.organisation, contact_email="hidden@newcomer.example.jp",
    )  # fmt: skip
    url = reverse("web:matchmaking_profile", args=[draft.pk])
    assert _client(ru_user).get(url).status_code == 404
    introduction_request(requester=draft, recipient=ru, actor=draft_user)
    page = _client(ru_user).get(url)
    assert page.status_code == 200
    assert "hidden@newcomer.example.jp" not in page.content.decode()


def test_a_joint_project_page_shows_the_introduction_it_came_from(
    two_companies: tuple[CompanyProfile, CompanyProfile, User, User],
    make_project: Callable[..., Any],
    secretariat_jp: User,
    agency: User,
) -> None:
    from tandem.matchmaking.enums import Outcome
    from tandem.matchmaking.services.introductions import (
        introduction_record_meeting,
        introduction_record_outcome,
        introduction_request,
        introduction_respond,
    )

    jp, ru, jp_user, ru_user = two_companies
    introduction = introduction_request(requester=jp, recipient=ru, actor=jp_user)
    introduction_respond(introduction=introduction, accept=True, actor=ru_user)
    introduction_record_meeting(
        introduction=introduction, met_on=dt.date(2026, 7, 9), venue="fair", place="Innoprom",
        actor=jp_user,
    )  # fmt: skip
    project = make_project()
    introduction_record_outcome(
        introduction=introduction, outcome=Outcome.JOINT_PROJECT, joint_project=project,
        note="Signed at the fair's closing day", actor=jp_user,
    )  # fmt: skip
    url = reverse("web:project_detail", args=[project.code])
    page = _client(secretariat_jp).get(url).content.decode()
    assert "川田精機 → Уралстанок" in page and "Joint project created" in page
    assert "9 July 2026" in page and "Innoprom" in page  # the reader's date form
    assert "Signed at the fair" not in page  # the outcome note is the companies' own
    detail = reverse("web:matchmaking_introduction", args=[introduction.pk])
    assert detail not in page
    page = _client(agency).get(url).content.decode()
    assert detail in page and "Signed at the fair" in page
