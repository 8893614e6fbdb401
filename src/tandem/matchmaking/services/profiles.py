"""Writes on company profiles: create, update with a version check, review, publish, expire."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.audit import save_with_actor
from tandem.core.crosslingual.search import with_keys
from tandem.core.enums import Role
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Organisation
from tandem.matchmaking.enums import ProfileState
from tandem.matchmaking.matching.profiles import normalise_size
from tandem.matchmaking.models import CompanyProfile

EDITABLE_FIELDS = (
    *(f"name_{lang}" for lang in LANGUAGES),
    *(f"offers_{lang}" for lang in LANGUAGES),
    *(f"seeks_{lang}" for lang in LANGUAGES),
    "country",
    "region",
    "size",
    "industry_jsic",
    "industry_nace",
    "industry_okved",
    "plan_area",
    "language",
    "languages_spoken",
    "contact_name",
    "contact_email",
    "contact_phone",
    "consent_to_show",
)
DEFAULT_LIFETIME_DAYS = 365
EXPIRY_REASON = "expired: publication period over"


def publication_period() -> dt.timedelta:
    """How long a published profile is shown: ``MATCHMAKING_PROFILE_LIFETIME_DAYS``."""
    days = int(getattr(settings, "MATCHMAKING_PROFILE_LIFETIME_DAYS", DEFAULT_LIFETIME_DAYS))
    return dt.timedelta(days=max(days, 1))


class StaleProfileError(Exception):
    """Someone else saved the profile since this edit began; nothing was overwritten."""

    def __init__(self, profile: CompanyProfile, expected_version: int) -> None:
        self.profile = profile
        super().__init__(
            _(
                "The profile of %(name)s was changed by someone else since you opened it "
                "(version %(expected)s, now %(current)s). Nothing was saved: reload it and "
                "make your change again."
            )
            % {"name": profile.name, "expected": expected_version, "current": profile.version}
        )


def search_text_of(profile: CompanyProfile) -> str:
    parts = [profile.industry_jsic, profile.industry_nace, profile.industry_okved]
    for field in ("name", "offers", "seeks"):
        parts.extend(str(getattr(profile, f"{field}_{lang}") or "") for lang in LANGUAGES)
    if profile.region is not None:
        parts.append(profile.region.name)
    return with_keys(" ".join(p for p in parts if p))


def _schedule_indexing(profile: CompanyProfile) -> None:
    from tandem.matchmaking.tasks import index_company_profile

    index_company_profile.enqueue(profile.pk)


def _save(profile: CompanyProfile, actor: Any, reason: str = "") -> CompanyProfile:
    if not profile.name:
        profile.name = next(
            (
                str(getattr(profile, f"name_{lang}"))
                for lang in LANGUAGES
                if getattr(profile, f"name_{lang}")
            ),
            "",
        )
    profile.search_text = search_text_of(profile)
    save_with_actor(profile, actor, reason=reason)
    _schedule_indexing(profile)
    return profile


def _set_fields(profile: CompanyProfile, data: Mapping[str, Any]) -> None:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        if name == "size":
            value = _size(value)
        setattr(profile, name, value)


def _size(value: Any) -> str:
    """A category or a head count (mapped to micro < 10, small < 50, medium < 250, large)."""
    try:
        return normalise_size(value)
    except ValueError:
        raise ValidationError(
            {
                "size": _(
                    "Give the size as micro, small, medium or large, or as the number of "
                    "people employed (%(value)s is neither)."
                )
                % {"value": str(value)[:20]}
            }
        ) from None


@transaction.atomic
def profile_create(
    *, data: Mapping[str, Any], actor: Any, organisation: Organisation | None = None
) -> CompanyProfile:
    """A draft profile; a company representative's is their organisation's."""
    if actor.role == Role.COMPANY_REPRESENTATIVE:
        organisation = actor.organisation
        if CompanyProfile.objects.filter(organisation=organisation).exists():
            raise ValidationError(_("Your organisation already has a company profile."))
    profile = CompanyProfile(organisation=organisation, state=ProfileState.DRAFT)
    if organisation is not None and "country" not in data:
        profile.country_id = organisation.side_id
    _set_fields(profile, data)
    return _save(profile, actor)


@transaction.atomic
def profile_update(
    *, profile: CompanyProfile, data: Mapping[str, Any], expected_version: int, actor: Any
) -> CompanyProfile:
    """Change a profile. A company's own change to a reviewed or published profile sends it
    back to draft: the agency reviews what is shown to partners."""
    locked = CompanyProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.version != expected_version:
        raise StaleProfileError(locked, expected_version)
    _set_fields(locked, data)
    if actor.role == Role.COMPANY_REPRESENTATIVE and locked.state in (
        ProfileState.REVIEWED,
        ProfileState.PUBLISHED,
    ):
        locked.state = ProfileState.DRAFT
    locked.version = expected_version + 1
    _save(locked, actor)
    return locked


def _transition(
    profile: CompanyProfile,
    allowed_from: tuple[str, ...],
    to: str,
    actor: Any,
    reason: str = "",
    **fields: Any,
) -> CompanyProfile:
    locked = CompanyProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.state not in allowed_from:
        raise ValidationError(
            _("A profile in state “%(state)s” cannot become “%(to)s”.")
            % {"state": locked.get_state_display(), "to": ProfileState(to).label}
        )
    locked.state = to
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.version += 1
    return _save(locked, actor, reason=reason or f"state: {to}")


@transaction.atomic
def profile_review(*, profile: CompanyProfile, actor: Any) -> CompanyProfile:
    return _transition(
        profile, (ProfileState.DRAFT,), ProfileState.REVIEWED, actor, reviewed_at=timezone.now()
    )


@transaction.atomic
def profile_publish(
    *, profile: CompanyProfile, actor: Any, expires_on: dt.date | None = None
) -> CompanyProfile:
    """Publish a reviewed profile (for a year unless ``expires_on`` says otherwise)."""
    now = timezone.now()
    expiry = expires_on or (timezone.localdate() + publication_period())
    if expiry <= timezone.localdate():
        raise ValidationError({"expires_on": _("The expiry date must be in the future.")})
    return _transition(
        profile,
        (ProfileState.REVIEWED, ProfileState.EXPIRED),
        ProfileState.PUBLISHED,
        actor,
        published_at=now,
        expires_on=expiry,
    )


@transaction.atomic
def profile_expire(*, profile: CompanyProfile, actor: Any, reason: str = "") -> CompanyProfile:
    return _transition(
        profile,
        (ProfileState.DRAFT, ProfileState.REVIEWED, ProfileState.PUBLISHED),
        ProfileState.EXPIRED,
        actor,
        reason=reason,
    )


def profiles_due_for_expiry(*, today: dt.date) -> Any:
    """Published profiles whose date has passed; one without a date expires a publication
    period (``MATCHMAKING_PROFILE_LIFETIME_DAYS``) after it was published."""
    published_before = timezone.make_aware(
        dt.datetime.combine(today - publication_period(), dt.time.min)
    )
    return CompanyProfile.objects.filter(state=ProfileState.PUBLISHED).filter(
        Q(expires_on__lt=today) | Q(expires_on__isnull=True, published_at__lt=published_before)
    )


def profiles_expire_due(*, today: dt.date, actor: Any = None) -> list[CompanyProfile]:
    """Expire every published profile whose time is over. Idempotent: an expired profile is
    no longer published, so a second run the same day finds nothing. Each expiry is recorded
    in the profile's history (actor None: the system) with the reason."""
    expired = []
    for profile in profiles_due_for_expiry(today=today).order_by("pk"):
        try:
            with transaction.atomic():
                expired.append(profile_expire(profile=profile, actor=actor, reason=EXPIRY_REASON))
        except ValidationError:  # changed meanwhile (e.g. sent back to draft): leave it
            continue
    return expired
