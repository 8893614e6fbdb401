"""IATI codelists (and tandem's own vocabularies) as versioned JSON data.

Each ``<Name>.json`` beside this module records the codelist's name, the standard it belongs
to, its version (``"2.03"`` for codelists embedded in the 2.03 schema release; the source
commit for non-embedded ones, which IATI versions separately), where it was taken from, and
whether it is complete or a subset. Update a codelist by editing its file and its version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CodeItem:
    code: str
    names: dict[str, str]
    status: str = "active"

    @property
    def name(self) -> str:
        return self.names.get("en") or next(iter(self.names.values()), self.code)


@dataclass(frozen=True, slots=True)
class Codelist:
    name: str
    standard: str
    version: str
    source: str
    complete: bool
    items: dict[str, CodeItem]
    vocabulary_path: str | None = None

    def __contains__(self, code: object) -> bool:
        return code in self.items

    def active(self, code: str) -> bool:
        item = self.items.get(code)
        return item is not None and item.status == "active"


@cache
def load(name: str) -> Codelist:
    """Load the codelist ``name`` (e.g. "ActivityStatus", "PlanArea"); cached."""
    resource = resources.files(__name__).joinpath(f"{name}.json")
    try:
        raw = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyError(f"no codelist named {name!r}") from None
    items: dict[str, CodeItem] = {}
    for entry in raw["items"]:
        names = entry.get("names") or {"en": entry["name"]}
        items[entry["code"]] = CodeItem(entry["code"], dict(names), entry.get("status", "active"))
    return Codelist(
        name=raw["name"],
        standard=raw["standard"],
        version=raw["version"],
        source=raw["source"],
        complete=bool(raw["complete"]),
        items=items,
        vocabulary_path=raw.get("vocabulary_path"),
    )


def available() -> list[str]:
    """Names of all codelists shipped here."""
    return sorted(
        entry.name.removesuffix(".json")
        for entry in resources.files(__name__).iterdir()
        if entry.name.endswith(".json")
    )
