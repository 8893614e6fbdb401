"""Reads of the trade monitor: the summary rebuilt at each import (``TradeIndicator`` per
flow and year, ``TradeTotal`` per flow, year and HS chapter). Pages never read the flows or
the per-import aggregates, so their cost does not grow with the number of flows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tandem.programme.selectors import current_programme, plan_areas
from tandem.trade.enums import Direction
from tandem.trade.indicators import SeriesPoint, trend_slope
from tandem.trade.models import ChapterPlanArea, HsCode, TradeIndicator, TradeTotal

FlowKey = tuple[str, str, str]  # reporter, partner, direction
UNMAPPED = ""


@dataclass(frozen=True)
class TradeFilter:
    """The years, reporter and direction a page, the API or a command asks for."""

    first_year: int | None = None
    last_year: int | None = None
    reporter: str = ""
    direction: str = ""

    def apply(self, rows: QuerySet[Any]) -> QuerySet[Any]:
        if self.first_year:
            rows = rows.filter(year__gte=self.first_year)
        if self.last_year:
            rows = rows.filter(year__lte=self.last_year)
        if self.reporter:
            rows = rows.filter(reporter=self.reporter)
        if self.direction:
            rows = rows.filter(direction=self.direction)
        return rows


@dataclass
class TradeData:
    """Each flow's indicators by year (flow: reporter, partner, direction). Growth is on the
    year before even when a filter starts the series later."""

    points: dict[FlowKey, list[SeriesPoint]] = field(default_factory=dict)
    months: dict[tuple[FlowKey, int], int] = field(default_factory=dict)
    illustrative: bool = False

    @property
    def years(self) -> list[int]:
        return sorted({p.year for points in self.points.values() for p in points})

    def partial(self, key: FlowKey, year: int) -> int | None:
        """The number of months of a year covered by monthly figures only (None: whole year)."""
        mask = self.months.get((key, year), 1)
        if mask & 1:
            return None
        return bin(mask).count("1")


def trade_data(trade_filter: TradeFilter | None = None) -> TradeData:
    """The indicators of every flow the filter selects (one query on a table of a few hundred
    rows)."""
    rows = (trade_filter or TradeFilter()).apply(TradeIndicator.objects.all())
    data = TradeData()
    for row in rows.order_by("reporter", "partner", "direction", "year"):
        key = (row.reporter, row.partner, row.direction)
        data.points.setdefault(key, []).append(
            SeriesPoint(
                year=row.year,
                total=row.total_usd,
                growth=row.growth,
                hhi=row.hhi,
                chapters_for_90=row.chapters_for_90,
                non_resource_share=row.non_resource_share,
            )
        )
        data.months[(key, row.year)] = row.months
        data.illustrative = data.illustrative or row.is_illustrative
    return data


def reporters() -> list[str]:
    return list(
        TradeIndicator.objects.order_by("reporter").values_list("reporter", flat=True).distinct()
    )


def total_rows(trade_filter: TradeFilter) -> Iterator[tuple[Any, ...]]:
    """(year, reporter, partner, direction, chapter, value_usd, is_illustrative) by flow,
    year and chapter, streamed from the database."""
    rows = trade_filter.apply(TradeTotal.objects.all()).order_by(
        "reporter", "partner", "direction", "year", "chapter"
    )
    return rows.values_list(
        "year", "reporter", "partner", "direction", "chapter", "value_usd", "is_illustrative"
    ).iterator(chunk_size=2000)


def pair() -> tuple[str, str]:
    """The programme's two countries (partner side first: Russia, then Japan)."""
    programme = current_programme()
    if programme is None:
        return "RU", "JP"
    return programme.partner_side.code, programme.plan_side.code


def flow_label(key: FlowKey) -> str:
    reporter, partner, direction = key
    if direction == Direction.EXPORTS:
        return _("%(reporter)s exports to %(partner)s") % {"reporter": reporter, "partner": partner}
    return _("%(reporter)s imports from %(partner)s") % {"reporter": reporter, "partner": partner}


@dataclass(frozen=True)
class FlowSeries:
    key: FlowKey
    points: list[SeriesPoint]
    hhi_trend: float | None
    partial: dict[int, int]

    @property
    def label(self) -> str:
        """In the language of the request."""
        return flow_label(self.key)


def flow_series(data: TradeData, keys: Iterable[FlowKey] | None = None) -> list[FlowSeries]:
    """Each chosen flow's points with the trend of its concentration."""
    result = []
    for key in sorted(keys if keys is not None else data.points):
        points = data.points.get(key)
        if not points:
            continue
        hhi = [(p.year, p.hhi) for p in points if p.hhi is not None]
        partial = {p.year: n for p in points if (n := data.partial(key, p.year)) is not None}
        result.append(FlowSeries(key, points, trend_slope(hhi), partial))
    return result


@dataclass(frozen=True)
class MirrorRow:
    year: int
    exporter_reported: Decimal | None
    importer_reported: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        if self.exporter_reported is None or self.importer_reported is None:
            return None
        return self.importer_reported - self.exporter_reported

    @property
    def gap_share(self) -> float | None:
        if self.gap is None or not self.exporter_reported:
            return None
        return float(self.gap / self.exporter_reported)


def mirror(data: TradeData, exporter: str, importer: str) -> list[MirrorRow]:
    """What ``exporter`` reports exporting to ``importer`` beside what ``importer`` reports
    importing from ``exporter``, each year; kept apart, with the gap (importer − exporter)."""
    exports = _totals(data, (exporter, importer, Direction.EXPORTS))
    imports = _totals(data, (importer, exporter, Direction.IMPORTS))
    return [
        MirrorRow(year, exports.get(year), imports.get(year))
        for year in sorted(set(exports) | set(imports))
    ]


def _totals(data: TradeData, key: FlowKey) -> dict[int, Decimal]:
    return {p.year: p.total for p in data.points.get(key, [])}


@dataclass(frozen=True)
class Share:
    code: str
    label: str
    value: Decimal
    share: float


def chapter_names() -> dict[str, str]:
    return {
        code: str(name) for code, name in HsCode.objects.filter(level=2).values_list("code", "name")
    }


def plan_area_of() -> dict[str, str]:
    return dict(ChapterPlanArea.objects.values_list("chapter", "plan_area_code"))


def _shares(values: dict[str, Decimal], labels: dict[str, str]) -> list[Share]:
    total = sum(values.values(), Decimal(0))
    if total <= 0:
        return []
    return [
        Share(code, labels.get(code, code), value, float(value / total))
        for code, value in sorted(values.items(), key=lambda item: (-item[1], item[0]))
        if value
    ]


def chapter_values(key: FlowKey, year: int) -> dict[str, Decimal]:
    """One flow's value by HS chapter in one year."""
    reporter, partner, direction = key
    rows = TradeTotal.objects.filter(
        reporter=reporter, partner=partner, direction=direction, year=year
    ).values_list("chapter", "value_usd")
    return dict(rows)


def by_chapter(key: FlowKey, year: int) -> list[Share]:
    return _shares(chapter_values(key, year), chapter_names())


def by_plan_area(key: FlowKey, year: int) -> list[Share]:
    """The year's value by plan area, through the editable chapter → plan-area table."""
    mapping = plan_area_of()
    values: dict[str, Decimal] = defaultdict(Decimal)
    for chapter, value in chapter_values(key, year).items():
        values[mapping.get(chapter, UNMAPPED)] += value
    labels = {area.code: f"{area.code} {area.name}" for area in plan_areas()}
    labels[UNMAPPED] = _("Not mapped to a plan area")
    return _shares(dict(values), labels)


def report_rows(data: TradeData) -> list[dict[str, Any]]:
    """Per flow and year: total, growth, HHI, chapters for 90%, non-resource share."""
    rows = []
    for flow in flow_series(data):
        reporter, partner, direction = flow.key
        for point in flow.points:
            rows.append(
                {
                    "reporter": reporter,
                    "partner": partner,
                    "direction": "exports" if direction == Direction.EXPORTS else "imports",
                    "year": point.year,
                    "total_usd": str(point.total),
                    "growth": _round(point.growth),
                    "hhi": _round(point.hhi),
                    "chapters_for_90": point.chapters_for_90,
                    "non_resource_share": _round(point.non_resource_share),
                    "months_covered": flow.partial.get(point.year, 12),
                }
            )
    return rows


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
