"""Idle and absolute session timeouts.

A signed-in session ends after ``TANDEM_IDLE_TIMEOUT`` seconds without a request and, however
busy, ``TANDEM_ABSOLUTE_TIMEOUT`` seconds after the sign-in. Either way the user is signed out,
the event is logged, and the next page says why.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import ngettext

from tandem.core.models.security_event import SecurityEventKind
from tandem.core.security.events import security_event_record

SIGNED_IN_AT = "tandem_signed_in_at"
LAST_SEEN_AT = "tandem_last_seen_at"
# The last-seen time is written at most this often, not on every request.
LAST_SEEN_RESOLUTION = 60


def session_start(request: HttpRequest, now: float | None = None) -> None:
    """Stamp the session with the time of sign-in (called right after a sign-in)."""
    moment = time.time() if now is None else now
    request.session[SIGNED_IN_AT] = moment
    request.session[LAST_SEEN_AT] = moment


def _reason(kind: str) -> str:
    if kind == SecurityEventKind.IDLE_TIMEOUT:
        minutes = max(1, round(settings.TANDEM_IDLE_TIMEOUT / 60))
        return ngettext(
            "You were signed out after %(minutes)d minute without activity. Please sign in again.",
            "You were signed out after %(minutes)d minutes without activity. Please sign in again.",
            minutes,
        ) % {"minutes": minutes}
    hours = max(1, round(settings.TANDEM_ABSOLUTE_TIMEOUT / 3600))
    return ngettext(
        "You were signed out because a session lasts at most %(hours)d hour. Please sign in again.",
        "You were signed out because a session lasts at most %(hours)d hours. Please sign in "
        "again.",
        hours,
    ) % {"hours": hours}


def expired_kind(session: SessionBase, now: float) -> str | None:
    """Which timeout, if any, this session has passed at ``now``."""
    signed_in = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN_AT)
    if signed_in is not None and now - float(signed_in) > settings.TANDEM_ABSOLUTE_TIMEOUT:
        return SecurityEventKind.ABSOLUTE_TIMEOUT
    if last_seen is not None and now - float(last_seen) > settings.TANDEM_IDLE_TIMEOUT:
        return SecurityEventKind.IDLE_TIMEOUT
    return None


class SessionTimeoutMiddleware:
    """Sign out sessions that were idle too long or began too long ago (after the messages
    middleware, so that the reason reaches the next page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            kind = expired_kind(request.session, now)
            if kind is not None:
                security_event_record(kind=kind, request=request, user=user)
                logout(request)
                messages.warning(request, _reason(kind))
                if not request.path_info.startswith("/api/"):
                    login = reverse("account_login")
                    query = urlencode({"next": request.get_full_path()})
                    return HttpResponseRedirect(f"{login}?{query}")
            else:
                if request.session.get(SIGNED_IN_AT) is None:
                    request.session[SIGNED_IN_AT] = now
                last_seen = request.session.get(LAST_SEEN_AT)
                if last_seen is None or now - float(last_seen) >= LAST_SEEN_RESOLUTION:
                    request.session[LAST_SEEN_AT] = now
        return self.get_response(request)
