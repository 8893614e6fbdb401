"""Pages of the trade monitor (included under /trade/ by tandem.web.urls).

Every programme role sees trade figures (they are public statistics; see trade/rules.py for
why anonymous visitors do not); the secretariat, agency staff and superusers import files and
edit the chapter → plan-area table. Pages read only the summary that each import rebuilds
(trade/services/summary.py).
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from tandem.core.actors import signed_in
from tandem.core.dates import reader_language
from tandem.core.files.atomic import atomic_output
from tandem.core.permissions import check, permission_required
from tandem.core.validators import xml_safe
from tandem.interop.tabular.export import escape_formula
from tandem.programme.selectors import plan_areas
from tandem.trade.charts.svg import Line, ShareBar, line_chart, share_bars
from tandem.trade.enums import Direction
from tandem.trade.forms import FilterForm, MappingForm, UploadForm
from tandem.trade.indicators import RESOURCE_CHAPTERS
from tandem.trade.models import ChapterPlanArea, ImportBatch
from tandem.trade.selectors.figures import (
    TradeFilter,
    by_chapter,
    by_plan_area,
    chapter_names,
    flow_series,
    mirror,
    pair,
    plan_area_of,
    reporters,
    total_rows,
    trade_data,
)
from tandem.trade.selectors.investment import fdi_figures, investment
from tandem.trade.services.codes import chapter_plan_area_set
from tandem.trade.services.imports import batch_delete, trade_import
from tandem.trade.services.publish import PUBLISH, trade_dataset_publish

VIEW = "trade.view_trade"
CHANGE = "trade.change_trade"
SESSION_KEY = "tandem_trade_import"


def _filtered(request: HttpRequest) -> tuple[FilterForm, TradeFilter, dict[str, Any]]:
    form = FilterForm(request.GET or None, reporters=reporters())
    values = form.cleaned_data if form.is_valid() else {}
    trade_filter = TradeFilter(
        first_year=values.get("first_year"),
        last_year=values.get("last_year"),
        reporter=values.get("reporter") or "",
        direction=values.get("direction") or "",
    )
    return form, trade_filter, values


@permission_required(VIEW)
def home(request: HttpRequest) -> HttpResponse:
    form, trade_filter, values = _filtered(request)
    data = trade_data(trade_filter)
    flows = flow_series(data)
    partner_side, plan_side = pair()
    mirrors = [
        (exporter, importer, mirror(data, exporter, importer))
        for exporter, importer in ((partner_side, plan_side), (plan_side, partner_side))
    ]
    mirrors = [(e, i, rows) for e, i, rows in mirrors if rows]
    year = values.get("year") or (data.years[-1] if data.years else None)
    focus = (partner_side, plan_side, Direction.EXPORTS.value)
    if focus not in data.points and flows:
        focus = flows[0].key
    composition = by_chapter(focus, year) if year else []
    areas = by_plan_area(focus, year) if year else []
    context = {
        "form": form,
        "flows": flows,
        "mirrors": mirrors,
        "year": year,
        "focus_label": next((f.label for f in flows if f.key == focus), ""),
        "composition": composition[:15],
        "areas": areas,
        "total_chart": line_chart(
            [Line(f.label, [(p.year, float(p.total)) for p in f.points]) for f in flows],
            title=_("Trade by flow, US dollars"),
            language=reader_language(),
        ),
        "hhi_chart": line_chart(
            [Line(f.label, [(p.year, p.hhi) for p in f.points]) for f in flows],
            title=_("Concentration over HS chapters (Herfindahl–Hirschman index, 0–1)"),
        ),
        "share_chart": share_bars(
            [ShareBar(f"{s.code} {s.label}", s.share) for s in composition[:12]],
            title=_("Composition by HS chapter, %(year)s") % {"year": year},
        )
        if composition
        else "",
        "area_chart": share_bars(
            [ShareBar(s.label, s.share) for s in areas],
            title=_("Composition by plan area, %(year)s") % {"year": year},
        )
        if areas
        else "",
        "resource_chapters": ", ".join(sorted(RESOURCE_CHAPTERS)),
        "shows_illustrative": data.illustrative,
        "can_change": check(request.user, CHANGE),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "web/trade/home.html", context)


EXPORT_HEADER = (
    "year",
    "reporter",
    "partner",
    "direction",
    "hs_chapter",
    "chapter_name",
    "plan_area",
    "value_usd",
    "illustrative",
)


def _export_rows(trade_filter: TradeFilter) -> Iterator[list[str]]:
    """The summed values by flow, year and chapter, formula-escaped, read as they are sent."""
    names, areas = chapter_names(), plan_area_of()
    for year, reporter, partner, direction, chapter, value, demo in total_rows(trade_filter):
        row = [
            str(year),
            reporter,
            partner,
            "exports" if direction == Direction.EXPORTS else "imports",
            chapter,
            names.get(chapter, ""),
            areas.get(chapter, ""),
            str(value),
            "yes" if demo else "no",
        ]
        yield [escape_formula(cell) for cell in row]


class _Line:
    """A file-like sink that hands back what csv.writer wrote, for streaming."""

    def write(self, text: str) -> str:
        return text


def _csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(EXPORT_HEADER)
    for row in rows:
        yield writer.writerow(row)


@permission_required(VIEW)
def export(request: HttpRequest, file_format: str) -> HttpResponse | StreamingHttpResponse:
    if file_format not in ("csv", "xlsx"):
        raise Http404
    _form, trade_filter, _values = _filtered(request)
    rows = _export_rows(trade_filter)
    response: HttpResponse | StreamingHttpResponse
    if file_format == "csv":
        response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("trade")
        sheet.append(list(EXPORT_HEADER))
        for row in rows:
            sheet.append([xml_safe(cell) for cell in row])
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="trade.{file_format}"'
    return response


@permission_required(VIEW)
def investment_page(request: HttpRequest) -> HttpResponse:
    figures = investment(request.user)
    fdi = fdi_figures()
    years = figures.rows(figures.by_year)
    context = {
        "by_year": years,
        "by_plan_area": figures.rows(figures.by_plan_area),
        "by_region": figures.rows(figures.by_region),
        "figures": figures,
        "fdi": fdi,
        "chart": line_chart(
            [
                Line(_("Committed"), [(y, float(c)) for y, c, _d in years]),
                Line(_("Disbursed"), [(y, float(d)) for y, _c, d in years], dashed=True),
            ],
            title=_("Financing of joint projects by year, US dollars"),
            language=reader_language(),
        )
        if years
        else "",
        "shows_illustrative": figures.illustrative or any(f.is_illustrative for f in fdi),
    }
    return render(request, "web/trade/investment.html", context)


def _upload_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "trade-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@permission_required(CHANGE)
def imports(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    token = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.TANDEM_UPLOAD_MAX_BYTES:
            form.add_error(
                "file",
                _("The file is larger than %(mb)d MB: use the command tandem trade import.")
                % {"mb": settings.TANDEM_UPLOAD_MAX_BYTES // 1_048_576},
            )
        else:
            token = secrets.token_hex(16)
            stored = _upload_dir() / token
            with atomic_output(stored) as out:  # a full disk leaves no part file
                for chunk in upload.chunks():
                    out.write(chunk)
            file_format = form.cleaned_data["file_format"] or None
            with stored.open("rb") as stream:
                report = trade_import(
                    stream=stream,
                    file_name=upload.name,
                    file_format=file_format,
                    actor=signed_in(request.user),
                    dry_run=True,
                )
            if report.ok:
                request.session[SESSION_KEY] = {
                    "token": token,
                    "name": upload.name,
                    "format": report.file_format,
                }
            else:
                stored.unlink(missing_ok=True)
                token = ""
    context = {
        "form": form,
        "report": report,
        "token": token,
        "batches": ImportBatch.objects.select_related("imported_by")[:50],
        "can_publish": check(request.user, PUBLISH),
        "max_mb": settings.TANDEM_UPLOAD_MAX_BYTES // 1_048_576,
    }
    return render(request, "web/trade/imports.html", context)


@require_POST
@permission_required(CHANGE)
def import_commit(request: HttpRequest) -> HttpResponse:
    pending = request.session.pop(SESSION_KEY, None)
    back = reverse("web:trade_imports")
    token = request.POST.get("token", "")
    if not pending or pending.get("token") != token or not token.isalnum():
        messages.error(request, _("This import is no longer pending: upload the file again."))
        return HttpResponseRedirect(back)
    stored = _upload_dir() / token
    if not stored.is_file():
        messages.error(request, _("This import is no longer pending: upload the file again."))
        return HttpResponseRedirect(back)
    with stored.open("rb") as stream:
        report = trade_import(
            stream=stream,
            file_name=pending["name"],
            file_format=pending["format"],
            actor=signed_in(request.user),
        )
    stored.unlink(missing_ok=True)
    if report.ok:
        messages.success(
            request,
            ngettext(
                "Imported %(rows)d row from %(name)s.",
                "Imported %(rows)d rows from %(name)s.",
                report.rows,
            )
            % {"rows": report.rows, "name": pending["name"]},
        )
        for warning in report.warnings:
            messages.warning(request, warning)
    else:
        messages.error(
            request, _("Nothing was imported: %(error)s") % {"error": report.error_lines[0]}
        )
    return HttpResponseRedirect(back)


@require_POST
@permission_required(CHANGE)
def import_delete(request: HttpRequest, pk: int) -> HttpResponse:
    batch = ImportBatch.objects.filter(pk=pk).first()
    if batch is None:
        raise Http404
    name = batch.file_name
    batch_delete(batch=batch, actor=signed_in(request.user))
    messages.success(request, _("Deleted the import of %(name)s.") % {"name": name})
    return HttpResponseRedirect(reverse("web:trade_imports"))


@require_POST
@permission_required(PUBLISH)
def import_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish an import's figures on the open-data portal, or withdraw them."""
    batch = ImportBatch.objects.filter(pk=pk).first()
    if batch is None:
        raise Http404
    public = request.POST.get("public") == "1"
    trade_dataset_publish(batch=batch, public=public, actor=signed_in(request.user))
    if public:
        messages.success(
            request, _("%(name)s is published at /open/trade/.") % {"name": batch.file_name}
        )
    else:
        messages.success(
            request,
            _("%(name)s is withdrawn from the open-data portal.") % {"name": batch.file_name},
        )
    return HttpResponseRedirect(reverse("web:trade_imports"))


def _area_choices() -> list[tuple[str, str]]:
    return [(area.code, f"{area.code} {area.name}") for area in plan_areas()]


@permission_required(VIEW)
def mapping(request: HttpRequest) -> HttpResponse:
    names = chapter_names()
    areas = dict(_area_choices())
    rows = [
        (
            m.chapter,
            names.get(m.chapter, ""),
            m.plan_area_code,
            areas.get(m.plan_area_code, ""),
            m.note,
        )
        for m in ChapterPlanArea.objects.all()
    ]
    context = {
        "rows": rows,
        "form": MappingForm(areas=_area_choices()),
        "can_change": check(request.user, CHANGE),
    }
    return render(request, "web/trade/mapping.html", context)


@require_POST
@permission_required(CHANGE)
def mapping_edit(request: HttpRequest) -> HttpResponse:
    form = MappingForm(request.POST, areas=_area_choices())
    if form.is_valid():
        try:
            chapter_plan_area_set(
                chapter=form.cleaned_data["chapter"],
                plan_area_code=form.cleaned_data["plan_area_code"],
                note=form.cleaned_data["note"],
                actor=signed_in(request.user),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The chapter's plan area is saved."))
    else:
        messages.error(request, _("Name an HS chapter (two digits) and a plan area."))
    return HttpResponseRedirect(reverse("web:trade_mapping"))


urlpatterns = [
    path("", home, name="trade_home"),
    path("export.<str:file_format>", export, name="trade_export"),
    path("investment/", investment_page, name="trade_investment"),
    path("imports/", imports, name="trade_imports"),
    path("imports/commit/", import_commit, name="trade_import_commit"),
    path("imports/<id:pk>/delete/", import_delete, name="trade_import_delete"),
    path("imports/<id:pk>/publish/", import_publish, name="trade_import_publish"),
    path("chapters/", mapping, name="trade_mapping"),
    path("chapters/edit/", mapping_edit, name="trade_mapping_edit"),
]
