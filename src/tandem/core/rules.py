"""Registers the core permissions (discovered by rules' autodiscovery)."""

from tandem.core import permissions  # noqa: F401
