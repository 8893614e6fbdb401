"""Filters of the server log (``LOGGING`` in the settings)."""

from __future__ import annotations

import logging


class OneLineForbidden(logging.Filter):
    """A refused request (403) is one line: who was refused where is worth logging, the
    traceback of ``PermissionDenied`` is not (the refusal is the permission check working)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
