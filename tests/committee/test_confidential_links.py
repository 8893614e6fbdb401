"""Session pages, the session API and the committee forms show a side only the joint projects
it may see; a side edits a decision or agenda item that names the other side's confidential
project without seeing it, without being blocked by it, and without losing the link."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.committee.models import AgendaItem, CommitteeSession, Decision
from tandem.committee.services.agenda import agenda_item_create
from tandem.committee.services.decisions import decision_create
from tandem.core.models import User
from tandem.core.services.users import api_token_create
from tandem.programme.models import Programme
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create

pytestmark = pytest.mark.integration

SECRET = "JR-2026-8801"
SHARED = "JR-2026-8802"
CHECKED = {"ja": "checked", "ru": "checked", "en": "draft"}


@pytest.fixture
def linked(session_15: CommitteeSession, secretariat_jp: User) -> tuple[Decision, AgendaItem]:
    def make(code: str, **extra: str) -> JointProject:
        data: dict[str, Any] = {
            "code": code,
            "title_en": f"Project {code}",
            "plan_areas": ["P5"],
        } | extra
        return project_create(
            programme=Programme.objects.get(), data=ProjectIn(**data), actor=secretariat_jp
        )

    secret = make(SECRET, disclosure="side_confidential", confidential_side="JP")
    shared = make(SHARED, disclosure="internal")
    decision = decision_create(
        session=session_15,
        texts={"en": "The Committee notes progress.", "ja": "進展", "ru": "Прогресс"},
        authentic=["ja", "ru"],
        translation=CHECKED,
        project_ids=[secret.pk, shared.pk],
        actor=secretariat_jp,
    )
    item = agenda_item_create(
        session=session_15,
        titles={"en": "Machine tools"},
        project_ids=[secret.pk, shared.pk],
        actor=secretariat_jp,
    )
    return decision, item


def bearer(user: User) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="test", actor=user)
    return {"Authorization": f"Bearer {raw}"}


def test_the_session_api_lists_only_projects_the_reader_sees(
    client: Client,
    linked: tuple[Decision, AgendaItem],
    secretariat_jp: User,
    make_user: Callable[..., User],
) -> None:
    official_ru = make_user("official", "RU")
    seen_ru = client.get("/api/v1/sessions/15", headers=bearer(official_ru)).json()
    assert seen_ru["decisions"][0]["projects"] == [SHARED]
    assert seen_ru["agenda"][-1]["projects"] == [SHARED]
    assert SECRET not in str(seen_ru)
    seen_jp = client.get("/api/v1/sessions/15", headers=bearer(secretariat_jp)).json()
    assert seen_jp["decisions"][0]["projects"] == [SECRET, SHARED]


def test_the_session_page_lists_only_projects_the_reader_sees(
    client: Client, linked: tuple[Decision, AgendaItem], make_user: Callable[..., User]
) -> None:
    client.force_login(make_user("official", "RU"))
    page = client.get("/committee/15/").content.decode()
    assert SHARED in page
    assert SECRET not in page


def test_the_other_side_edits_a_decision_without_seeing_or_losing_the_link(
    client: Client, linked: tuple[Decision, AgendaItem], secretariat_ru: User
) -> None:
    decision, _item = linked
    client.force_login(secretariat_ru)
    url = f"/committee/15/decisions/{decision.pk}/edit/"
    form = client.get(url).content.decode()
    assert SHARED in form
    assert SECRET not in form
    response = client.post(
        url,
        {
            "text_en": "The Committee notes good progress.",
            "text_ja": "進展",
            "text_ru": "Прогресс",
            "authentic": ["ja", "ru"],
            "translation_ja": "checked",
            "translation_ru": "checked",
            "translation_en": "draft",
            "project_codes": SHARED,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    decision.refresh_from_db()
    assert decision.text_in("en") == "The Committee notes good progress."
    assert sorted(p.code for p in decision.projects.all()) == [SECRET, SHARED]


def test_the_other_side_edits_an_agenda_item_and_an_invisible_code_is_not_found(
    client: Client, linked: tuple[Decision, AgendaItem], secretariat_ru: User
) -> None:
    _decision, item = linked
    client.force_login(secretariat_ru)
    url = f"/committee/15/agenda/{item.pk}/edit/"
    typed = client.post(url, {"title_en": "Machine tools", "project_codes": SECRET})
    unknown = client.post(url, {"title_en": "Machine tools", "project_codes": "JR-2099-0001"})
    assert typed.status_code == unknown.status_code == 200
    assert "No joint project you can see has the code JR-2026-8801" in typed.content.decode()
    kept = client.post(url, {"title_en": "Machine tools, renamed", "project_codes": ""})
    assert kept.status_code == 302
    item.refresh_from_db()
    assert getattr(item, "title_en") == "Machine tools, renamed"
    assert sorted(p.code for p in item.projects.all()) == [SECRET]
