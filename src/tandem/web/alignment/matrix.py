"""The alignment page: plan areas x national projects, gaps and departures from intent."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from openpyxl import Workbook

from tandem.core.models import Country, Region
from tandem.core.permissions import permission_required
from tandem.core.validators import xml_safe
from tandem.core.widgets import IsoDateInput
from tandem.interop.tabular.export import escape_formula
from tandem.projects.enums import Currency, ProjectStatus
from tandem.projects.selectors.alignment import NONE, AlignmentMatrix, alignment_matrix
from tandem.projects.selectors.registry import ProjectFilters

SHADES = 5
ANY = [("", gettext_lazy("Any"))]
DATE = IsoDateInput()


class AlignmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "Status"),
        required=False,
        choices=ANY + list(ProjectStatus.choices),
    )
    side = forms.ChoiceField(label=gettext_lazy("Side"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)
    since = forms.DateField(label=gettext_lazy("Status since, from"), required=False, widget=DATE)
    until = forms.DateField(label=gettext_lazy("Status since, until"), required=False, widget=DATE)
    currency = forms.ChoiceField(
        label=gettext_lazy("Currency"), required=False, choices=Currency.choices, initial="USD"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)
        fields["side"].choices = ANY + [(c.code, c.name) for c in Country.objects.all()]
        fields["region"].choices = ANY + [
            (r.code, r.name) for r in Region.objects.order_by("country__code", "code")
        ]

    def value(self, name: str) -> Any:
        return self.cleaned_data.get(name) if self.is_valid() else None


def _matrix(request: HttpRequest) -> tuple[AlignmentFilterForm, AlignmentMatrix]:
    form = AlignmentFilterForm(request.GET or None)
    filters = ProjectFilters(
        status=form.value("status") or "",
        side=form.value("side") or "",
        region=form.value("region") or "",
    )
    matrix = alignment_matrix(
        request.user,
        filters,
        since=form.value("since"),
        until=form.value("until"),
        currency=form.value("currency") or "USD",
    )
    return form, matrix


def _shade(count: int, maximum: int) -> int:
    if not count or not maximum:
        return 0
    return max(1, min(SHADES, -(-count * SHADES // maximum)))


@permission_required("programme.view_alignment")
def alignment_page(request: HttpRequest) -> HttpResponse:
    form, matrix = _matrix(request)
    query = request.GET.copy()
    for name in ("since", "until", "currency"):
        query.pop(name, None)
    base = query.urlencode()
    columns = [*matrix.national_projects, None]
    rows = []
    for area in matrix.plan_areas:
        cells = []
        for national in columns:
            code = national.code if national else NONE
            cell = (area.code, code)
            count = matrix.counts.get(cell, 0)
            cells.append(
                {
                    "count": count,
                    "amount": matrix.amounts.get(cell, Decimal(0)),
                    "shade": _shade(count, matrix.maximum),
                    "intended": cell in matrix.intended,
                    "gap": cell in matrix.intended and not count,
                    "outside": bool(count)
                    and code != NONE
                    and bool(matrix.intended)
                    and cell not in matrix.intended,
                    "link": f"?{base}&plan_area={area.code}"
                    + (f"&national_project={code}" if code else ""),
                }
            )
        rows.append((area, matrix.row_totals.get(area.code, 0), cells))
    return render(
        request,
        "web/alignment.html",
        {
            "form": form,
            "matrix": matrix,
            "rows": rows,
            "columns": columns,
            "column_totals": [matrix.column_totals.get(n.code if n else NONE, 0) for n in columns],
            "shows_illustrative": _includes_illustrative(matrix),
            "export_query": request.GET.urlencode(),
        },
    )


def _includes_illustrative(matrix: AlignmentMatrix) -> bool:
    return bool(matrix.illustrative_projects or matrix.intended_illustrative)


def _table(matrix: AlignmentMatrix) -> list[list[str]]:
    header = [_("Plan area"), *(n.code for n in matrix.national_projects), _("none")]
    # The figures count illustrative demo data: a column says so on every row (docs/exports.md).
    illustrative = _includes_illustrative(matrix)
    if illustrative:
        header.append("illustrative")
    table = [header]
    for area in matrix.plan_areas:
        row = [f"{area.code} {area.name}"]
        for code in [*(n.code for n in matrix.national_projects), NONE]:
            count = matrix.counts.get((area.code, code), 0)
            amount = matrix.amounts.get((area.code, code), Decimal(0))
            row.append(f"{count}" if not amount else f"{count} ({amount:.0f} {matrix.currency})")
        if illustrative:
            row.append("yes")
        table.append([escape_formula(cell) for cell in row])
    return table


@permission_required("programme.view_alignment")
def alignment_export(request: HttpRequest, file_format: str) -> HttpResponse:
    _form, matrix = _matrix(request)
    table = _table(matrix)
    stamp = timezone.now().strftime("%Y%m%d")
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("alignment")
        for row in table:
            sheet.append([xml_safe(cell) for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        text = io.StringIO()
        csv.writer(text).writerows(table)
        response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
        file_format = "csv"
    name = "alignment-illustrative" if _includes_illustrative(matrix) else "alignment"
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{file_format}"'
    return response
