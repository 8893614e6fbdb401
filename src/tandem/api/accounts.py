"""The caller's own account: who the API thinks you are."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from tandem.api.schemas import responses
from tandem.api.security import require

router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    role: str
    side: str | None
    language: str


@router.get("/me", response=responses(MeOut), summary="The signed-in user or token owner")
@require("core.view_own_account")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    return MeOut(
        username=user.get_username(),
        role=getattr(user, "role", ""),
        side=user.side.code if getattr(user, "side", None) else None,  # type: ignore[union-attr]
        language=getattr(user, "language", "en"),
    )
