"""Registry performance at scale (issue: joint-project registry).

For SQLite and PostgreSQL: fill a fresh database with N illustrative joint projects, serve it
with gunicorn (4 workers), and measure p50/p95 of the registry's pages at concurrency 4 next to
the bare view (/healthz) in the same run. Then, in process: the IATI export of the public
projects against bare lxml serialising the same records, and an import of 10k XLSX rows.
Writes bench/results/registry.md.

    PYTHONPATH=src python bench/registry/bench_registry.py [--projects 100000] [--only sqlite]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "registry.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
POSTGRES_URL = os.environ.get(
    "TANDEM_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/tandem_bench"
)
TARGETS = {"detail": 10, "list": 40, "deep page": 40, "search": 40, "filtered": 40, "dashboard": 30}


def run(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run([TANDEM, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(env: dict[str, str], projects: int) -> float:
    run("migrate", "--no-input", "-v0", env=env)
    run("load-default", env=env)
    run("demo-data", "--organisations", "2000", "--people", "0", env=env)
    started = time.perf_counter()
    run("demo-projects", "--count", str(projects), env=env)
    seconds = time.perf_counter() - started
    run("demo-accounts", env=env)
    run("collectstatic", "--no-input", "-v0", env=env)
    return seconds


def child(database: str, projects: int, port: int) -> dict[str, object]:
    """Runs in a fresh process whose environment points at one database."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"tandem-bench-{database}-"))
    # Two-factor authentication off: the secretariat signs in with a password only (the
    # pages measured are the same once a second factor has been given).
    env = {
        **os.environ,
        "TANDEM_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(ROOT / "src"),
        "TANDEM_REQUIRE_MFA": "0",
    }
    if database == "postgresql":
        env["TANDEM_DATABASE_URL"] = POSTGRES_URL
        name = POSTGRES_URL.rsplit("/", 1)[1]
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    else:
        env.pop("TANDEM_DATABASE_URL", None)
    creation = prepare(env, projects)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tandem.settings.base"
    import django

    django.setup()
    from tandem.projects.models import JointProject
    from tandem.projects.selectors.registry import encode_cursor

    sample = JointProject.objects.filter(disclosure="public").order_by("code")
    deep = sample[int(sample.count() * 0.9)]
    detail_code = sample[sample.count() // 2].code
    urls = {
        "bare view": "/healthz",
        "list": "/projects/",
        "deep page": f"/projects/?after={encode_cursor(deep.code, deep.pk)}",
        "search": "/projects/?q=vladivostok",
        "filtered": "/projects/?plan_area=P6&status=completed",
        "detail": f"/projects/{detail_code}/",
        "dashboard": "/",
    }
    server = subprocess.Popen(
        [
            GUNICORN,
            "tandem.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        sys.path.insert(0, str(ROOT / "bench"))
        from load import measure, sign_in

        for _ in range(100):
            try:
                cookie = sign_in(port, "secretariat-jp", "tandem-demo-2019")
                break
            except OSError:
                time.sleep(0.2)
        for url in urls.values():  # warm every worker's caches and connections
            measure(port, url, cookie=cookie, requests=16, concurrency=4)
        pages = {
            label: measure(port, url, cookie=cookie, requests=400, concurrency=4).__dict__
            for label, url in urls.items()
        }
        failed = {label: row["errors"] for label, row in pages.items() if row["errors"]}
        if failed:  # a timing of error pages says nothing about the registry
            raise SystemExit(f"requests failed (not HTTP 200), by page: {failed}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures: dict[str, object] = {
        "database": database,
        "projects": projects,
        "creation_s": creation,
        "pages": pages,
    }
    figures |= iati_figures()
    figures |= xlsx_figures()
    shutil.rmtree(data_dir, ignore_errors=True)
    return figures


def iati_figures() -> dict[str, object]:
    import io

    sys.path.insert(0, str(ROOT / "bench" / "interop"))
    from bench_iati import bare_export  # type: ignore[import-not-found]

    from tandem.interop.iati.export import write_activities
    from tandem.interop.registry_iati import exportable, public_projects, reporting_org

    started = time.perf_counter()
    skipped: list[str] = []
    records = list(exportable(public_projects().iterator(chunk_size=2000), skipped))
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    written = write_activities(
        records, io.BytesIO(), reporting_org=reporting_org(), generated=records[0].last_updated
    )  # type: ignore[arg-type]
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    bare_export(records, io.BytesIO(), reporting_org())
    bare_s = time.perf_counter() - started
    return {
        "iati": {"activities": written, "db_read_s": read_s, "ours_s": ours_s, "bare_s": bare_s}
    }


def xlsx_figures(rows: int = 10_000) -> dict[str, object]:
    import io

    from openpyxl import Workbook

    from tandem.core.models import User
    from tandem.interop.registry_import import commit, plan_table
    from tandem.interop.tabular.read import read_table
    from tandem.programme.models import Programme

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(
        [
            "code",
            "title_en",
            "title_ru",
            "status",
            "status_date",
            "plan_areas",
            "national_projects",
            "regions",
            "disclosure",
        ]
    )
    for number in range(rows):
        sheet.append(
            [
                f"JR-2030-{number:05d}",
                f"Imported project {number}",
                f"Импортированный проект {number}",
                "idea",
                "2030-01-15",
                "P5; P3",
                "N7",
                "RU-SVE",
                "internal",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    user = User.objects.get(username="secretariat-jp")
    programme = Programme.objects.get()
    started = time.perf_counter()
    table = read_table(buffer.getvalue(), "rows.xlsx", max_bytes=50 * 2**20, max_rows=20_000)
    plan = plan_table(table, user, programme, "rows.xlsx")
    planned_s = time.perf_counter() - started
    counts = commit(plan, user, programme)
    total_s = time.perf_counter() - started
    return {"xlsx": {"rows": rows, "preview_s": planned_s, "total_s": total_s, **counts}}


def report(all_figures: list[dict[str, object]]) -> str:
    lines = ["## Joint-project registry", ""]
    for figures in all_figures:
        pages = figures["pages"]  # type: ignore[index]
        bare = pages["bare view"]["p95_ms"]  # type: ignore[index]
        lines += [
            f"### {figures['database']}: {figures['projects']:,} projects "  # type: ignore[str-format]
            f"(created in {figures['creation_s']:.0f} s)",
            "",
            "gunicorn, 4 workers, 4 concurrent clients on loopback, 400 requests per page, signed "
            "in as a secretariat (password only: TANDEM_REQUIRE_MFA=0).",
            "",
            "| page | p50 ms | p95 ms | p95 / bare p95 | goal | errors |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for label, row in pages.items():  # type: ignore[attr-defined]
            goal = f"≤ {TARGETS[label]}x" if label in TARGETS else ""
            lines.append(
                f"| {label} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
                f"{row['p95_ms'] / bare:.1f}x | {goal} | {row['errors']} |"
            )
        iati = figures["iati"]  # type: ignore[index]
        xlsx = figures["xlsx"]  # type: ignore[index]
        lines += [
            "",
            f"IATI export of {iati['activities']:,} public activities: reading from the database "
            f"{iati['db_read_s']:.1f} s; writing {iati['activities'] / iati['ours_s']:,.0f} "
            f"activities/s against bare lxml's {iati['activities'] / iati['bare_s']:,.0f} "
            f"({iati['bare_s'] / iati['ours_s']:.2f}x; goal ≥ 0.5x).",
            "",
            f"XLSX import of {xlsx['rows']:,} rows: preview {xlsx['preview_s']:.1f} s, preview and "
            f"commit {xlsx['total_s']:.1f} s ({xlsx['created']:,} created; goal < 60 s).",
            "",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", choices=["sqlite", "postgresql"])
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.projects, args.port)))
        return
    figures = []
    for database in ("sqlite", "postgresql"):
        if args.only and database != args.only:
            continue
        output = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                database,
                "--projects",
                str(args.projects),
                "--port",
                str(args.port),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if output.returncode != 0:
            raise SystemExit(f"{database} run failed:\n{output.stderr[-4000:]}")
        figures.append(json.loads(output.stdout.strip().splitlines()[-1]))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report(figures), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
