"""Does a figure in the press agree with the registry's number? (pure Python)

"more than 20" agrees with 21 and more; "about 150" with 150 ± 10 % (at least ± 1);
"nearly 190" with 90 % of 190 up to 190; "at least", "up to", "less than" as they say; a bare
number only with itself. A disagreement says by how much the registry differs from the
nearest number the press's words allow (registry 18 against "more than 20": by 3).
"""

from __future__ import annotations

import math

AGREES = "agrees"
DISAGREES = "disagrees"
CANNOT_CHECK = "cannot check"


def allowed_range(value: int, qualifier: str | None) -> tuple[float, float]:
    if qualifier == "more than":
        return value + 1, math.inf
    if qualifier == "at least":
        return value, math.inf
    if qualifier == "about":
        margin = max(1, round(value * 0.1))
        return value - margin, value + margin
    if qualifier == "nearly":
        return math.floor(value * 0.9), value
    if qualifier == "up to":
        return 0, value
    if qualifier == "less than":
        return 0, value - 1
    return value, value


def verdict(value: int, qualifier: str | None, registry: int | None) -> tuple[str, int | None]:
    """(verdict, signed difference of the registry from the allowed range) for a figure."""
    if registry is None:
        return CANNOT_CHECK, None
    low, high = allowed_range(value, qualifier)
    if low <= registry <= high:
        return AGREES, 0
    difference = registry - high if registry > high else registry - low
    return DISAGREES, int(difference)


def verdict_text(kind: str, difference: int | None) -> str:
    if kind == DISAGREES and difference is not None:
        return f"disagrees by {abs(difference)}"
    return kind
