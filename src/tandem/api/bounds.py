"""The one place where every API request's numbers and dates are bounded before an operation
runs: an id, offset, limit or count beyond a 64-bit integer (what the databases hold) and a
date outside the range tandem computes with are refused with 422, never passed on to the
database or the computations (where they failed with OverflowError, a 500)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from tandem.core.validators import EARLIEST_DATE, LATEST_DATE, date_in_range

#: The largest integer a request may carry (PostgreSQL's and SQLite's 64-bit integer).
MAX_INTEGER = 2**63 - 1


def _values(name: str, value: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """(dotted name, value) of ``value`` and of everything inside it."""
    yield name, value
    if depth > 8:
        return
    if isinstance(value, BaseModel):
        for key in type(value).model_fields:
            yield from _values(f"{name}.{key}", getattr(value, key, None), depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _values(f"{name}.{key}", item, depth + 1)
    elif isinstance(value, list | tuple | set):
        for index, item in enumerate(value):
            yield from _values(f"{name}[{index}]", item, depth + 1)


def out_of_range(arguments: dict[str, Any]) -> str | None:
    """A sentence naming the first argument out of range, or None."""
    for key, argument in arguments.items():
        for name, value in _values(key, argument):
            if isinstance(value, int) and not isinstance(value, bool):
                if not -MAX_INTEGER <= value <= MAX_INTEGER:
                    return f"{name} is out of range (at most {MAX_INTEGER})."
            elif isinstance(value, dt.date) and not date_in_range(value):
                return f"{name} must be a date between {EARLIEST_DATE} and {LATEST_DATE}."
    return None
