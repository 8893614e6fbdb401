"""Two imports at the same moment, each in its own thread and connection, on the database the
suite runs on: the summary the pages read holds exactly the imports that landed (on
PostgreSQL both land: the rebuilds queue behind a table lock)."""

from __future__ import annotations

import io
import threading
from decimal import Decimal
from typing import Any

import pytest
from django.db import OperationalError, close_old_connections, connection, connections

from tandem.core.actors import DEMO_ACTOR
from tandem.trade.models import ImportBatch, TradeIndicator, TradeTotal
from tandem.trade.services.imports import ImportReport, trade_import

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

HEADER = b"refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"
VALUES = {"fuel.csv": Decimal(100), "fish.csv": Decimal(50)}


def _import(name: str, rows: bytes) -> ImportReport:
    return trade_import(
        stream=io.BytesIO(HEADER + rows), file_name=name, file_format=None, actor=DEMO_ACTOR
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

    landed = [name for name, r in results.items() if isinstance(r, ImportReport) and r.ok]
    if connection.vendor == "postgresql":
        assert sorted(landed) == ["fish.csv", "fuel.csv"], results
    else:
        # The suite's SQLite database lives in memory with a shared cache, where a second
        # writer is refused at once ("table is locked") instead of waiting as it does on a
        # file: the refused import then wrote nothing.
        assert landed, results
        refused = [r for name, r in results.items() if name not in landed]
        assert all(isinstance(r, OperationalError) for r in refused), results
    assert ImportBatch.objects.count() == len(landed)
    assert TradeTotal.objects.count() == 10 * len(landed)  # ten years, each chapter once
    value = sum((VALUES[name] for name in landed), Decimal(0))
    totals = TradeIndicator.objects.order_by("year").values_list("year", "total_usd")
    assert list(totals) == [(year, value) for year in range(2010, 2020)]
