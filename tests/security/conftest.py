"""Fixtures of the security tests: one world per module (built once, rolled back at the end),
and the helper modules of this folder on the import path."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from security_world import world  # noqa: F401
