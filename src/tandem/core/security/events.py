"""The security log: a :class:`SecurityEvent` row and one structured line on the
``tandem.security`` logger for every sign-in, failure, lockout and sign-out."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from tandem.core.models import SecurityEvent

logger = logging.getLogger("tandem.security")


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as allauth sees it (honouring its trusted-proxy settings)."""
    from allauth.core.internal.httpkit import get_client_ip

    return get_client_ip(request) or None


def normalise_username(username: str) -> str:
    return (username or "").strip().lower()[:150]


def security_event_record(
    *,
    kind: str,
    request: HttpRequest | None,
    username: str = "",
    user: Any = None,
    scope: str = "",
    ip: str | None = None,
) -> SecurityEvent:
    """Write one event (UTC time, user name, IP) to the database and to the log."""
    if user is not None and getattr(user, "pk", None) is None:
        user = None
    if not username and user is not None:
        username = user.get_username()
    if ip is None and request is not None:
        ip = client_ip(request)
    event = SecurityEvent.objects.create(
        at=timezone.now(),
        kind=kind,
        username=normalise_username(username),
        user=user,
        ip=ip,
        scope=scope,
    )
    logger.info(
        "security event=%s user=%s ip=%s scope=%s at=%s",
        event.kind,
        event.username or "-",
        event.ip or "-",
        event.scope or "-",
        event.at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    return event
