"""Idle and absolute session timeouts: signed out, logged, and told why."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import SecurityEvent, User
from tandem.core.security.sessions import LAST_SEEN_AT, SIGNED_IN_AT

pytestmark = pytest.mark.integration

PASSWORD = "a-long-test-password"


def signed_in(make_user: Callable[..., User], username: str) -> Client:
    make_user(Role.AGENCY_STAFF, "JP", username=username)
    client = Client()
    response = client.post("/accounts/login/", {"login": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def age_session(client: Client, *, signed_in_ago: float, last_seen_ago: float) -> None:
    session = client.session
    now = time.time()
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[LAST_SEEN_AT] = now - last_seen_ago
    session.save()


def test_session_ends_after_thirty_idle_minutes_and_says_why(
    make_user: Callable[..., User],
) -> None:
    client = signed_in(make_user, "idle-user")
    age_session(client, signed_in_ago=31 * 60, last_seen_ago=29 * 60)
    assert client.get("/projects/").status_code == 200  # 29 minutes idle: still signed in
    age_session(client, signed_in_ago=62 * 60, last_seen_ago=31 * 60)
    response = client.get("/projects/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = SecurityEvent.objects.get(kind="idle_timeout")
    assert event.username == "idle-user" and event.ip == "127.0.0.1"


def test_session_ends_twelve_hours_after_sign_in_however_busy(
    make_user: Callable[..., User],
) -> None:
    client = signed_in(make_user, "busy-user")
    age_session(client, signed_in_ago=11.9 * 3600, last_seen_ago=10)
    assert client.get("/projects/").status_code == 200
    age_session(client, signed_in_ago=12.1 * 3600, last_seen_ago=10)
    response = client.get("/projects/", follow=True)
    assert "a session lasts at most 12 hours" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert SecurityEvent.objects.filter(kind="absolute_timeout", username="busy-user").exists()


def test_session_timeouts_follow_the_settings(
    make_user: Callable[..., User], settings: pytest.FixtureRequest
) -> None:
    settings.TANDEM_IDLE_TIMEOUT = 5 * 60  # type: ignore[attr-defined]
    client = signed_in(make_user, "short-idle")
    age_session(client, signed_in_ago=6 * 60, last_seen_ago=6 * 60)
    response = client.get("/projects/", follow=True)
    assert "signed out after 5 minutes without activity" in response.content.decode()


def test_session_activity_moves_the_idle_clock(make_user: Callable[..., User]) -> None:
    client = signed_in(make_user, "active-user")
    age_session(client, signed_in_ago=3600, last_seen_ago=20 * 60)
    client.get("/projects/")
    assert time.time() - client.session[LAST_SEEN_AT] < 60
