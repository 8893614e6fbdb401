"""Two-factor authentication is required for secretariat and official users: set up first,
then asked at every sign-in, with real TOTP codes computed from the secret."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core.cache import cache
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import SecurityEvent, User

pytestmark = pytest.mark.integration

PASSWORD = "a-long-test-password"


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now (RFC 6238: 30-second steps, 6 digits)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture(autouse=True)
def _mfa_on(settings: pytest.FixtureRequest) -> Iterator[None]:
    settings.TANDEM_REQUIRE_MFA = True  # type: ignore[attr-defined]
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, username: str) -> str:
    response = client.post("/accounts/login/", {"login": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def reauthenticate(client: Client) -> None:
    response = client.post(
        "/accounts/reauthenticate/",
        {"password": PASSWORD, "next": "/accounts/2fa/totp/activate/"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.parametrize(("role", "side"), [(Role.SECRETARIAT, "JP"), (Role.OFFICIAL, "RU")])
def test_mfa_setup_is_required_before_any_other_page(
    make_user: Callable[..., User], role: str, side: str
) -> None:
    user = make_user(role, side)
    client = Client()
    sign_in(client, user.username)
    for path in ("/", "/projects/", "/programme/", "/organisations/"):
        response = client.get(path)
        assert (
            response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"
        )
    api = client.get("/api/projects/")
    assert api.status_code == 403 and "two-factor" in api.json()["detail"]
    # allauth asks for the password again before an authenticator is added.
    assert client.get("/accounts/2fa/totp/activate/")["Location"].startswith(
        "/accounts/reauthenticate/"
    )
    reauthenticate(client)
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    assert "Your role requires two-factor authentication" in page.content.decode()
    assert SecurityEvent.objects.filter(kind="mfa_required", user=user).count() == 1
    # Sign-out stays open.
    assert client.post("/accounts/logout/").status_code == 302


def test_mfa_setup_with_a_real_code_then_every_sign_in_asks_for_one(
    make_user: Callable[..., User],
) -> None:
    user = make_user(Role.SECRETARIAT, "RU")
    client = Client()
    sign_in(client, user.username)
    reauthenticate(client)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post(
        "/accounts/2fa/totp/activate/",
        {"code": "000000" if totp_code(secret) != "000000" else "111111"},
    )
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=user).exists()
    activated = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/projects/").status_code == 200
    client.post("/accounts/logout/")

    # The next sign-in stops at the code; no page opens before it.
    other = Client()
    assert sign_in(other, user.username) == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in other.session
    assert other.get("/").context["user"].is_anonymous
    cache.clear()  # the code just used may not be used twice: this is the next 30-second step
    done = other.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert done.status_code == 302
    assert other.get("/projects/").status_code == 200
    assert SecurityEvent.objects.filter(kind="sign_in", user=user).count() == 2


def test_mfa_step_refuses_a_wrong_code(make_user: Callable[..., User]) -> None:
    user = make_user(Role.OFFICIAL, "JP")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client = Client()
    assert sign_in(client, user.username) == "/accounts/2fa/authenticate/"
    right = totp_code(secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200 and "Incorrect code" in response.content.decode()
    assert "_auth_user_id" not in client.session
    refused = SecurityEvent.objects.get(kind="mfa_failed")
    assert (refused.user, refused.username, refused.ip) == (user, "official-jp", "127.0.0.1")


def test_mfa_cannot_be_removed_by_a_user_whose_role_requires_it(
    make_user: Callable[..., User],
) -> None:
    user = make_user(Role.SECRETARIAT, "JP")
    TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    client.post("/accounts/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=user, type="totp").exists()


def test_mfa_is_not_required_for_other_roles(make_user: Callable[..., User]) -> None:
    client = Client()
    client.force_login(make_user(Role.AGENCY_STAFF, "JP"))
    assert client.get("/").status_code == 200


def test_mfa_switched_off_shows_a_warning_on_every_page(
    make_user: Callable[..., User], settings: pytest.FixtureRequest
) -> None:
    settings.TANDEM_REQUIRE_MFA = False  # type: ignore[attr-defined]
    client = Client()
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    page = client.get("/").content.decode()
    assert "security-banner" in page and "Two-factor authentication is switched off" in page
