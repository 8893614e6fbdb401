"""Writes on users: roles, language, demo accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.enums import OrganisationKind, Role
from tandem.core.history import delete_rows
from tandem.core.models import ApiToken, Country, Organisation, User
from tandem.core.models.api_token import hash_token, new_raw_token


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
def api_token_create(*, user: User, name: str, actor: Actor) -> tuple[ApiToken, str]:
    """Issue a bearer token to ``user``; the raw token is returned once and never stored."""
    raw = new_raw_token()
    token = ApiToken(user=user, name=name, token_hash=hash_token(raw))
    save_with_actor(token, actor, reason="token issued")
    return token, raw


@transaction.atomic
def api_tokens_revoke(*, user: User, name: str, actor: Actor) -> int:
    """Revoke (delete) ``user``'s tokens called ``name``; how many there were."""
    tokens = ApiToken.objects.filter(user=user, name=name)
    return delete_rows(list(tokens), actor=actor, reason="token revoked")
