"""Registry counts for dashboards, cached until the next write to the registry."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count

from tandem.projects.enums import ProjectStatus
from tandem.projects.models import JointProject

GENERATION_KEY = "tandem:registry:generation"
TIMEOUT = 24 * 60 * 60


def registry_changed() -> None:
    """Called by every write to the registry: cached aggregates are recomputed on next read."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def status_counts() -> dict[str, int]:
    """Projects per status (all disclosure levels: counts reveal no content)."""
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    key = f"tandem:registry:status-counts:{generation}"
    counts: dict[str, int] | None = cache.get(key)
    if counts is None:
        rows = JointProject.objects.values_list("status").annotate(n=Count("id")).order_by()
        found = dict(rows)
        counts = {status: found.get(status, 0) for status in ProjectStatus.values}
        cache.set(key, counts, TIMEOUT)
    return counts
