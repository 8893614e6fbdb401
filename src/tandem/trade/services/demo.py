"""`tandem demo-trade`: an illustrative Russia–Japan trade series 2013–2020 by HS chapter.

Made up for the demo, not published figures: the shapes are plausible (mineral fuels lead
Russia's exports to Japan, vehicles and machinery Japan's exports to Russia; a fall after
2014) but no number is a fact. The batch, and every page and pack that shows it, is flagged
illustrative. Japan's mirror figures are the partner's figures plus a CIF margin and noise,
so that the mirror table has a gap to show.
"""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.history import delete_rows, update_rows
from tandem.trade.enums import FdiKind, Source
from tandem.trade.models import FdiFigure, ImportBatch
from tandem.trade.services.imports import ImportReport, batch_delete, trade_import
from tandem.trade.services.publish import trade_dataset_publish

YEARS = range(2013, 2021)
LEVEL = {
    2013: 1.0,
    2014: 0.97,
    2015: 0.66,
    2016: 0.52,
    2017: 0.6,
    2018: 0.7,
    2019: 0.66,
    2020: 0.58,
}
# Millions of US dollars in 2013, by chapter.
RUSSIA_TO_JAPAN = {
    "27": 14000, "03": 1300, "76": 900, "71": 800, "44": 500, "72": 300, "26": 250,
    "47": 120, "16": 90, "28": 80, "84": 60, "29": 40, "85": 30, "88": 20, "90": 10,
}  # fmt: skip
JAPAN_TO_RUSSIA = {
    "87": 6500, "84": 1800, "85": 700, "40": 350, "90": 250, "39": 150, "30": 90, "73": 120,
    "38": 60, "29": 50, "89": 40, "33": 40, "95": 20,
}  # fmt: skip
# Russia's diversification: non-resource chapters grow a little each year.
GROWING = {"84", "85", "88", "90", "16", "29", "28"}
HEADER = ["refYear", "reporterCode", "partnerCode", "flowCode", "cmdCode", "primaryValue"]
CODES = {"RU": "643", "JP": "392"}


def _rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for year in YEARS:
        level = LEVEL[year]
        for exporter, importer, table in (
            ("RU", "JP", RUSSIA_TO_JAPAN),
            ("JP", "RU", JAPAN_TO_RUSSIA),
        ):
            for chapter, base in table.items():
                growth = 1.12 ** (year - 2013) if chapter in GROWING else 1.0
                value = base * 1_000_000 * level * growth * rng.uniform(0.9, 1.1)
                mirror = value * rng.uniform(1.03, 1.12)  # CIF margin and timing
                rows.append(
                    [str(year), CODES[exporter], CODES[importer], "X", chapter, f"{value:.0f}"]
                )
                rows.append(
                    [str(year), CODES[importer], CODES[exporter], "M", chapter, f"{mirror:.0f}"]
                )
    return rows


@transaction.atomic
def demo_trade_create(*, seed: int = 2019, actor: Actor) -> ImportReport:
    """Replace any earlier demo series with a fresh one (same seed, same figures)."""
    for batch in ImportBatch.objects.filter(source=Source.DEMO):
        batch_delete(batch=batch, actor=actor)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(_rows(random.Random(seed)))
    report = trade_import(
        stream=io.BytesIO(buffer.getvalue().encode("utf-8")),
        file_name="demo-trade-2013-2020.csv",
        file_format="comtrade",
        actor=actor,
        illustrative=True,
        note="Illustrative series made up for the demo; not published figures.",
    )
    if not report.ok:
        raise RuntimeError(report.summary())
    assert report.batch_id is not None
    batch = ImportBatch.objects.get(pk=report.batch_id)
    batch.source = Source.DEMO
    update_rows(ImportBatch, [batch], ["source"], actor=actor)
    # The demo publishes its series on the open-data portal, labelled illustrative there.
    trade_dataset_publish(batch=batch, public=True, actor=actor)
    delete_rows(FdiFigure.objects.filter(is_illustrative=True), actor=actor)
    for year in YEARS:
        for investor, host, base in (("JP", "RU", 400), ("RU", "JP", 30)):
            save_with_actor(
                FdiFigure(
                    year=year,
                    investor=investor,
                    host=host,
                    kind=FdiKind.FLOW,
                    value=Decimal(int(base * LEVEL[year])),
                    currency="USD",
                    source="Illustrative (made up for the demo), million USD",
                    is_illustrative=True,
                ),
                actor,
            )
    return report
