"""Deleting a dispatch, a placement or a KPI indicator: a confirmation page, coordinators only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.actors import signed_in
from tandem.core.permissions import permission_required
from tandem.exchange.forms import ConfirmDeleteForm
from tandem.exchange.selectors.visibility import (
    visible_dispatches,
    visible_indicators,
    visible_placements,
)
from tandem.exchange.services.removal import (
    dispatch_delete,
    indicator_delete,
    placement_delete,
)
from tandem.web.exchange.common import CHANGE, or_404


def _confirm(
    request: HttpRequest,
    *,
    record: Any,
    title: str,
    consequences: list[str],
    cancel: str,
    done: str,
    delete: Callable[[], int],
) -> HttpResponse:
    form = ConfirmDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        removed = delete()
        messages.success(
            request,
            _("Deleted “%(record)s” and %(files)d file(s).") % {"record": record, "files": removed},
        )
        return HttpResponseRedirect(done)
    context = {
        "form": form,
        "title": title,
        "record": record,
        "consequences": consequences,
        "cancel": cancel,
        "files": list(record.files.all()),
    }
    return render(request, "web/exchange/confirm_delete.html", context)


@permission_required(CHANGE)
def dispatch_remove(request: HttpRequest, pk: int) -> HttpResponse:
    dispatch = or_404(visible_dispatches(request.user), pk)
    outcomes = dispatch.outcomes.count()
    consequences = [_("The dispatch, its work plan and report are deleted.")]
    if outcomes:
        consequences.append(
            ngettext(
                "%(n)d business outcome that followed it stays, no longer linked to it.",
                "%(n)d business outcomes that followed it stay, no longer linked to it.",
                outcomes,
            )
            % {"n": outcomes}
        )
    return _confirm(
        request,
        record=dispatch,
        title=_("Delete the dispatch"),
        consequences=consequences,
        cancel=reverse("web:exchange_dispatch", args=[pk]),
        done=reverse("web:exchange_dispatch_list"),
        delete=lambda: dispatch_delete(dispatch=dispatch, actor=signed_in(request.user)),
    )


@permission_required(CHANGE)
def placement_remove(request: HttpRequest, pk: int) -> HttpResponse:
    placement = or_404(visible_placements(request.user), pk)
    return _confirm(
        request,
        record=placement,
        title=_("Delete the placement"),
        consequences=[_("The placement and its certificate details are deleted.")],
        cancel=reverse("web:exchange_placement", args=[pk]),
        done=reverse("web:exchange_placement_list"),
        delete=lambda: placement_delete(placement=placement, actor=signed_in(request.user)),
    )


@permission_required(CHANGE)
def indicator_remove(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = or_404(visible_indicators(request.user), pk)
    measured = indicator.measurements.count()
    back = reverse("web:exchange_enterprise", args=[indicator.enterprise_id])
    return _confirm(
        request,
        record=indicator,
        title=_("Delete the KPI indicator"),
        consequences=[
            _(
                "The indicator and its %(n)d measurement(s) are deleted; the effect report "
                "no longer counts them."
            )
            % {"n": measured}
        ],
        cancel=back,
        done=back,
        delete=lambda: indicator_delete(indicator=indicator, actor=signed_in(request.user)),
    )
