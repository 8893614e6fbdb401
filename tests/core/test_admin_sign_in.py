"""Every way to sign in goes through one path: the admin's sign-in page counts failures,
refuses locked names and addresses and writes the security log like the site's sign-in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.test import Client, RequestFactory

from tandem.core.enums import Role
from tandem.core.models import SecurityEvent, User

pytestmark = pytest.mark.integration

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()  # allauth's backstop rate limits live in the cache
    yield
    cache.clear()


@pytest.fixture
def staff(make_user: Callable[..., User]) -> User:
    user = make_user(Role.SECRETARIAT, "JP", username="admin-door")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def admin_sign_in(client: Client, username: str, password: str, ip: str = "10.0.0.9") -> bool:
    """Post the admin's own form (its field names); True when the session is signed in."""
    client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )
    return "_auth_user_id" in client.session


def kinds(**filters: object) -> list[str]:
    rows = SecurityEvent.objects.filter(**filters).order_by("at", "id")
    return list(rows.values_list("kind", flat=True))


def test_seven_wrong_passwords_at_the_admin_are_counted_and_logged(staff: User) -> None:
    client = Client()
    for _ in range(7):
        assert not admin_sign_in(client, "admin-door", "wrong-password")
    assert (
        kinds(username="admin-door")
        == ["sign_in_failed"] * 5 + ["locked_out"] + ["sign_in_refused"] * 2
    )
    assert not admin_sign_in(client, "admin-door", PASSWORD)  # the right one, while locked


def test_a_locked_account_cannot_sign_in_through_the_admin(staff: User) -> None:
    for _ in range(5):
        Client().post(
            "/accounts/login/",
            {"login": "admin-door", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
        )
    assert kinds(kind="locked_out", scope="account")
    assert not admin_sign_in(Client(), "admin-door", PASSWORD, ip="10.0.0.2")
    assert kinds(username="admin-door")[-1] == "sign_in_refused"


def test_a_locked_address_cannot_sign_in_through_the_admin(
    staff: User, settings: pytest.FixtureRequest
) -> None:
    settings.TANDEM_LOCKOUT_IP_ATTEMPTS = 3  # type: ignore[attr-defined]
    for name in ("someone", "someone-else", "a-third"):
        admin_sign_in(Client(), name, "wrong", ip="10.0.0.66")
    assert kinds(kind="locked_out", scope="ip", ip="10.0.0.66")
    assert not admin_sign_in(Client(), "admin-door", PASSWORD, ip="10.0.0.66")
    assert admin_sign_in(Client(), "admin-door", PASSWORD, ip="10.0.0.67")


def test_the_right_password_at_the_admin_signs_in_with_the_log_and_goes_to_the_admin(
    staff: User,
) -> None:
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "admin-door", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert kinds(kind="sign_in", user=staff) == ["sign_in"]
    assert client.get("/admin/").status_code == 200


def test_the_admin_asks_anonymous_visitors_to_sign_in_on_the_site_form(staff: User) -> None:
    page = Client().get("/admin/", follow=True)
    assert page.status_code == 200
    assert b'name="login"' in page.content  # the site's form, not the admin's own


def test_no_caller_of_the_backend_gets_past_a_lockout(staff: User) -> None:
    for _ in range(5):
        Client().post(
            "/accounts/login/", {"login": "admin-door", "password": "wrong"}, REMOTE_ADDR="10.0.0.1"
        )
    request = RequestFactory().post("/anywhere/", REMOTE_ADDR="10.0.0.3")
    assert authenticate(request, username="admin-door", password=PASSWORD) is None
    SecurityEvent.objects.all().delete()
    assert authenticate(request, username="admin-door", password=PASSWORD) == staff
