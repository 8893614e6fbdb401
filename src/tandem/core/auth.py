"""Sign-in rules: accounts are created by administrators, never by self-service sign-up;
failed attempts lock the user name and the address for a while; every sign-in, failure,
lockout and sign-out is logged (:mod:`tandem.core.security`)."""

from __future__ import annotations

import math
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from tandem.core.models.security_event import SecurityEventKind
from tandem.core.security.events import client_ip, security_event_record
from tandem.core.security.lockout import lockout_active, sign_in_failure_record
from tandem.core.security.sessions import session_start


def locked_message() -> str:
    """The same words whether or not an account has the name that was typed."""
    minutes = math.ceil(settings.TANDEM_LOCKOUT_DURATION / 60)
    return ngettext(
        "Too many failed sign-in attempts: signing in with this name or from this address "
        "is locked for %(minutes)d minute, even with the right password. Try again later.",
        "Too many failed sign-in attempts: signing in with this name or from this address "
        "is locked for %(minutes)d minutes, even with the right password. Try again later.",
        minutes,
    ) % {"minutes": minutes}


class ClosedSignupAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        username = str(credentials.get("username", ""))
        if lockout_active(username=username, ip=client_ip(request)) is not None:
            security_event_record(
                kind=SecurityEventKind.SIGN_IN_REFUSED, request=request, username=username
            )
            raise forms.ValidationError(locked_message(), code="locked")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        lockout = sign_in_failure_record(request, str(credentials.get("username", "")))
        if lockout is not None:
            raise forms.ValidationError(locked_message(), code="locked")

    def post_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse:
        response = super().post_login(request, user, **kwargs)
        session_start(request)
        security_event_record(kind=SecurityEventKind.SIGN_IN, request=request, user=user)
        return response

    def logout(self, request: HttpRequest) -> None:
        if request.user.is_authenticated:
            security_event_record(
                kind=SecurityEventKind.SIGNED_OUT, request=request, user=request.user
            )
        super().logout(request)
