"""The one permission mechanism of tandem.

Every page and every API operation names the permission it requires; the names are rules
(django-rules) registered in each app's ``rules.py``. ``PUBLIC`` is an explicit permission
too: a view is never reachable by omission. A meta-test walks every URL and API operation
and fails on any that does not carry a permission.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from tandem.core.enums import Role

PUBLIC = "tandem.public"
PERMISSION_ATTRIBUTE = "tandem_permission"

F = TypeVar("F", bound=Callable[..., Any])


def _role_predicate(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"is_{role.value}")
    def has_role(user: Any) -> bool:
        return bool(user.is_authenticated and user.is_active and user.role == role)

    return has_role


is_secretariat = _role_predicate(Role.SECRETARIAT)
is_official = _role_predicate(Role.OFFICIAL)
is_agency_staff = _role_predicate(Role.AGENCY_STAFF)
is_coordinator = _role_predicate(Role.COORDINATOR)
is_company_representative = _role_predicate(Role.COMPANY_REPRESENTATIVE)
is_auditor = _role_predicate(Role.AUDITOR)


@rules.predicate
def has_any_role(user: Any) -> bool:
    """Signed in, active and given a role in the programme."""
    return bool(user.is_authenticated and user.is_active and user.role)


@rules.predicate
def is_superuser(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


@rules.predicate
def same_side(user: Any, obj: Any) -> bool:
    """The object belongs to the user's side (objects without a side belong to both)."""
    side_id = getattr(obj, "side_id", None)
    return side_id is None or side_id == getattr(user, "side_id", None)


government_reader = is_secretariat | is_official | is_auditor | is_superuser
programme_staff = government_reader | is_agency_staff | is_coordinator

rules.add_perm(PUBLIC, rules.always_allow)
rules.add_perm("core.view_own_account", rules.is_authenticated)
rules.add_perm("core.view_dashboard", has_any_role | is_superuser)
rules.add_perm("core.view_organisation", programme_staff)
rules.add_perm("core.view_person", programme_staff)


def check(user: Any, permission: str, obj: Any = None) -> bool:
    return bool(user.has_perm(permission, obj))


def permission_required(permission: str) -> Callable[[F], F]:
    """Require ``permission`` for a page view; anonymous users are sent to sign in."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not check(request.user, permission):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            response: HttpResponseBase = view(request, *args, **kwargs)
            return response

        setattr(wrapped, PERMISSION_ATTRIBUTE, permission)
        return wrapped  # type: ignore[return-value]

    return decorator


def declared_permission(view: Callable[..., Any]) -> str | None:
    """The permission a view declares, looking through decorators that keep ``__wrapped__``."""
    current: Any = view
    while current is not None:
        permission = getattr(current, PERMISSION_ATTRIBUTE, None)
        if permission:
            return str(permission)
        current = getattr(current, "__wrapped__", None)
    return None
