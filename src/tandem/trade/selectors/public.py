"""What the open-data portal publishes of trade: the figures of the imports the secretariat
made public (``ImportBatch.is_public``), and only those.

The internal summary (``TradeTotal``, ``TradeIndicator``) sums every import, published or
not, so the portal sums the per-import aggregates of the public imports instead (a few
thousand rows) and computes the same indicators with the same functions
(:func:`tandem.trade.indicators.series`). Pages are cached by the portal under
:data:`~tandem.trade.services.publish.PUBLIC_TRADE_GENERATION`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from tandem.trade.enums import Direction
from tandem.trade.indicators import SeriesPoint, series
from tandem.trade.models import ImportBatch, TradeAggregate
from tandem.trade.selectors.figures import FlowKey

CHUNK = 2000


@dataclass(frozen=True)
class PublicSource:
    """One published import, as the portal cites it."""

    source: str
    source_label: str
    file_name: str
    first_year: int | None
    last_year: int | None
    reporters: str
    note: str
    imported: dt.datetime
    illustrative: bool


@dataclass
class PublicTrade:
    """The public imports' values by flow, year and HS chapter, and each flow's indicators."""

    values: dict[FlowKey, dict[int, dict[str, Decimal]]] = field(default_factory=dict)
    points: dict[FlowKey, list[SeriesPoint]] = field(default_factory=dict)
    illustrative: dict[tuple[FlowKey, int], bool] = field(default_factory=dict)
    sources: list[PublicSource] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({year for by_year in self.values.values() for year in by_year})

    @property
    def any_illustrative(self) -> bool:
        return any(source.illustrative for source in self.sources)

    def chapter_rows(self) -> Iterator[tuple[int, str, str, str, str, Decimal, bool]]:
        """(year, reporter, partner, direction, chapter, value_usd, illustrative), sorted."""
        for key in sorted(self.values):
            by_year = self.values[key]
            for year in sorted(by_year):
                demo = self.illustrative.get((key, year), False)
                for chapter in sorted(by_year[year]):
                    yield (year, *key, chapter, by_year[year][chapter], demo)


def public_sources() -> list[PublicSource]:
    return [
        PublicSource(
            source=batch.source,
            source_label=str(batch.get_source_display()),
            file_name=batch.file_name,
            first_year=batch.first_year,
            last_year=batch.last_year,
            reporters=batch.reporters,
            note=batch.note,
            imported=batch.created_at,
            illustrative=batch.is_illustrative,
        )
        for batch in ImportBatch.objects.filter(is_public=True).order_by("-created_at", "-id")
    ]


def public_trade(*, first_year: int | None = None, last_year: int | None = None) -> PublicTrade:
    """The published figures, summed over the public imports (whole years and months alike,
    as the internal summary does)."""
    data = PublicTrade(sources=public_sources())
    rows = TradeAggregate.objects.filter(batch__is_public=True)
    if first_year:
        rows = rows.filter(year__gte=first_year)
    if last_year:
        rows = rows.filter(year__lte=last_year)
    values: dict[FlowKey, dict[int, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    illustrative: dict[tuple[FlowKey, int], bool] = defaultdict(bool)
    columns = (
        "year", "reporter", "partner", "direction", "chapter", "value_usd",
        "batch__is_illustrative",
    )  # fmt: skip
    for year, reporter, partner, direction, chapter, value, demo in (
        rows.order_by().values_list(*columns).iterator(chunk_size=CHUNK)
    ):
        key = (reporter, partner, direction)
        chapters = values[key][year]
        chapters[chapter] = chapters.get(chapter, Decimal(0)) + value
        illustrative[(key, year)] |= demo
    data.values = {key: dict(by_year) for key, by_year in values.items()}
    data.points = {key: series(by_year) for key, by_year in data.values.items()}
    data.illustrative = dict(illustrative)
    return data


def direction_word(direction: str) -> str:
    return "exports" if direction == Direction.EXPORTS else "imports"
