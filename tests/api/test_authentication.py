from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import ApiToken, User
from tandem.core.services.users import api_token_create

pytestmark = pytest.mark.integration


def test_a_machine_authenticates_with_a_bearer_token(client: Client, secretariat_jp: User) -> None:
    _token, raw = api_token_create(user=secretariat_jp, name="statistics", actor=DEMO_ACTOR)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json() == {
        "username": secretariat_jp.username,
        "role": "secretariat",
        "side": "JP",
        "language": "en",
    }


def test_only_the_hash_of_a_token_is_stored(secretariat_jp: User) -> None:
    _token, raw = api_token_create(user=secretariat_jp, name="statistics", actor=DEMO_ACTOR)
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    assert raw not in str(list(ApiToken.objects.values()))


@pytest.mark.parametrize("header", ["Bearer tdm_wrong", "Bearer ", "Basic abc"])
def test_a_wrong_token_gets_401(client: Client, secretariat_jp: User, header: str) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401


def test_an_expired_token_gets_401(client: Client, secretariat_jp: User) -> None:
    token, raw = api_token_create(user=secretariat_jp, name="old", actor=DEMO_ACTOR)
    token.expires_at = timezone.now() - timedelta(minutes=1)
    token.save()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_the_session_of_the_pages_works_for_the_api(client: Client, secretariat_jp: User) -> None:
    client.force_login(secretariat_jp)
    assert client.get("/api/v1/me").json()["username"] == secretariat_jp.username


def test_the_api_token_command_prints_a_working_token(
    client: Client, secretariat_jp: User, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("api_token", secretariat_jp.username, "cli")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("tdm_")
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 200


def test_errors_are_documented_in_the_openapi_document(client: Client, db: None) -> None:
    document = client.get("/api/openapi.json").json()
    responses = document["paths"]["/api/v1/me"]["get"]["responses"]
    assert {"200", "401", "403"} <= set(responses)


NEW_PROJECT = {"code": "JR-2026-4401", "title_en": "Token probe", "plan_areas": ["P5"]}


def test_a_token_reads_only_unless_issued_to_write(client: Client, secretariat_jp: User) -> None:
    _token, reader = api_token_create(user=secretariat_jp, name="reader", actor=secretariat_jp)
    _token, writer = api_token_create(
        user=secretariat_jp, name="writer", actor=secretariat_jp, scope="write"
    )
    read = client.get("/api/v1/me", headers={"Authorization": f"Bearer {reader}"})
    assert read.status_code == 200
    refused = client.post(
        "/api/v1/projects",
        NEW_PROJECT,
        content_type="application/json",
        headers={"Authorization": f"Bearer {reader}"},
    )
    assert refused.status_code == 403
    assert "may only read" in refused.json()["detail"]
    created = client.post(
        "/api/v1/projects",
        NEW_PROJECT,
        content_type="application/json",
        headers={"Authorization": f"Bearer {writer}"},
    )
    assert created.status_code == 201


def test_every_token_expires(client: Client, secretariat_jp: User) -> None:
    token, raw = api_token_create(user=secretariat_jp, name="default", actor=secretariat_jp)
    assert token.expires_at is not None
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    token.expires_at = None  # as tokens issued before expiry existed
    token.save()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    for days in (0, 366):
        with pytest.raises(ValidationError):
            api_token_create(
                user=secretariat_jp, name="bad", actor=secretariat_jp, expires_days=days
            )


def test_the_command_takes_a_scope_and_a_lifetime(
    secretariat_jp: User, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command(
        "api_token", secretariat_jp.username, "sync", "--scope", "write", "--expires-days", "7"
    )
    token = ApiToken.objects.get(name="sync")
    assert token.scope == "write"
    assert token.expires_at is not None
    assert timedelta(days=6) < token.expires_at - timezone.now() <= timedelta(days=7)
    with pytest.raises(CommandError, match="between 1 and 365"):
        call_command("api_token", secretariat_jp.username, "long", "--expires-days", "400")


def test_a_token_does_not_skip_two_factor(
    client: Client, secretariat_jp: User, settings: Any
) -> None:
    _token, raw = api_token_create(user=secretariat_jp, name="before", actor=secretariat_jp)
    settings.TANDEM_REQUIRE_MFA = True
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]
    with pytest.raises(ValidationError, match="two-factor"):
        api_token_create(user=secretariat_jp, name="after", actor=secretariat_jp)
