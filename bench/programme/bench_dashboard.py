"""The alignment portfolio dashboard at 100k projects on SQLite.

Times the dashboard page and its CSV downloads with Django's test client in process (CPU
time of the request, ``time.process_time``), cold (the registry has just changed, so the
cached figures are recomputed) and warm (served from the cache keyed by the registry's
change marker). Writes bench/results/dashboard.md.

    PYTHONPATH=src python bench/programme/bench_dashboard.py [--projects 100000]
        [--from-data-dir /tmp/regperf]   # copy an existing registry instead of building one
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "dashboard.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
URLS = {
    "page (years)": "/alignment/dashboard/",
    "page (quarters, plan area P6)": "/alignment/dashboard/?step=quarter&plan_area=P6",
    "status.csv": "/alignment/dashboard/status.csv",
    "regions.csv": "/alignment/dashboard/regions.csv",
    "session.csv": "/alignment/dashboard/session.csv",
}
USER = "secretariat-jp"
BEFORE = (
    "Before the figures were computed in one pass and cached (every view built a Python "
    "object per status change and sorted them twice; measured once by hand on the same 100k "
    "registry, load about 10): page 11–18 s, quarters with P6 5.3 s, status.csv 9.6 s, "
    "session.csv 11.4 s of CPU, on every request."
)


def tandem(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run([TANDEM, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def prepare(data_dir: Path, projects: int, source: Path | None) -> None:
    env = {**os.environ, "TANDEM_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src")}
    env.pop("TANDEM_DATABASE_URL", None)
    if source is not None:
        shutil.copytree(source, data_dir, dirs_exist_ok=True)
        shutil.rmtree(data_dir / "cache", ignore_errors=True)
        tandem("migrate", "--no-input", "-v0", env=env)
    else:
        tandem("migrate", "--no-input", "-v0", env=env)
        tandem("load-default", env=env)
        tandem("demo-data", "--organisations", "2000", "--people", "0", env=env)
        tandem("demo-projects", "--count", str(projects), env=env)
        tandem("demo-accounts", env=env)
    tandem("collectstatic", "--no-input", "-v0", env=env)


def measure(repeat: int) -> tuple[int, dict[str, tuple[float, float, int]]]:
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tandem.core.models import User
    from tandem.projects.models import JointProject
    from tandem.projects.services.registry_cache import registry_changed

    setup_test_environment()
    client = Client()
    client.force_login(User.objects.get(username=USER))
    client.get("/alignment/", HTTP_HOST="localhost")  # imports, templates, connections

    def timed(url: str) -> tuple[float, int]:
        started = time.process_time()
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, (url, response.status_code)
        return time.process_time() - started, len(response.content)

    out: dict[str, tuple[float, float, int]] = {}
    for label, url in URLS.items():
        cold, warm = [], []
        size = 0
        for _ in range(repeat):
            registry_changed()
            cold.append(timed(url)[0])
            seconds, size = timed(url)
            warm.append(seconds)
        out[label] = (statistics.median(cold), statistics.median(warm), size)
    return JointProject.objects.count(), out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--from-data-dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="tandem-bench-dashboard-"))
    try:
        prepare(data_dir, args.projects, args.from_data_dir)
        os.environ.update(
            {
                "TANDEM_DATA_DIR": str(data_dir),
                "DJANGO_SETTINGS_MODULE": "tandem.settings.base",
                "TANDEM_REQUIRE_MFA": "0",
            }
        )
        os.environ.pop("TANDEM_DATABASE_URL", None)
        load_before = os.getloadavg()[0]
        count, figures = measure(args.repeat)
        load_after = os.getloadavg()[0]
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    lines = [
        "## Alignment dashboard",
        "",
        f"{count:,} joint projects on SQLite, read as `{USER}` (sees public, internal and its "
        f"side's confidential projects). CPU seconds per request (`time.process_time`, test "
        f"client in process, median of {args.repeat}): *cold* right after a registry change "
        "(figures recomputed), *warm* from the cache keyed by the registry's change marker. "
        f"Machine load average {load_before:.1f} before and {load_after:.1f} after, on "
        f"{os.cpu_count()} cores shared with other work: wall-clock times would be "
        "meaningless, CPU times are what one request costs.",
        "",
        "| Request | Cold (s CPU) | Warm (s CPU) | Response size |",
        "|---|---:|---:|---:|",
    ]
    for label, (cold, warm, size) in figures.items():
        lines.append(f"| {label} | {cold:.2f} | {warm:.2f} | {size / 1024:,.0f} KiB |")
    lines += ["", BEFORE, ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
