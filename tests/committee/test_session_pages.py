from collections.abc import Callable

import pytest
from django.test import Client

from tandem.committee.models import CommitteeSession
from tandem.core.enums import Role
from tandem.core.models import Person, User

pytestmark = pytest.mark.integration


def test_the_secretariat_plans_a_session_with_its_co_chairs(
    client: Client, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    motegi = Person.objects.get(name_en="Toshimitsu Motegi")
    oreshkin = Person.objects.get(name_en="Maxim Oreshkin")
    response = client.post(
        "/committee/sessions/new/",
        {
            "number": 17,
            "start_date": "2022-11-01",
            "end_date": "2022-11-01",
            "city_en": "Tokyo",
            "city_ja": "東京",
            "city_ru": "Токио",
            "country": motegi.side_id,
            "status": "planned",
            "co_chair_jp": motegi.pk,
            "co_chair_ru": oreshkin.pk,
        },
    )
    assert response.status_code == 302
    session = CommitteeSession.objects.get(number=17)
    titles = {c.side.code: c.title_ja for c in session.co_chairs.select_related("side")}
    assert titles == {"JP": "外務大臣", "RU": "ロシア連邦経済発展大臣"}
    assert session.history.filter(history_user=secretariat_jp).exists()  # type: ignore[attr-defined]


def test_the_form_refuses_a_taken_number_and_reversed_dates(
    client: Client, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    response = client.post(
        "/committee/sessions/new/",
        {
            "number": 15,
            "start_date": "2022-11-02",
            "end_date": "2022-11-01",
            "city_en": "X",
            "country": secretariat_jp.side_id,
            "status": "planned",
        },
    )
    html = response.content.decode()
    assert "There is a session with this number already." in html
    assert "The session ends before it starts." in html
    assert CommitteeSession.objects.count() == 1


def test_only_the_secretariat_changes_sessions(
    client: Client, default_programme: None, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    assert client.get("/committee/15/edit/").status_code == 403
    assert client.get("/committee/sessions/new/").status_code == 403


def test_the_secretariat_keeps_the_working_groups(
    client: Client, secretariat_jp: User, make_user: Callable[..., User]
) -> None:
    client.force_login(secretariat_jp)
    response = client.post(
        "/committee/working-groups/new/",
        {"code": "WG-FE", "name_en": "Far East", "name_ja": "極東", "name_ru": "Дальний Восток"},
    )
    assert response.status_code == 302
    listing = client.get("/committee/working-groups/").content.decode()
    assert "WG-FE" in listing
    duplicate = client.post(
        "/committee/working-groups/new/", {"code": "WG-FE", "name_en": "Again"}
    ).content.decode()
    assert "There is a working group with this code already." in duplicate
    client.force_login(make_user(Role.AUDITOR))
    assert client.get("/committee/working-groups/").status_code == 200
    assert client.get("/committee/working-groups/new/").status_code == 403
