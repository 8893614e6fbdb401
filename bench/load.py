"""A bounded load generator for benchmarks: loopback only, fixed request counts, keep-alive.

Each URL is requested ``requests`` times by ``concurrency`` threads, each with its own
keep-alive connection; the latencies give p50 and p95. Nothing but 127.0.0.1 is ever called.
"""

from __future__ import annotations

import http.client
import re
import statistics
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode

HOST = "127.0.0.1"


@dataclass
class Result:
    url: str
    p50_ms: float
    p95_ms: float
    errors: int
    count: int


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(port: int, url: str, *, cookie: str, requests: int, concurrency: int) -> Result:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_thread = max(1, requests // concurrency)

    def worker() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        for _ in range(per_thread):
            started = time.perf_counter()
            try:
                connection.request("GET", url, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Result(
        url=url,
        p50_ms=statistics.median(latencies),
        p95_ms=percentile(latencies, 0.95),
        errors=errors,
        count=len(latencies),
    )


def sign_in(port: int, username: str, password: str) -> str:
    """A session cookie for ``username``, through the real sign-in page."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", "/accounts/login/")
    response = connection.getresponse()
    page = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", ""))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not csrf_cookie or not token:
        raise RuntimeError("the sign-in page gave no CSRF token")
    body = urlencode({"login": username, "password": password, "csrfmiddlewaretoken": token[1]})
    connection.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie[1]}",
            "Referer": f"http://{HOST}:{port}/accounts/login/",
        },
    )
    response = connection.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie", "") or "")
    if response.status != 302 or not session:
        raise RuntimeError(f"sign-in failed with HTTP {response.status}")
    return f"sessionid={session[1]}; csrftoken={csrf_cookie[1]}"
