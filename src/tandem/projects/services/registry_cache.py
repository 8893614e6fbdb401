"""The registry's cache generation: every write to the registry says it changed.

A side effect, so a service and not a selector: the selectors only read the generation
(:func:`tandem.projects.selectors.stats.registry_generation`).
"""

from __future__ import annotations

from tandem.core.generations import generation_bump
from tandem.projects.selectors.stats import GENERATION


def registry_changed() -> None:
    """Called by every write to the registry, inside its transaction: the figures cached for
    the registry as it was are never read again (the generation is kept in the database, so
    every server process sees it change when the write commits)."""
    generation_bump(GENERATION)
