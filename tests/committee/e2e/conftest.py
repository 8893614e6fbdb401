"""The browser fixtures of tests/e2e (Playwright driving Debian's Chromium), reused here."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "tandem_e2e_fixtures", Path(__file__).resolve().parents[2] / "e2e" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

browser = _fixtures.browser
page = _fixtures.page
