from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("language", "area", "project"),
    [
        ("en", "Extending healthy life expectancy", "Digital economy"),
        ("ja", "健康寿命の伸長", "デジタル経済"),
        ("ru", "Энергетика", "Цифровая экономика"),
    ],
)
def test_programme_page_lists_the_plan_and_the_national_projects_in_each_language(
    client: Client, default_programme: None, language: str, area: str, project: str
) -> None:
    client.cookies["tandem_language"] = language
    response = client.get("/programme/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert area in html
    assert project in html
    assert html.count('<span class="code">P') == 8
    assert html.count('<span class="code">N') == 13


def test_programme_page_without_a_programme_says_how_to_load_one(client: Client, db: None) -> None:
    response = client.get("/programme/")
    assert response.status_code == 200
    assert "tandem load-default" in response.content.decode()


def test_language_switch_is_remembered_for_the_signed_in_user(
    client: Client, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    response = client.post("/language/", {"language": "ru", "next": "/programme/"})
    assert response.status_code == 302
    assert response["Location"] == "/programme/"
    secretariat_jp.refresh_from_db()
    assert secretariat_jp.language == "ru"
    other_device = Client()
    other_device.force_login(secretariat_jp)
    assert '<html lang="ru">' in other_device.get("/programme/").content.decode()


def test_language_switch_refuses_to_redirect_off_site(client: Client, db: None) -> None:
    response = client.post("/language/", {"language": "ja", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_home_shows_the_dashboard_to_a_role_and_flags_illustrative_data(
    client: Client, secretariat_jp: User
) -> None:
    demo_data_create(seed=1, organisations=4, people=4, actor=DEMO_ACTOR)
    client.force_login(secretariat_jp)
    html = client.get("/").content.decode()
    assert "At a glance" in html
    assert "illustrative demo data" in html


def test_home_for_the_public_shows_no_dashboard(client: Client, default_programme: None) -> None:
    html = client.get("/").content.decode()
    assert "At a glance" not in html
    assert "Sign in" in html


def test_organisations_need_a_programme_role(
    client: Client, make_user: Callable[..., User]
) -> None:
    assert client.get("/organisations/").status_code == 302
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert client.get("/organisations/").status_code == 403
    client.force_login(make_user(Role.AUDITOR))
    assert client.get("/organisations/").status_code == 200


def test_organisations_search_across_languages_and_paginate(
    client: Client, make_user: Callable[..., User]
) -> None:
    demo_data_create(seed=1, organisations=120, people=0, actor=DEMO_ACTOR)
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    first = client.get("/organisations/").content.decode()
    assert "Page 1 of 3" in first
    assert "illustrative" in first
    found = client.get("/organisations/", {"q": "Уралмаш"}).content.decode()
    assert "Uralmash" in found
    none = client.get("/organisations/", {"q": "no-such-name"}).content.decode()
    assert "No organisation matches this search." in none


def test_sign_in_page_renders_in_the_layout(client: Client, db: None) -> None:
    html = client.get("/accounts/login/").content.decode()
    assert "tandem" in html
    assert 'name="password"' in html


def test_self_service_sign_up_is_closed(client: Client, db: None) -> None:
    response = client.get("/accounts/signup/")
    assert "closed" in response.content.decode().lower()


def test_every_page_sends_a_content_security_policy_without_inline_script(
    client: Client, default_programme: None
) -> None:
    for url in ("/", "/programme/", "/projects/", "/accounts/login/", "/api/docs"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self';" in policy
        assert "unsafe-inline" not in policy
        html = response.content.decode()
        inline = [
            chunk
            for chunk in html.split("<script")[1:]
            if not chunk.lstrip().startswith(("src=", 'type="application/json"'))
            and "src=" not in chunk.split(">")[0]
        ]
        assert inline == [], f"{url} has inline script"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
