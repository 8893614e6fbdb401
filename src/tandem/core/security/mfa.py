"""Two-factor authentication required for the roles that see one side's confidential material.

With ``TANDEM_REQUIRE_MFA`` on (the default), a secretariat or official user who has no TOTP
authenticator is sent to set one up before any other page; only the pages of that set-up, the
re-authentication it may ask for, sign-out and the language switch are allowed meanwhile. Once
set up, allauth asks for the code at every sign-in, and the authenticator cannot be removed.
A refused code goes to the security log (``mfa_failed``), as a refused password does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from tandem.core.enums import Role
from tandem.core.models.security_event import SecurityEventKind
from tandem.core.security.events import security_event_record

MFA_ROLES = frozenset({Role.SECRETARIAT, Role.OFFICIAL})

# The only pages a user who must set up two-factor authentication may open meanwhile.
ALLOWED_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "account_reauthenticate",
        "account_logout",
        "web:set_language",
        "web:healthz",
    }
)
NOTED = "tandem_mfa_required_noted"


def mfa_required(user: Any) -> bool:
    """Whether this user must use two-factor authentication."""
    return bool(settings.TANDEM_REQUIRE_MFA) and getattr(user, "role", "") in MFA_ROLES


def has_totp(user: Any) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


class RequireMfaMiddleware:
    """Send users whose role requires two-factor authentication to set it up first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and mfa_required(user)
            and not self._allowed(request)
            and not has_totp(user)
        ):
            if not request.session.get(NOTED):
                request.session[NOTED] = True
                security_event_record(
                    kind=SecurityEventKind.MFA_REQUIRED, request=request, user=user
                )
            text = _("Your role requires two-factor authentication: set it up to continue.")
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": text}, status=403)
            messages.warning(request, text)
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _allowed(request: HttpRequest) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in ALLOWED_URL_NAMES


def mfa_failure_record(sender: Any, request: HttpRequest | None, user: Any, **_: Any) -> None:
    """allauth's ``authentication_failed``: a wrong code at sign-in or re-authentication."""
    security_event_record(kind=SecurityEventKind.MFA_FAILED, request=request, user=user)


class TandemMfaAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type == Authenticator.Type.TOTP and mfa_required(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
