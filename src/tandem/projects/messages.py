"""The messages the registry writes for later readers, by code (see :mod:`tandem.core.messages`).

A status step that tandem records by itself (a project registered, a status changed without a
reason typed) keeps the code; the page renders it in the reader's language. A reason a person
typed stays as typed.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from tandem.core.messages import message, render

STATUS_REASONS = {
    "registered": _("registered"),
    "status_changed": _("status changed"),
    "status_date_corrected": _("status date corrected"),
}


def automatic_reason(code: str, **params: Any) -> dict[str, Any]:
    """A status step's ``reason`` (English, for files and the API) and ``reason_message``."""
    stored = message(code, **params)
    with override("en"):
        return {"reason": render(STATUS_REASONS, stored), "reason_message": stored}
