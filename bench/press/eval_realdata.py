"""Press extraction measured on real news written and annotated by others (issue 26).

    PYTHONPATH=src python bench/press/eval_realdata.py [TEXTS] [--gold GOLD.json] [--show]

TEXTS (default .realdata/press) holds the excerpts re-read from the manifest of
../shared/realdata/press (git ignores the folder; the texts are never committed). Each text is
extracted as ``tandem press extract --format json`` does without the registry (embedded default
gazetteer; publication date from the text's date line, else from the date in the file's name),
the outputs go to a temporary folder, and the scorer that ships beside the gold (score.py) is run
on them as a subprocess, once for all articles and once per language (on a temporary gold file
holding that language's articles). Prints the scorer's line for each, and the slowest article's
time after warm-up. These are development figures: the headline figures come from hidden sets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tandem.press.extraction import extract, read_article

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "realdata" / "press"
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def date_in_name(name: str) -> dt.date | None:
    match = DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def extract_all(texts: Path, articles: list[dict], out: Path) -> list[tuple[float, str]]:
    timings = []
    for article in articles:
        path = texts / article["file"]
        if not path.is_file():
            print(f"missing text: {path}", file=sys.stderr)
            continue
        started = time.perf_counter()
        read = read_article(path)
        published = read.published or date_in_name(path.name)
        facts = extract(read.text, published=published)
        timings.append((time.perf_counter() - started, path.name))
        (out / f"{path.stem}.json").write_text(
            json.dumps(facts.as_json(), ensure_ascii=False), encoding="utf-8"
        )
    return timings


def score(scorer: Path, gold: Path, out: Path, show: bool) -> str:
    command = [sys.executable, str(scorer), str(gold), str(out)] + (["-v"] if show else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if show and done.stderr:
        print(done.stderr, file=sys.stderr)
    return done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="?", type=Path, default=ROOT / ".realdata" / "press")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold.json")
    parser.add_argument("--show", action="store_true", help="list every miss and wrong name")
    args = parser.parse_args()
    scorer = args.gold.parent / "score.py"
    if not args.gold.is_file() or not scorer.is_file():
        print(f"no gold/scorer at {args.gold.parent}: nothing to measure", file=sys.stderr)
        return 2
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        out = work / "out"
        out.mkdir()
        firsts = {a["language"]: a for a in reversed(gold["articles"])}
        extract_all(args.texts, list(firsts.values()), out)  # warm-up: one per language
        timings = extract_all(args.texts, gold["articles"], out)
        print(f"all: {score(scorer, args.gold, out, args.show)}")
        for language in ("en", "ja", "ru"):
            subset = dict(gold, articles=[a for a in gold["articles"] if a["language"] == language])
            path = work / f"gold-{language}.json"
            path.write_text(json.dumps(subset, ensure_ascii=False), encoding="utf-8")
            print(f"{language}: {score(scorer, path, out, False)}")
    if timings:
        slowest = max(timings)
        print(f"slowest article: {slowest[0]:.2f} s ({slowest[1]}), {len(timings)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
