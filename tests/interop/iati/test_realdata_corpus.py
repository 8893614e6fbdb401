"""The development corpus of real publishers' files, read whole (skipped where it is absent).

The files are not in this repository: ``../shared/realdata/iati`` beside the checkout, with
``stats.json`` giving each file's counts. The full import, export and re-import through the
registry is measured by ``make eval-iati`` (docs/performance.md).
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tandem.interop.iati import ReportingOrg, read_all, validate, write_activities

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "realdata" / "iati"
ORG = ReportingOrg("XM-OURS", "10", {"en": "Ours"}, "https://example.org/vocab")


def _files() -> list[dict[str, Any]]:
    stats = CORPUS / "stats.json"
    if not stats.is_file():
        return []
    return list(json.loads(stats.read_text(encoding="utf-8"))["files"])


FILES = _files()
needs_corpus = pytest.mark.skipif(
    not FILES, reason=f"the development corpus is not at {CORPUS} (it is not in the repository)"
)


@needs_corpus
@pytest.mark.parametrize("facts", FILES, ids=[f["file"] for f in FILES] or None)
def test_every_activity_transaction_and_budget_is_read(facts: dict[str, Any]) -> None:
    records, problems = read_all(CORPUS / facts["file"], max_bytes=60_000_000)
    lines = [line for record in records for line in record.financing]
    kinds = [line.line_type for line in lines]
    assert len(records) == facts["activities"]
    assert not [p for p in problems if p.severity == "error"]
    assert kinds.count("budget") == facts["budgets"]
    assert kinds.count("planned_disbursement") == facts["planned_disbursements"]
    transactions = [
        line for line in lines if line.line_type not in ("budget", "planned_disbursement")
    ]
    assert len(transactions) == facts["transactions"]
    for currency, total in facts["transaction_value_sum_by_currency"].items():
        kept = sum((t.amount for t in transactions if t.currency == currency), Decimal(0))
        assert abs(kept - Decimal(total)) <= abs(Decimal(total)) * Decimal("0.005"), currency


@needs_corpus
@pytest.mark.parametrize("facts", FILES, ids=[f["file"] for f in FILES] or None)
def test_the_export_of_what_was_read_is_valid_2_03(facts: dict[str, Any]) -> None:
    records, _problems = read_all(CORPUS / facts["file"], max_bytes=60_000_000)
    out = io.BytesIO()
    left_out: list[Exception] = []
    write_activities(
        records,
        out,
        reporting_org=ORG,
        generated=datetime(2024, 1, 1, tzinfo=UTC),
        left_out=left_out.append,
    )
    assert validate(out.getvalue()) == []
    assert all("no start or end date" in str(e) for e in left_out)
