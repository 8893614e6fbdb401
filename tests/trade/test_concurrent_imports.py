"""Two imports at the same moment, each in its own thread and connection, on the database the
suite runs on: both land, and the summary the pages read holds both (the rebuilds queue)."""

from __future__ import annotations

import io
import threading
from decimal import Decimal
from typing import Any

import pytest
from django.db import close_old_connections, connections

from tandem.trade.models import ImportBatch, TradeIndicator, TradeTotal
from tandem.trade.services.imports import ImportReport, trade_import

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

HEADER = b"refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"


def _import(name: str, rows: bytes) -> ImportReport:
    return trade_import(
        stream=io.BytesIO(HEADER + rows), file_name=name, file_format=None, actor=None
    )


def test_two_imports_at_once_both_reach_the_summary(hs_code_list: None) -> None:
    files = {
        "fuel.csv": b"".join(b"%d,643,392,X,270900,100\n" % year for year in range(2010, 2020)),
        "fish.csv": b"".join(b"%d,643,392,X,030311,50\n" % year for year in range(2010, 2020)),
    }
    barrier = threading.Barrier(len(files))
    results: dict[str, Any] = {}

    def work(name: str) -> None:
        close_old_connections()
        try:
            barrier.wait(timeout=60)
            results[name] = _import(name, files[name])
        except Exception as error:  # reported by the assertion below
            results[name] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(name,)) for name in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert all(isinstance(r, ImportReport) and r.ok for r in results.values()), results
    assert ImportBatch.objects.count() == 2
    assert TradeTotal.objects.count() == 20  # ten years × two chapters, each once
    totals = TradeIndicator.objects.order_by("year").values_list("year", "total_usd")
    assert list(totals) == [(year, Decimal(150)) for year in range(2010, 2020)]
