"""``tandem eval press DIR``: press extraction measured on news written and annotated by others.

DIR holds the article texts named by the gold (``.realdata/press`` after re-reading the
manifest of ``../shared/realdata/press``; git ignores it, the texts are never committed). Each
text is extracted as ``tandem press extract --format json`` does without the registry (the
embedded default gazetteer; the publication date from the text's date line, else from the date
in the file's name). The outputs go to a temporary folder (or ``--out``) and the scorer that
ships beside the gold (``score.py``) is run on them as a subprocess: once for all articles and
once per language, on a gold file holding that language's articles.

The scorer measures recall for every kind and precision for people and organisations; the
precision of places, events and figures is counted here with the scorer's own matching (its
``matches`` function, loaded from the scorer file at run time): an extracted item is right
when it matches a gold fact of its kind in its article. F1 is computed from the two. Figures
measured on a set used while tuning are development figures; the headline figures come from
hidden sets measured the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from tandem.press.extraction import extract, read_article

KINDS = ("people", "organisations", "places", "events", "figures")
LANGUAGES = ("en", "ja", "ru")
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
SCORE_LINE = re.compile(r"(?P<kind>[a-z]+) R=(?P<r>[\d.]+)(?: P=(?P<p>[\d.]+))?")
# Beside a checkout: <checkout>/../shared/realdata/press/gold.json.
SHARED_GOLD = Path(__file__).resolve().parents[3].parent / "shared/realdata/press/gold.json"

Scores = dict[str, dict[str, float | None]]


def date_in_name(name: str) -> dt.date | None:
    match = DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def extract_all(texts: Path, articles: list[dict[str, Any]], out: Path) -> list[tuple[float, str]]:
    """Write ``<stem>.json`` for every article whose text is in ``texts``; the seconds each took."""
    timings = []
    for article in articles:
        path = texts / article["file"]
        if not path.is_file():
            print(f"missing text: {path}", file=sys.stderr)
            continue
        started = time.perf_counter()
        read = read_article(path)
        facts = extract(read.text, published=read.published or date_in_name(path.name))
        timings.append((time.perf_counter() - started, path.name))
        (out / f"{path.stem}.json").write_text(
            json.dumps(facts.as_json(), ensure_ascii=False), encoding="utf-8"
        )
    return timings


def run_scorer(scorer: Path, gold: Path, out: Path, *, show: bool) -> str:
    """The scorer's one line (its list of misses goes to stderr with ``show``)."""
    command = [sys.executable, str(scorer), str(gold), str(out)] + (["-v"] if show else [])
    # The scorer the user points at, run with this Python; no shell.
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if show and done.stderr:
        print(done.stderr, file=sys.stderr)
    return done.stdout.strip()


def parse_score_line(line: str) -> Scores:
    """{kind: {"recall": r, "precision": p or None}} from the scorer's line."""
    scores: Scores = {}
    for m in SCORE_LINE.finditer(line):
        if m.group("kind") in KINDS:
            precision = float(m.group("p")) if m.group("p") else None
            scores[m.group("kind")] = {"recall": float(m.group("r")), "precision": precision}
    return scores


def load_scorer(scorer: Path) -> ModuleType | None:
    """The scorer file as a module, for its matching function; None when it cannot be loaded."""
    spec = importlib.util.spec_from_file_location("press_scorer", scorer)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # any failure only loses the extra precision figures
        return None
    return module if callable(getattr(module, "matches", None)) else None


Matcher = Callable[[str, Any, dict[str, Any]], bool]


def counted_precision(
    matches: Matcher, articles: list[dict[str, Any]], out: Path, kinds: Sequence[str]
) -> dict[str, float | None]:
    """Share of extracted items of each kind that match a gold fact of that kind (or one the
    gold accepts) in the same article; None when nothing of the kind was extracted."""
    right = dict.fromkeys(kinds, 0)
    total = dict.fromkeys(kinds, 0)
    for article in articles:
        path = out / f"{Path(article['file']).stem}.json"
        got = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        for kind in kinds:
            gold = article.get(kind, []) + article.get("acceptable", {}).get(kind, [])
            for item in got.get(kind) or []:
                total[kind] += 1
                right[kind] += any(matches(kind, item, fact) for fact in gold)
    return {kind: (right[kind] / total[kind] if total[kind] else None) for kind in kinds}


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _cell(value: float | None) -> str:
    return "  –  " if value is None else f"{value:5.2f}"


def table(label: str, scores: Scores) -> list[str]:
    lines = [f"{label}:"]
    for kind in KINDS:
        row = scores.get(kind, {})
        p, r = row.get("precision"), row.get("recall")
        lines.append(f"  {kind:<14} P {_cell(p)}  R {_cell(r)}  F1 {_cell(f1(p, r))}")
    return lines


def measure(
    texts: Path, gold_path: Path, *, show: bool = False, keep: Path | None = None
) -> tuple[dict[str, Scores], dict[str, str], list[tuple[float, str]]]:
    """Scores per label ("all", "en", "ja", "ru"), the scorer's own lines, and the timings."""
    scorer = gold_path.parent / "score.py"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    matcher = load_scorer(scorer)
    results: dict[str, Scores] = {}
    lines: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        out = keep or work / "out"
        out.mkdir(parents=True, exist_ok=True)
        firsts = {a["language"]: a for a in reversed(gold["articles"])}
        extract_all(texts, list(firsts.values()), out)  # warm-up: one article per language
        timings = extract_all(texts, gold["articles"], out)
        subsets = {"all": gold["articles"]} | {
            lang: [a for a in gold["articles"] if a["language"] == lang] for lang in LANGUAGES
        }
        for label, articles in subsets.items():
            if not articles:
                continue
            path = gold_path if label == "all" else work / f"gold-{label}.json"
            if label != "all":
                path.write_text(json.dumps(dict(gold, articles=articles)), encoding="utf-8")
            lines[label] = run_scorer(scorer, path, out, show=show and label == "all")
            results[label] = parse_score_line(lines[label])
            if matcher is not None:
                extra = ("places", "events", "figures")
                for kind, value in counted_precision(matcher.matches, articles, out, extra).items():
                    results[label].setdefault(kind, {"recall": None})["precision"] = value
    return results, lines, timings


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="tandem eval press", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("texts", nargs="?", type=Path, default=Path(".realdata/press"))
    parser.add_argument(
        "--gold", type=Path, default=SHARED_GOLD, help="gold.json (score.py beside it)"
    )
    parser.add_argument("--show", action="store_true", help="list every miss and wrong name")
    parser.add_argument("--out", type=Path, help="keep the extracted JSON in this folder")
    args = parser.parse_args(list(argv))
    if not args.gold.is_file() or not (args.gold.parent / "score.py").is_file():
        print(f"no gold.json and score.py at {args.gold.parent}: nothing measured", file=sys.stderr)
        return 2
    if not args.texts.is_dir():
        print(f"no folder of texts at {args.texts}", file=sys.stderr)
        return 2
    results, lines, timings = measure(args.texts, args.gold, show=args.show, keep=args.out)
    for label, scores in results.items():
        print(f"{label} (scorer): {lines[label]}")
        print("\n".join(table(label, scores)))
    if timings:
        seconds, name = max(timings)
        print(f"slowest article: {seconds:.2f} s ({name}), {len(timings)} articles")
    print("development figures: measured on the set used while tuning")
    return 0
