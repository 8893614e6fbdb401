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

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "crosslingual.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
LANGS = ("en", "ja", "ru")


def run(*args: str) -> None:
    result = subprocess.run([TANDEM, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def found(search_text: str, query: str) -> bool:
    from tandem.core.crosslingual.search import alternatives, query_words

    return all(
        any(form in search_text for form in alternatives(word)) for word in query_words(query)
    )


def recall(things: list[dict[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    """(record language, query language) -> (found across, found in the same language)."""
    from tandem.core.crosslingual.search import with_keys

    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for written in LANGS:
        for asked in LANGS:
            across = same = 0
            for names in things:
                if not (names.get(written) and names.get(asked)):
                    continue
                text = with_keys(names[written])
                if found(text, names[written]):
                    same += 1
                    across += found(text, names[asked])
            counts[(written, asked)] = (across, same)
    return counts


def timings(queries: list[str], repeats: int) -> dict[str, tuple[float, float, int]]:
    from tandem.core.models import User
    from tandem.projects.selectors.registry import ProjectFilters, registry_page

    user = User.objects.filter(is_superuser=True).first() or User.objects.first()
    out = {}
    for query in queries:
        seconds = []
        rows = 0
        for _ in range(repeats):
            started = time.perf_counter()
            rows = len(registry_page(user, ProjectFilters(query=query), size=50).rows)
            seconds.append(time.perf_counter() - started)
        seconds.sort()
        p95 = seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))]
        out[query] = (statistics.median(seconds) * 1000, p95 * 1000, rows)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=20)
    options = parser.parse_args()
    os.environ["TANDEM_DATA_DIR"] = tempfile.mkdtemp(prefix="tandem-bench-xsearch-")
    os.environ.pop("TANDEM_DATABASE_URL", None)
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
    from tandem.core.models import Organisation, Region

    def names(row: object) -> dict[str, str]:
        return {lang: getattr(row, f"name_{lang}") or "" for lang in LANGS}

    places = [names(region) for region in Region.objects.all()]
    organisations = [names(org) for org in Organisation.objects.filter(is_illustrative=True)]
    lines = [
        "# Cross-language search (development figures)",
        "",
        f"`python bench/run.py crosslingual`, {time.strftime('%Y-%m-%d')}, SQLite, "
        f"{options.projects} illustrative projects (loaded in {load:.0f} s). The goal "
        "(issue 26): >= 95% of what a same-language query finds, p95 under 150 ms at 100k.",
        "",
    ]
    for label, things in (
        ("Places: the embedded default's regions", places),
        ("Organisations: the demo registry's (illustrative)", organisations),
    ):
        lines += [f"## {label} ({len(things)})", "", "| written in | asked in | found | of |"]
        lines.append("|---|---|---|---|")
        for (written, asked), (across, same) in recall(things).items():
            if written != asked:
                share = f"{100 * across / same:.1f}%" if same else "-"
                lines.append(f"| {written} | {asked} | {share} | {same} |")
        lines.append("")
    queries = ["ハバロフスク", "Khabarovsk", "Хабаровск", "北海道", "Сахалин", "energy", "порт"]
    lines += ["## Registry search, first page of 50", "", "| query | p50 ms | p95 ms | rows |"]
    lines.append("|---|---|---|---|")
    for query, (p50, p95, rows) in timings(queries, options.repeats).items():
        lines.append(f"| {query} | {p50:.1f} | {p95:.1f} | {rows} |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
