"""Fixtures of the open-data portal's tests, and this folder's helper modules on the path."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from open_world import open_world  # noqa: F401
