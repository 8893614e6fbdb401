"""An IATI file of real-publisher scale through the registry's import: preview and commit.

    PYTHONPATH=src python bench/interop/bench_iati_scale.py [--megabytes 60] [--corpus DIR]

The file is made in a temporary folder, never kept: the activities of the development corpus
(``../shared/realdata/iati``, real publishers' files) repeated under fresh identifiers until it
reaches the size asked for, so that it has the structures real files have (many transactions,
budgets, results, narratives in several languages). Without the corpus it is made of tandem's
synthetic activities (illustrative) and the result says so. Times the preview (reading and
planning, outside any transaction) and the commit (one transaction), with the peak memory of
the process, and writes bench/results/iati_scale.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "iati_scale.md"
CORPUS = ROOT.parent / "shared" / "realdata" / "iati"
NS_FREE_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n'


def corpus_activities(corpus: Path) -> list[bytes]:
    """Every activity of the corpus's 2.03 files, serialised (with the namespaces each file
    declares), to go into one 2.03 file."""
    activities = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for path in sorted(corpus.glob("*.xml")):
        root = etree.parse(str(path), parser).getroot()
        if root.get("version") != "2.03":
            continue
        activities += [etree.tostring(a) for a in root.iter("iati-activity")]
    return activities


def synthetic_activities(count: int) -> list[bytes]:
    from django.utils import timezone

    from tandem.interop.iati.export import write_activities
    from tandem.interop.iati.synthetic import make_records
    from tandem.interop.registry_iati import reporting_org

    path = Path(tempfile.mkstemp(suffix=".xml")[1])
    with path.open("wb") as out:
        write_activities(
            make_records(count), out, reporting_org=reporting_org(), generated=timezone.now()
        )
    root = etree.parse(str(path)).getroot()
    path.unlink()
    return [etree.tostring(a) for a in root.iter("iati-activity")]


def renamed(activity: bytes, copy: int) -> bytes:
    """The activity under a fresh identifier (so that each copy is a new activity)."""
    element = etree.fromstring(activity)
    identifier = element.find("iati-identifier")
    if identifier is not None:
        identifier.text = f"{(identifier.text or '').strip()}-scale{copy}"
    return etree.tostring(element)


def make_file(activities: list[bytes], megabytes: float, out: Path) -> int:
    target = int(megabytes * 1_000_000)
    written, count = 0, 0
    with out.open("wb") as handle:
        handle.write(NS_FREE_HEAD)
        for copy in _forever():
            for activity in activities:
                data = renamed(activity, copy) + b"\n"
                handle.write(data)
                written += len(data)
                count += 1
                if written >= target:
                    handle.write(b"</iati-activities>\n")
                    return count
    return count


def _forever() -> Iterator[int]:
    copy = 0
    while True:
        yield copy
        copy += 1


def setup() -> object:
    os.environ["TANDEM_DATA_DIR"] = tempfile.mkdtemp(prefix="tandem-bench-iati-scale-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    from tandem.core.models import User

    call_command("migrate", verbosity=0)
    call_command("load_default", verbosity=0)
    return User.objects.create_superuser("bench-iati", "bench@example.org", "not-used-bench")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # The largest file an upload may be (TANDEM_UPLOAD_MAX_BYTES, 60 MB), less room to close it.
    parser.add_argument("--megabytes", type=float, default=59.9)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    user = setup()
    from django.db import connection

    from tandem.interop.iati_registry.plan import iati_import_plan
    from tandem.interop.iati_registry.write import iati_import_commit
    from tandem.programme.models import Programme

    real = args.corpus.is_dir()
    source = (
        "the activities of the development corpus's 2.03 files, repeated"
        if real
        else "tandem's synthetic activities (illustrative: ../shared/realdata/iati is absent)"
    )
    activities = corpus_activities(args.corpus) if real else synthetic_activities(500)
    path = Path(tempfile.mkdtemp(prefix="tandem-iati-scale-")) / "scale.xml"
    count = make_file(activities, args.megabytes, path)
    size = path.stat().st_size / 1_000_000
    programme = Programme.objects.get()
    load_before = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    plan = iati_import_plan(
        raw=path.read_bytes(), source=path.name, actor=user, programme=programme, sides={}
    )
    planned, planned_cpu = time.perf_counter() - started, time.process_time() - cpu
    if not plan.can_commit:
        print("the file cannot be imported:", *plan.file_problems[:5], sep="\n", file=sys.stderr)
        return 1
    started, cpu = time.perf_counter(), time.process_time()
    counts = iati_import_commit(plan=plan, actor=user, programme=programme)
    committed, committed_cpu = time.perf_counter() - started, time.process_time() - cpu
    path.unlink()
    lines = [
        "# IATI import at real-publisher scale",
        "",
        f"Made by `bench/interop/bench_iati_scale.py` on {connection.vendor}, from {source}: "
        f"a file of {size:.1f} MB with {count:,} activities (each copy under a fresh "
        "identifier). Development figures: the corpus is the one the importer was tuned on.",
        "",
        "| step | seconds (wall) | CPU seconds of the process | activities/s (wall) |",
        "|---|---|---|---|",
        f"| preview (read, plan; no transaction) | {planned:.1f} | {planned_cpu:.1f} "
        f"| {count / planned:,.0f} |",
        f"| commit (one transaction) | {committed:.1f} | {committed_cpu:.1f} "
        f"| {counts['created'] / committed:,.0f} |",
        f"| both | {planned + committed:.1f} | {planned_cpu + committed_cpu:.1f} "
        f"| {count / (planned + committed):,.0f} |",
        "",
        "Wall time depends on what else the machine runs (the load average below); the CPU "
        "seconds are this process's own work.",
        "",
        f"Created {counts['created']:,} projects, changed {counts['changed']:,}, "
        f"{counts['organisations']:,} organisations created for review; "
        f"{plan.count('refuse'):,} refused. Peak memory of the process {peak_mb():,.0f} MB. "
        f"Machine: {os.cpu_count()} cores, load average {load_before:.1f} before the import "
        f"and {os.getloadavg()[0]:.1f} after it.",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
