"""Rebuild the registry's search text with its cross-language keys (``tandem reindex-search``).

A project's search text is its own words followed by their keys in the other languages and
scripts (tandem.core.crosslingual.search). Rows written before the keys existed, or before a
gazetteer name was added, get them here. The own words are kept as they are; only the keys
are rebuilt. Each batch is its own short transaction; nothing else changes (the search text
is not part of a project's history).
"""

from __future__ import annotations

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.crosslingual.gazetteer import one_gazetteer
from tandem.core.crosslingual.search import with_keys
from tandem.projects.models import JointProject

BATCH = 1000


def projects_search_reindex(*, actor: Actor, batch: int = BATCH) -> int:
    """Rebuild every project's cross-language keys; returns how many rows changed."""
    del actor  # the search text is derived data: no history entry
    changed = 0
    last = 0
    with one_gazetteer() as gazetteer:
        while True:
            rows = list(
                JointProject.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", "search_text")[:batch]
            )
            if not rows:
                return changed
            last = rows[-1][0]
            updates = [
                JointProject(pk=pk, search_text=new)
                for pk, old in rows
                if (new := with_keys(old, gazetteer)) != old
            ]
            with transaction.atomic():
                JointProject.objects.bulk_update(updates, ["search_text"], batch_size=200)
            changed += len(updates)
