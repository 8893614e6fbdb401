"""Authentication and permissions of the API: bearer tokens for machines, sessions for pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer

from tandem.api.bounds import out_of_range
from tandem.core.models import ApiToken
from tandem.core.models.api_token import hash_token
from tandem.core.permissions import PERMISSION_ATTRIBUTE, check
from tandem.core.security.mfa import has_totp, mfa_required

F = TypeVar("F", bound=Callable[..., Any])
LAST_USED_PRECISION = timedelta(minutes=5)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer tdm_…``: an API token issued to a user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if api_token is None or not api_token.is_valid():
            return None
        if mfa_required(api_token.user) and not has_totp(api_token.user):
            raise HttpError(403, "The token's user must set up two-factor authentication first.")
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        request.api_token = api_token  # type: ignore[attr-defined]
        return api_token.user


class SessionAuth(APIKeyCookie):
    """The signed-in user of the pages; unsafe methods need the CSRF token."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


MACHINE_OR_SESSION = [TokenAuth(), SessionAuth()]


def anyone(request: HttpRequest) -> bool:
    """No credentials: the caller is anonymous and sees what the public sees."""
    return True


#: Operations the public may call: a bearer token or a session still says who calls (so that
#: a machine sees what its user may see), and no credentials mean the public view.
OPTIONAL_AUTH = [TokenAuth(), SessionAuth(), anyone]


def require(permission: str) -> Callable[[F], F]:
    """Require ``permission`` for an API operation: 401 without a user, 403 without the right,
    422 when a number or date of the request is out of range (``tandem.api.bounds``)."""

    def decorator(operation: F) -> F:
        @wraps(operation)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not check(request.user, permission):
                if not request.user.is_authenticated:
                    raise HttpError(401, "Authentication required.")
                raise HttpError(403, "You do not have permission for this operation.")
            token = getattr(request, "api_token", None)
            if token is not None and not token.allows(request.method or "GET"):
                raise HttpError(403, "This API token may only read: issue one with --scope write.")
            problem = out_of_range(kwargs)
            if problem:
                raise HttpError(422, problem)
            return operation(request, *args, **kwargs)

        setattr(wrapped, PERMISSION_ATTRIBUTE, permission)
        return wrapped  # type: ignore[return-value]

    return decorator
