"""Simulated users against the loopback cluster of deploy/cluster.sh, one node killed mid-run.

    deploy/cluster.sh up                      # PostgreSQL tandem_cluster, Redis db 3, 2 nodes
    .venv/bin/python bench/scale/bench_scale.py [--users 100] [--seconds 120] [--kill-at 40]
        [--down-for 20] [--single] [--prepare]

Every request goes through HAProxy (127.0.0.1:8100). The users, all at once:

* **read**: pages and API reads as signed-in people of eight roles (sessions are database rows,
  so a user sent to the other node stays signed in), with a pause of 0.5-1.5 s between;
* **write**: one user in ten registers joint projects through the API (bearer token), each with
  a new code; every 201 is an acknowledged write, looked for in the database afterwards;
* **import**: every 30 s a projects file is uploaded (preview) and committed, the two requests
  free to land on different nodes (the staged file is in the shared upload folder);
* **briefing** and **schedule**: every 20 s a committee session's briefing pack, every 30 s a
  fair's schedule computation, as jobs for the task workers of both nodes; followed to the end.

At ``--kill-at`` seconds node a and its task worker are killed with SIGKILL (as if its machine
were lost); ``--down-for`` seconds later it is started again. After the run the script waits
for every job, then counts against the database: every acknowledged project present, each job
run to success exactly once (django_tasks_db results per job), none left running. ``--single``
runs the same load with node b stopped throughout (one node's throughput on the same machine),
without the kill. Appends its figures to bench/results/scale.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from load import HOST, percentile, sign_in  # noqa: E402 - bench/load.py, the shared helper

RESULTS = ROOT / "bench" / "results" / "scale.md"
CLUSTER = ROOT / "deploy" / "cluster.sh"
CLUSTER_DIR = Path(os.environ.get("CLUSTER_DIR", ROOT / "var" / "cluster"))
PORT = int(os.environ.get("CLUSTER_PORT", "8100"))
TANDEM = str(Path(sys.executable).with_name("tandem"))
PASSWORD = "tandem-demo-2019"
READERS = ("secretariat-jp", "secretariat-ru", "official-jp", "official-ru", "agency", "auditor")
READS = (
    "/",
    "/projects/",
    "/projects/?q=energy",
    "/alignment/",
    "/committee/",
    "/fairs/",
    "/matchmaking/",
    "/api/v1/projects",
    "/api/v1/sessions",
    "/api/v1/fairs",
)
TIMEOUT = 60


def cluster_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        TANDEM_DATABASE_URL=os.environ.get(
            "TANDEM_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/tandem_cluster"
        ),
        TANDEM_CACHE_URL=os.environ.get("TANDEM_CACHE_URL", "redis://127.0.0.1:6379/3"),
        TANDEM_MEDIA_ROOT=str(CLUSTER_DIR / "media"),
        TANDEM_SECRET_KEY=(CLUSTER_DIR / "secret_key").read_text().strip(),
        TANDEM_DATA_DIR=str(CLUSTER_DIR / "node-a"),
        TANDEM_REQUIRE_MFA="0",
    )
    return env


def tandem(*args: str) -> str:
    done = subprocess.run(
        [TANDEM, *args], env=cluster_env(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"tandem {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def cluster(*args: str) -> None:
    subprocess.run(["bash", str(CLUSTER), *args], check=True, cwd=ROOT)


def prepare() -> None:
    for command in ("demo-data", "demo-projects", "demo-accounts", "demo-committee", "demo-fairs"):
        print(f"tandem {command}", flush=True)
        tandem(command)


def db_json(code: str) -> object:
    """Run Python in the cluster's Django (``out`` is printed as JSON)."""
    text = tandem("shell", "-c", code + "\nimport json; print('@@' + json.dumps(out))")
    return json.loads(text.split("@@", 1)[1])


@dataclass
class Tally:
    start: float
    rows: list[tuple[float, str, int, float]] = field(default_factory=list)  # t, kind, status, ms
    lock: threading.Lock = field(default_factory=threading.Lock)
    projects: list[str] = field(default_factory=list)
    briefings: list[int] = field(default_factory=list)
    schedules: list[int] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)

    def add(self, kind: str, status: int, started: float) -> None:
        now = time.perf_counter()
        with self.lock:
            self.rows.append((started - self.start, kind, status, (now - started) * 1000))


class Client:
    """One keep-alive connection through HAProxy, opened again after a failure."""

    def __init__(self, tally: Tally, headers: dict[str, str]) -> None:
        self.tally = tally
        self.headers = headers
        self.connection = http.client.HTTPConnection(HOST, PORT, timeout=TIMEOUT)

    def call(
        self, kind: str, method: str, url: str, body: bytes | None = None, **headers: str
    ) -> tuple[int, bytes, http.client.HTTPResponse | None]:
        started = time.perf_counter()
        try:
            self.connection.request(method, url, body=body, headers=self.headers | headers)
            response = self.connection.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, PORT, timeout=TIMEOUT)
            status, data, response = 0, b"", None
        self.tally.add(kind, status, started)
        return status, data, response


def reader(tally: Tally, cookie: str, until: float, seed: int) -> None:
    chooser = random.Random(seed)
    client = Client(tally, {"Cookie": cookie})
    while time.perf_counter() < until:
        client.call("read", "GET", chooser.choice(READS))
        time.sleep(chooser.uniform(0.5, 1.5))


def writer(tally: Tally, token: str, until: float, seed: int) -> None:
    chooser = random.Random(seed)
    client = Client(tally, {"Authorization": f"Bearer {token}"})
    while time.perf_counter() < until:
        code = f"SCALE-{chooser.randrange(1000, 9999)}-{uuid.uuid4().int % 1_000_000:06d}"
        body = json.dumps(
            {"code": code, "title_en": f"Scale bench project {code}", "plan_areas": ["P1"]}
        ).encode()
        status, _, _ = client.call(
            "write", "POST", "/api/v1/projects", body, **{"Content-Type": "application/json"}
        )
        if status == 201:
            with tally.lock:
                tally.projects.append(code)
        time.sleep(chooser.uniform(0.5, 1.5))


def importer(tally: Tally, cookie: str, until: float, every: float) -> None:
    client = Client(tally, {"Cookie": cookie})
    while time.perf_counter() < until:
        code = f"IMP-{time.strftime('%Y')}-{uuid.uuid4().int % 1_000_000:06d}"
        csv = f"code,title_en,plan_areas\n{code},Imported by the scale bench,P1\n".encode()
        status, page, _ = client.call("import", "GET", "/projects/import/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.decode())
        if status == 200 and csrf:
            boundary = uuid.uuid4().hex
            body = (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"'
                    f"\r\n\r\n{csrf[1]}\r\n--{boundary}\r\nContent-Disposition: form-data; "
                    f'name="file"; filename="scale.csv"\r\nContent-Type: text/csv\r\n\r\n'
                ).encode()
                + csv
                + f"\r\n--{boundary}--\r\n".encode()
            )
            status, page, _ = client.call(
                "import", "POST", "/projects/import/", body,
                **{"Content-Type": f"multipart/form-data; boundary={boundary}",
                   "Referer": f"http://{HOST}:{PORT}/projects/import/"},
            )  # fmt: skip
            token = re.search(r'name="token" value="([0-9a-f]+)"', page.decode())
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.decode())
            if status == 200 and token and csrf:
                form = urlencode({"token": token[1], "csrfmiddlewaretoken": csrf[1]}).encode()
                status, _, _ = client.call(
                    "import", "POST", "/projects/import/commit/", form,
                    **{"Content-Type": "application/x-www-form-urlencoded",
                       "Referer": f"http://{HOST}:{PORT}/projects/import/"},
                )  # fmt: skip
                if status == 302:
                    with tally.lock:
                        tally.imports.append(code)
        time.sleep(every)


def jobs(tally: Tally, token: str, until: float, kind: str, every: float, target: str) -> None:
    client = Client(tally, {"Authorization": f"Bearer {token}"})
    headers = {"Content-Type": "application/json"}
    while time.perf_counter() < until:
        if kind == "briefing":
            body = json.dumps({"language": "en", "format": "html"}).encode()
            status, data, _ = client.call(
                kind, "POST", f"/api/v1/sessions/{target}/briefing", body, **headers
            )
        else:
            body = json.dumps({"time_limit": 5, "seed": len(tally.schedules)}).encode()
            status, data, _ = client.call(
                kind, "POST", f"/api/v1/fairs/{target}/schedules", body, **headers
            )
        if status == 202:
            with tally.lock:
                (tally.briefings if kind == "briefing" else tally.schedules).append(
                    int(json.loads(data)["id"])
                )
        time.sleep(every)


def summary(tally: Tally, seconds: float, kill_at: float | None) -> dict[str, object]:
    kinds: dict[str, dict[str, object]] = {}
    for kind in ("read", "write", "import", "briefing", "schedule"):
        rows = [r for r in tally.rows if r[1] == kind]
        if not rows:
            continue
        failed = [r for r in rows if r[2] == 0 or r[2] >= 500]
        near = [r for r in failed if kill_at is not None and kill_at - 1 <= r[0] <= kill_at + 5]
        ms = [r[3] for r in rows if 0 < r[2] < 500]
        kinds[kind] = {
            "statuses": sorted({str(r[2]) for r in failed}),
            "requests": len(rows),
            "errors": len(failed),
            "errors_at_kill": len(near),
            "other_4xx": sum(1 for r in rows if 400 <= r[2] < 500),
            "p50": percentile(ms, 0.5) if ms else 0.0,
            "p95": percentile(ms, 0.95) if ms else 0.0,
        }
    total = len(tally.rows)
    failed_at: dict[str, int] = {}  # errors by status and 10-second window of the run
    for t, _, status, _ in tally.rows:
        if status == 0 or status >= 500:
            key = f"{status} at {int(t // 10) * 10}-{int(t // 10) * 10 + 10} s"
            failed_at[key] = failed_at.get(key, 0) + 1
    return {"kinds": kinds, "requests": total, "throughput": total / seconds, "failed": failed_at}


def verify(tally: Tally, wait: float) -> dict[str, object]:
    """Wait for the jobs, then count against the database."""
    code = f"""
import time
from django_tasks_db.models import DBTaskResult
from tandem.committee.models import BriefingJob
from tandem.fairs.models import ScheduleJob
from tandem.projects.models import JointProject as Project
briefings, schedules = {tally.briefings!r}, {tally.schedules!r}
codes = {tally.projects + tally.imports!r}
deadline = time.monotonic() + {wait}
LIVE = ("queued", "running")
def open_jobs():
    return (BriefingJob.objects.filter(pk__in=briefings, status__in=LIVE).count()
            + ScheduleJob.objects.filter(pk__in=schedules, status__in=LIVE).count())
while open_jobs() and time.monotonic() < deadline:
    time.sleep(2)
def runs(path, pk):
    rows = DBTaskResult.objects.filter(task_path__endswith=path)
    mine = [r for r in rows if (r.args_kwargs.get("args") or [None])[0] == pk]
    return sum(1 for r in mine if r.status == "SUCCESSFUL"), len(mine)
out = {{"briefing": {{}}, "schedule": {{}}}}
for kind, model, path, ids in (("briefing", BriefingJob, "build_briefing", briefings),
                               ("schedule", ScheduleJob, "compute_schedule", schedules)):
    for job in model.objects.filter(pk__in=ids):
        ok, rows = runs(path, job.pk)
        out[kind][job.pk] = {{"status": job.status, "attempts": job.attempts,
                             "successful_runs": ok, "task_rows": rows, "error": job.error[:200]}}
found = set(Project.objects.filter(code__in=codes).values_list("code", flat=True))
out["acknowledged"] = len(codes)
out["missing"] = sorted(set(codes) - found)
out["projects_in_db"] = Project.objects.count()
"""
    result = db_json(code)
    assert isinstance(result, dict)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--kill-at", type=float, default=40)
    parser.add_argument("--down-for", type=float, default=20)
    parser.add_argument("--single", action="store_true")
    parser.add_argument("--no-kill", action="store_true", help="a trial run: nothing killed")
    parser.add_argument("--no-report", action="store_true", help="print, do not append")
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--wait-jobs", type=float, default=300)
    args = parser.parse_args()
    if args.prepare:
        prepare()
    token = tandem("api-token", "secretariat-jp", f"scale-{uuid.uuid4().hex[:6]}",
                   "--scope", "write").split()[-1]  # fmt: skip
    agency = tandem("api-token", "agency", f"scale-{uuid.uuid4().hex[:6]}",
                    "--scope", "write").split()[-1]  # fmt: skip
    session = db_json(
        "from tandem.committee.models import CommitteeSession\n"
        "from tandem.fairs.models import Fair\n"
        "out = [CommitteeSession.objects.order_by('-number').values_list('number', flat=True)"
        "[0], Fair.objects.order_by('pk').values_list('slug', flat=True)[0]]"
    )
    assert isinstance(session, list)
    number, fair = session
    cookies = [sign_in(PORT, name, PASSWORD) for name in READERS]
    if args.single:
        cluster("kill", "b")
        time.sleep(3)  # HAProxy's checks take it out
    start = time.perf_counter()
    tally = Tally(start=start)
    until = start + args.seconds
    threads = []
    writers = max(1, args.users // 10)
    for i in range(args.users - writers):
        cookie = cookies[i % len(cookies)]
        threads.append(threading.Thread(target=reader, args=(tally, cookie, until, i)))
    for i in range(writers):
        threads.append(threading.Thread(target=writer, args=(tally, token, until, 1000 + i)))
    threads.append(threading.Thread(target=importer, args=(tally, cookies[0], until, 30)))
    threads.append(
        threading.Thread(target=jobs, args=(tally, token, until, "briefing", 20, str(number)))
    )
    threads.append(threading.Thread(target=jobs, args=(tally, agency, until, "schedule", 30, fair)))
    for thread in threads:
        thread.start()
    events = []
    if not args.single and not args.no_kill:
        time.sleep(max(0.0, start + args.kill_at - time.perf_counter()))
        cluster("kill", "a")
        events.append(f"node a killed at {time.perf_counter() - start:.0f} s")
        time.sleep(max(0.0, start + args.kill_at + args.down_for - time.perf_counter()))
        began = time.perf_counter() - start
        cluster("start", "a")
        events.append(
            f"node a started at {began:.0f} s, answering at {time.perf_counter() - start:.0f} s"
        )
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if args.single:
        cluster("start", "b")
    figures = summary(tally, elapsed, None if args.single or args.no_kill else args.kill_at)
    saved = CLUSTER_DIR / "scale-run.json"  # to count again if the check below fails
    saved.write_text(json.dumps({"figures": figures, "projects": tally.projects,
                                 "imports": tally.imports, "briefings": tally.briefings,
                                 "schedules": tally.schedules, "events": events}))  # fmt: skip
    checks = verify(tally, args.wait_jobs)
    write_report(args, figures, checks, events, elapsed)


def write_report(
    args: argparse.Namespace,
    figures: dict[str, object],
    checks: dict[str, object],
    events: list[str],
    elapsed: float,
) -> None:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    nodes = (
        "one node (b stopped)"
        if args.single
        else "two nodes"
        if args.no_kill
        else "two nodes, a killed and restarted"
    )
    lines = [
        f"## {when}: {args.users} users, {elapsed:.0f} s, {nodes}",
        "",
        f"Load average at the end {load} (2 cores, shared with other work). "
        + ("; ".join(events) + "." if events else ""),
        "",
        "| kind | requests | errors (5xx or no answer) | of which at the kill (-1..+5 s) | "
        "4xx | p50 ms | p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    kinds = figures["kinds"]
    assert isinstance(kinds, dict)
    for kind, row in kinds.items():
        lines.append(
            f"| {kind} | {row['requests']} | {row['errors']} | {row['errors_at_kill']} | "
            f"{row['other_4xx']} | {row['p50']:.0f} | {row['p95']:.0f} |"
        )
    lines.append(
        f"| all | {figures['requests']} | | | | | |\n\nThroughput "
        f"{figures['throughput']:.1f} requests/s (answered or not)."
    )
    failed = figures["failed"]
    assert isinstance(failed, dict)
    if failed:
        lines.append(
            "Errors by status (0: no answer) and time into the run: "
            + ", ".join(f"{k}: {v}" for k, v in sorted(failed.items(), key=lambda i: i[0]))
            + "."
        )
    lines.append("")
    for kind in ("briefing", "schedule"):
        done = checks[kind]
        assert isinstance(done, dict)
        statuses: dict[str, int] = {}
        for job in done.values():
            statuses[job["status"]] = statuses.get(job["status"], 0) + 1
        once = sum(1 for job in done.values() if job["successful_runs"] == 1)
        twice = sum(1 for job in done.values() if job["successful_runs"] > 1)
        retried = sum(1 for job in done.values() if job["attempts"] > 1)
        lines.append(
            f"- {kind} jobs: {len(done)} ({', '.join(f'{k} {v}' for k, v in statuses.items())}); "
            f"run to success exactly once: {once}, more than once: {twice}; "
            f"taken back after a lost worker (attempts > 1): {retried}"
        )
        for pk, job in done.items():
            if job["status"] != "done" or job["successful_runs"] != 1:
                lines.append(f"  - job {pk}: {job}")
    missing = checks["missing"]
    assert isinstance(missing, list)
    lines.append(
        f"- acknowledged writes (201 projects and committed imports): "
        f"{checks['acknowledged']}, missing from the database afterwards: {len(missing)}"
        + (f" {missing[:10]}" if missing else "")
    )
    lines.append("")
    if args.no_report:
        print("\n".join(lines))
        return
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Several nodes: bench/scale/bench_scale.py against deploy/cluster.sh\n\n"
            "Development figures on loopback: PostgreSQL, Redis, HAProxy and both gunicorn "
            "nodes (2 workers each, a task worker each) share one 2-core machine with other "
            "work, so the machine, not the design, bounds the throughput.\n\n"
        )
    with RESULTS.open("a") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
