"""IATI export and import throughput against bare lxml on the same data.

    PYTHONPATH=src python bench/interop/bench_iati.py [--scale 1.0] [--repeat 3]

Export: tandem's ``write_activities`` (mappers driven by ELEMENTS) against one hand-inlined
function that builds the same elements with bare lxml; both write through ``xmlfile`` and the
outputs are checked byte-identical. Goal: tandem >= 0.5 x bare throughput.

Import: a ~60 MB file (scale 1.0) read end to end by ``read_activities`` against the floor of a
bare ``iterparse(tag="iati-activity")`` with clearing. Goal: tandem <= 6 x the floor. Peak RSS
of the import is measured in a child process.

Writes a markdown table to bench/results/iati.md.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from tandem.interop.iati import read_activities, write_activities
from tandem.interop.iati.mapping import (
    EQUITY_PURCHASE,
    KIND_DEFAULTS,
    MEASURE_TO_IATI,
    RESULT_TO_IATI,
    ROLE_TO_IATI,
    STAGE_TO_TRANSACTION,
    STATUS_TO_IATI,
    TANDEM_NS,
    XML_LANG,
)
from tandem.interop.iati.records import ActivityRecord, FinancingStage, ReportingOrg
from tandem.interop.iati.synthetic import REPORTING_ORG, make_records

RECORDS_PER_SCALE = 9_600  # just under the Registry cap of 60,000,000 bytes at scale 1.0
GENERATED = datetime(2024, 5, 1, tzinfo=UTC)
RESULTS = Path(__file__).resolve().parents[1] / "results" / "iati.md"
T = f"{{{TANDEM_NS}}}"


def bare_export(records: Iterable[ActivityRecord], out: BinaryIO, org: ReportingOrg) -> int:
    """The same elements as tandem's exporter, inlined with bare lxml and no checks."""
    sub = etree.SubElement
    base = org.vocabulary_base_uri.rstrip("/")
    plan_uri, np_uri, reg_uri = f"{base}/plan-areas", f"{base}/national-projects", f"{base}/regions"
    from tandem.interop.iati import codelists

    plan_names = {k: v.names for k, v in codelists.load("PlanArea").items.items()}
    np_names = {k: v.names for k, v in codelists.load("NationalProject").items.items()}

    def narr(parent: etree._Element, text: dict[str, str]) -> None:
        for lang, value in text.items():
            if value:
                sub(parent, "narrative", {XML_LANG: lang}).text = value

    count = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:  # type: ignore[attr-defined, unused-ignore]
        xf.write_declaration()
        root_attrs = {"version": "2.03", "generated-datetime": GENERATED.isoformat()}
        with xf.element("iati-activities", root_attrs, nsmap={"tandem": TANDEM_NS}):
            xf.write("\n")
            for r in records:
                attrs = {}
                if r.last_updated is not None:
                    attrs["last-updated-datetime"] = r.last_updated.isoformat()
                if r.default_currency is not None:
                    attrs["default-currency"] = r.default_currency
                a = etree.Element("iati-activity", attrs, nsmap={"tandem": TANDEM_NS})
                sub(a, "iati-identifier").text = r.iati_identifier or f"{org.ref}-{r.code}"
                narr(sub(a, "reporting-org", ref=org.ref, type=org.type_code), org.names)
                narr(sub(a, "title"), r.titles)
                narr(sub(a, "description", type="1"), r.descriptions)
                for p in r.participants:
                    pa = {}
                    if p.ref:
                        pa["ref"] = p.ref
                    if p.type_code:
                        pa["type"] = p.type_code
                    pa["role"] = ROLE_TO_IATI[p.role]
                    pa[T + "role"] = p.role.value
                    if p.country:
                        pa[T + "country"] = p.country
                    narr(sub(a, "participating-org", pa), p.names)
                sub(a, "other-identifier", ref=r.code, type="A1")
                sub(
                    a,
                    "activity-status",
                    {"code": STATUS_TO_IATI[r.status], T + "status": r.status.value},
                )
                for code, value in (
                    ("1", r.planned_start),
                    ("2", r.actual_start),
                    ("3", r.planned_end),
                    ("4", r.actual_end),
                ):
                    if value is not None:
                        sub(a, "activity-date", {"type": code, "iso-date": value.isoformat()})
                for c in r.recipient_countries:
                    ca = {"code": c.code}
                    if c.percentage is not None:
                        ca["percentage"] = format(c.percentage, "f")
                    sub(a, "recipient-country", ca)
                for g in r.regions:
                    ga = {"code": g.code, "vocabulary": g.vocabulary}
                    if g.vocabulary == "99":
                        ga["vocabulary-uri"] = reg_uri
                    if g.percentage is not None:
                        ga["percentage"] = format(g.percentage, "f")
                    narr(sub(a, "recipient-region", ga), g.names)
                for s in r.sectors:
                    sa = {"vocabulary": s.vocabulary, "code": s.code}
                    if s.vocabulary_uri:
                        sa["vocabulary-uri"] = s.vocabulary_uri
                    if s.percentage is not None:
                        sa["percentage"] = format(s.percentage, "f")
                    narr(sub(a, "sector", sa), s.names)
                for codes, names, uri in (
                    (r.plan_areas, plan_names, plan_uri),
                    (r.national_projects, np_names, np_uri),
                ):
                    for code in codes:
                        narr(
                            sub(
                                a, "tag", {"vocabulary": "99", "vocabulary-uri": uri, "code": code}
                            ),
                            names[code],
                        )
                for n, f in enumerate(r.financing):
                    if f.stage is FinancingStage.PLANNED:
                        b = sub(
                            a,
                            "budget",
                            {
                                "type": "1",
                                "status": "1",
                                T + "kind": f.kind.value,
                                T + "line": str(n),
                            },
                        )
                        sub(b, "period-start", {"iso-date": f.date.isoformat()})
                        sub(b, "period-end", {"iso-date": f.period_end.isoformat()})  # type: ignore[union-attr]
                        v = sub(
                            b, "value", {"currency": f.currency, "value-date": f.date.isoformat()}
                        )
                        v.text = format(f.amount, "f")
                for n, f in enumerate(r.financing):
                    if f.stage is FinancingStage.PLANNED:
                        continue
                    t = sub(a, "transaction", {T + "kind": f.kind.value, T + "line": str(n)})
                    equity = f.stage is FinancingStage.DISBURSED and f.kind.value == "investment"
                    sub(
                        t,
                        "transaction-type",
                        code=EQUITY_PURCHASE if equity else STAGE_TO_TRANSACTION[f.stage],
                    )
                    sub(t, "transaction-date", {"iso-date": f.date.isoformat()})
                    v = sub(t, "value", {"currency": f.currency, "value-date": f.date.isoformat()})
                    v.text = format(f.amount, "f")
                    if any(f.descriptions.values()):
                        narr(sub(t, "description"), f.descriptions)
                    for tag, o in (("provider-org", f.provider), ("receiver-org", f.receiver)):
                        if o is not None:
                            oa = {}
                            if o.ref:
                                oa["ref"] = o.ref
                            if o.type_code:
                                oa["type"] = o.type_code
                            narr(sub(t, tag, oa), o.names)
                    flow, finance = KIND_DEFAULTS[f.kind]
                    sub(t, "flow-type", code=f.flow_type or flow)
                    sub(t, "finance-type", code=f.finance_type or finance)
                for res in r.results:
                    re_ = sub(a, "result", type=RESULT_TO_IATI[res.kind])
                    narr(sub(re_, "title"), res.titles)
                    if any(res.descriptions.values()):
                        narr(sub(re_, "description"), res.descriptions)
                    for ind in res.indicators:
                        ia = {"measure": MEASURE_TO_IATI[ind.measure]}
                        if ind.ascending is not None:
                            ia["ascending"] = "1" if ind.ascending else "0"
                        ie = sub(re_, "indicator", ia)
                        narr(sub(ie, "title"), ind.titles)
                        if any(ind.descriptions.values()):
                            narr(sub(ie, "description"), ind.descriptions)
                        bl = ind.baseline
                        if bl is not None:
                            ba = {"year": str(bl.year)}
                            if bl.iso_date is not None:
                                ba["iso-date"] = bl.iso_date.isoformat()
                            if bl.value is not None:
                                ba["value"] = format(bl.value, "f")
                            sub(ie, "baseline", ba)
                        for per in ind.periods:
                            pe = sub(ie, "period")
                            sub(pe, "period-start", {"iso-date": per.start.isoformat()})
                            sub(pe, "period-end", {"iso-date": per.end.isoformat()})
                            if per.target is not None:
                                sub(pe, "target", value=format(per.target, "f"))
                            if per.actual is not None:
                                sub(pe, "actual", value=format(per.actual, "f"))
                xf.write(a, pretty_print=True)
                count += 1
    return count


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def floor_parse(path: Path) -> int:
    count = 0
    for _, element in etree.iterparse(str(path), events=("end",), tag="iati-activity"):
        count += 1
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
    return count


def tandem_import(path: Path) -> int:
    count = 0
    for item in read_activities(path, max_bytes=os.path.getsize(path) + 1):
        if isinstance(item, ActivityRecord):
            count += 1
        else:
            raise SystemExit(f"unexpected problem in the benchmark file: {item}")
    return count


def peak_rss_mb() -> float:
    """Peak RSS of this process. VmHWM, as ru_maxrss keeps the parent's peak across exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_import(path: str) -> None:
    """Run in a child process: import once, print seconds and peak RSS in MB."""
    start = time.perf_counter()
    count = tandem_import(Path(path))
    seconds = time.perf_counter() - start
    print(f"{count} {seconds:.4f} {peak_rss_mb():.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = about 60 MB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child-import", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_import:
        child_import(args.child_import)
        return

    n = max(10, int(RECORDS_PER_SCALE * args.scale))
    records = list(make_records(n))

    ours, bare = io.BytesIO(), io.BytesIO()
    write_activities(records, ours, reporting_org=REPORTING_ORG, generated=GENERATED)
    bare_export(records, bare, REPORTING_ORG)
    if ours.getvalue() != bare.getvalue():
        raise SystemExit("bare-lxml baseline does not write the same bytes as tandem")
    data = ours.getvalue()

    def run_ours() -> None:
        write_activities(records, io.BytesIO(), reporting_org=REPORTING_ORG, generated=GENERATED)

    export_ours = best_of(args.repeat, run_ours)
    export_bare = best_of(args.repeat, lambda: bare_export(records, io.BytesIO(), REPORTING_ORG))

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "activities.xml"
        path.write_bytes(data)
        floor = best_of(args.repeat, lambda: floor_parse(path))
        imported = best_of(args.repeat, lambda: tandem_import(path))
        child = subprocess.run(
            [sys.executable, __file__, "--child-import", str(path)],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ,
        ).stdout.split()
    rss = float(child[2])

    mb = len(data) / 1e6
    export_ratio = export_bare / export_ours  # ours relative to bare throughput
    import_ratio = imported / floor
    lines = [
        "# IATI export and import: tandem against bare lxml",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"lxml {'.'.join(map(str, etree.LXML_VERSION[:3]))}, libxml2 "
        f"{'.'.join(map(str, etree.LIBXML_VERSION))}; best of {args.repeat}; "
        f"`--scale {args.scale}`: {n} synthetic activities, {mb:.1f} MB.",
        "",
        "| measure | bare lxml | tandem | ratio | goal |",
        "|---|---|---|---|---|",
        f"| export ({n} activities, byte-identical output) | {export_bare:.2f} s "
        f"({n / export_bare:,.0f} act/s) | {export_ours:.2f} s ({n / export_ours:,.0f} act/s) "
        f"| throughput {export_ratio:.2f} x bare | >= 0.5 x: "
        f"{'met' if export_ratio >= 0.5 else 'NOT met'} |",
        f"| import ({mb:.1f} MB, end to end to records) | {floor:.2f} s ({mb / floor:.0f} MB/s, "
        f"iterparse + clear) | {imported:.2f} s ({mb / imported:.0f} MB/s, "
        f"{n / imported:,.0f} act/s) | time {import_ratio:.2f} x floor | <= 6 x: "
        f"{'met' if import_ratio <= 6 else 'NOT met'} |",
        f"| import peak RSS (child process) | | {rss:.0f} MB | | <= 300 MB: "
        f"{'met' if rss <= 300 else 'NOT met'} |",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
