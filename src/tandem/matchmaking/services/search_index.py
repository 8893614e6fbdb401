"""Rebuild the company profiles' search text with its cross-language keys (see
tandem.projects.services.search_index); ``tandem reindex-search`` runs both."""

from __future__ import annotations

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.crosslingual.gazetteer import one_gazetteer
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.profiles import search_text_of

BATCH = 500


def profiles_search_reindex(*, actor: Actor, batch: int = BATCH) -> int:
    """Rebuild every profile's search text; returns how many rows changed."""
    del actor  # derived data, outside the profile's history
    changed = 0
    last = 0
    with one_gazetteer():
        while True:
            profiles = list(
                CompanyProfile.objects.filter(pk__gt=last)
                .select_related("region")
                .order_by("pk")[:batch]
            )
            if not profiles:
                return changed
            last = profiles[-1].pk
            updates = []
            for profile in profiles:
                if (text := search_text_of(profile)) != profile.search_text:
                    profile.search_text = text
                    updates.append(profile)
            with transaction.atomic():
                CompanyProfile.objects.bulk_update(updates, ["search_text"], batch_size=200)
            changed += len(updates)
