"""A full disk, for real (issue: faults on one machine).

The demo database (embedded default, illustrative organisations and projects, the demo
accounts) is prepared in a temporary folder, copied onto a tmpfs just large enough for it, and
served by gunicorn from there. Every role signs in; then the tmpfs is filled to its last block.
With the disk full: every read page and API read each role may open is requested (each must
answer as before, never 5xx), writes through the API and a page are tried (each must answer
507, never a traceback), the data folder is searched for part files, and /readyz is timed.
Then space is freed and the same write must succeed. Writes bench/results/full_disk.md.

Needs root (it mounts a tmpfs); on a machine that refuses the mount it says so and stops.

    PYTHONPATH=src python bench/faults/bench_full_disk.py
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from load import HOST, percentile, sign_in  # noqa: E402 - bench/load.py, the shared helper

RESULTS = ROOT / "bench" / "results" / "full_disk.md"
TANDEM = str(Path(sys.executable).with_name("tandem"))
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
PASSWORD = "tandem-demo-2019"
PORT = 8742
ACCOUNTS = ("secretariat-jp", "secretariat-ru", "official-jp", "agency", "company", "auditor")
READS = (
    "/",
    "/programme/",
    "/projects/",
    "/projects/?q=energy",
    "/projects/?plan_area=P6",
    "/alignment/",
    "/organisations/",
    "/committee/",
    "/exchange/",
    "/matchmaking/",
    "/fairs/",
    "/trade/",
    "/api/v1/me",
    "/api/v1/projects",
    "/api/v1/sessions",
    "/api/v1/fairs",
    "/api/v1/plan-areas",
)
SERVER_FLAGS = ("--timeout", "300", "--log-level", "warning")
BIG_SUMMARY = "A long summary of the project's progress. " * 2_000


def run(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run([TANDEM, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def request(
    method: str, url: str, cookie: str, body: bytes | None = None, csrf: str = ""
) -> tuple[int, str]:
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    headers = {"Cookie": cookie}
    if body is not None:
        headers |= {
            "Content-Type": "application/json",
            "X-CSRFToken": csrf,
            "Referer": f"http://{HOST}:{PORT}/",
        }
    try:
        connection.request(method, url, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def fill(path: Path) -> None:
    with path.open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 65536)
    with path.open("ab", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 512)


def part_files(data_dir: Path) -> list[str]:
    return [
        str(path.relative_to(data_dir))
        for path in data_dir.rglob("*")
        if path.name.endswith((".part", ".partial", ".tmp"))
    ]


def main() -> None:
    prepared = Path(tempfile.mkdtemp(prefix="tandem-bench-full-"))
    mount_point = Path(tempfile.mkdtemp(prefix="tandem-bench-tmpfs-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TANDEM_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env |= {"PYTHONPATH": str(ROOT / "src"), "TANDEM_REQUIRE_MFA": "0", "TANDEM_DATA_DIR": ""}
    print("preparing the demo database…", flush=True)
    env["TANDEM_DATA_DIR"] = str(prepared)
    for step in ("migrate", "load-default", "demo-data", "demo-projects", "demo-accounts"):
        run(step, *(["--no-input", "-v0"] if step == "migrate" else []), env=env)
    run("collectstatic", "--no-input", "-v0", env=env)
    used = sum(path.stat().st_size for path in prepared.rglob("*") if path.is_file())
    size = used + 48 * 1_048_576  # room for sessions, WAL and the cache until it is filled
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        raise SystemExit(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    data_dir = mount_point / "data"
    shutil.copytree(prepared, data_dir)
    env["TANDEM_DATA_DIR"] = str(data_dir)
    server = subprocess.Popen(
        [GUNICORN, "tandem.wsgi", "--bind", f"{HOST}:{PORT}", "--workers", "2", *SERVER_FLAGS],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        cookies = {}
        for account in ACCOUNTS:
            for _attempt in range(200):
                try:
                    cookies[account] = sign_in(PORT, account, PASSWORD)
                    break
                except (OSError, http.client.HTTPException, RuntimeError):
                    time.sleep(0.5)
            else:
                raise SystemExit(f"could not sign in as {account}")
        allowed = {
            account: [url for url in READS if request("GET", url, cookie)[0] == 200]
            for account, cookie in cookies.items()
        }
        writer = cookies["secretariat-jp"]
        csrf = writer.split("csrftoken=")[1]
        status, body = request("GET", "/api/v1/projects?limit=1", writer)
        code = json.loads(body)["items"][0]["code"]
        detail = json.loads(request("GET", f"/api/v1/projects/{code}", writer)[1])
        filler = mount_point / "filler"
        fill(filler)
        print(f"disk full: {shutil.disk_usage(mount_point).free} bytes free", flush=True)

        failed_reads: list[str] = []
        served = 0
        for account, urls in allowed.items():
            for url in urls:
                status, page = request("GET", url, cookies[account])
                if status == 200:
                    served += 1
                else:
                    failed_reads.append(f"{account} {url} → {status}")
        tracebacks = 0
        write_statuses = []
        for attempt in range(5):
            change = {"code": code, "summary_en": f"{BIG_SUMMARY} {attempt}"}
            payload = json.dumps({"version": detail["version"], "changes": change}).encode()
            status, page = request("PATCH", f"/api/v1/projects/{code}", writer, payload, csrf)
            write_statuses.append(status)
            tracebacks += "Traceback" in page
        created = json.dumps({"code": "JR-2026-0999", "title_en": "Full disk"}).encode()
        status, page = request("POST", "/api/v1/projects", writer, created, csrf)
        write_statuses.append(status)
        tracebacks += "Traceback" in page
        partials = part_files(data_dir)
        readyz = []
        for _ in range(200):
            started = time.perf_counter()
            request("GET", "/readyz", "")
            readyz.append((time.perf_counter() - started) * 1000)
        ready_status, ready_body = request("GET", "/readyz", "")

        filler.unlink()
        payload = json.dumps(
            {"version": detail["version"], "changes": {"code": code, "places": "Kobe"}}
        )
        after_status, _page = request(
            "PATCH", f"/api/v1/projects/{code}", writer, payload.encode(), csrf
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        shutil.rmtree(prepared, ignore_errors=True)
    total_reads = served + len(failed_reads)
    lines = [
        "## Faults: a full disk",
        "",
        "The SQLite demo database (embedded default, illustrative organisations and projects) "
        "on a tmpfs filled to its last block, served by gunicorn (2 workers) on 127.0.0.1; "
        f"{len(ACCOUNTS)} roles signed in before the disk filled "
        "(`bench/faults/bench_full_disk.py`).",
        "",
        f"- Read pages and API reads with the disk full: **{served} of {total_reads} served** "
        f"(every URL each role may open; failures: {failed_reads or 'none'}).",
        f"- Writes with the disk full (5 API edits of a long summary, 1 API creation): "
        f"statuses {write_statuses}; **{tracebacks} tracebacks**.",
        f"- Part files left in the data folder: **{len(partials)}** {partials or ''}.",
        f"- `/readyz` with the disk full: HTTP {ready_status}, "
        f"`{json.loads(ready_body)['status']}`; over 200 requests p50 "
        f"{percentile(readyz, 0.5):.1f} ms, p95 **{percentile(readyz, 0.95):.1f} ms** "
        "(goal < 50 ms).",
        f"- After freeing space, the same edit: HTTP {after_status}.",
    ]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
