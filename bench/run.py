"""`make bench`: run every benchmark and gather their figures into docs/performance.md.

`python bench/run.py NAME …` runs only the named ones (bench_NAME.py); `--collect` runs none
and only gathers the figures already in bench/results.

Each benchmark is a script `bench/<area>/bench_<thing>.py` that writes a markdown section to
`bench/results/<thing>.md`. This runner runs them one after another (the machine has two
cores; benchmarks must not compete) and concatenates the sections, with the machine and the
date, into docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
REPORT = ROOT / "docs" / "performance.md"


def main() -> int:
    RESULTS.mkdir(exist_ok=True)
    scripts = sorted(ROOT.glob("bench/*/bench_*.py"))
    collect_only = "--collect" in sys.argv
    only = {arg for arg in sys.argv[1:] if not arg.startswith("--")}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    failures = []
    for script in scripts:
        if collect_only or (only and script.stem.removeprefix("bench_") not in only):
            continue
        print(f"== {script.relative_to(ROOT)}", flush=True)
        if subprocess.run([sys.executable, str(script)], env=env, cwd=ROOT).returncode != 0:
            failures.append(script.name)
    sections = [path.read_text(encoding="utf-8").strip() for path in sorted(RESULTS.glob("*.md"))]
    header = (
        "# Performance\n\n"
        f"Measured by `make bench` on {dt.date.today().isoformat()}: {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}. Figures are ratios or "
        "throughputs measured in the same run where the issue asks for ratios.\n"
    )
    REPORT.write_text(header + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")
    if failures:
        print(f"failed: {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
