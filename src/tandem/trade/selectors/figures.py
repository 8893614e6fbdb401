"""Reads of the trade monitor: the precomputed aggregates, summed over imports, and the
indicators over them. Pages never read the flows themselves."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from tandem.programme.selectors import current_programme, plan_areas
from tandem.trade.enums import Direction
from tandem.trade.indicators import SeriesPoint, series, trend_slope
from tandem.trade.models import ChapterPlanArea, HsCode, ImportBatch, TradeAggregate

FlowKey = tuple[str, str, str]  # reporter, partner, direction
ALL_MONTHS = 1 | sum(1 << month for month in range(1, 13))
UNMAPPED = ""


@dataclass
class TradeData:
    """Values in US dollars by flow (reporter, partner, direction), year and HS chapter."""

    values: dict[FlowKey, dict[int, dict[str, Decimal]]] = field(default_factory=dict)
    months: dict[tuple[FlowKey, int], int] = field(default_factory=dict)
    illustrative: bool = False
    cache_key: str = ""

    @property
    def years(self) -> list[int]:
        return sorted({year for by_year in self.values.values() for year in by_year})

    @property
    def reporters(self) -> list[str]:
        return sorted({key[0] for key in self.values})

    def by_year(self, key: FlowKey) -> dict[int, dict[str, Decimal]]:
        return self.values.get(key, {})

    def partial(self, key: FlowKey, year: int) -> int | None:
        """The number of months of a year covered by monthly figures only (None: whole year)."""
        mask = self.months.get((key, year), 1)
        if mask & 1:
            return None
        return bin(mask).count("1")


TIMEOUT = 24 * 60 * 60


def _cache_key(kind: str, *parts: object) -> str:
    """A key that changes whenever an import is added or deleted: the number of imports, the
    last one's id and the latest time one was saved (one query on the small import table)."""
    found = ImportBatch.objects.aggregate(n=Count("id"), last=Max("id"), at=Max("updated_at"))
    stamp = f"{found['n']}-{found['last']}-{found['at'].timestamp() if found['at'] else 0}"
    values = ":".join(re.sub(r"[^A-Za-z0-9]", "_", str(p)) for p in parts)
    return f"tandem:trade:{stamp}:{kind}:{values}"


def trade_data(
    *,
    years: tuple[int | None, int | None] = (None, None),
    reporter: str = "",
    direction: str = "",
) -> TradeData:
    """The aggregates summed over imports, cached until an import is added or deleted."""
    key = _cache_key("data", years[0], years[1], reporter, direction)
    data: TradeData | None = cache.get(key)
    if data is None:
        data = _trade_data(years=years, reporter=reporter, direction=direction)
        data.cache_key = key
        cache.set(key, data, TIMEOUT)
    return data


def _trade_data(
    *, years: tuple[int | None, int | None], reporter: str, direction: str
) -> TradeData:
    rows = TradeAggregate.objects.all()
    if years[0]:
        rows = rows.filter(year__gte=years[0])
    if years[1]:
        rows = rows.filter(year__lte=years[1])
    if reporter:
        rows = rows.filter(reporter=reporter)
    if direction:
        rows = rows.filter(direction=direction)
    data = TradeData()
    for year, rep, partner, flow, chapter, value, months, illustrative in rows.values_list(
        "year",
        "reporter",
        "partner",
        "direction",
        "chapter",
        "value_usd",
        "months",
        "batch__is_illustrative",
    ).order_by():
        key = (rep, partner, flow)
        chapters = data.values.setdefault(key, {}).setdefault(year, {})
        chapters[chapter] = chapters.get(chapter, Decimal(0)) + value
        data.months[(key, year)] = data.months.get((key, year), 0) | months
        data.illustrative = data.illustrative or illustrative
    return data


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
        """In the language of the request (the series are cached across languages)."""
        return flow_label(self.key)


def flow_series(data: TradeData, keys: Iterable[FlowKey] | None = None) -> list[FlowSeries]:
    """The indicators of each flow over the years (cached with the data they come from)."""
    chosen = sorted(keys if keys is not None else data.values)
    flows = "-".join("".join(flow) for flow in chosen)
    key = f"{data.cache_key}:series:{hashlib.sha256(flows.encode()).hexdigest()[:20]}"
    key = key if data.cache_key else ""
    found: list[FlowSeries] | None = cache.get(key) if key else None
    if found is None:
        found = _flow_series(data, chosen)
        if key:
            cache.set(key, found, TIMEOUT)
    return found


def _flow_series(data: TradeData, keys: list[FlowKey]) -> list[FlowSeries]:
    result = []
    for key in keys:
        by_year = data.by_year(key)
        if not by_year:
            continue
        points = series(by_year)
        hhi = [(p.year, p.hhi) for p in points if p.hhi is not None]
        partial = {year: n for year in by_year if (n := data.partial(key, year)) is not None}
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
    exports = data.by_year((exporter, importer, Direction.EXPORTS))
    imports = data.by_year((importer, exporter, Direction.IMPORTS))
    rows = []
    for year in sorted(set(exports) | set(imports)):
        rows.append(
            MirrorRow(
                year,
                sum(exports[year].values(), Decimal(0)) if year in exports else None,
                sum(imports[year].values(), Decimal(0)) if year in imports else None,
            )
        )
    return rows


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


def by_chapter(data: TradeData, key: FlowKey, year: int) -> list[Share]:
    return _shares(data.by_year(key).get(year, {}), chapter_names())


def by_plan_area(data: TradeData, key: FlowKey, year: int) -> list[Share]:
    """The year's value by plan area, through the editable chapter → plan-area table."""
    mapping = plan_area_of()
    values: dict[str, Decimal] = defaultdict(Decimal)
    for chapter, value in data.by_year(key).get(year, {}).items():
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
