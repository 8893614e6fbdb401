"""The one offset paging of the API's lists: ``limit`` rows from ``offset``."""

from __future__ import annotations

from ninja.errors import HttpError


def page_slice(*, limit: int, offset: int, most: int) -> slice:
    """The rows ``offset`` to ``offset + limit`` of a list; 422 when ``limit`` is not between
    1 and ``most`` or ``offset`` is below 0 (a query set sliced with it reads only those)."""
    if not 1 <= limit <= most or offset < 0:
        raise HttpError(422, f"limit must be between 1 and {most}, offset at least 0.")
    return slice(offset, offset + limit)
