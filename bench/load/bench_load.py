"""Load: 50 simulated users for 120 s over the main pages and the API (issue: reliability).

A fresh SQLite demo database (the embedded default, illustrative organisations and projects,
the demo accounts) is served by gunicorn on 127.0.0.1 only. Fifty users, each with its own
signed-in session (through the real sign-in page) and keep-alive connection, spread over the
roles, open a page or call the API, think for 0.5-1.5 s, and go on for 120 s. Every response
that is not 200 counts as an error. Writes p50/p95/p99 and requests per second, with the load
of the machine, to bench/results/load.md.

    PYTHONPATH=src python bench/load/bench_load.py [--users 50] [--seconds 120] [--workers 4]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from load import HOST, percentile, sign_in  # noqa: E402 - bench/load.py, the shared helper

RESULTS = ROOT / "bench" / "results" / "load.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
PASSWORD = "tandem-demo-2019"
ACCOUNTS = (
    "secretariat-jp",
    "secretariat-ru",
    "official-jp",
    "official-ru",
    "agency",
    "coordinator",
    "company",
    "auditor",
)
# The main pages and API reads; each user keeps those that its role may open (probed first).
CANDIDATES = (
    "/",
    "/programme/",
    "/projects/",
    "/projects/?q=energy",
    "/alignment/",
    "/organisations/",
    "/committee/",
    "/exchange/",
    "/matchmaking/",
    "/fairs/",
    "/api/v1/me",
    "/api/v1/projects",
    "/api/v1/sessions",
    "/api/v1/fairs",
)


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, url: str, elapsed_ms: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(url, []).append(elapsed_ms)
            if not ok:
                self.errors[url] = self.errors.get(url, 0) + 1


def run(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run([TANDEM, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def prepare(env: dict[str, str]) -> None:
    run("migrate", "--no-input", "-v0", env=env)
    run("load-default", env=env)
    run("demo-data", env=env)
    run("demo-projects", env=env)
    run("demo-accounts", env=env)
    run("collectstatic", "--no-input", "-v0", env=env)


def get(connection: http.client.HTTPConnection, url: str, cookie: str) -> int:
    connection.request("GET", url, headers={"Cookie": cookie})
    response = connection.getresponse()
    response.read()
    return response.status


def allowed_urls(port: int, cookie: str) -> list[str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        allowed = []
        for url in CANDIDATES:
            status = get(connection, url, cookie)
            if status >= 500:
                raise SystemExit(f"{url} answers {status} before the run: fix it first")
            if status == 200:  # 403/404: not for this role
                allowed.append(url)
        return allowed
    finally:
        connection.close()


def user(port: int, cookie: str, urls: list[str], until: float, tally: Tally, seed: int) -> None:
    chooser = random.Random(seed)
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    while time.monotonic() < until:
        url = chooser.choice(urls)
        started = time.perf_counter()
        try:
            ok = get(connection, url, cookie) == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
        tally.add(url, (time.perf_counter() - started) * 1000, ok)
        time.sleep(chooser.uniform(0.5, 1.5))
    connection.close()


def report(args: argparse.Namespace, tally: Tally, elapsed: float, load: dict[str, object]) -> str:
    every = [value for values in tally.latencies.values() for value in values]
    count, errors = len(every), sum(tally.errors.values())
    lines = [
        "## Load: simulated users over the main pages and the API",
        "",
        f"{args.users} users, each signed in with its own session (roles: "
        f"{', '.join(ACCOUNTS)}), for {elapsed:.0f} s against gunicorn ({args.workers} sync "
        "workers) on 127.0.0.1, SQLite demo database (embedded default, illustrative "
        "organisations and projects); each user opens a page or calls the API, then thinks "
        "0.5-1.5 s. Two-factor authentication off for the run (TANDEM_REQUIRE_MFA=0: the "
        "sessions sign in with a password only).",
        "",
        f"Machine: {os.cpu_count()} cores (the load generator runs on them too); load average "
        f"{load['before']} before, {load['after']} at the end (1, 5, 15 min).",
        "",
        f"**{count:,} requests, {errors} errors, {count / elapsed:.1f} requests/s; "
        f"p50 {percentile(every, 0.5):.0f} ms, p95 {percentile(every, 0.95):.0f} ms, "
        f"p99 {percentile(every, 0.99):.0f} ms.**",
        "",
        "| URL | requests | errors | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for url in sorted(tally.latencies):
        values = tally.latencies[url]
        lines.append(
            f"| `{url}` | {len(values)} | {tally.errors.get(url, 0)} | "
            f"{percentile(values, 0.5):.0f} | {percentile(values, 0.95):.0f} | "
            f"{percentile(values, 0.99):.0f} |"
        )
    return "\n".join(lines) + "\n"


def loadavg() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8741)
    parser.add_argument("--reuse", type=Path, help="a data dir already prepared by a run")
    args = parser.parse_args()
    data_dir = args.reuse or Path(tempfile.mkdtemp(prefix="tandem-bench-load-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TANDEM_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env |= {
        "TANDEM_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(ROOT / "src"),
        "TANDEM_REQUIRE_MFA": "0",
        "OPENBLAS_NUM_THREADS": "1",
    }
    if not args.reuse:
        print("preparing the demo database…", flush=True)
        prepare(env)
    server = subprocess.Popen(
        [
            GUNICORN,
            "tandem.wsgi",
            "--bind",
            f"{HOST}:{args.port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "300",  # a worker's first request imports everything: slow on a busy machine
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        cookies: list[str] = []
        for number in range(args.users):
            account = ACCOUNTS[number % len(ACCOUNTS)]
            for _attempt in range(100):
                try:
                    cookies.append(sign_in(args.port, account, PASSWORD))
                    break
                except (OSError, http.client.HTTPException):
                    time.sleep(0.3)  # the server is still starting
                except RuntimeError:
                    time.sleep(3)  # allauth allows 30 sign-ins a minute from one address
            else:
                raise SystemExit(f"could not sign in as {account}")
        urls = {account: allowed_urls(args.port, cookies[n]) for n, account in enumerate(ACCOUNTS)}
        for account, allowed in urls.items():
            print(f"{account}: {len(allowed)} URLs", flush=True)
        load = {"before": loadavg()}
        tally = Tally()
        started = time.monotonic()
        until = started + args.seconds
        threads = [
            threading.Thread(
                target=user,
                args=(args.port, cookie, urls[ACCOUNTS[n % len(ACCOUNTS)]], until, tally, n),
            )
            for n, cookie in enumerate(cookies)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        load["after"] = loadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.reuse:
            shutil.rmtree(data_dir, ignore_errors=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report(args, tally, elapsed, load), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
