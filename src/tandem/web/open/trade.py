"""/open/trade/: the bilateral trade series the secretariat published, by HS chapter and plan
area, with diversification and the non-resource share, and their sources. One URL: the page,
``?format=csv`` or ``?format=json`` (the same figures, labelled); ``?year=`` picks the year of
the composition charts."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tandem.core.permissions import PUBLIC, permission_required
from tandem.interop.tabular.export import escape_formula
from tandem.programme.selectors import plan_areas
from tandem.trade.charts.svg import Line, ShareBar, line_chart, share_bars
from tandem.trade.enums import Direction
from tandem.trade.indicators import RESOURCE_CHAPTERS
from tandem.trade.selectors.figures import UNMAPPED, chapter_names, flow_label, plan_area_of
from tandem.trade.selectors.public import PublicTrade, direction_word, public_trade
from tandem.trade.services.publish import PUBLIC_TRADE_GENERATION
from tandem.web.open.exports import made_now
from tandem.web.open.labels import FileLabel, licence
from tandem.web.open.layout import render_page
from tandem.web.open.reader import cached_response, public_headers, reader_language

FORMATS = ("csv", "json")
GENERATIONS = (PUBLIC_TRADE_GENERATION,)
TOP_CHAPTERS = 12
CSV_HEADER = (
    "year", "reporter", "partner", "direction", "hs_chapter", "chapter_name", "plan_area",
    "value_usd", "illustrative",
)  # fmt: skip


def _year(request: HttpRequest) -> int | bool | None:
    """The ``year`` asked for; None if none; False if it is not a year."""
    raw = request.GET.get("year", "")
    if not raw:
        return None
    if not raw.isdigit() or not 1900 <= int(raw) <= 2200:
        return False
    return int(raw)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _shares(values: dict[str, Decimal], labels: dict[str, str]) -> list[tuple[str, str, float]]:
    total = sum(values.values(), Decimal(0))
    if total <= 0:
        return []
    return [
        (code, labels.get(code, code), float(value / total))
        for code, value in sorted(values.items(), key=lambda item: (-item[1], item[0]))
        if value
    ]


def _focus(data: PublicTrade) -> tuple[str, str, str] | None:
    """The flow the composition charts show: Russia's exports to Japan where published."""
    preferred = ("RU", "JP", Direction.EXPORTS.value)
    if preferred in data.values:
        return preferred
    return min(data.values) if data.values else None


def _context(data: PublicTrade, year: int | None, language: str) -> dict[str, Any]:
    flows = [(key, flow_label(key), data.points[key]) for key in sorted(data.points)]
    years = data.years
    year = year if year in years else (years[-1] if years else None)
    focus = _focus(data)
    names = chapter_names()
    area_of = plan_area_of()
    area_labels = {area.code: f"{area.code} {area.name}" for area in plan_areas()}
    area_labels[UNMAPPED] = _("Not mapped to a plan area")
    chapters: list[tuple[str, str, float]] = []
    areas: list[tuple[str, str, float]] = []
    if focus is not None and year is not None:
        values = data.values[focus].get(year, {})
        chapters = _shares(values, names)
        by_area: dict[str, Decimal] = {}
        for chapter, value in values.items():
            code = area_of.get(chapter, UNMAPPED)
            by_area[code] = by_area.get(code, Decimal(0)) + value
        areas = _shares(by_area, area_labels)
    charts: dict[str, str] = {}
    if flows:

        def lines(read: Any) -> list[Line]:
            return [Line(label, [(p.year, read(p)) for p in points]) for _k, label, points in flows]

        charts["total"] = line_chart(
            lines(lambda p: float(p.total)),
            title=_("Trade by flow, US dollars"),
            language=language,
        )
        charts["non_resource"] = line_chart(
            lines(lambda p: p.non_resource_share),
            title=_("Share of non-resource goods in each flow"),
            percent=True,
            language=language,
        )  # fmt: skip
        charts["hhi"] = line_chart(
            lines(lambda p: p.hhi),
            title=_("Concentration over HS chapters (Herfindahl–Hirschman index, 0–1)"),
            language=language,
        )
    if chapters:
        charts["chapters"] = share_bars(
            [ShareBar(f"{code} {label}", share) for code, label, share in chapters[:TOP_CHAPTERS]],
            title=_("Composition by HS chapter, %(year)s") % {"year": year},
        )
    if areas:
        charts["areas"] = share_bars(
            [ShareBar(label, share) for _code, label, share in areas],
            title=_("Composition by plan area, %(year)s") % {"year": year},
        )
    return {
        "data": data,
        "flows": [
            {
                "label": label,
                "rows": [
                    {
                        "year": p.year,
                        "total": p.total,
                        "growth": _percent(p.growth),
                        "hhi": "" if p.hhi is None else f"{p.hhi:.3f}",
                        "chapters_for_90": p.chapters_for_90,
                        "non_resource": _percent(p.non_resource_share),
                        "illustrative": data.illustrative.get((key, p.year), False),
                    }
                    for p in points
                ],
            }
            for key, label, points in flows
        ],
        "year": year,
        "years": years,
        "focus_label": flow_label(focus) if focus else "",
        "chapters": [(code, label, _percent(share)) for code, label, share in chapters],
        "areas": [(label, _percent(share)) for _code, label, share in areas],
        "charts": {name: mark_safe(svg) for name, svg in charts.items()},  # noqa: S308 - escaped
        "resource_chapters": ", ".join(sorted(RESOURCE_CHAPTERS)),
        "formats": FORMATS,
        "latest_import": max((s.imported for s in data.sources), default=None),
        "made": made_now(),
    }


def _label(request: HttpRequest) -> FileLabel:
    year = request.GET.get("year", "")
    return FileLabel(
        title=_("Bilateral trade by HS chapter, published figures"),
        filter_text=_("year %(year)s") % {"year": year} if year else "",
        query=request.GET.urlencode(),
        made=made_now(),
    )


class _Echo:
    def write(self, text: str) -> str:
        return text


def _csv_chunks(data: PublicTrade, label: FileLabel) -> Iterator[str]:
    writer = csv.writer(_Echo())
    names, areas = chapter_names(), plan_area_of()
    yield "\ufeff"
    for name, text in label.pairs():
        yield f"# {name}: {text}\r\n"
    for source in data.sources:
        yield writer.writerow(
            [escape_formula(f"# {_('Source')}: {source.source_label}, {source.file_name}")]
        )
    yield writer.writerow(CSV_HEADER)
    for year, reporter, partner, direction, chapter, value, demo in data.chapter_rows():
        yield writer.writerow(
            [escape_formula(cell) for cell in (
                str(year), reporter, partner, direction_word(direction), chapter,
                names.get(chapter, ""), areas.get(chapter, ""), str(value), "yes" if demo else "no",
            )]
        )  # fmt: skip


def _json_bytes(data: PublicTrade, label: FileLabel) -> bytes:
    names, areas = chapter_names(), plan_area_of()
    document = {
        "about": label.as_dict(),
        "sources": [
            {
                "source": s.source,
                "source_label": s.source_label,
                "file": s.file_name,
                "years": [s.first_year, s.last_year],
                "reporters": s.reporters,
                "note": s.note,
                "imported": s.imported.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "illustrative": s.illustrative,
            }
            for s in data.sources
        ],
        "indicators": [
            {
                "reporter": key[0],
                "partner": key[1],
                "direction": direction_word(key[2]),
                "year": p.year,
                "total_usd": str(p.total),
                "growth": p.growth,
                "hhi": p.hhi,
                "chapters_for_90": p.chapters_for_90,
                "non_resource_share": p.non_resource_share,
                "illustrative": data.illustrative.get((key, p.year), False),
            }
            for key in sorted(data.points)
            for p in data.points[key]
        ],
        "by_chapter": [
            {
                "year": year,
                "reporter": reporter,
                "partner": partner,
                "direction": direction_word(direction),
                "hs_chapter": chapter,
                "chapter_name": names.get(chapter, ""),
                "plan_area": areas.get(chapter, ""),
                "value_usd": str(value),
                "illustrative": demo,
            }
            for year, reporter, partner, direction, chapter, value, demo in data.chapter_rows()
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _file(request: HttpRequest, file_format: str) -> HttpResponseBase:
    label = _label(request)
    name = f"tandem-open-trade-{label.made.strftime('%Y%m%d-%H%M')}.{file_format}"
    response: HttpResponse | StreamingHttpResponse
    if file_format == "csv":
        response = StreamingHttpResponse(
            _csv_chunks(public_trade(), label), content_type="text/csv; charset=utf-8"
        )
        public_headers(request, response)  # type: ignore[arg-type]
    else:
        response = cached_response(
            request,
            "trade-json",
            lambda: (_json_bytes(public_trade(), label), "application/json"),
            generations=GENERATIONS,
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Link"] = f'<{licence()[1]}>; rel="license"'
    return response


@require_safe
@permission_required(PUBLIC)
def trade(request: HttpRequest) -> HttpResponseBase:
    language = reader_language(request)
    year = _year(request)
    file_format = request.GET.get("format", "")
    if year is False or (file_format and file_format not in FORMATS):
        return HttpResponse(
            _("Unknown format or filter."), status=400, content_type="text/plain; charset=utf-8"
        )
    if file_format:
        return _file(request, file_format)
    return render_page(
        request,
        "web/open/trade.html",
        lambda: _context(public_trade(), year if isinstance(year, int) else None, language),
        kind="trade",
        generations=GENERATIONS,
    )
