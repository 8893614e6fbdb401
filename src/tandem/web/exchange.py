"""Pages of the productivity exchange (included under /exchange/ by tandem.web.urls).

Programme staff see everything; coordinators edit; a company representative sees their own
organisation's records only, and anyone else's record answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.permissions import check, permission_required
from tandem.exchange.forms import (
    DispatchForm,
    EnterpriseForm,
    FileForm,
    IndicatorForm,
    KpiImportForm,
    ListFilterForm,
    MeasurementForm,
    OutcomeForm,
    PlacementForm,
)
from tandem.exchange.models import BusinessOutcome, ExchangeFile, KpiIndicator, KpiMeasurement
from tandem.exchange.reporting import effect_report_data, effect_report_pdf, report_context
from tandem.exchange.selectors import lists
from tandem.exchange.selectors.effect import effect_report
from tandem.exchange.selectors.visibility import (
    visible_dispatches,
    visible_enterprises,
    visible_placements,
)
from tandem.exchange.services.kpi_import import KpiImportError, kpi_import, kpi_template
from tandem.exchange.services.records import (
    dispatch_save,
    enterprise_save,
    file_attach,
    indicator_save,
    measurement_save,
    outcome_save,
    placement_save,
)
from tandem.projects.selectors.visibility import visible_projects

VIEW = "exchange.view_exchange"
CHANGE = "exchange.change_exchange"
REPORT = "exchange.view_effect_report"
PAGE_SIZE = 25


def _or_404(queryset: models.QuerySet[Any], pk: int) -> Any:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(_("No such record, or not one you may see."))
    return found


def _page(request: HttpRequest, rows: Any) -> dict[str, Any]:
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": page,
        "query_string": query.urlencode(),
        "shows_illustrative": any(getattr(r, "is_illustrative", False) for r in page),
        "can_change": check(request.user, CHANGE),
    }


def _filters(request: HttpRequest, default_sort: str) -> tuple[ListFilterForm, dict[str, str]]:
    form = ListFilterForm(request.GET or None, initial={"sort": default_sort})
    values = form.cleaned_data if form.is_valid() else {}
    return form, {k: v for k, v in values.items() if v}


def _save(form: Any, save: Any) -> Any:
    """Run a service for a valid form; its validation errors go back onto the form."""
    try:
        return save()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error.messages)
    return None


@permission_required(VIEW)
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "enterprises": visible_enterprises(user).count(),
        "dispatches": visible_dispatches(user).count(),
        "placements": visible_placements(user).count(),
        "can_report": check(user, REPORT),
        "can_change": check(user, CHANGE),
    }
    return render(request, "web/exchange/home.html", context)


@permission_required(VIEW)
def enterprise_list(request: HttpRequest) -> HttpResponse:
    form, values = _filters(request, "name")
    values.pop("topic", None)
    context = {"form": form, **_page(request, lists.enterprise_list(request.user, **values))}
    return render(request, "web/exchange/enterprise_list.html", context)


@permission_required(VIEW)
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    detail = lists.enterprise_detail(request.user, pk)
    if detail is None:
        raise Http404(_("No such record, or not one you may see."))
    profile = detail["profile"]
    detail["projects"] = visible_projects(request.user).filter(exchange_enterprises=profile)
    detail["can_change"] = check(request.user, CHANGE)
    detail["shows_illustrative"] = profile.is_illustrative
    return render(request, "web/exchange/enterprise_detail.html", detail)


@permission_required(CHANGE)
def enterprise_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    profile = _or_404(visible_enterprises(request.user), pk) if pk else None
    projects = visible_projects(request.user)
    form = EnterpriseForm(request.POST or None, instance=profile, projects=projects)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: enterprise_save(
                profile=form.instance,
                joint_projects=form.cleaned_data["joint_projects"],
                actor=request.user,
            ),
        )
        if saved is not None:
            messages.success(request, _("Enterprise saved."))
            return HttpResponseRedirect(reverse("web:exchange_enterprise", args=[saved.pk]))
    title = _("Edit the enterprise") if profile else _("Add an enterprise")
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


def _record_list(request: HttpRequest, kind: str) -> HttpResponse:
    form, values = _filters(request, "-start")
    if kind == "dispatch":
        rows: Any = lists.dispatch_list(
            request.user, **{k: v for k, v in values.items() if k != "side"}
        )
    else:
        rows = lists.placement_list(
            request.user, **{k: v for k, v in values.items() if k in ("q", "sector", "sort")}
        )
    context = {"form": form, "kind": kind, **_page(request, rows)}
    return render(request, f"web/exchange/{kind}_list.html", context)


@permission_required(VIEW)
def dispatch_list(request: HttpRequest) -> HttpResponse:
    return _record_list(request, "dispatch")


@permission_required(VIEW)
def placement_list(request: HttpRequest) -> HttpResponse:
    return _record_list(request, "placement")


@permission_required(VIEW)
def dispatch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispatch = _or_404(visible_dispatches(request.user), pk)
    context = {
        "dispatch": dispatch,
        "can_change": check(request.user, CHANGE),
        "shows_illustrative": dispatch.is_illustrative,
    }
    return render(request, "web/exchange/dispatch_detail.html", context)


@permission_required(VIEW)
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    placement = _or_404(visible_placements(request.user), pk)
    context = {
        "placement": placement,
        "can_change": check(request.user, CHANGE),
        "shows_illustrative": placement.is_illustrative,
    }
    return render(request, "web/exchange/placement_detail.html", context)


@permission_required(CHANGE)
def dispatch_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    dispatch = _or_404(visible_dispatches(request.user), pk) if pk else None
    form = DispatchForm(request.POST or None, instance=dispatch)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda: dispatch_save(dispatch=form.instance, actor=request.user))
        if saved is not None:
            messages.success(request, _("Dispatch saved."))
            return HttpResponseRedirect(reverse("web:exchange_dispatch", args=[saved.pk]))
    title = _("Edit the dispatch") if dispatch else _("Record a dispatch")
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


@permission_required(CHANGE)
def placement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    placement = _or_404(visible_placements(request.user), pk) if pk else None
    form = PlacementForm(request.POST or None, instance=placement)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda: placement_save(placement=form.instance, actor=request.user))
        if saved is not None:
            messages.success(request, _("Placement saved."))
            return HttpResponseRedirect(reverse("web:exchange_placement", args=[saved.pk]))
    title = _("Edit the placement") if placement else _("Record a placement")
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


def _back_to(profile_pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("web:exchange_enterprise", args=[profile_pk]))


@permission_required(CHANGE)
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _or_404(visible_enterprises(request.user), pk)
    form = IndicatorForm(request.POST or None, instance=KpiIndicator(enterprise=profile))
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(form, lambda: indicator_save(indicator=form.instance, actor=request.user))
    ):
        messages.success(request, _("Indicator added to the KPI protocol."))
        return _back_to(profile.pk)
    title = _("Add a KPI indicator for %(name)s") % {"name": profile}
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


@permission_required(CHANGE)
def measurement_new(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = lists.indicator_for(request.user, pk)
    if indicator is None:
        raise Http404(_("No such record, or not one you may see."))
    horizon = request.POST.get("horizon") or request.GET.get("horizon") or "0"
    existing = KpiMeasurement.objects.filter(
        indicator=indicator, horizon=int(horizon) if horizon.isdigit() else -1
    ).first()
    form = MeasurementForm(
        request.POST or None,
        instance=existing or KpiMeasurement(indicator=indicator),
        initial={"horizon": horizon},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(form, lambda: measurement_save(measurement=form.instance, actor=request.user))
    ):
        messages.success(request, _("Measurement saved."))
        return _back_to(indicator.enterprise_id)
    title = _("Record a measurement: %(indicator)s, %(name)s") % {
        "indicator": indicator.label,
        "name": indicator.enterprise,
    }
    context = {
        "form": form,
        "title": title,
        "hint": _("Unit: %(unit)s") % {"unit": indicator.get_unit_display()},
    }
    return render(request, "web/exchange/form.html", context)


@permission_required(CHANGE)
def outcome_new(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _or_404(visible_enterprises(request.user), pk)
    form = OutcomeForm(
        request.POST or None,
        instance=BusinessOutcome(enterprise=profile),
        projects=visible_projects(request.user),
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(form, lambda: outcome_save(outcome=form.instance, actor=request.user))
    ):
        messages.success(request, _("Outcome recorded."))
        return _back_to(profile.pk)
    title = _("Record a business outcome for %(name)s") % {"name": profile}
    return render(request, "web/exchange/form.html", {"form": form, "title": title})


def _file_owner(request: HttpRequest, owner: str, pk: int) -> tuple[dict[str, Any], str]:
    if owner == "dispatch":
        dispatch = _or_404(visible_dispatches(request.user), pk)
        return {"dispatch": dispatch}, reverse("web:exchange_dispatch", args=[pk])
    if owner == "placement":
        placement = _or_404(visible_placements(request.user), pk)
        return {"placement": placement}, reverse("web:exchange_placement", args=[pk])
    if owner == "indicator":
        indicator = lists.indicator_for(request.user, pk)
        if indicator is None:
            raise Http404
        return {"indicator": indicator}, reverse(
            "web:exchange_enterprise", args=[indicator.enterprise_id]
        )
    raise Http404


@permission_required(CHANGE)
def file_new(request: HttpRequest, owner: str, pk: int) -> HttpResponse:
    link, back = _file_owner(request, owner, pk)
    form = FileForm(request.POST or None, request.FILES or None, instance=ExchangeFile(**link))
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(form, lambda: file_attach(attachment=form.instance, actor=request.user))
    ):
        messages.success(request, _("File attached."))
        return HttpResponseRedirect(back)
    context = {"form": form, "title": _("Attach a file"), "multipart": True}
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
    _file_owner(request, owner, owner_pk)  # 404 unless the owner is visible
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
            errors = error.errors
        else:
            messages.success(
                request,
                _(
                    "Imported: %(created)d measurements added, %(updated)d updated, "
                    "%(indicators)d new indicators, for %(enterprises)d enterprises."
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


urlpatterns = [
    path("", home, name="exchange_home"),
    path("enterprises/", enterprise_list, name="exchange_enterprise_list"),
    path("enterprises/new/", enterprise_edit, name="exchange_enterprise_new"),
    path("enterprises/<int:pk>/", enterprise_detail, name="exchange_enterprise"),
    path("enterprises/<int:pk>/edit/", enterprise_edit, name="exchange_enterprise_edit"),
    path("enterprises/<int:pk>/indicators/new/", indicator_new, name="exchange_indicator_new"),
    path("enterprises/<int:pk>/outcomes/new/", outcome_new, name="exchange_outcome_new"),
    path("indicators/<int:pk>/measure/", measurement_new, name="exchange_measurement_new"),
    path("dispatches/", dispatch_list, name="exchange_dispatch_list"),
    path("dispatches/new/", dispatch_edit, name="exchange_dispatch_new"),
    path("dispatches/<int:pk>/", dispatch_detail, name="exchange_dispatch"),
    path("dispatches/<int:pk>/edit/", dispatch_edit, name="exchange_dispatch_edit"),
    path("placements/", placement_list, name="exchange_placement_list"),
    path("placements/new/", placement_edit, name="exchange_placement_new"),
    path("placements/<int:pk>/", placement_detail, name="exchange_placement"),
    path("placements/<int:pk>/edit/", placement_edit, name="exchange_placement_edit"),
    path("files/<str:owner>/<int:pk>/new/", file_new, name="exchange_file_new"),
    path("files/<int:pk>/", file_download, name="exchange_file"),
    path("kpi/template.xlsx", kpi_template_download, name="exchange_kpi_template"),
    path("kpi/import/", kpi_import_page, name="exchange_kpi_import"),
    path("effect/", report_page, name="exchange_effect_report"),
    path("effect.pdf", report_pdf, name="exchange_effect_report_pdf"),
    path("effect.json", report_json, name="exchange_effect_report_json"),
]
