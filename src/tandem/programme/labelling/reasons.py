"""Why a label was suggested: a code and its values, put into words only at the edge.

The suggester gives each ranked label up to two :class:`Reason` s. Pages render them in the
reader's language (``tandem.web.alignment.labels``); ``tandem classify --reasons`` writes them
as they are and, for people reading the file, in English (:func:`english`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FAR_EAST_PLACE = "far_east_place"  # values: Far Eastern place names found (or recorded)
MENTIONS = "mentions"  # values: cue words of the label found in the text
LIKE_EXAMPLE = "like_example"  # values: the id of the nearest labelled example
CLOSE_TO = "close_to"  # values: the label's prototype phrase nearest to the text
CODES: tuple[str, ...] = (FAR_EAST_PLACE, MENTIONS, LIKE_EXAMPLE, CLOSE_TO)

_ENGLISH = {
    FAR_EAST_PLACE: "Far East place: {}",
    MENTIONS: "mentions {}",
    LIKE_EXAMPLE: "like example {}",
    CLOSE_TO: "close to “{}”",
}


@dataclass(frozen=True)
class Reason:
    """One reason: what kind of evidence (``code``) and what it found (``values``)."""

    code: str
    values: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown reason code {self.code!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "values": list(self.values)}


def english(reasons: Sequence[Reason]) -> str:
    """The reasons in English, joined by "; " (for files and logs, not for pages)."""
    return "; ".join(_ENGLISH[r.code].format(", ".join(r.values)) for r in reasons)
