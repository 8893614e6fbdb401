"""Import a million six-digit rows of UN Comtrade CSV, then time the trade pages at that size.

    PYTHONPATH=src python bench/trade/bench_trade_import.py [--rows 1000000] [--database URL]

Generates the CSV file on disk (Russia and Japan reporting their trade with each other, China
and Korea, both directions, 2007–2021, every HS subheading of the list, values and quantities
drawn from a fixed seed), imports it with ``trade_import`` into a throw-away database (SQLite
in a temporary TANDEM_DATA_DIR unless ``--database`` names a PostgreSQL database), and
reports the seconds and the peak resident memory of the process; then it times the trade
pages and the API's indicators (best of 3; a streamed export is read to its end) signed in
as an auditor, and the first view of the trade page after the import. Goals: the import under
120 s in bounded memory; every page under 200 ms. Writes bench/results/trade.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "results" / "trade.md"
HEADER = ["refYear", "reporterCode", "partnerCode", "flowCode", "cmdCode", "primaryValue",
          "qty", "qtyUnitAbbr"]  # fmt: skip


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_file(path: Path, rows: int, codes: list[str]) -> None:
    rng = random.Random(2019)
    keys = [
        (year, reporter, partner, flow)
        for year in range(2007, 2022)
        for reporter, partners in (("643", ("392", "156", "410")), ("392", ("643", "156", "410")))
        for partner in partners
        for flow in ("X", "M")
    ]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        written = 0
        while written < rows:
            for year, reporter, partner, flow in keys:
                for code in codes:
                    if written >= rows:
                        return
                    value = rng.lognormvariate(11, 2.5)
                    quantity = f"{value / 7:.0f}"
                    row = [year, reporter, partner, flow, code, f"{value:.0f}", quantity, "kg"]
                    writer.writerow(row)
                    written += 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database", default="")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="tandem-bench-trade-")
    os.environ["TANDEM_DATA_DIR"] = data_dir
    if args.database:
        os.environ["TANDEM_DATABASE_URL"] = args.database
    # The test settings: production's, but static files without a collected manifest.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from tandem.core.models import User
    from tandem.trade.models import HsCode, TradeAggregate
    from tandem.trade.services.imports import trade_import

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("load_default", verbosity=0)
    codes = list(HsCode.objects.filter(level=6).values_list("code", flat=True))
    path = Path(data_dir) / "comtrade-1m.csv"
    start = time.perf_counter()
    write_file(path, args.rows, codes)
    generated = time.perf_counter() - start
    size_mb = path.stat().st_size / 1_048_576
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    with path.open("rb") as stream:
        report = trade_import(
            stream=stream, file_name=path.name, file_format="comtrade", actor=None
        )
    seconds = time.perf_counter() - start
    if not report.ok:
        print(report.summary(), file=sys.stderr)
        return 1
    rss_after = peak_rss_mb()
    aggregates = TradeAggregate.objects.count()
    user = User.objects.create_user("bench-auditor", password="x-long-password-1", role="auditor")
    client = Client()
    client.force_login(user)
    pages = [
        ("/trade/", "trade page"),
        ("/trade/?reporter=RU&direction=X&first_year=2015", "trade page, filtered"),
        ("/trade/investment/", "investment page"),
        ("/trade/chapters/", "chapters page"),
        ("/trade/export.csv", "CSV export of the aggregates"),
        ("/api/v1/trade/indicators", "API indicators"),
    ]
    client.get("/trade/chapters/")  # the first request loads every URL module: not timed
    begin = time.perf_counter()
    assert client.get("/trade/").status_code == 200
    timings = [("trade page, first view after the import", "/trade/",
                time.perf_counter() - begin)]  # fmt: skip
    for url, label in pages:
        best = float("inf")
        for _ in range(args.repeat):
            begin = time.perf_counter()
            response = client.get(url)
            if response.streaming:  # the whole file, as a browser would receive it
                b"".join(response.streaming_content)
            best = min(best, time.perf_counter() - begin)
            assert response.status_code == 200, (url, response.status_code)
        timings.append((label, url, best))
    load = os.getloadavg()
    engine = connection.vendor
    lines = [
        "## Trade: importing a million Comtrade rows, and the pages at that size",
        "",
        f"{report.rows:,} six-digit rows ({size_mb:.0f} MB CSV, generated in {generated:.0f} s) "
        f"on {engine}; {aggregates:,} aggregate rows. Machine load average while it ran: "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) "
        f"on {os.cpu_count()} cores (the import and the requests run in this one process).",
        "",
        "| operation | result | goal | met |",
        "|---|---:|---:|---|",
        f"| import (streamed, batched executemany, aggregates, summary) | {seconds:.1f} s | "
        "< 120 s | "
        f"{'yes' if seconds < 120 else 'no'} |",
        f"| peak resident memory (before → after the import) | {rss_before:.0f} → "
        f"{rss_after:.0f} MB | bounded | {'yes' if rss_after - rss_before < 300 else 'no'} |",
    ]
    for label, url, best in timings:
        lines.append(
            f"| {label} (`{url}`) | {best * 1000:.0f} ms | < 200 ms | "
            f"{'yes' if best < 0.2 else 'no'} |"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
