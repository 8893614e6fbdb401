"""The open-data portal at scale (issue 18): p50/p95 of every /open/ page from the cache and
on a miss, the CSV of all public projects in rows per second, and the daily dump's time.

Fills a fresh SQLite database with N illustrative projects (``tandem demo-projects``) and the
demo committee, then measures in process with Django's test client, one request at a time
(not the issue's concurrency 8 over HTTP: development figures). A miss is measured by
clearing the cache before the request. Writes bench/results/open.md.

    PYTHONPATH=src python bench/open/bench_open.py [--projects 100000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "open.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))


def run(*args: str) -> None:
    result = subprocess.run([TANDEM, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def percentiles(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", help="a data dir filled by an earlier run")
    options = parser.parse_args()
    os.environ["TANDEM_DATA_DIR"] = options.reuse or tempfile.mkdtemp(prefix="tandem-bench-open-")
    os.environ.pop("TANDEM_DATABASE_URL", None)
    started = time.perf_counter()
    if not options.reuse:
        run("migrate", "--no-input", "-v0")
        run("collectstatic", "--no-input", "-v0")  # the pages link hashed static files
        run("load-default")
        run("demo-data")
        run("demo-projects", "--count", str(options.projects))
        run("demo-committee")
        run("demo-trade")  # the illustrative series, published on the portal
    fill_seconds = time.perf_counter() - started
    os.environ["DJANGO_SETTINGS_MODULE"] = "tandem.settings.base"
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from tandem.core.actors import command_actor
    from tandem.interop.open_dumps import open_dump_create
    from tandem.projects.models import JointProject

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    public = JointProject.objects.filter(disclosure="public").order_by("code")
    code = public.values_list("code", flat=True)[len(public) // 2]
    pages = {
        "list": "/open/projects/",
        "list, filtered": "/open/projects/?plan_area=P5&status=under_implementation&year=2021",
        "list, search": "/open/projects/?q=port",
        "widget": "/open/projects/embed/?plan_area=P5",
        "widget, chart": "/open/projects/embed/?plan_area=P5&view=chart",
        "atom": "/open/projects/?plan_area=P5&format=atom",
        "project": f"/open/projects/{code}/",
        "project as of 15": f"/open/projects/{code}/?as_of=15",
        "committee": "/open/committee/",
        "downloads": "/open/downloads/",
        "about": "/open/about/",
        "regions": "/open/regions/",
        "trade": "/open/trade/",
    }
    rows = []
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url
        hits, misses = [], []
        for _ in range(options.repeat):
            cache.clear()
            began = time.perf_counter()
            client.get(url)
            misses.append(time.perf_counter() - began)
            began = time.perf_counter()
            response = client.get(url)
            hits.append(time.perf_counter() - began)
            assert response["X-Tandem-Cache"] == "hit", url
        rows.append((name, url, *percentiles(hits), *percentiles(misses)))
    public_count = public.count()
    began, cpu_began = time.perf_counter(), time.process_time()
    response = client.get("/open/projects/?format=csv")
    chunks = response.streaming_content  # type: ignore[attr-defined]
    size = sum(len(chunk) for chunk in chunks)
    csv_seconds = time.perf_counter() - began
    csv_cpu = time.process_time() - cpu_began
    began, cpu_began = time.perf_counter(), time.process_time()
    dump = open_dump_create(actor=command_actor("bench"))
    dump_seconds = time.perf_counter() - began
    dump_cpu = time.process_time() - cpu_began
    lines = [
        "# Open-data portal (issue 18), development figures",
        "",
        f"{options.projects} illustrative projects ({public_count} public) on SQLite, measured "
        f"in process with Django's test client, one request at a time ({options.repeat} "
        f"requests per page and state), {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores shared with other work (load average "
        f"{os.getloadavg()[0]:.1f} at the end); fill {fill_seconds:.0f} s. "
        "A miss clears the cache first. Goals (100k projects, concurrency 8): p95 < 50 ms "
        "cached, < 150 ms on a miss, CSV >= 20k rows/s, dump < 60 s.",
        "",
        "| page | URL | cached p50 ms | cached p95 ms | miss p50 ms | miss p95 ms |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r[0]} | `{r[1]}` | {r[2]:.1f} | {r[3]:.1f} | {r[4]:.1f} | {r[5]:.1f} |"
            for r in rows
        ),
        "",
        f"CSV of all {public_count} public projects: {csv_seconds:.1f} s, "
        f"{public_count / csv_seconds:,.0f} rows/s, {size / 1e6:.1f} MB; this process's CPU "
        f"time {csv_cpu:.1f} s ({public_count / csv_cpu:,.0f} rows per CPU second: what one "
        "free core would give, the database's own work included as it runs in process).",
        "",
        f"Daily dump (CSV, JSON, IATI of every public project): {dump_seconds:.1f} s "
        f"({dump_cpu:.1f} s of CPU time); "
        + ", ".join(f"{f.name} {f.rows} rows" for f in dump.files)
        + ".",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
