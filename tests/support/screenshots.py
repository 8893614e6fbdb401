"""Where the browser tests save their screenshots: a temporary folder, so that a test run
leaves the checkout as it found it; `TANDEM_SCREENSHOTS=docs/screenshots make test` refreshes
the ones the documentation shows."""

import os
import tempfile
from pathlib import Path

SCREENSHOTS = Path(
    os.environ.get("TANDEM_SCREENSHOTS") or Path(tempfile.gettempdir()) / "tandem-screenshots"
)
