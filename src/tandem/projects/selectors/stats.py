"""Registry counts for dashboards, cached until the next write to the registry (which calls
:func:`tandem.projects.services.registry_cache.registry_changed`)."""

from __future__ import annotations

from django.db.models import Count

from tandem.core.caching import cached_value
from tandem.core.generations import generation_key
from tandem.projects.enums import ProjectStatus
from tandem.projects.models import JointProject

GENERATION = "registry"
TIMEOUT = 24 * 60 * 60


def registry_generation() -> str:
    """The part of a cache key that names the registry's current state."""
    return generation_key(GENERATION)


def status_counts() -> dict[str, int]:
    """Projects per status (all disclosure levels: counts reveal no content)."""
    key = f"tandem:registry:status-counts:{registry_generation()}"

    def count() -> dict[str, int]:
        rows = JointProject.objects.values_list("status").annotate(n=Count("id")).order_by()
        found = dict(rows)
        return {status: found.get(status, 0) for status in ProjectStatus.values}

    return cached_value(key, count, TIMEOUT)
