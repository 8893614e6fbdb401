"""The browser fixtures of tests/e2e/conftest.py (Playwright and Debian's Chromium), reused."""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "e2e" / "conftest.py"
_SPEC = importlib.util.spec_from_file_location("tandem_e2e_fixtures", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
_MODULE = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_MODULE)

browser = _MODULE.browser
page = _MODULE.page
