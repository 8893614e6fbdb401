"""Pages of the KPI protocol: indicators and measurements (add, edit), files, the XLSX import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from tandem.core.actors import signed_in
from tandem.core.permissions import permission_required
from tandem.exchange.enums import Horizon
from tandem.exchange.forms import FileForm, IndicatorForm, KpiImportForm, MeasurementForm
from tandem.exchange.models import ExchangeFile, KpiIndicator, KpiMeasurement
from tandem.exchange.selectors import lists
from tandem.exchange.selectors.visibility import (
    visible_dispatches,
    visible_enterprises,
    visible_placements,
)
from tandem.exchange.services.kpi_import import (
    KpiImportError,
    kpi_import,
    kpi_template,
    problem_texts,
)
from tandem.exchange.services.records import (
    file_attach,
    indicator_save,
    indicator_update,
    measurement_save,
    measurement_update,
)
from tandem.exchange.uploads import ALLOWED_LABEL
from tandem.web.exchange.common import (
    CHANGE,
    VIEW,
    back_to_enterprise,
    or_404,
    save_or_errors,
)


def _indicator(request: HttpRequest, pk: int) -> KpiIndicator:
    indicator = lists.indicator_for(request.user, pk)
    if indicator is None:
        raise Http404(_("No such record, or not one you may see."))
    return indicator


@permission_required(CHANGE)
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    profile = or_404(visible_enterprises(request.user), pk)
    form = IndicatorForm(request.POST or None, instance=KpiIndicator(enterprise=profile))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_errors(
            form, lambda: indicator_save(indicator=form.instance, actor=signed_in(request.user))
        )
    ):
        messages.success(request, _("Indicator added to the KPI protocol."))
        return back_to_enterprise(profile.pk)
    title = _("Add a KPI indicator for %(name)s") % {"name": profile}
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


@permission_required(CHANGE)
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator(request, pk)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_errors(
            form,
            lambda: indicator_update(
                indicator=form.instance,
                expected_version=form.expected_version(),
                actor=signed_in(request.user),
            ),
        )
    ):
        messages.success(request, _("Indicator saved."))
        return back_to_enterprise(indicator.enterprise_id)
    title = _("Edit the KPI indicator %(indicator)s of %(name)s") % {
        "indicator": indicator.label,
        "name": indicator.enterprise,
    }
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


def _measurement_page(
    request: HttpRequest, form: MeasurementForm, indicator: KpiIndicator, title: str
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "hint": _("Unit: %(unit)s") % {"unit": indicator.get_unit_display()},
    }
    return render(request, "web/exchange/form.html", context)


def _next_horizon(indicator: KpiIndicator) -> str:
    """The first of baseline, 6 and 12 months not yet recorded (the baseline when all are)."""
    recorded = set(indicator.measurements.values_list("horizon", flat=True))
    return str(next((h for h in Horizon.values if h not in recorded), Horizon.BASELINE))


@permission_required(CHANGE)
def measurement_new(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _indicator(request, pk)
    horizon = request.POST.get("horizon") or request.GET.get("horizon") or _next_horizon(indicator)
    existing = KpiMeasurement.objects.filter(
        indicator=indicator, horizon=int(horizon) if horizon.isdigit() else -1
    ).first()
    if existing is not None and request.method != "POST":
        return HttpResponseRedirect(reverse("web:exchange_measurement_edit", args=[existing.pk]))
    form = MeasurementForm(
        request.POST or None,
        instance=KpiMeasurement(indicator=indicator),
        initial={"horizon": horizon},
    )
    if existing is not None:  # recorded meanwhile: a correction of it, as the API allows
        form = MeasurementForm(request.POST, instance=existing)

    def save() -> Any:
        if existing is not None:
            return measurement_update(
                measurement=form.instance,
                expected_version=existing.version,
                actor=signed_in(request.user),
            )
        return measurement_save(measurement=form.instance, actor=signed_in(request.user))

    if request.method == "POST" and form.is_valid() and save_or_errors(form, save):
        messages.success(request, _("Measurement saved."))
        return back_to_enterprise(indicator.enterprise_id)
    title = _("Record a measurement: %(indicator)s, %(name)s") % {
        "indicator": indicator.label,
        "name": indicator.enterprise,
    }
    return _measurement_page(request, form, indicator, title)


@permission_required(CHANGE)
def measurement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = lists.measurement_for(request.user, pk)
    if measurement is None:
        raise Http404(_("No such record, or not one you may see."))
    indicator = measurement.indicator
    form = MeasurementForm(request.POST or None, instance=measurement)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_errors(
            form,
            lambda: measurement_update(
                measurement=form.instance,
                expected_version=form.expected_version(),
                actor=signed_in(request.user),
            ),
        )
    ):
        messages.success(request, _("Measurement saved."))
        return back_to_enterprise(indicator.enterprise_id)
    title = _("Correct the measurement: %(indicator)s, %(name)s, %(horizon)s") % {
        "indicator": indicator.label,
        "name": indicator.enterprise,
        "horizon": measurement.get_horizon_display(),
    }
    return _measurement_page(request, form, indicator, title)


def file_owner(request: HttpRequest, owner: str, pk: int) -> tuple[dict[str, Any], str]:
    if owner == "dispatch":
        dispatch = or_404(visible_dispatches(request.user), pk)
        return {"dispatch": dispatch}, reverse("web:exchange_dispatch", args=[pk])
    if owner == "placement":
        placement = or_404(visible_placements(request.user), pk)
        return {"placement": placement}, reverse("web:exchange_placement", args=[pk])
    if owner == "indicator":
        indicator = _indicator(request, pk)
        return {"indicator": indicator}, reverse(
            "web:exchange_enterprise", args=[indicator.enterprise_id]
        )
    raise Http404


@permission_required(CHANGE)
def file_new(request: HttpRequest, owner: str, pk: int) -> HttpResponse:
    link, back = file_owner(request, owner, pk)
    form = FileForm(request.POST or None, request.FILES or None, instance=ExchangeFile(**link))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_errors(
            form, lambda: file_attach(attachment=form.instance, actor=signed_in(request.user))
        )
    ):
        messages.success(request, _("File attached."))
        return HttpResponseRedirect(back)
    context = {
        "form": form,
        "title": _("Attach a file"),
        "hint": _("Accepted: %(types)s.") % {"types": ALLOWED_LABEL},
        "multipart": True,
    }
    return render(request, "web/exchange/form.html", context)


@permission_required(VIEW)
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = ExchangeFile.objects.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    owner = (
        "dispatch"
        if attachment.dispatch_id
        else "placement"
        if attachment.placement_id
        else "indicator"
    )
    owner_pk = attachment.dispatch_id or attachment.placement_id or attachment.indicator_id
    assert owner_pk is not None
    file_owner(request, owner, owner_pk)  # 404 unless the owner is visible
    return FileResponse(attachment.file.open("rb"), as_attachment=True)


@permission_required(CHANGE)
def kpi_template_download(request: HttpRequest) -> HttpResponse:
    enterprises = list(
        visible_enterprises(request.user)
        .select_related("organisation__side")
        .prefetch_related("indicators__measurements")
    )
    response = HttpResponse(
        kpi_template(enterprises),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="kpi-template.xlsx"'
    return response


@permission_required(CHANGE)
def kpi_import_page(request: HttpRequest) -> HttpResponse:
    form = KpiImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = kpi_import(
                content=form.cleaned_data["file"].read(),
                enterprises=list(visible_enterprises(request.user)),
                actor=request.user,
            )
        except KpiImportError as error:
            errors = problem_texts(error.problems)  # in the reader's language
        else:
            messages.success(
                request,
                _(
                    "Import done. Measurements added: %(created)d; updated: %(updated)d; "
                    "new indicators: %(indicators)d; enterprises: %(enterprises)d."
                )
                % {
                    "created": result.measurements_created,
                    "updated": result.measurements_updated,
                    "indicators": result.indicators_created,
                    "enterprises": len(result.enterprises),
                },
            )
            return HttpResponseRedirect(reverse("web:exchange_enterprise_list"))
    return render(request, "web/exchange/kpi_import.html", {"form": form, "errors": errors})
