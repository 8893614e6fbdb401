"""Business-expansion outcomes: the list (counted, linked to the registry) and recording one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tandem.core.actors import signed_in
from tandem.core.permissions import permission_required
from tandem.exchange.enums import OutcomeKind
from tandem.exchange.forms import ANY, OutcomeForm
from tandem.exchange.models import BusinessOutcome
from tandem.exchange.selectors import lists
from tandem.exchange.selectors.visibility import visible_enterprises
from tandem.exchange.services.records import outcome_save
from tandem.projects.selectors.visibility import visible_projects
from tandem.web.exchange.common import (
    CHANGE,
    VIEW,
    back_to_enterprise,
    or_404,
    paged,
    save_or_errors,
)


class OutcomeFilterForm(forms.Form):
    q = forms.CharField(label=_lazy("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_lazy("Kind"), required=False, choices=ANY + OutcomeKind.choices)
    side = forms.ChoiceField(
        label=_lazy("Side"),
        required=False,
        choices=[*ANY, ("JP", _lazy("Japan")), ("RU", _lazy("Russia"))],
    )
    year = forms.IntegerField(label=_lazy("Year"), required=False, min_value=1990, max_value=2100)


@permission_required(VIEW)
def outcome_list(request: HttpRequest) -> HttpResponse:
    form = OutcomeFilterForm(request.GET or None)
    values = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    rows = lists.outcome_list(request.user, **values)
    counts = lists.outcome_counts(rows)
    kinds = [
        (label, counts["by_kind"].get(value, 0), value) for value, label in OutcomeKind.choices
    ]
    # Links to the registry only for the projects the reader may open there.
    linkable = set(
        visible_projects(request.user)
        .filter(exchange_outcomes__in=rows)
        .values_list("pk", flat=True)
    )
    context = {
        "form": form,
        "counts": counts,
        "kinds": kinds,
        "linkable": linkable,
        **paged(request, rows),
    }
    return render(request, "web/exchange/outcome_list.html", context)


@permission_required(CHANGE)
def outcome_new(request: HttpRequest, pk: int) -> HttpResponse:
    profile = or_404(visible_enterprises(request.user), pk)
    form = OutcomeForm(
        request.POST or None,
        instance=BusinessOutcome(enterprise=profile),
        projects=visible_projects(request.user),
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_errors(
            form, lambda: outcome_save(outcome=form.instance, actor=signed_in(request.user))
        )
    ):
        messages.success(request, _("Outcome recorded."))
        return back_to_enterprise(profile.pk)
    title = _("Record a business outcome for %(name)s") % {"name": profile}
    return render(request, "web/exchange/form.html", {"form": form, "title": title})
