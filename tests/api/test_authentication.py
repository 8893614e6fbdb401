from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tandem.core.models import ApiToken, User
from tandem.core.services.users import api_token_create

pytestmark = pytest.mark.integration


def test_a_machine_authenticates_with_a_bearer_token(client: Client, secretariat_jp: User) -> None:
    _token, raw = api_token_create(user=secretariat_jp, name="statistics", actor=None)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json() == {
        "username": secretariat_jp.username,
        "role": "secretariat",
        "side": "JP",
        "language": "en",
    }


def test_only_the_hash_of_a_token_is_stored(secretariat_jp: User) -> None:
    _token, raw = api_token_create(user=secretariat_jp, name="statistics", actor=None)
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    assert raw not in str(list(ApiToken.objects.values()))


@pytest.mark.parametrize("header", ["Bearer tdm_wrong", "Bearer ", "Basic abc"])
def test_a_wrong_token_gets_401(client: Client, secretariat_jp: User, header: str) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401


def test_an_expired_token_gets_401(client: Client, secretariat_jp: User) -> None:
    token, raw = api_token_create(user=secretariat_jp, name="old", actor=None)
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
