"""What the matchmaking pages share: the reader's language, errors, visible profiles."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tandem.core.permissions import check
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.selectors.profiles import visible_profiles


def reader_language() -> str:
    language = (get_language() or "en")[:2]
    return language if language in ("en", "ja", "ru") else "en"


def error_messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def profile_or_404(request: HttpRequest, pk: int, permission: str) -> CompanyProfile:
    profile = visible_profiles(request.user).filter(pk=pk).first()
    if profile is None or not check(request.user, permission, profile):
        raise Http404(_("No such company profile."))
    return profile
