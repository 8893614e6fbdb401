"""One way to sign in. The site's sign-in (allauth, with tandem's adapter) is the only path
that checks a password: it refuses locked names and addresses, counts failures, asks for the
second factor and writes the security log. Every other door leads to it:

- the admin's sign-in page is the site's sign-in form, with the admin as the place to go next
  (a form posted with the admin's field names is read as the same sign-in);
- the authentication backend refuses a locked name or address whoever calls it, so a path
  added later cannot sign anyone in past a lockout;
- the API signs in with tokens only, and a password reset never signs in
  (``ACCOUNT_LOGIN_ON_PASSWORD_RESET = False``).
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from tandem.core.security.events import client_ip
from tandem.core.security.lockout import lockout_active


class LockoutAwareBackend(AuthenticationBackend):
    """allauth's backend (names and passwords, and Django's model permissions for the admin),
    refusing any name or address that is locked out."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> Any:
        username = str(credentials.get("username") or credentials.get("login") or "")
        ip = client_ip(request) if request is not None else None
        if lockout_active(username=username, ip=ip) is not None:
            return None
        return super().authenticate(request, **credentials)


def admin_sign_in(
    request: HttpRequest, extra_context: dict[str, Any] | None = None
) -> HttpResponse:
    """The admin's sign-in: the site's own sign-in form, then the admin."""
    if request.method == "POST" and "login" not in request.POST and "username" in request.POST:
        posted = request.POST.copy()
        posted["login"] = request.POST["username"]
        request.POST = posted  # type: ignore[assignment]
    if not request.GET.get("next") and not request.POST.get("next"):
        query = request.GET.copy()
        query["next"] = reverse("admin:index")
        request.GET = query  # type: ignore[assignment]
    response: HttpResponse = LoginView.as_view()(request)
    return response
