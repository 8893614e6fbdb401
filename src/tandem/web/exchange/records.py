"""Pages of the exchange's records: the home page, enterprises, dispatches and placements."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required
from tandem.exchange.forms import DispatchForm, EnterpriseForm, PlacementForm
from tandem.exchange.selectors import lists
from tandem.exchange.selectors.visibility import (
    visible_dispatches,
    visible_enterprises,
    visible_outcomes,
    visible_placements,
)
from tandem.exchange.services.records import dispatch_save, enterprise_save, placement_save
from tandem.projects.selectors.visibility import visible_projects
from tandem.web.exchange.common import (
    CHANGE,
    REPORT,
    VIEW,
    filters,
    or_404,
    paged,
    save_or_errors,
)


@permission_required(VIEW)
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "enterprises": visible_enterprises(user).count(),
        "dispatches": visible_dispatches(user).count(),
        "placements": visible_placements(user).count(),
        "outcomes": visible_outcomes(user).count(),
        "can_report": check(user, REPORT),
        "can_change": check(user, CHANGE),
    }
    return render(request, "web/exchange/home.html", context)


@permission_required(VIEW)
def enterprise_list(request: HttpRequest) -> HttpResponse:
    form, values = filters(request, "name")
    values.pop("topic", None)
    context = {"form": form, **paged(request, lists.enterprise_list(request.user, **values))}
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
    profile = or_404(visible_enterprises(request.user), pk) if pk else None
    projects = visible_projects(request.user)
    form = EnterpriseForm(request.POST or None, instance=profile, projects=projects)
    if request.method == "POST" and form.is_valid():
        saved = save_or_errors(
            form,
            lambda: enterprise_save(
                profile=form.instance,
                joint_projects=form.cleaned_data["joint_projects"],
                actor=signed_in(request.user),
            ),
        )
        if saved is not None:
            messages.success(request, _("Enterprise saved."))
            return HttpResponseRedirect(reverse("web:exchange_enterprise", args=[saved.pk]))
    title = _("Edit the enterprise") if profile else _("Add an enterprise")
    hint = _(
        "An enterprise taking part in the exchange: its organisation in the registry and its "
        "improvement plan. Its KPI indicators are added on its page afterwards."
    )
    return render(request, "web/exchange/form.html", {"form": form, "title": title, "hint": hint})


def _record_list(request: HttpRequest, kind: str) -> HttpResponse:
    form, values = filters(request, "-start")
    if kind == "dispatch":
        rows: Any = lists.dispatch_list(
            request.user, **{k: v for k, v in values.items() if k != "side"}
        )
    else:
        rows = lists.placement_list(
            request.user, **{k: v for k, v in values.items() if k in ("q", "sector", "sort")}
        )
    context = {"form": form, "kind": kind, **paged(request, rows)}
    return render(request, f"web/exchange/{kind}_list.html", context)


@permission_required(VIEW)
def dispatch_list(request: HttpRequest) -> HttpResponse:
    return _record_list(request, "dispatch")


@permission_required(VIEW)
def placement_list(request: HttpRequest) -> HttpResponse:
    return _record_list(request, "placement")


@permission_required(VIEW)
def dispatch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispatch = or_404(visible_dispatches(request.user), pk)
    context = {
        "dispatch": dispatch,
        "can_change": check(request.user, CHANGE),
        "shows_illustrative": dispatch.is_illustrative,
    }
    return render(request, "web/exchange/dispatch_detail.html", context)


@permission_required(VIEW)
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    placement = or_404(visible_placements(request.user), pk)
    context = {
        "placement": placement,
        "can_change": check(request.user, CHANGE),
        "shows_illustrative": placement.is_illustrative,
    }
    return render(request, "web/exchange/placement_detail.html", context)


@permission_required(CHANGE)
def dispatch_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    dispatch = or_404(visible_dispatches(request.user), pk) if pk else None
    form = DispatchForm(request.POST or None, instance=dispatch)
    if request.method == "POST" and form.is_valid():
        saved = save_or_errors(
            form, lambda: dispatch_save(dispatch=form.instance, actor=signed_in(request.user))
        )
        if saved is not None:
            messages.success(request, _("Dispatch saved."))
            return HttpResponseRedirect(reverse("web:exchange_dispatch", args=[saved.pk]))
    title = _("Edit the dispatch") if dispatch else _("Record a dispatch")
    hint = _(
        "A specialist's visit to an enterprise: who went where and when. The enterprise's KPI "
        "measurements before and after the visit show its effect."
    )
    return render(request, "web/exchange/form.html", {"form": form, "title": title, "hint": hint})


@permission_required(CHANGE)
def placement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    placement = or_404(visible_placements(request.user), pk) if pk else None
    form = PlacementForm(request.POST or None, instance=placement)
    if request.method == "POST" and form.is_valid():
        saved = save_or_errors(
            form, lambda: placement_save(placement=form.instance, actor=signed_in(request.user))
        )
        if saved is not None:
            messages.success(request, _("Placement saved."))
            return HttpResponseRedirect(reverse("web:exchange_placement", args=[saved.pk]))
    title = _("Edit the placement") if placement else _("Record a placement")
    hint = _(
        "A trainee's placement at a host company: who, where and for how long, and whether it "
        "was completed."
    )
    return render(request, "web/exchange/form.html", {"form": form, "title": title, "hint": hint})
