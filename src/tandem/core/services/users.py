"""Writes on users: roles, language, demo accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.enums import OrganisationKind, Role
from tandem.core.history import delete_rows
from tandem.core.models import ApiToken, Country, Organisation, User
from tandem.core.models.api_token import (
    DEFAULT_LIFETIME_DAYS,
    MAX_LIFETIME_DAYS,
    TokenScope,
    hash_token,
    new_raw_token,
)
from tandem.core.security.mfa import has_totp, mfa_required


def user_set_language(*, user: User, language: str, actor: Actor) -> User:
    """Remember the user's language for every later visit, on any device."""
    if user.language == language:
        return user
    user.language = language
    return save_with_actor(user, actor, reason="language changed")


DEMO_PASSWORD = "tandem-demo-2019"  # noqa: S105 - printed by `make demo`; demo databases only
DEMO_ACCOUNTS = (
    ("secretariat-jp", Role.SECRETARIAT, "JP"),
    ("secretariat-ru", Role.SECRETARIAT, "RU"),
    ("official-jp", Role.OFFICIAL, "JP"),
    ("official-ru", Role.OFFICIAL, "RU"),
    ("agency", Role.AGENCY_STAFF, "JP"),
    ("coordinator", Role.COORDINATOR, "RU"),
    ("company", Role.COMPANY_REPRESENTATIVE, "JP"),
    ("auditor", Role.AUDITOR, None),
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    side: str | None


@transaction.atomic
def demo_accounts_create(*, actor: Actor) -> list[DemoAccount]:
    """One account per role (and an administrator) for trying the demo; idempotent."""
    accounts = []
    company = (
        Organisation.objects.filter(is_illustrative=True, kind=OrganisationKind.COMPANY)
        .order_by("reference")
        .first()
    )
    for username, role, side_code in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role = role
        user.side = Country.objects.get(code=side_code) if side_code else None
        user.organisation = company if role == Role.COMPANY_REPRESENTATIVE else None
        user.set_password(DEMO_PASSWORD)
        save_with_actor(user, actor, reason="demo account")
        accounts.append(DemoAccount(username, DEMO_PASSWORD, str(role.label), side_code))
    admin = User.objects.filter(username="admin").first() or User(username="admin")
    admin.is_staff = admin.is_superuser = True
    admin.set_password(DEMO_PASSWORD)
    save_with_actor(admin, actor, reason="demo account")
    accounts.append(DemoAccount("admin", DEMO_PASSWORD, "administrator", None))
    return accounts


@transaction.atomic
def api_token_create(
    *,
    user: User,
    name: str,
    actor: Actor,
    scope: str = TokenScope.READ,
    expires_days: int = DEFAULT_LIFETIME_DAYS,
) -> tuple[ApiToken, str]:
    """Issue a bearer token to ``user``; the raw token is returned once and never stored.

    A token reads only unless issued with the write scope, and expires after
    ``expires_days`` (1 to MAX_LIFETIME_DAYS). A user whose role requires two-factor
    authentication gets one only once that is set up (a token is used without a code)."""
    if not 1 <= expires_days <= MAX_LIFETIME_DAYS:
        raise ValidationError(
            _("A token lives between 1 and %(most)s days.") % {"most": MAX_LIFETIME_DAYS}
        )
    if mfa_required(user) and not has_totp(user):
        raise ValidationError(
            _("%(user)s must set up two-factor authentication before getting an API token.")
            % {"user": user.username}
        )
    raw = new_raw_token()
    token = ApiToken(
        user=user,
        name=name,
        token_hash=hash_token(raw),
        scope=scope,
        expires_at=timezone.now() + dt.timedelta(days=expires_days),
    )
    token.full_clean(exclude=["token_hash"])
    save_with_actor(token, actor, reason="token issued")
    return token, raw


@transaction.atomic
def api_tokens_revoke(*, user: User, name: str, actor: Actor) -> int:
    """Revoke (delete) ``user``'s tokens called ``name``; how many there were."""
    tokens = ApiToken.objects.filter(user=user, name=name)
    return delete_rows(list(tokens), actor=actor, reason="token revoked")
