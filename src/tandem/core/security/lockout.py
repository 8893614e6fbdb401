"""Lockout after repeated failed sign-ins, per account and per IP address.

``TANDEM_LOCKOUT_ATTEMPTS`` failures for one user name (typed, whether or not an account has
that name) within ``TANDEM_LOCKOUT_WINDOW`` seconds since its last successful sign-in lock that
name for ``TANDEM_LOCKOUT_DURATION`` seconds; ``TANDEM_LOCKOUT_IP_ATTEMPTS`` failures from one
IP address lock that address likewise. While locked, even the right password is refused, with
a message that does not tell whether the account exists. The state is the security log itself
(:class:`SecurityEvent` rows), so every server process sees the same lockouts and a restart
does not lift them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Q
from django.http import HttpRequest
from django.utils import timezone

from tandem.core.models import SecurityEvent
from tandem.core.models.security_event import LockoutScope, SecurityEventKind
from tandem.core.security.events import client_ip, normalise_username, security_event_record


@dataclass(frozen=True)
class Lockout:
    scope: str
    until: dt.datetime


def _duration() -> dt.timedelta:
    return dt.timedelta(seconds=settings.TANDEM_LOCKOUT_DURATION)


def lockout_active(*, username: str, ip: str | None) -> Lockout | None:
    """The lockout in force for this user name or this address, if any."""
    since = timezone.now() - _duration()
    condition = Q(scope=LockoutScope.ACCOUNT, username=normalise_username(username))
    if ip:
        condition |= Q(scope=LockoutScope.IP, ip=ip)
    latest = (
        SecurityEvent.objects.filter(condition, kind=SecurityEventKind.LOCKED_OUT, at__gt=since)
        .order_by("-at")
        .first()
    )
    if latest is None:
        return None
    return Lockout(scope=latest.scope, until=latest.at + _duration())


def _failures_since(base: Q, last_reset: dt.datetime | None) -> int:
    since = timezone.now() - dt.timedelta(seconds=settings.TANDEM_LOCKOUT_WINDOW)
    if last_reset is not None and last_reset > since:
        since = last_reset
    return SecurityEvent.objects.filter(
        base, kind=SecurityEventKind.SIGN_IN_FAILED, at__gt=since
    ).count()


def _last(base: Q, *kinds: str) -> dt.datetime | None:
    value: dt.datetime | None = SecurityEvent.objects.filter(base, kind__in=kinds).aggregate(
        last=Max("at")
    )["last"]
    return value


def sign_in_failure_record(request: HttpRequest, username: str) -> Lockout | None:
    """Log a failed attempt; lock the name or the address when this one reaches the limit."""
    ip = client_ip(request)
    name = normalise_username(username)
    security_event_record(kind=SecurityEventKind.SIGN_IN_FAILED, request=request, username=name)
    by_name = Q(username=name)
    last_name_reset = _last(
        by_name & (Q(scope=LockoutScope.ACCOUNT) | Q(scope="")),
        SecurityEventKind.SIGN_IN,
        SecurityEventKind.LOCKED_OUT,
    )
    if _failures_since(by_name, last_name_reset) >= settings.TANDEM_LOCKOUT_ATTEMPTS:
        security_event_record(
            kind=SecurityEventKind.LOCKED_OUT,
            request=request,
            username=name,
            scope=LockoutScope.ACCOUNT,
        )
        return Lockout(scope=LockoutScope.ACCOUNT, until=timezone.now() + _duration())
    if ip:
        by_ip = Q(ip=ip)
        last_ip_reset = _last(by_ip & Q(scope=LockoutScope.IP), SecurityEventKind.LOCKED_OUT)
        if _failures_since(by_ip, last_ip_reset) >= settings.TANDEM_LOCKOUT_IP_ATTEMPTS:
            security_event_record(
                kind=SecurityEventKind.LOCKED_OUT,
                request=request,
                username=name,
                scope=LockoutScope.IP,
            )
            return Lockout(scope=LockoutScope.IP, until=timezone.now() + _duration())
    return None
