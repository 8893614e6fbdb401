"""Labelled example projects that the suggester learns from (k nearest neighbours).

The bundled bank (``data/examples.jsonl``) holds illustrative projects written for tandem;
labels accepted by users are added through :meth:`Suggester.add_example
<tandem.programme.labelling.suggester.Suggester.add_example>` and can be kept with
:func:`append_example`. One JSON object a line: ``id, language, title, description,
primary_plan_area, plan_areas, national_projects``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tandem.programme.labelling.labels import (
    NATIONAL_PROJECTS,
    PLAN_AREAS,
    check_language,
    load_labels,
)


class ExampleError(ValueError):
    """An example with missing fields or unknown labels."""


@dataclass(frozen=True)
class Example:
    """One labelled project. ``plan_areas`` starts with ``primary_plan_area``."""

    id: str
    language: str
    title: str
    description: str
    primary_plan_area: str
    plan_areas: tuple[str, ...]
    national_projects: tuple[str, ...]

    @property
    def text(self) -> str:
        return project_text(self.title, self.description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "title": self.title,
            "description": self.description,
            "primary_plan_area": self.primary_plan_area,
            "plan_areas": list(self.plan_areas),
            "national_projects": list(self.national_projects),
        }


def project_text(title: str, description: str) -> str:
    """The text that is embedded and searched: title and description, one string."""
    title = " ".join(title.split())
    description = " ".join(description.split())
    if title and description:
        end = "" if title[-1] in ".!?。！？" else "."
        return f"{title}{end} {description}"
    return title or description


def make_example(
    *,
    id: str,
    language: str,
    title: str,
    description: str = "",
    primary_plan_area: str,
    plan_areas: Sequence[str] = (),
    national_projects: Sequence[str] = (),
) -> Example:
    """Validate and build an :class:`Example` (``ExampleError`` on bad labels)."""
    labels = load_labels()
    try:
        check_language(language)
    except ValueError as exc:
        raise ExampleError(str(exc)) from None
    if not id:
        raise ExampleError("an example needs an id")
    if not (title.strip() or description.strip()):
        raise ExampleError(f"example {id}: title and description are both empty")
    valid_pa = labels.ids(PLAN_AREAS)
    valid_np = labels.ids(NATIONAL_PROJECTS)
    if primary_plan_area not in valid_pa:
        raise ExampleError(f"example {id}: unknown primary plan area {primary_plan_area!r}")
    areas = [primary_plan_area, *[p for p in plan_areas if p != primary_plan_area]]
    for pa in areas:
        if pa not in valid_pa:
            raise ExampleError(f"example {id}: unknown plan area {pa!r}")
    for np_id in national_projects:
        if np_id not in valid_np:
            raise ExampleError(f"example {id}: unknown national project {np_id!r}")
    return Example(
        id=id,
        language=language,
        title=title,
        description=description,
        primary_plan_area=primary_plan_area,
        plan_areas=tuple(dict.fromkeys(areas)),
        national_projects=tuple(dict.fromkeys(national_projects)),
    )


def example_from_dict(raw: Any) -> Example:
    if not isinstance(raw, dict):
        raise ExampleError("an example must be a JSON object")
    try:
        return make_example(
            id=str(raw["id"]),
            language=str(raw["language"]),
            title=str(raw.get("title") or ""),
            description=str(raw.get("description") or ""),
            primary_plan_area=str(raw["primary_plan_area"]),
            plan_areas=[str(x) for x in raw.get("plan_areas") or []],
            national_projects=[str(x) for x in raw.get("national_projects") or []],
        )
    except KeyError as exc:
        raise ExampleError(f"example without {exc.args[0]!r}") from None


def parse_examples(lines: Iterable[str]) -> list[Example]:
    out: list[Example] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append(example_from_dict(json.loads(line)))
        except (json.JSONDecodeError, ExampleError) as exc:
            raise ExampleError(f"line {number}: {exc}") from None
    return out


def bundled_examples() -> list[Example]:
    """The illustrative example bank shipped with tandem."""
    text = (
        resources.files("tandem.programme.labelling.data")
        .joinpath("examples.jsonl")
        .read_text(encoding="utf-8")
    )
    return parse_examples(text.splitlines())


def read_examples(path: str | Path) -> list[Example]:
    with open(path, encoding="utf-8") as handle:
        return parse_examples(handle)


def append_example(path: str | Path, example: Example) -> None:
    """Append one example to a JSONL file (e.g. accepted labels kept between runs)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(example.to_dict(), ensure_ascii=False) + "\n")
