"""Lockout after repeated failed sign-ins, through the real sign-in form, and the log of it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tandem.core.auth import locked_message
from tandem.core.enums import Role
from tandem.core.models import SecurityEvent, User

pytestmark = pytest.mark.integration

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()  # allauth's backstop rate limits live in the cache
    yield
    cache.clear()


def sign_in(client: Client, username: str, password: str, ip: str = "10.0.0.1") -> str:
    response = client.post(
        "/accounts/login/", {"login": username, "password": password}, REMOTE_ADDR=ip
    )
    if response.status_code == 302:
        return "signed in"
    return response.content.decode()


def kinds(**filters: object) -> list[str]:
    return list(
        SecurityEvent.objects.filter(**filters).order_by("at", "id").values_list("kind", flat=True)
    )


def test_lockout_refuses_the_right_password_after_five_failures(
    make_user: Callable[..., User], settings: pytest.FixtureRequest
) -> None:
    user = make_user(Role.AGENCY_STAFF, "JP", username="alice")
    client = Client()
    for _ in range(4):
        assert "are not correct" in sign_in(client, "alice", "wrong-password")
    fifth = sign_in(client, "alice", "wrong-password")
    assert "locked for 15 minutes" in fifth
    page = sign_in(client, "alice", PASSWORD)
    assert page != "signed in"
    assert "locked for 15 minutes" in page and "even with the right password" in page
    assert "_auth_user_id" not in client.session
    assert kinds(username="alice") == ["sign_in_failed"] * 5 + ["locked_out", "sign_in_refused"]
    locked = SecurityEvent.objects.get(kind="locked_out")
    assert locked.scope == "account" and locked.ip == "10.0.0.1"
    assert user.security_events.count() == 0  # failures name the typed user name, not a user


def test_lockout_ends_after_the_set_time(make_user: Callable[..., User]) -> None:
    make_user(Role.AGENCY_STAFF, "JP", username="bob")
    client = Client()
    for _ in range(5):
        sign_in(client, "bob", "wrong-password")
    assert "locked" in sign_in(client, "bob", PASSWORD)
    # Sixteen minutes later (the lockout lasts fifteen): move the log back in time.
    SecurityEvent.objects.update(at=timezone.now() - dt.timedelta(minutes=16))
    assert sign_in(client, "bob", PASSWORD) == "signed in"
    assert kinds(username="bob")[-1] == "sign_in"


def test_lockout_message_is_the_same_for_a_name_without_an_account(
    make_user: Callable[..., User],
) -> None:
    make_user(Role.AGENCY_STAFF, "JP", username="carol")
    client = Client()
    pages = {}
    for name in ("carol", "nobody-by-this-name"):
        for _ in range(5):
            sign_in(client, name, "wrong-password", ip=f"10.0.1.{len(pages)}")
        pages[name] = sign_in(client, name, "wrong-password", ip=f"10.0.1.{len(pages)}")
    assert locked_message() in pages["carol"].replace("&#x27;", "'")
    assert locked_message() in pages["nobody-by-this-name"].replace("&#x27;", "'")
    assert "carol" not in locked_message()


def test_lockout_by_address_after_twenty_failures_over_many_names(
    make_user: Callable[..., User],
) -> None:
    make_user(Role.AGENCY_STAFF, "JP", username="dave")
    client = Client()
    for number in range(20):
        sign_in(client, f"guess-{number}", "wrong-password", ip="10.0.2.2")
    assert SecurityEvent.objects.filter(kind="locked_out", scope="ip", ip="10.0.2.2").exists()
    assert "locked" in sign_in(client, "dave", PASSWORD, ip="10.0.2.2")
    # The account itself is not locked: from another address it signs in.
    assert sign_in(Client(), "dave", PASSWORD, ip="10.0.2.3") == "signed in"


def test_sign_in_resets_the_count_of_failures(make_user: Callable[..., User]) -> None:
    make_user(Role.AGENCY_STAFF, "JP", username="erin")
    client = Client()
    for _ in range(4):
        sign_in(client, "erin", "wrong-password")
    assert sign_in(client, "erin", PASSWORD) == "signed in"
    client.logout()
    for _ in range(4):
        assert "are not correct" in sign_in(Client(), "erin", "wrong-password")
    assert not SecurityEvent.objects.filter(kind="locked_out").exists()


def test_security_log_records_sign_in_and_sign_out_with_utc_time_name_and_ip(
    make_user: Callable[..., User], caplog: pytest.LogCaptureFixture
) -> None:
    user = make_user(Role.AUDITOR, username="frank")
    client = Client()
    with caplog.at_level(logging.INFO, logger="tandem.security"):
        assert sign_in(client, "Frank", PASSWORD, ip="192.0.2.7") == "signed in"
        client.post("/accounts/logout/", REMOTE_ADDR="192.0.2.7")
    events = list(SecurityEvent.objects.order_by("at", "id"))
    assert [event.kind for event in events] == ["sign_in", "signed_out"]
    assert all(event.user == user and event.ip == "192.0.2.7" for event in events)
    assert all(event.at.utcoffset() == dt.timedelta(0) for event in events)
    lines = [record.getMessage() for record in caplog.records if record.name == "tandem.security"]
    assert lines[0].startswith("security event=sign_in user=frank ip=192.0.2.7")
    assert lines[0].endswith("Z")


def test_the_security_log_is_read_only_in_the_admin(
    client: Client, make_user: Callable[..., User]
) -> None:
    from django.contrib import admin

    from tandem.core.models import SecurityEvent

    model_admin = admin.site._registry[SecurityEvent]
    superuser = make_user("coordinator", username="root-reader")
    superuser.is_superuser = superuser.is_staff = True
    superuser.save()
    client.force_login(superuser)
    assert client.get("/admin/core/securityevent/").status_code == 200
    assert client.get("/admin/core/securityevent/add/").status_code == 403
    assert not model_admin.has_delete_permission(None)
