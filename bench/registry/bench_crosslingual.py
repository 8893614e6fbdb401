"""Cross-language search: how much of what a same-language query finds a query in another
language finds too, and how long the registry's search takes (issue 26).

Recall: over the embedded default's regions (their names in English, Japanese and Russian)
and the illustrative organisations of the demo registry (made up, flagged illustrative),
a record written in one language only (the name as its text, indexed as the registry
indexes a project) is searched for with the same thing's name in each language, through
the same forms a registry query looks for. The figure per language pair is the share of
records the cross-language query finds among those the same-language query finds.
Timing: the registry's first page for place, organisation and plain-word queries over N
illustrative projects on SQLite, in process, p50/p95. Development figures.

    PYTHONPATH=src python bench/registry/bench_crosslingual.py [--projects 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "crosslingual{}.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
LANGS = ("en", "ja", "ru")


def run(*args: str) -> None:
    result = subprocess.run([TANDEM, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def fresh_postgres(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def found(search_text: str, query: str, gazetteer: Any) -> bool:
    from tandem.core.crosslingual.search import alternatives, query_words

    return all(
        any(form in search_text for form in alternatives(word, gazetteer))
        for word in query_words(query)
    )


def recall(things: list[dict[str, str]], gazetteer: Any) -> dict[tuple[str, str], tuple[int, int]]:
    """(record language, query language) -> (found across, found in the same language)."""
    from tandem.core.crosslingual.search import with_keys

    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for written in LANGS:
        for asked in LANGS:
            across = same = 0
            for names in things:
                if not (names.get(written) and names.get(asked)):
                    continue
                text = with_keys(names[written], gazetteer)
                if found(text, names[written], gazetteer):
                    same += 1
                    across += found(text, names[asked], gazetteer)
            counts[(written, asked)] = (across, same)
    return counts


def percentiles(seconds: list[float]) -> tuple[float, float]:
    seconds = sorted(seconds)
    p95 = seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))]
    return statistics.median(seconds) * 1000, p95 * 1000


def timings(queries: list[str], repeats: int) -> dict[str, tuple[float, ...]]:
    """query -> (p50, p95, rows) of the registry's first page, and (p50, p95) of the
    same-language search it replaces (every word in the search text, first page by code)."""
    from tandem.core.crosslingual.search import search_condition
    from tandem.core.models import User
    from tandem.projects.models import JointProject
    from tandem.projects.selectors.registry import ProjectFilters, registry_page

    user = User.objects.filter(is_superuser=True).first() or User.objects.first()
    out: dict[str, tuple[float, ...]] = {}
    for query in queries:
        seconds, plain, across = [], [], []
        rows = 0
        for _ in range(repeats):
            started = time.perf_counter()
            rows = len(registry_page(user, ProjectFilters(query=query), size=50).rows)
            seconds.append(time.perf_counter() - started)
            started = time.perf_counter()
            words = JointProject.objects.all()
            for word in query.casefold().split():
                words = words.filter(search_text__contains=word)
            list(words.order_by("code", "pk").values("pk", "code")[:51])
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            matching = JointProject.objects.filter(search_condition("search_text", query))
            list(matching.order_by("code", "pk").values("pk", "code")[:51])
            across.append(time.perf_counter() - started)
        out[query] = (*percentiles(seconds), rows, *percentiles(plain), *percentiles(across))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--reuse", help="a data folder this bench filled before")
    parser.add_argument("--postgres", help="a PostgreSQL database URL (emptied unless --reuse)")
    options = parser.parse_args()
    os.environ["TANDEM_DATA_DIR"] = options.reuse or tempfile.mkdtemp(prefix="tandem-bench-xs-")
    os.environ.pop("TANDEM_DATABASE_URL", None)
    if options.postgres:
        os.environ["TANDEM_DATABASE_URL"] = options.postgres
        if not options.reuse:
            fresh_postgres(options.postgres)
    load = 0.0
    if not options.reuse:
        run("migrate", "--no-input", "-v0")
        run("load-default")
        run("demo-data")
        started = time.perf_counter()
        run("demo-projects", "--count", str(options.projects))
        load = time.perf_counter() - started
        run("demo-accounts")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tandem.settings.base"
    import django

    django.setup()
    from tandem.core.crosslingual.gazetteer import Gazetteer, search_gazetteer
    from tandem.core.models import Organisation, Region

    def names(row: object) -> dict[str, str]:
        return {lang: getattr(row, f"name_{lang}") or "" for lang in LANGS}

    places = [names(region) for region in Region.objects.all()]
    organisations = [names(org) for org in Organisation.objects.filter(is_illustrative=True)]
    lines = [
        "# Cross-language search (development figures)",
        "",
        f"`python bench/run.py crosslingual`, {time.strftime('%Y-%m-%d')}, "
        f"{'PostgreSQL' if options.postgres else 'SQLite'}, "
        f"{options.projects} illustrative projects (demo-projects: {load:.0f} s; 0 = reused). "
        "The goal (issue 26): >= 95% of what a same-language query finds, p95 under 150 ms "
        "at 100k projects. Recall is measured on the very names the gazetteer holds, so "
        "'with gazetteer' is an upper bound by construction; 'transliteration only' (an "
        "empty gazetteer) is what romanisation and sound keys reach on their own, the case "
        "of a name the registry does not hold.",
        "",
    ]
    for label, things in (
        ("Places: the embedded default's regions", places),
        ("Organisations: the demo registry's (illustrative)", organisations),
    ):
        lines += [f"## {label} ({len(things)})", ""]
        lines += ["| written in | asked in | with gazetteer | transliteration only | of |"]
        lines.append("|---|---|---|---|---|")
        full = recall(things, search_gazetteer())
        bare = recall(things, Gazetteer())
        for (written, asked), (across, same) in full.items():
            if written != asked:
                share = f"{100 * across / same:.1f}%" if same else "-"
                alone, base = bare[(written, asked)]
                only = f"{100 * alone / base:.1f}%" if base else "-"
                lines.append(f"| {written} | {asked} | {share} | {only} | {same} |")
        lines.append("")
    queries = ["ハバロフスク", "Khabarovsk", "Хабаровск", "北海道", "Сахалин", "energy", "порт"]
    lines += [
        "## Registry search, first page of 50 (in process)",
        "",
        "The whole page (registry_page: visibility, two ranked parts, prefetched plan areas "
        "and leads); then the bare query of 51 rows by code, as the same-language search "
        "did it (every word in the search text) and with every word's cross-language forms.",
        "",
        "| query | page p50 ms | page p95 ms | rows | same-language p50 / p95 | "
        "cross-language p50 / p95 |",
        "|---|---|---|---|---|---|",
    ]
    for query, figures in timings(queries, options.repeats).items():
        p50, p95, rows, plain50, plain95, across50, across95 = figures
        lines.append(
            f"| {query} | {p50:.1f} | {p95:.1f} | {int(rows)} | {plain50:.1f} / {plain95:.1f} "
            f"| {across50:.1f} / {across95:.1f} |"
        )
    results = RESULTS.with_name(RESULTS.name.format("_postgres" if options.postgres else ""))
    results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
