"""Partner suggestions: computed by the pure ranker, then saved as the latest list."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tandem.matchmaking.models import CompanyProfile, Suggestion
from tandem.matchmaking.services.matching import matching_index

DEFAULT_TOP = 20


@transaction.atomic
def suggestions_refresh(
    *, profile: CompanyProfile, top: int = DEFAULT_TOP
) -> list[Suggestion] | None:
    """Rank partners for ``profile`` and save them; None while the profile is being indexed.

    Only profiles that are published with consent, of the other country, are suggested.
    """
    matches = matching_index().rank(profile, top)
    if matches is None:
        return None
    ids = [int(m.id) for m in matches]
    listed = {
        p.pk
        for p in CompanyProfile.objects.filter(pk__in=ids).exclude(country_id=profile.country_id)
        if p.is_listed
    }
    now = timezone.now()
    rows = [
        Suggestion(
            profile=profile,
            candidate_id=int(m.id),
            rank=rank,
            score=round(m.score, 4),
            reasons=[r.to_dict() for r in m.reasons],
            computed_at=now,
        )
        for rank, m in enumerate((m for m in matches if int(m.id) in listed), start=1)
    ]
    Suggestion.objects.filter(profile=profile).delete()
    Suggestion.objects.bulk_create(rows)
    return rows
