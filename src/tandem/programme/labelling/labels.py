"""The two label sets (plan areas P1-P8, national projects N1-N13) and their names.

Ids and names are read from the programme's embedded default
(``tandem/programme/data/japan_russia.json``) so that they never diverge from the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LANGUAGES: tuple[str, ...] = ("en", "ja", "ru")
PLAN_AREAS = "plan_areas"
NATIONAL_PROJECTS = "national_projects"
GROUPS: tuple[str, ...] = (PLAN_AREAS, NATIONAL_PROJECTS)


@dataclass(frozen=True)
class Label:
    """One plan area or national project."""

    id: str
    group: str
    names: dict[str, str]

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class LabelSet:
    """Both groups of labels, in programme order."""

    plan_areas: tuple[Label, ...]
    national_projects: tuple[Label, ...]

    def group(self, group: str) -> tuple[Label, ...]:
        if group == PLAN_AREAS:
            return self.plan_areas
        if group == NATIONAL_PROJECTS:
            return self.national_projects
        raise ValueError(f"unknown label group {group!r}")

    def ids(self, group: str) -> tuple[str, ...]:
        return tuple(label.id for label in self.group(group))

    @property
    def all_ids(self) -> frozenset[str]:
        return frozenset(self.ids(PLAN_AREAS)) | frozenset(self.ids(NATIONAL_PROJECTS))

    def group_of(self, label_id: str) -> str:
        for group in GROUPS:
            if label_id in self.ids(group):
                return group
        raise ValueError(f"unknown label id {label_id!r}")


@lru_cache(maxsize=1)
def load_labels() -> LabelSet:
    """The Japan–Russia label sets from the programme's embedded data."""
    text = (
        resources.files("tandem.programme.data")
        .joinpath("japan_russia.json")
        .read_text(encoding="utf-8")
    )
    raw = json.loads(text)

    def build(group: str) -> tuple[Label, ...]:
        return tuple(
            Label(
                id=item["code"],
                group=group,
                names={lang: item[lang] for lang in LANGUAGES if item.get(lang)},
            )
            for item in raw[group]
        )

    return LabelSet(plan_areas=build(PLAN_AREAS), national_projects=build(NATIONAL_PROJECTS))


def check_language(language: str) -> str:
    """Return ``language`` if it is one of en, ja, ru; raise ``ValueError`` otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    return language
