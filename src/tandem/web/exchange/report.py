"""The effect report as a page, a PDF and JSON (programme staff only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tandem.core.permissions import permission_required
from tandem.exchange.reporting import effect_report_data, effect_report_pdf, report_context
from tandem.exchange.selectors.effect import effect_report
from tandem.web.exchange.common import REPORT


@permission_required(REPORT)
def report_page(request: HttpRequest) -> HttpResponse:
    context = report_context(effect_report(user=request.user))
    return render(request, "web/exchange/effect_report.html", context)


@permission_required(REPORT)
def report_pdf(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        effect_report_pdf(effect_report(user=request.user)), content_type="application/pdf"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="effect-report-{stamp}.pdf"'
    return response


@permission_required(REPORT)
def report_json(request: HttpRequest) -> HttpResponse:
    data = effect_report_data(effect_report(user=request.user))
    return HttpResponse(data.model_dump_json(indent=2), content_type="application/json")
