"""A cold gunicorn worker's first request, without and with tandem's warm start.

Starts gunicorn with one worker as `make demo` does (`tandem.wsgi`), without and then with
`-c python:tandem.gunicorn_conf` (the master loads and warms the application before it
listens), waits for "Listening at", then times the first and the second request to the sign-in
page (a whole page through the layout; it reads nothing from the database). Each setting runs
`ROUNDS` times, on the data directory TANDEM_DATA_DIR names (a migrated one: `make demo`'s
var/ by default). Writes bench/results/warm_start.md.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
OUTPUT = ROOT / "bench" / "results" / "warm_start.md"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PAGE = "/accounts/login/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:
        response.read()
    return time.perf_counter() - start


def one_round(warm: bool, data_dir: str) -> tuple[float, float, float]:
    """(seconds from start to "Listening at", first request, second request)."""
    port = _free_port()
    command = [str(BIN / "gunicorn"), "tandem.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--timeout", "600"]
    if warm:
        command[1:1] = ["-c", "python:tandem.gunicorn_conf"]
    env = os.environ | {"TANDEM_DATA_DIR": data_dir, "TANDEM_REQUIRE_MFA": "0"}
    start = time.perf_counter()
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert server.stderr is not None
        for line in server.stderr:
            if "Listening at" in line:
                break
        listening = time.perf_counter() - start
        url = f"http://127.0.0.1:{port}{PAGE}"
        return listening, _get(url), _get(url)
    finally:
        server.terminate()
        try:
            server.wait(timeout=300)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> int:
    data_dir = os.environ.get("TANDEM_DATA_DIR", str(ROOT / "var"))
    rows = []
    for warm in (False, True):
        runs = [one_round(warm, data_dir) for _ in range(ROUNDS)]
        rows.append((warm, *(statistics.median(run[i] for run in runs) for i in range(3))))
    load = os.getloadavg()[0]
    lines = [
        "## Warm start of the web workers",
        "",
        f"gunicorn with one worker, `{PAGE}` (a whole page, no database read), median of "
        f"{ROUNDS} starts each; `bench/web/bench_warm_start.py`. Development figures on this "
        f"machine, measured with a 1-minute load average of {load:.1f} on "
        f"{os.cpu_count()} cores (other processes were running): the absolute times are "
        "inflated, the difference between the two rows is the point.",
        "",
        '| start | to "Listening at" | first request | second request |',
        "|---|---|---|---|",
    ]
    for warm, listening, first, second in rows:
        name = "warm (`-c python:tandem.gunicorn_conf`)" if warm else "cold (as before)"
        lines.append(f"| {name} | {listening:.1f} s | {first:.2f} s | {second:.3f} s |")
    lines += [
        "",
        "Warm: the master imports every page's code, reads the three catalogues and compiles "
        "the templates before it listens (`tandem.web.warmup`), and each worker it forks "
        "starts with them.",
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
